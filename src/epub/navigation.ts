import type { Chapter } from '../model/index.ts';
import { plainText } from '../model/plain-text.ts';
import { escapeXml } from './xhtml.ts';

export interface TocEntry {
  title: string;
  href: string;
  id: string;
  children: TocEntry[];
}

/** The table of contents: parts hold their chapters; dedications and epigraphs, which have no heading, stay out. */
export function tocTree(divisions: readonly Chapter[]): TocEntry[] {
  const top: TocEntry[] = [];
  const parts = new Map<string, TocEntry>();
  for (const division of divisions) {
    if (division.role === 'dedication' || division.role === 'epigraph') continue;
    const entry: TocEntry = { title: plainText(division.title), href: `${division.id}.xhtml`, id: division.id, children: sections(division) };
    if (division.role === 'part') parts.set(division.id, entry);
    const parent = division.part ? parts.get(division.part) : undefined;
    (parent ? parent.children : top).push(entry);
  }
  return top;
}

/** A chapter's headings as contents entries, sub-sections under their section (the nav holds them to depth 3). */
function sections(chapter: Chapter): TocEntry[] {
  const top: TocEntry[] = [];
  const open: { level: number; entry: TocEntry }[] = [];
  for (const block of chapter.blocks) {
    if (block.kind !== 'heading' || !block.id || block.level > 3) continue;
    const entry: TocEntry = { title: plainText(block.content), href: `${chapter.id}.xhtml#${block.id}`, id: block.id, children: [] };
    while (open.length > 0 && open.at(-1)!.level >= block.level) open.pop();
    (open.length > 0 ? open.at(-1)!.entry.children : top).push(entry);
    open.push({ level: block.level, entry });
  }
  return top;
}

/** The nav document's <ol>, nested for parts and sections. */
export function navList(entries: readonly TocEntry[], indent = '    '): string {
  const items = entries.map((entry) => {
    const link = `<a href="${escapeXml(entry.href)}">${escapeXml(entry.title)}</a>`;
    if (entry.children.length === 0) return `${indent}  <li>${link}</li>`;
    return `${indent}  <li>${link}\n${navList(entry.children, `${indent}    `)}\n${indent}  </li>`;
  });
  return `${indent}<ol>\n${items.join('\n')}\n${indent}</ol>`;
}

/** The NCX navMap's points, in reading order (playOrder counts depth-first). */
export function ncxPoints(entries: readonly TocEntry[], maxDepth = 2): { xml: string; depth: number } {
  let order = 0;
  let depth = 1;
  const points = (list: readonly TocEntry[], indent: string, level: number): string =>
    list
      .map((entry) => {
        depth = Math.max(depth, level);
        const head = `${indent}<navPoint id="nav-${entry.id}" playOrder="${++order}">\n${indent}  <navLabel><text>${escapeXml(entry.title)}</text></navLabel>\n${indent}  <content src="${escapeXml(entry.href)}"/>`;
        // Kindle and older readers show two levels of an NCX at most.
        const inner = entry.children.length && level < maxDepth ? `\n${points(entry.children, `${indent}  `, level + 1)}` : '';
        return `${head}${inner}\n${indent}</navPoint>`;
      })
      .join('\n');
  const xml = points(entries, '    ', 1);
  return { xml, depth };
}
