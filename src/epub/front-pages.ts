import { joinNames } from '../locale.ts';
import { contributorLines, copyrightLines, seriesLine } from '../model/credits.ts';
import type { Metadata } from '../model/index.ts';
import { escapeXml } from './xhtml.ts';

export function titlePageXhtml(m: Metadata, label: string): string {
  const series = seriesLine(m);
  return `  <section class="titlepage" epub:type="titlepage" aria-label="${escapeXml(label)}">
    <h1>${escapeXml(m.title)}</h1>
${m.subtitle ? `    <p class="subtitle">${escapeXml(m.subtitle)}</p>\n` : ''}    <p class="author">${escapeXml(joinNames(m.authors, m.language))}</p>
${contributorLines(m)
  .map((line) => `    <p class="contributor">${escapeXml(line)}</p>\n`)
  .join('')}${series ? `    <p class="series">${escapeXml(series)}</p>\n` : ''}${m.publisher ? `    <p class="publisher">${escapeXml(m.publisher)}</p>\n` : ''}  </section>`;
}

export function copyrightPageXhtml(m: Metadata, label: string): string {
  return `  <section class="copyright-page" epub:type="copyright-page" aria-label="${escapeXml(label)}">
${copyrightLines(m)
  .map((line) => `    <p>${escapeXml(line)}</p>`)
  .join('\n')}
  </section>`;
}
