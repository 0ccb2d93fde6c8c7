import type { Block, ImageData, Inline, Note, Table } from '../../model/index.ts';
import { blockNoteIds } from '../../model/notes.ts';
import { plainText } from '../../model/plain-text.ts';
import type { ParsedChapter } from '../markdown.ts';
import { isSceneBreakOrnament } from '../ornament.ts';
import { namesAHeading, readsAsHeading } from '../plaintext.ts';
import { mergeRuns, PAGE_BREAK, runInlines, type RunContent } from './inlines.ts';
import type { WordDocument } from './read.ts';
import { HORIZONTAL_RULE, SECTION_BREAK } from './unpack.ts';
import type { WordElement, WordParagraph } from './word-model.ts';

/** Finds (or refuses, with a warning) an image a Word file holds; null when it cannot be shown. */
export type EmbeddedImageResolver = (data: Buffer, alt: string, contentType: string | undefined) => ImageData | null;

/** A paragraph as read: its words and what Word says of it. */
interface WordLine {
  kind: 'line';
  inlines: Inline[];
  text: string;
  /** Word's style, lower case ("heading 1", "title", "quote"). */
  style: string;
  centred: boolean;
  /** Indented from the left by at least a third of an inch, not as a list. */
  indented: boolean;
  list: { level: number; ordered: boolean } | null;
  /** Index of the paragraph in the document, for messages. */
  index: number;
}

type Item = WordLine | { kind: 'break'; section: boolean } | { kind: 'block'; block: Block } | { kind: 'empty' };

// A third of an inch in twentieths of a point: less is a first-line indent nudged, more is a quotation.
const QUOTE_INDENT_TWIPS = 480;

const HEADING = /^(?:heading|überschrift|titre|titolo|título|kop)\s*(\d)$/;

/**
 * A Word document as chapters. A new chapter starts at a `Heading 1`, or at a paragraph that reads
 * as a chapter title ("Chapter 7", "Prologue", a short centred or bold line) after a page or
 * section break, or at such a title anywhere when it starts with a chapter word or number. A
 * `Part` title before a chapter opens a part. Centred ornaments, three empty paragraphs in a row
 * and section breaks inside a chapter are scene breaks.
 */
export function convertWordDocument(document: WordDocument, resolveImage: EmbeddedImageResolver): ParsedChapter[] {
  const warnings: { line: number; message: string }[] = [];
  const items = flatten(document.body, document, resolveImage, warnings);
  const chapters = splitChapters(items, warnings);
  const out = chapters.map((chapter): ParsedChapter => {
    const blocks = buildBlocks(chapter.items);
    const parsed: ParsedChapter = { blocks };
    if (chapter.title) parsed.title = chapter.title;
    if (chapter.subtitle) parsed.subtitle = chapter.subtitle;
    if (chapter.part) parsed.part = chapter.part;
    const ids = [...new Set([...(chapter.title ? blockNoteIds([{ kind: 'paragraph', content: chapter.title }]) : []), ...blockNoteIds(blocks)])];
    const notes: Note[] = ids.flatMap((id) => {
      const note = document.notes.get(id);
      return note ? [{ id, blocks: buildBlocks(flatten(note.body, document, resolveImage, warnings)) }] : [];
    });
    if (notes.length > 0) parsed.notes = notes;
    return parsed;
  });
  const { comments, insertions, deletions } = document.leftovers;
  if (comments > 0) warnings.push({ line: 0, message: `${comments} comment${comments === 1 ? '' : 's'} ignored` });
  if (insertions + deletions > 0) warnings.push({ line: 0, message: `has tracked changes: ${insertions} insertion${insertions === 1 ? '' : 's'} accepted, ${deletions} deletion${deletions === 1 ? '' : 's'} dropped; review them in Word` });
  if (warnings.length > 0) out[0]!.warnings = [...(out[0]!.warnings ?? []), ...warnings];
  return out;
}

/** The document's paragraphs, breaks, tables and images in reading order. */
function flatten(elements: readonly WordElement[], document: WordDocument, resolveImage: EmbeddedImageResolver, warnings: { line: number; message: string }[]): Item[] {
  const items: Item[] = [];
  let index = 0;
  for (const element of elements) {
    if (element.type === 'table') {
      items.push({ kind: 'block', block: table(element.children, document, resolveImage, warnings) });
      continue;
    }
    if (element.type !== 'paragraph') continue;
    index++;
    const style = (element.styleName ?? element.styleId ?? '').toLowerCase();
    // A Word table of contents is a field of its own: the book makes its own.
    if (/^(?:toc\s*\d|toc heading|contents\s*\d|contents heading|table of figures|index \d)/.test(style)) continue;
    const images: RunContent['images'] = [];
    const all = runInlines(element.children, images);
    let section = false;
    const pieces: Inline[][] = [[]];
    for (const node of all) {
      if (node === PAGE_BREAK) pieces.push([]);
      else if (node.kind === 'text' && node.value.includes(SECTION_BREAK)) {
        section = true;
        const value = node.value.split(SECTION_BREAK).join('');
        if (value) pieces.at(-1)!.push({ ...node, value });
      } else pieces.at(-1)!.push(node);
    }
    for (const image of images) {
      const data = document.images.get(image.image);
      const alt = (image.image.altText ?? '').trim();
      const resolved = data ? resolveImage(data, alt, image.image.contentType) : null;
      if (!data) warnings.push({ line: 0, message: `an image in paragraph ${index} is missing from the file; it was left out` });
      if (resolved) items.push({ kind: 'block', block: { kind: 'figure', image: resolved, alt } });
    }
    pieces.forEach((piece, i) => {
      if (i > 0) items.push({ kind: 'break', section: false });
      items.push(line(element, piece, style, index));
    });
    if (section) items.push({ kind: 'break', section: true });
  }
  return items;
}

function line(paragraph: WordParagraph, raw: Inline[], style: string, index: number): WordLine | { kind: 'empty' } {
  const inlines = mergeRuns(trimInlines(raw));
  const text = plainText(inlines).trim();
  if (!text && !inlines.some((node) => node.kind === 'noteRef')) return { kind: 'empty' };
  const start = Number(paragraph.indent.start ?? 0) || 0;
  const numbering = paragraph.numbering;
  return {
    kind: 'line',
    inlines,
    text,
    style,
    centred: paragraph.alignment === 'center',
    indented: !numbering && start >= QUOTE_INDENT_TWIPS,
    list: numbering ? { level: Number(numbering.level) || 0, ordered: numbering.isOrdered } : null,
    index,
  };
}

/** Leading and trailing spaces, tabs and line breaks off a paragraph. */
function trimInlines(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  while (out[0]?.kind === 'lineBreak' || (out[0]?.kind === 'text' && out[0].value.trim() === '')) out.shift();
  while (out.at(-1)?.kind === 'lineBreak' || (out.at(-1)?.kind === 'text' && (out.at(-1) as { value: string }).value.trim() === '')) out.pop();
  if (out[0]?.kind === 'text') out[0] = { kind: 'text', value: out[0].value.trimStart() };
  const last = out.at(-1);
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', value: last.value.trimEnd() };
  return out;
}

function table(rows: readonly WordElement[], document: WordDocument, resolveImage: EmbeddedImageResolver, warnings: { line: number; message: string }[]): Table {
  const cells = rows
    .filter((row) => row.type === 'tableRow')
    .map((row) => ({
      header: (row as { isHeader: boolean }).isHeader,
      cells: (row as { children: WordElement[] }).children
        .filter((cell) => cell.type === 'tableCell')
        .map((cell) => {
          // A cell's paragraphs, one line each.
          const lines = flatten((cell as { children: WordElement[] }).children, document, resolveImage, warnings).filter((item): item is WordLine => item.kind === 'line');
          return lines.flatMap((l, i): Inline[] => (i > 0 ? [{ kind: 'lineBreak' }, ...l.inlines] : l.inlines));
        }),
    }));
  const head = cells[0]?.header ? cells.shift()!.cells : [];
  const columns = Math.max(head.length, ...cells.map((row) => row.cells.length));
  return { kind: 'table', align: Array.from({ length: columns }, () => null), head, rows: cells.map((row) => row.cells) };
}

// ——— chapters ———

interface WordChapter {
  title?: Inline[];
  /** The Word style of the title's line ("title", "heading 1", "normal"). */
  titleStyle?: string;
  subtitle?: Inline[];
  part?: Inline[];
  items: Item[];
}

const isLine = (item: Item | undefined): item is WordLine => item?.kind === 'line';
const headingLevel = (line: WordLine) => (line.style === 'title' ? 0 : Number(HEADING.exec(line.style)?.[1] ?? NaN));

/** A short line set apart as a title would be: centred or all bold, not a sentence. */
function looksLikeTitle(line: WordLine): boolean {
  if (line.text.length > 80 || line.list) return false;
  const bold = line.inlines.length === 1 && line.inlines[0]!.kind === 'strong';
  return readsAsHeading(line.text) || ((line.centred || bold) && !/[.,;:!?"“”…]$/.test(line.text) && /\p{L}/u.test(line.text) && !isSceneBreakOrnament(line.text));
}

/** A chapter title that needs no break before it: "Chapter 7", "Part Two", "Prologue", "XII" (a line in capitals alone is not: it may be a shout, or a sign). */
const namesAChapter = (line: WordLine) => readsAsHeading(line.text) && namesAHeading(line.text);

const isPart = (line: WordLine) => /^(?:part|book|teil|partie|parte|deel)\b/i.test(line.text);

function splitChapters(items: Item[], warnings: { line: number; message: string }[]): WordChapter[] {
  const chapters: WordChapter[] = [{ items: [] }];
  // With chapters headed Heading 1, a Title-styled line is the book's title page, not a chapter.
  const headed = items.some((item) => isLine(item) && headingLevel(item) === 1);
  let afterBreak = true;
  let pendingPart: Inline[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'break') {
      afterBreak = true;
      chapters.at(-1)!.items.push(item);
      continue;
    }
    if (item.kind === 'empty') {
      chapters.at(-1)!.items.push(item);
      continue;
    }
    if (isLine(item)) {
      const level = headingLevel(item);
      const plainStyle = item.style === 'normal' || item.style === '' || item.style === 'body text' || item.style === 'text body';
      // A section heading (Heading 2 and below) after a break stays a section.
      const unstyled = Number.isNaN(level);
      const opensChapter = level === 1 || (level === 0 && !headed) || (unstyled && afterBreak && looksLikeTitle(item)) || (plainStyle && namesAChapter(item));
      if (opensChapter) {
        const next = nextLine(items, i);
        // "Part Two" over a chapter title: the part's own page, then its first chapter.
        if (isPart(item) && next && (headingLevel(next.line) === 1 || looksLikeTitle(next.line))) {
          pendingPart = displayWords(item.inlines);
          afterBreak = true;
          continue;
        }
        const chapter: WordChapter = { title: displayWords(item.inlines), titleStyle: item.style, items: [] };
        if (pendingPart) chapter.part = pendingPart;
        pendingPart = undefined;
        // A Subtitle-styled line under the title is its subtitle.
        if (next && next.line.style === 'subtitle') {
          chapter.subtitle = next.line.inlines;
          i = next.at;
        }
        chapters.push(chapter);
        afterBreak = false;
        continue;
      }
      afterBreak = false;
    }
    chapters.at(-1)!.items.push(item);
  }
  // What stands before the first title: a chapter of its own if it holds text, else (empty lines,
  // breaks) nothing. Before several chapters, a page of display lines only (a Title, the author's
  // name centred) is the book's title page, which the config gives.
  const displayOnly = (chapter: WordChapter) => chapter.items.filter(isLine).every((l) => l.style === 'title' || l.style === 'subtitle' || l.centred);
  if (chapters[0]!.items.filter(isLine).length === 0) chapters.shift();
  const first = chapters[0];
  if (first && chapters.length >= 2 && displayOnly(first) && (first.title === undefined || first.titleStyle === 'title')) {
    const lines = [...(first.title ? [plainText(first.title)] : []), ...first.items.filter(isLine).map((l) => l.text)];
    warnings.push({ line: 0, message: `the title page before the first chapter (${lines.map((l) => `"${l.slice(0, 40)}"`).join(', ')}) was left out: the config names the book` });
    chapters.shift();
  }
  return chapters.length > 0 ? chapters : [{ items: [] }];
}

/** A title typed in bold is a title: the book sets it as titles are set. */
function displayWords(inlines: Inline[]): Inline[] {
  return inlines.length === 1 && inlines[0]!.kind === 'strong' ? inlines[0].children : inlines;
}

function nextLine(items: readonly Item[], from: number): { line: WordLine; at: number } | undefined {
  for (let k = from + 1; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind === 'line') return { line: item, at: k };
    if (item.kind !== 'empty') return undefined;
  }
  return undefined;
}

// ——— blocks ———

function buildBlocks(items: readonly Item[]): Block[] {
  const blocks: Block[] = [];
  let empties = 0;
  const sceneBreak = () => {
    if (blocks.length > 0 && blocks.at(-1)!.kind !== 'sceneBreak') blocks.push({ kind: 'sceneBreak' });
  };
  for (const item of items) {
    if (item.kind === 'empty') {
      empties++;
      continue;
    }
    // Three empty paragraphs in a row inside the text: the author's scene break.
    if (empties >= 3) sceneBreak();
    empties = 0;
    if (item.kind === 'break') {
      if (item.section) sceneBreak();
      continue;
    }
    if (item.kind === 'block') {
      blocks.push(item.block);
      continue;
    }
    const level = headingLevel(item);
    if (level >= 2) {
      blocks.push({ kind: 'heading', level: Math.min(level, 6), content: item.inlines });
    } else if (item.text === HORIZONTAL_RULE || (isSceneBreakOrnament(item.text) && (item.centred || item.text.length <= 9))) {
      sceneBreak();
    } else if (item.list) {
      addListItem(blocks, item);
    } else if (/quote/.test(item.style) || item.indented) {
      const last = blocks.at(-1);
      const paragraph: Block = { kind: 'paragraph', content: item.inlines };
      if (last?.kind === 'blockQuote') last.blocks.push(paragraph);
      else blocks.push({ kind: 'blockQuote', blocks: [paragraph] });
    } else if (item.centred) {
      const last = blocks.at(-1);
      const paragraph: Block = { kind: 'paragraph', content: item.inlines };
      if (last?.kind === 'division' && last.align === 'center') last.blocks.push(paragraph);
      else blocks.push({ kind: 'division', classes: [], align: 'center', blocks: [paragraph] });
    } else {
      blocks.push({ kind: 'paragraph', content: item.inlines });
    }
  }
  while (blocks.at(-1)?.kind === 'sceneBreak') blocks.pop();
  return blocks;
}

/** A list paragraph joins the list before it, nested by its level. */
function addListItem(blocks: Block[], line: WordLine): void {
  const paragraph: Block = { kind: 'paragraph', content: line.inlines };
  let container = blocks;
  for (let level = 0; ; level++) {
    const last = container.at(-1);
    if (level === line.list!.level) {
      if (last?.kind === 'list' && last.ordered === line.list!.ordered) last.items.push([paragraph]);
      else container.push({ kind: 'list', ordered: line.list!.ordered, start: 1, items: [[paragraph]] });
      return;
    }
    // A deeper level nests in the last item of the list above it.
    if (last?.kind !== 'list' || last.items.length === 0) {
      container.push({ kind: 'list', ordered: line.list!.ordered, start: 1, items: [[paragraph]] });
      return;
    }
    container = last.items.at(-1)!;
  }
}

