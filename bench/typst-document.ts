// The bench's Typst version of a book: its chapters' Markdown turned into Typst markup, set in the
// same face, size, leading, trim and margins as our print edition (from pageDesign), justified with
// Typst's optimized (Knuth–Plass) line breaking and hyphenation, each chapter on a new page. Only
// what the corpus novels use is converted: headings, paragraphs, emphasis, scene breaks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PageDesign } from '../src/typeset/design.ts';

/** Characters Typst's markup gives a meaning to, escaped to print as themselves. */
const MARKUP = /[\\#*_`$<>@[\]=+/~-]/g;

const escape = (text: string) => text.replace(MARKUP, (c) => `\\${c}`);

/** One paragraph's Markdown inline text as Typst markup: emphasis kept, everything else literal. */
export function typstInline(markdown: string): string {
  // Our normalization makes `--` an em dash; Typst would make it an en dash.
  const text = markdown.replace(/\s*\n\s*/g, ' ').replace(/---?/g, '—');
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/\*\*(.+?)\*\*|(?<![\p{L}\p{N}])[*_](?=\S)(.+?)(?<=\S)[*_](?![\p{L}\p{N}])/gu)) {
    out += escape(text.slice(last, match.index));
    out += match[1] !== undefined ? `#strong[${escape(match[1])}]` : `#emph[${escape(match[2]!)}]`;
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}

/** The Typst document for a book's manuscript folder, in the design given. */
export function typstDocument(manuscript: string, design: PageDesign, face: string, language: string): string {
  const pt = (n: number) => `${n.toFixed(2)}pt`;
  const lines = [
    `#set page(width: ${pt(design.width)}, height: ${pt(design.height)}, margin: (inside: ${pt(design.inner)}, outside: ${pt(design.outer)}, top: ${pt(design.top)}, bottom: ${pt(design.bottom)}), numbering: "1")`,
    // A line box one em tall: the leading is then the baseline distance less the size, as ours.
    `#set text(font: "${face}", size: ${pt(design.fontSize)}, lang: "${language}", hyphenate: true, top-edge: 0.8em, bottom-edge: -0.2em)`,
    `#set par(justify: true, linebreaks: "optimized", leading: ${pt(design.leading - design.fontSize)}, spacing: ${pt(design.leading - design.fontSize)}, first-line-indent: ${pt(design.indent)})`,
    `#show heading.where(level: 1): it => { pagebreak(weak: true); v(4em); align(center, text(size: 1.4em, weight: "regular", it.body)); v(2em) }`,
    '',
  ];
  for (const file of readdirSync(manuscript).filter((f) => /\.(md|txt)$/.test(f)).sort()) {
    const text = readFileSync(path.join(manuscript, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const block of text.split(/\n\s*\n/)) {
      const trimmed = block.trim();
      if (!trimmed) continue;
      const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
      if (heading) lines.push(`${'='.repeat(heading[1]!.length)} ${typstInline(heading[2]!)}`);
      else if (/^([*\-_]\s*){3,}$/.test(trimmed)) lines.push('#align(center)[\\* #h(1em) \\* #h(1em) \\*]');
      else lines.push(typstInline(trimmed));
      lines.push('');
    }
  }
  return lines.join('\n');
}
