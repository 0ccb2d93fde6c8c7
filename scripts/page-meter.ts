// The page meter: what a book designer looks for on a printed book's pages, read from the PDF
// alone (poppler's `pdftotext -bbox-layout`), so that any PDF can be measured, ours or a peer's.
//
// A body page is one with a running head; a chapter's last page is a body page followed by one
// without (an opener, a blank) or by none. Counted:
//   runts        chapters' last pages holding fewer than 5 lines of text
//   turnHyphens  right-hand pages (odd page numbers of the file, which opens on a recto) whose
//                last line ends in a hyphen, the word finished overleaf
//   hyphenEnds   body pages ending in a hyphen with the text going on (chapters' last pages aside)
//   uneven       spreads (a left-hand page and the right-hand one facing it, both body pages,
//                neither a chapter's last) whose last lines stand more than 1 pt apart
//   shortPages   body pages (chapters' last aside) ending above the usual last line: spreads run short
//   longPages    the same, ending below it: spreads run a line long
//   widows       pages whose first line ends a paragraph begun on the page before
//   orphans      pages whose last line begins a paragraph that goes on overleaf
import { spawnSync } from 'node:child_process';

export interface PageFigures {
  pages: number;
  bodyPages: number;
  runts: number;
  turnHyphens: number;
  hyphenEnds: number;
  uneven: number;
  shortPages: number;
  longPages: number;
  widows: number;
  orphans: number;
  /** The pages (1-based, as the file counts them) of each finding, for looking at. */
  where: Record<'runts' | 'turnHyphens' | 'hyphenEnds' | 'uneven' | 'shortPages' | 'longPages' | 'widows' | 'orphans', number[]>;
}

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface MeterLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Words read from `pdftotext -bbox-layout` output, page by page. */
export function wordsOf(xhtml: string): Word[][] {
  const pages: Word[][] = [];
  const pattern = /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of xhtml.matchAll(pattern)) {
    if (m[0] === '<page') pages.push([]);
    else pages.at(-1)?.push({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: unescape(m[5]!) });
  }
  return pages;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Words grouped into lines by their vertical centre, top to bottom, each line's words left to right. */
export function linesOf(words: readonly Word[]): MeterLine[] {
  const sorted = [...words].sort((a, b) => (a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2 || a.xMin - b.xMin);
  const lines: Word[][] = [];
  for (const word of sorted) {
    const mid = (word.yMin + word.yMax) / 2;
    const last = lines.at(-1);
    const lastMid = last ? (last[0]!.yMin + last[0]!.yMax) / 2 : -Infinity;
    if (last && Math.abs(mid - lastMid) < 2.5) last.push(word);
    else lines.push([word]);
  }
  return lines.map((ws) => {
    ws.sort((a, b) => a.xMin - b.xMin);
    return { text: ws.map((w) => w.text).join(' '), xMin: ws[0]!.xMin, xMax: Math.max(...ws.map((w) => w.xMax)), yMin: Math.min(...ws.map((w) => w.yMin)), yMax: Math.max(...ws.map((w) => w.yMax)) };
  });
}

const mode = (values: readonly number[]): number => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = NaN;
  let n = 0;
  for (const [v, c] of counts) if (c > n || (c === n && v < best)) [best, n] = [v, c];
  return best;
};

const HYPHEN = /[-\u2010]$/u;
const FOLIO = /^([0-9]+|[ivxlcdm]+)$/iu;

/** The figures of a PDF's pages, from its words as pdftotext places them. */
export function measurePageLines(pages: readonly MeterLine[][]): PageFigures {
  const all = pages.flat();
  const bodySize = mode(all.map((l) => l.yMax - l.yMin));
  const headTop = mode(pages.filter((p) => p.length > 1).map((p) => p[0]!.yMin));
  // A page's text: its lines of the body's size, without the running head and a folio at the foot.
  const hasHead = pages.map((p) => p.length > 1 && Math.abs(p[0]!.yMin - headTop) < 2 && p[1]!.yMin - p[0]!.yMax > bodySize * 0.5);
  const text = pages.map((p, i) => p.filter((l, k) => !(hasHead[i] && k === 0) && l.yMax - l.yMin > bodySize * 0.8));
  const bottom = mode(text.filter((_, i) => hasHead[i]).map((t) => t.at(-1)?.yMax ?? 0));
  for (const t of text) while (t.length > 1 && FOLIO.test(t.at(-1)!.text) && t.at(-1)!.yMin > bottom + 2) t.pop();
  const lastOf = (i: number) => hasHead[i] && (i + 1 >= pages.length || !hasHead[i + 1]);
  // The text block's edges, for left- and right-hand pages apart (mirrored margins).
  const sideEdges = [0, 1].map((side) => {
    const lines = text.filter((_, i) => i % 2 === side && hasHead[i]).flat();
    return { left: mode(lines.map((l) => l.xMin)), right: mode(lines.map((l) => l.xMax)) };
  });
  const edges = text.map((_, i) => sideEdges[i % 2]!);
  const indented = (i: number, l: MeterLine) => l.xMin > edges[i]!.left + bodySize * 0.6 && l.xMin - edges[i]!.left < bodySize * 4;
  const full = (i: number, l: MeterLine) => l.xMax > edges[i]!.right - 1.5;
  const flush = (i: number, l: MeterLine) => l.xMin < edges[i]!.left + 1.5;

  const where: PageFigures['where'] = { runts: [], turnHyphens: [], hyphenEnds: [], uneven: [], shortPages: [], longPages: [], widows: [], orphans: [] };
  pages.forEach((_, i) => {
    const t = text[i]!;
    if (!hasHead[i] || t.length === 0) return;
    const last = t.at(-1)!;
    if (lastOf(i)) {
      if (t.length < 5) where.runts.push(i + 1);
      return;
    }
    if (last.yMax < bottom - 2) where.shortPages.push(i + 1);
    if (last.yMax > bottom + 2) where.longPages.push(i + 1);
    if (HYPHEN.test(last.text)) {
      where.hyphenEnds.push(i + 1);
      if (i % 2 === 0) where.turnHyphens.push(i + 1);
    }
    // A paragraph's first line (indented), full, at the foot; the next page going on unindented.
    const next = text[i + 1]?.[0];
    if (next && indented(i, last) && full(i, last) && flush(i + 1, next)) where.orphans.push(i + 1);
    // The page after: its first line, unindented and short, ends a paragraph this page began.
    if (next && hasHead[i + 1] && full(i, last) && flush(i + 1, next) && !full(i + 1, next) && text[i + 1]!.length > 1) where.widows.push(i + 2);
    // A left-hand page (even in the file's count) and the right-hand one after it.
    if (i % 2 === 1 && hasHead[i + 1] && !lastOf(i + 1) && text[i + 1]!.length > 0 && Math.abs(text[i + 1]!.at(-1)!.yMax - last.yMax) > 1) where.uneven.push(i + 1);
  });
  return {
    pages: pages.length,
    bodyPages: hasHead.filter(Boolean).length,
    runts: where.runts.length,
    turnHyphens: where.turnHyphens.length,
    hyphenEnds: where.hyphenEnds.length,
    uneven: where.uneven.length,
    shortPages: where.shortPages.length,
    longPages: where.longPages.length,
    widows: where.widows.length,
    orphans: where.orphans.length,
    where,
  };
}

/** The figures of a PDF file; throws when poppler's pdftotext is missing. */
export function measurePages(pdf: string): PageFigures {
  const result = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${result.error?.message ?? result.stderr}`);
  return measurePageLines(wordsOf(result.stdout).map(linesOf));
}
