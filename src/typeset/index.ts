import { NOTE_DEFAULTS, type NoteOptions, type PrintOptions } from '../config/schema.ts';
import { contentsHeading, joinNames, matterTitle } from '../locale.ts';
import { contributorLines, copyrightLines, seriesLine } from '../model/credits.ts';
import type { Block, Book, Chapter, Figure, Inline, PrintPage } from '../model/index.ts';
import { endnotesPosition, inlineNoteIds, noteHeadMark, numberNotes, type NumberedNote } from '../model/notes.ts';
import { divisionMarks, ENDNOTE_SCALE, endnoteGroups, FOOTNOTE_SCALE, footnoteLines, footnoteRule, hangMark, markBySymbol, noteDesign, placeholderMark, withNotes, type EndnoteGroup } from './notes.ts';
import { pageDesign, type PageDesign } from './design.ts';
import type { FaceSegment, FontSet, Style } from './fonts.ts';
import { createWordHyphenator, type Hyphenator } from './hyphenate.ts';
import { badness, breakLines, breakLinesLoosely, type BreakParameters } from './knuth-plass.ts';
import { setLines, type LineImage, type LineRule, type Run, type SetLine } from './lines.ts';
import type { PageRule } from './page-rules.ts';
import { paginate, type FlowElement, type FlowParagraph, type FootnoteBody, type FootnoteLine, type Page } from './paginate.ts';
import { BOOK_JUSTIFICATION, inFaces, paragraphItems, styledPieces, type NoteMarks, type ParagraphSetting } from './paragraph.ts';
import { plain, plainLength } from './plain.ts';
import { WordCache, wordCacheKey } from './word-cache.ts';
import type { Item } from './items.ts';
import { paragraphKey, type ParagraphMemo } from './paragraph-memo.ts';
import type { PaginationMemo } from './pagination-memo.ts';

/** Pixels to the inch an image should print at: what KDP and IngramSpark ask for. */
const PRINT_PPI = 300;

/** A line ready to draw: absolute position of its baseline's left end, in points from the page's top-left. */
export interface DrawnLine {
  x: number;
  baseline: number;
  runs: Run[];
  image?: LineImage;
  rules?: LineRule[];
}

export interface DrawnPage {
  lines: DrawnLine[];
  /** Body page number, when the page shows one. */
  folio?: number;
  /**
   * How many of the last lines are the page's furniture (running head, folio): they change when
   * only the page numbers do, so the PDF draws them apart from the text (see PageRecord).
   */
  furniture?: number;
}

export interface OutlineEntry {
  title: string;
  pageIndex: number;
}

export interface TypesetBook {
  design: PageDesign;
  /** Every page in order: the front matter's, then the body's. */
  pages: DrawnPage[];
  /** How many of the pages are front matter (title, copyright, contents …). */
  frontPages: number;
  outline: OutlineEntry[];
  /** Every body line as set, for measuring spacing without a PDF. */
  bodyLines: SetLine[];
  warnings: { chapter: string; message: string }[];
  /** Page index of each chapter's opening page. */
  chapterPages: number[];
  /** Each division set in print: its index in the book's chapters and the page index it opens on. */
  divisionPages: { chapter: number; page: number }[];
  /** Where each numbered page begins in the book, for the ebook's page list. */
  pageStarts: PrintPage[];
  /** Each body page that breaks a pagination rule no way of setting its chapter could keep (see page-rules.ts). */
  pageReport: PageReportEntry[];
}

export interface PageReportEntry {
  /** The page's number as printed. */
  folio: number;
  rule: PageRule;
  /** The chapter file it belongs to. */
  chapter: string;
}

export interface TypesetOptions {
  print: PrintOptions;
  /** How notes are numbered and marked, and whether they are set at the page's foot or at the back. */
  notes?: NoteOptions;
  fonts: FontSet;
  /** Looser or tighter than TeX's defaults, for tests and tuning. */
  breaking?: Partial<BreakParameters>;
  /** Told of body pages as soon as they are set, so they can be drawn while the rest is set. */
  pages?: PageSink;
  /** The word cache for a setting's key (see wordCacheKey), e.g. one an earlier build remembered; a fresh one per book otherwise. */
  wordCache?: (key: string) => WordCache;
  /** The paragraph memo for a key naming the book and the setting (its word cache key and the line-breaking parameters), e.g. one an earlier build remembered; none otherwise. */
  paragraphMemo?: (key: string) => ParagraphMemo;
  /** The book's pages as earlier builds found them, by flow (see flowName): a chapter set as before is not searched again. */
  paginationMemo?: PaginationMemo;
}

/**
 * Receives the body's pages as each division is set: they are final, since the front matter
 * before them always takes an even number of pages. A layout that must start again (the page
 * count called for another gutter) starts the sink again with its new design.
 */
export interface PageSink {
  start(design: PageDesign): void;
  body(pages: DrawnPage[]): void;
}

/**
 * What a paragraph's lines cost by their spacing as printed: TeX's demerits of each line's
 * badness (from the natural stretch and shrink, so a line set loose with emergency stretch costs
 * what it looks like) and of each hyphen. A variant is priced by how much worse than this its lines are.
 */
function spacingDemerits(lines: readonly SetLine[]): number {
  let total = 0;
  for (const line of lines) {
    total += (10 + badness(Math.max(-1, line.ratio))) ** 2 + (line.hyphenated ? 2500 : 0);
  }
  return total;
}

/**
 * How a heading inside a chapter prints, by level, so a reader tells a section from its
 * sub-section: a section (level 1–2) in letter-spaced small capitals with a line and a half above,
 * a sub-section (3) centred in italic, anything deeper flush left in italic, each closer to its text.
 */
function headingLook(level: number): { style: Style; smallCaps: boolean; scale: number; centered: boolean; above: number; below: number } {
  if (level <= 2) return { style: 'regular', smallCaps: true, scale: 1.1, centered: true, above: 1.5, below: 1 };
  if (level === 3) return { style: 'italic', smallCaps: false, scale: 1, centered: true, above: 1, below: 0.5 };
  return { style: 'italic', smallCaps: false, scale: 1, centered: false, above: 0.5, below: 0.5 };
}

const SCENE_BREAK = '*\u2003*\u2003*';

/** Space between blocks, in lines; it vanishes at the top of a page. */
const space = (height: number): FlowElement => ({ kind: 'space', height, keepAtTop: false });

class Typesetter {
  /** The page's design; while notes are set, theirs (a smaller size on a smaller leading). */
  design: PageDesign;
  readonly hyphenate: Hyphenator;
  readonly warnings: TypesetBook['warnings'] = [];
  readonly bodyLines: SetLine[] = [];
  private chapterName = '';
  private listDepth = 0;
  private chapterIndex = -1;
  /** Characters no face has, each with the chapter it first appears in, in the order met. */
  private readonly missing = new Map<string, string>();
  /** By measure and inset: the parts of the setting that vary within a book. */
  private readonly wordCaches = new Map<string, WordCache>();
  private readonly memos = new Map<string, ParagraphMemo>();
  /** Each memo's key: with a paragraph's key, it names the paragraph as set (see FlowParagraph.memoKey). */
  private readonly memoKeys = new Map<ParagraphMemo, string>();
  /** Problems reported so far (counted before any is deduplicated): a paragraph with one is not memoized. */
  private reports = 0;
  readonly notes: NoteOptions;
  /** Every division's notes, numbered. */
  readonly numbered: NumberedNote[][];
  /** The marks of the division being set. */
  private marks: NoteMarks | undefined;
  /** Set at a page's foot, rather than collected at the back. */
  readonly footnotes: boolean;
  /** Setting notes: their lines are not the text's (bodyLines). */
  private inNotes = false;

  constructor(
    readonly book: Book,
    readonly options: TypesetOptions,
    pagesEstimate: number,
  ) {
    this.design = pageDesign(options.print, pagesEstimate);
    this.notes = options.notes ?? NOTE_DEFAULTS;
    this.numbered = numberNotes(book.chapters, this.notes.numbering);
    this.footnotes = this.notes.print === 'footnotes';
    const h = options.print.hyphenation;
    this.hyphenate = createWordHyphenator(book.metadata.language, { enabled: h.enabled, leftMin: h.leftMin, rightMin: h.rightMin, exceptions: h.exceptions });
  }

  get fonts(): FontSet {
    return this.options.fonts;
  }

  private setting(width: number, indent: number, smallCapsWords = 0, inset = false): ParagraphSetting {
    const setting: ParagraphSetting = {
      fonts: this.fonts,
      size: this.design.fontSize,
      hyphenate: this.hyphenate,
      indent,
      smallCapsWords,
      ...BOOK_JUSTIFICATION,
      lineWidth: width,
      // Inset blocks (letters, verse) keep a hard right edge of their own.
      hangingPunctuation: !inset,
      wordTooWide: (word) => {
        this.reports++;
        const shown = word.length > 24 ? `${word.slice(0, 20)}…` : word;
        this.warnings.push({ chapter: this.chapterName, message: `"${shown}" (${word.length} characters) is wider than the line; it was broken without a hyphen` });
      },
      missingGlyph: (char) => this.missingGlyph(char),
    };
    const measure = `${width}\u0000${inset}\u0000${this.design.fontSize}`;
    let wordCache = this.wordCaches.get(measure);
    if (!wordCache) {
      wordCache = this.options.wordCache?.(wordCacheKey(setting)) ?? new WordCache();
      this.wordCaches.set(measure, wordCache);
    }
    setting.wordCache = wordCache;
    return setting;
  }

  /** A paragraph as justified lines, able to be set a line longer or shorter for pagination. */
  private paragraph(content: readonly Inline[], width: number, x: number, indent: number, smallCapsWords = 0): FlowParagraph {
    const inset = x > 0;
    const parameters = { emergencyStretch: this.design.fontSize, ...this.options.breaking };
    const { fonts } = this;
    const size = this.design.fontSize;
    // A paragraph with note marks is set afresh: its marks are the division's.
    const marks = this.marks && inlineNoteIds(content).length > 0 ? this.marks : undefined;
    const memo = marks ? undefined : this.memoFor(width, inset, parameters);
    const key = memo ? paragraphKey(content, indent, smallCapsWords) : '';
    // Items are made only when the paragraph must be broken: not for one the memo holds.
    let items: Item[] | undefined;
    const itemsOf = () => (items ??= paragraphItems(content, this.setting(width, indent, smallCapsWords, inset), marks));
    let set = memo?.get(key);
    if (!set) {
      const reportsBefore = this.reports;
      const result = breakLines(itemsOf(), width, parameters);
      if (result.overfull > 0) {
        this.reports++;
        this.warnings.push({ chapter: this.chapterName, message: `a paragraph has ${result.overfull} line(s) wider than the measure (a word too long to break?)` });
      }
      set = { lines: setLines(itemsOf(), result.breaks, width, fonts, size), demerits: result.demerits };
      // A paragraph something was reported of is set afresh every time: every build hears of it.
      if (memo && this.reports === reportsBefore) memo.set(key, set);
    }
    const paragraph = set;
    const { lines } = paragraph;
    if (!this.inNotes) this.bodyLines.push(...lines);
    const vary = (delta: 1 | -1) => {
      const side = delta > 0 ? 'longer' : 'shorter';
      let variant = paragraph[side];
      if (variant === undefined) {
        const varied = breakLinesLoosely(itemsOf(), width, delta, lines.length, parameters);
        const variantLines = varied && setLines(itemsOf(), varied.breaks, width, fonts, size);
        variant = variantLines ? { lines: variantLines, cost: Math.max(0, spacingDemerits(variantLines) - spacingDemerits(lines)) } : null;
        paragraph[side] = variant;
        if (memo?.get(key) === paragraph) memo.changed(key);
      }
      return variant;
    };
    return { kind: 'paragraph', lines, x, height: 1, keepWithNext: false, vary: lines.length >= 2 ? vary : undefined, ...(memo ? { memoKey: `${this.memoKeys.get(memo)}\u0000${key}` } : {}) };
  }

  /** The paragraph memo for a measure (see TypesetOptions.paragraphMemo), if there is one. */
  private memoFor(width: number, inset: boolean, parameters: Partial<BreakParameters>): ParagraphMemo | undefined {
    if (!this.options.paragraphMemo) return undefined;
    const measure = `${width}\u0000${inset}\u0000${this.design.fontSize}`;
    let memo = this.memos.get(measure);
    if (!memo) {
      const s = this.setting(width, 0, 0, inset);
      // One memo per book: a memo keeps only the paragraphs its last build asked for.
      const key = JSON.stringify([this.book.metadata.identifier, wordCacheKey(s), s.spaceStretch, s.spaceShrink, parameters]);
      memo = this.options.paragraphMemo(key);
      this.memos.set(measure, memo);
      this.memoKeys.set(memo, key);
    }
    return memo;
  }

  /** A character no face has: told once for the book (see warnMissingGlyphs). */
  private missingGlyph(char: string): void {
    this.reports++;
    if (!this.missing.has(char)) this.missing.set(char, this.chapterName);
  }

  /** Tells of the characters of segments no face has. */
  private missingIn(segments: readonly FaceSegment[]): readonly FaceSegment[] {
    for (const segment of segments) if (segment.missing) for (const char of segment.text) if (!/\s/.test(char)) this.missingGlyph(char);
    return segments;
  }

  /**
   * One warning for the book: every character that neither the book's faces nor the fallback
   * faces have, grouped by the chapter it first appears in (named as the warning's file).
   */
  warnMissingGlyphs(): void {
    if (this.missing.size === 0) return;
    const byChapter = new Map<string, string[]>();
    for (const [char, chapter] of this.missing) byChapter.set(chapter, [...(byChapter.get(chapter) ?? []), char]);
    const code = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const listed = [...byChapter].map(([chapter, chars], i) => `${chars.map((char) => `"${char}" ${code(char)}`).join(', ')}${i === 0 ? '' : ` (first in ${chapter})`}`);
    const count = this.missing.size === 1 ? 'a character' : `${this.missing.size} characters`;
    this.warnings.push({
      chapter: byChapter.keys().next().value!,
      message: `no face has a glyph for ${count}, which print${this.missing.size === 1 ? 's' : ''} blank: ${listed.join('; ')}; name a font that has ${this.missing.size === 1 ? 'it' : 'them'} in print.font.fallback`,
    });
  }

  /** Centered lines of display text (titles), broken where they fit. */
  centered(text: string, style: Style, size: number, width: number, smallCaps = false): SetLine[] {
    const measure = (t: string) => this.runsOf(t, style, size, smallCaps, 0).width;
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    for (const word of words) {
      const last = lines.at(-1);
      if (last !== undefined && measure(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines.map((line) => {
      const { runs, width: w } = this.runsOf(line, style, size, smallCaps, 0);
      const x = Math.max(0, (width - w) / 2);
      return { runs: runs.map((run) => ({ ...run, x: run.x + x })), ratio: 0, hyphenated: false, width: w };
    });
  }

  /**
   * Text set at natural spacing from `x`: one run, or one per face where part of it is drawn in a
   * fallback face (see FontSet.segments).
   */
  runsOf(text: string, style: Style, size: number, smallCaps: boolean, x: number): { runs: Run[]; width: number } {
    const runs: Run[] = [];
    let at = x;
    for (const segment of this.missingIn(this.fonts.segments(text, style))) {
      const face = this.fonts.face(segment.style);
      const width = (smallCaps && face.hasSmallCaps ? face.smallCapsWidth(segment.text) : face.width(segment.text)) * size;
      runs.push({ x: at, text: segment.text, style: segment.style, size, smallCaps, wordSpacing: 0, width });
      at += width;
    }
    return { runs, width: at - x };
  }

  /**
   * An illustration at the width its author asked for, else at its own size at 300 pixels to the
   * inch (what printers ask for), shrunk to the measure and to half the text block's height, in
   * whole lines. One that prints at fewer pixels to the inch is a warning naming its file and line.
   */
  private figureLine(figure: Figure, measure: number): { line: SetLine; height: number } {
    const { image } = figure;
    const { leading, linesPerPage } = this.design;
    const asked = figure.width ? ('share' in figure.width ? figure.width.share * measure : figure.width.inches * 72) : (image.width * 72) / PRINT_PPI;
    const scale = Math.min(asked / image.width, measure / image.width, (linesPerPage * leading * 0.5) / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    const ppi = 72 / scale;
    if (ppi < PRINT_PPI - 0.5) {
      this.reports++;
      const inches = (points: number) => (points / 72).toFixed(2);
      this.warnings.push({
        chapter: this.chapterName,
        message: `an image${figure.line ? ` (line ${figure.line})` : ''} prints at ${Math.round(ppi)} pixels per inch at the size it is set (${inches(width)} × ${inches(height)} in); printers ask for ${PRINT_PPI}: use one at least ${Math.ceil((width / 72) * PRINT_PPI)} pixels wide, or set it smaller`,
      });
    }
    const lines = Math.max(1, Math.ceil(height / leading));
    return { line: { runs: [], ratio: 0, hyphenated: false, width, image: { data: image.data, x: (measure - width) / 2, width, height, ppi } }, height: lines };
  }

  /** Lines set flush left and broken greedily where the words fit; lines after the first hang by `hang` points. */
  ragged(pieces: { text: string; style: Style; note?: number }[], size: number, width: number, hang: number): SetLine[] {
    const lines: SetLine[] = [];
    let runs: Run[] = [];
    let notes: number[] = [];
    let noteRuns: number[] = [];
    let x = 0;
    const finish = () => {
      lines.push({ runs, ratio: 0, hyphenated: false, width: x, ...(notes.length > 0 ? { notes, noteRuns } : {}) });
      runs = [];
      notes = [];
      noteRuns = [];
      x = hang;
    };
    for (const piece of inFaces(pieces, this.fonts, (char) => this.missingGlyph(char)) as typeof pieces) {
      const face = this.fonts.face(piece.style);
      if (piece.note !== undefined) {
        // A note's mark stays on the line of the word before it.
        const w = face.width(piece.text) * size;
        notes.push(piece.note);
        noteRuns.push(runs.length);
        runs.push({ x, text: piece.text, style: piece.style, size, smallCaps: false, wordSpacing: 0, width: w });
        x += w;
        continue;
      }
      for (const word of piece.text.split(/(?<=\s)(?=\S)/)) {
        const w = face.width(word) * size;
        const fits = x + face.width(word.trimEnd()) * size <= width;
        if (!fits && runs.length > 0) finish();
        runs.push({ x, text: word, style: piece.style, size, smallCaps: false, wordSpacing: 0, width: w });
        x += w;
      }
    }
    if (runs.length > 0 || lines.length === 0) finish();
    return lines;
  }

  /** A line of verse: flush left at its indent, turned over with a hanging indent when too long. */
  private verseLine(content: readonly Inline[], indent: number, width: number): SetLine[] {
    const { fontSize } = this.design;
    const pieces = styledPieces(content, 'regular', [], false, this.marks).map((piece) => (piece === 'break' ? { text: ' ', style: 'regular' as Style } : piece));
    const start = (Math.min(indent, 12) / 2) * fontSize;
    return this.ragged(pieces, fontSize, width - start, 2 * fontSize).map((line) => ({ ...line, runs: line.runs.map((run) => ({ ...run, x: run.x + start })) }));
  }

  /**
   * Preformatted text in the monospace face: each line as typed, flush left, never justified or
   * hyphenated; a line too long for the measure is broken (at a space where one is near) and its
   * rest marked as a continuation, under the line's own indentation.
   */
  private codeLines(value: string, line: number | undefined, width: number): SetLine[] {
    const size = this.design.fontSize * 0.8;
    const face = this.fonts.face('mono');
    const cell = face.width('0') * size;
    const columns = Math.max(8, Math.floor(width / cell));
    const mark = ['↪', '→', '»'].find((c) => face.has(c)) ?? '>';
    const out: SetLine[] = [];
    let wrapped = 0;
    // A character the code face lacks is drawn from a fallback face, from where its cell begins.
    const runs = (text: string, column: number): Run[] => {
      const out: Run[] = [];
      let at = column;
      for (const segment of this.missingIn(this.fonts.segments(text, 'mono'))) {
        const width = this.fonts.face(segment.style).width(segment.text) * size;
        out.push({ x: at * cell, text: segment.text, style: segment.style, size, smallCaps: false, wordSpacing: 0, width });
        at += [...segment.text].length;
      }
      return out;
    };
    value.split('\n').forEach((typed, i) => {
      let rest = typed.replace(/\t/g, '    ').trimEnd();
      const indent = Math.min(/^ */.exec(rest)![0].length, columns - 8);
      let first = true;
      do {
        const from = first ? 0 : indent + 2;
        let fit = Math.min(rest.length, columns - from);
        if (fit < rest.length) {
          const space = rest.lastIndexOf(' ', fit);
          if (space > (first ? indent : 0) && space > fit - 16) fit = space + 1;
          wrapped ||= i + 1;
        }
        const piece = rest.slice(0, fit);
        const line: Run[] = [];
        if (!first) line.push(...runs(mark, indent));
        // Leading spaces are where the text starts, not characters to draw.
        const lead = /^ */.exec(piece)![0].length;
        if (piece.length > lead) line.push(...runs(piece.slice(lead), from + lead));
        out.push({ runs: line, ratio: 0, hyphenated: false, width: (from + piece.length) * cell });
        rest = rest.slice(fit).replace(/^ +/, '');
        first = false;
      } while (rest.length > 0);
    });
    if (wrapped) {
      this.reports++;
      this.warnings.push({ chapter: this.chapterName, message: `a line of preformatted text${line ? ` (line ${line + wrapped})` : ''} is wider than the page and was broken` });
    }
    return out;
  }

  /** A table as rows of lines: columns as wide as their content allows, cells wrapped, the header in bold. */
  private tableRows(table: Extract<Block, { kind: 'table' }>, width: number): SetLine[][] {
    const columns = Math.max(table.head.length, ...table.rows.map((row) => row.length));
    const text = (cell: Inline[] | undefined) => (cell ? this.markedText(cell).text : '');
    const cellNotes = (row: Inline[][]) => row.flatMap((cell) => this.markedText(cell).notes);
    const natural = (size: number) =>
      Array.from({ length: columns }, (_, c) => Math.max(...[table.head, ...table.rows].map((row, r) => this.fonts.face(r === 0 ? 'bold' : 'regular').width(text(row[c])) * size), size));
    const room = (size: number) => width - size * (columns - 1);
    const fits = (size: number) => natural(size).reduce((a, b) => a + b, 0) <= room(size);
    // A table too wide for the measure is set smaller, down to three quarters of the text size, then its cells are wrapped.
    const size = [0.9, 0.8, 0.75].map((f) => f * this.design.fontSize).find(fits) ?? 0.75 * this.design.fontSize;
    const gap = size;
    const widthsNatural = natural(size);
    const total = widthsNatural.reduce((a, b) => a + b, 0);
    // Columns share the measure in proportion to their content when it does not all fit.
    const widths = total <= room(size) ? widthsNatural : widthsNatural.map((w) => Math.max(size * 3, (w / total) * room(size)));
    if (size < 0.9 * this.design.fontSize || total > room(size)) {
      this.reports++;
      this.warnings.push({ chapter: this.chapterName, message: `a table${table.line ? ` (line ${table.line})` : ''} is too wide for the page: it was set smaller${total > room(size) ? ' and its cells wrapped' : ''}` });
    }
    const tableWidth = widths.reduce((a, b) => a + b, 0) + gap * (columns - 1);
    const left = Math.max(0, (width - tableWidth) / 2);
    const rows = [table.head, ...table.rows]
      .filter((row) => row.length > 0)
      .map((row, r) => {
        const style: Style = r === 0 && table.head.length > 0 ? 'bold' : 'regular';
        const cells = widths.map((w, c) => this.ragged([{ text: text(row[c]), style }], size, w, 0));
        const height = Math.max(...cells.map((lines) => lines.length));
        return Array.from({ length: height }, (_, i): SetLine => {
          const runs: Run[] = [];
          let x = left;
          cells.forEach((lines, c) => {
            const line = lines[i];
            const align = table.align[c] ?? 'left';
            const shift = line ? (align === 'right' ? widths[c]! - line.width : align === 'center' ? (widths[c]! - line.width) / 2 : 0) : 0;
            for (const run of line?.runs ?? []) runs.push({ ...run, x: x + shift + run.x });
            x += widths[c]! + gap;
          });
          const notes = i === 0 ? cellNotes(row) : [];
          return { runs, ratio: 0, hyphenated: false, width: tableWidth, ...(notes.length > 0 ? { notes } : {}) };
        });
      });
    // Booktabs' three rules: above the table, under its header, under its last row.
    const { leading } = this.design;
    const rule = (line: SetLine | undefined, rise: number) => {
      if (line) line.rules = [...(line.rules ?? []), { x: left - gap / 2, width: tableWidth + gap, rise }];
    };
    rule(rows[0]?.[0], 0.85 * leading);
    if (table.head.length > 0 && rows.length > 1) rule(rows[0]!.at(-1), -0.35 * leading);
    rule(rows.at(-1)?.at(-1), -0.35 * leading);
    return rows;
  }

  /** A list: each item's blocks inset, its marker hanging in the inset on the item's first line. */
  private list(list: Extract<Block, { kind: 'list' }>, flow: FlowElement[], width: number, x: number): void {
    const { fontSize } = this.design;
    const face = this.fonts.face('regular');
    // A task's box takes the bullet's place: □ to do, ■ done (the book face has these, not ☐ ☒).
    const markers = list.items.map((_, i) => (list.tasks?.[i] === true ? '■' : list.tasks?.[i] === false ? '□' : list.ordered ? `${list.start + i}.` : '•'));
    const inset = Math.max(1.5 * fontSize, Math.max(...markers.map((m) => face.width(m) * fontSize)) + 0.6 * fontSize);
    list.items.forEach((item, i) => {
      const marker = markers[i]!;
      const markerWidth = face.width(marker) * fontSize;
      const markerRun: Run = { x: -0.5 * fontSize - markerWidth, text: marker, style: 'regular', size: fontSize, smallCaps: false, wordSpacing: 0, width: markerWidth };
      const first = flow.length;
      this.blocks(item, flow, width - inset, x + inset, { indentNext: false, first: false });
      hangMark(flow, first, markerRun, x + inset);
    });
  }

  private fixedLines(lines: SetLine[], x: number, keepWithNext = false, height = 1): FlowParagraph {
    return { kind: 'paragraph', lines, x, height, keepWithNext };
  }

  private blocks(blocks: readonly Block[], flow: FlowElement[], width: number, x: number, state: { indentNext: boolean; first: boolean }, top = false): void {
    const { fontSize } = this.design;
    for (const [index, block] of blocks.entries()) {
      const firstElement = flow.length;
      switch (block.kind) {
        case 'paragraph': {
          const smallCaps = state.first ? 3 : 0;
          const indent = state.indentNext ? this.design.indent : 0;
          flow.push(this.paragraph(block.content, width, x, indent, smallCaps));
          state.indentNext = true;
          state.first = false;
          break;
        }
        case 'heading': {
          const heading = this.markedText(block.content);
          const look = headingLook(block.level);
          flow.push(space(look.above));
          const set = this.centered(heading.text, look.style, fontSize * look.scale, width, look.smallCaps);
          // A low-level heading stands flush left, as a run of words over its paragraph.
          const lines = look.centered ? set : set.map((line) => ({ ...line, runs: line.runs.map((run) => ({ ...run, x: 0 })) }));
          flow.push(this.fixedLines(withNotes(lines, heading.notes), x, true));
          flow.push(space(look.below));
          state.indentNext = false;
          break;
        }
        case 'sceneBreak':
          flow.push(space(0.5));
          flow.push(this.fixedLines(this.centered(SCENE_BREAK, 'regular', fontSize, width), x));
          flow.push(space(0.5));
          state.indentNext = false;
          break;
        case 'figure': {
          flow.push(space(0.5));
          const image = this.figureLine(block, width);
          // The figure floats with its caption (see FlowParagraph.float).
          flow.push({ ...this.fixedLines([image.line], x, Boolean(block.caption), image.height), float: block.caption ? 2 : 1 });
          if (block.caption) {
            const caption = this.markedText(block.caption);
            flow.push(this.fixedLines(withNotes(this.centered(caption.text, 'italic', fontSize * 0.9, width * 0.9).map((line) => ({ ...line, runs: line.runs.map((run) => ({ ...run, x: run.x + width * 0.05 })) })), caption.notes), x));
          }
          flow.push(space(0.5));
          // The paragraph after keeps its indent: the figure may float away from between them.
          break;
        }
        case 'blockQuote': {
          const inset = 1.5 * fontSize;
          flow.push(space(0.5));
          this.blocks(block.blocks, flow, width - 2 * inset, x + inset, { indentNext: false, first: false });
          flow.push(space(0.5));
          state.indentNext = false;
          break;
        }
        case 'division':
          if (block.align === 'center') {
            for (const inner of block.blocks) {
              if (inner.kind === 'paragraph') flow.push(this.fixedLines(this.centered(plain(inner.content), 'regular', fontSize, width), x));
              else this.blocks([inner], flow, width, x, state);
            }
            state.indentNext = false;
          } else this.blocks(block.blocks, flow, width, x, state);
          break;
        case 'list': {
          // A list inside a list item sits close under its item.
          const nested = this.listDepth > 0;
          if (!nested) flow.push(space(0.5));
          this.listDepth++;
          this.list(block, flow, width, x);
          this.listDepth--;
          if (!nested) flow.push(space(0.5));
          state.indentNext = false;
          state.first = false;
          break;
        }
        case 'codeBlock':
          flow.push(space(0.5));
          flow.push(this.fixedLines(this.codeLines(block.value, block.line, width), x));
          flow.push(space(0.5));
          state.indentNext = false;
          break;
        case 'table': {
          flow.push(space(0.5));
          const header = block.head.length > 0 ? flow.length : undefined;
          this.tableRows(block, width).forEach((row, r) => {
            // The header never ends a page, and comes again at the top of each page the table runs onto.
            flow.push(r === 0 && header !== undefined ? this.fixedLines(row, x, true) : { ...this.fixedLines(row, x), ...(header !== undefined ? { repeatHeader: header } : {}) });
          });
          flow.push(space(0.5));
          state.indentNext = false;
          break;
        }
        case 'verse': {
          const inset = 2 * fontSize;
          flow.push(space(0.5));
          block.stanzas.forEach((stanza, i) => {
            if (i > 0) flow.push(space(1));
            flow.push({ ...this.fixedLines(stanza.flatMap((line) => this.verseLine(line.content, line.indent, width - inset)), x + inset), keepTogether: true });
          });
          flow.push(space(0.5));
          state.indentNext = false;
          break;
        }
      }
      if (top) {
        const first = flow.slice(firstElement).find((e): e is FlowParagraph => e.kind === 'paragraph');
        if (first) first.source = { chapter: this.chapterIndex, block: index };
      }
    }
  }

  /** The design of the Notes at the back: the text's, one size smaller, on as much smaller a leading. */
  endnotesDesign(): PageDesign {
    return noteDesign(this.design, ENDNOTE_SCALE, true);
  }

  /** The notes of the Notes division at the back, by division, while it is being set. */
  private endnotes: EndnoteGroup[] = [];

  /** The Notes at the back of the book, when the print edition collects them (see endnoteGroups); undefined without notes. */
  endnotesDivision(referencePages: ReadonlyMap<string, number>): Chapter | undefined {
    const { language, authors } = this.book.metadata;
    this.endnotes = endnoteGroups(this.book, this.numbered, this.notes.marker, referencePages);
    if (this.endnotes.length === 0) return undefined;
    return { id: 'endnotes', role: 'afterword', matter: 'back', title: [{ kind: 'text', value: matterTitle('notes', language, authors) }], blocks: [], source: 'notes' };
  }

  /** The Notes division's flow: its title, then each division's title and its notes, each number hanging before its note. */
  private endnotesFlow(chapter: Chapter): FlowElement[] {
    const flow = this.openerFlow(chapter);
    const { fontSize, textWidth } = this.design;
    const face = this.fonts.face('regular');
    const widest = Math.max(face.width('00.'), ...this.endnotes.flatMap((group) => group.notes.map((note) => face.width(note.mark))));
    const hang = widest * fontSize + 0.5 * fontSize;
    for (const group of this.endnotes) {
      flow.push(space(1), this.fixedLines(this.centered(plain(group.title), 'italic', fontSize, textWidth), 0, true), space(0.5));
      group.notes.forEach((note, i) => {
        if (i > 0) flow.push(space(0.25));
        const first = flow.length;
        this.blocks(note.blocks, flow, textWidth - hang, hang, { indentNext: false, first: false });
        hangMark(flow, first, { x: -hang, text: note.mark, style: 'regular', size: fontSize, smallCaps: false, wordSpacing: 0, width: face.width(note.mark) * fontSize }, hang);
      });
    }
    return flow;
  }

  /**
   * Display text (a title, a heading, a caption) with its notes' marks, and the notes it refers to.
   * Display lines are not set again once pages are made: a symbol counts from the division's first note.
   */
  private markedText(inlines: readonly Inline[]): { text: string; notes: number[] } {
    const notes: number[] = [];
    const known = this.marks && divisionMarks(this.numbered[this.chapterIndex] ?? [], this.notes.marker);
    const marks: NoteMarks | undefined = known && ((id) => {
      const found = known(id);
      if (found) notes.push(found.note);
      return found;
    });
    return { text: plain(inlines, marks), notes };
  }

  /** The notes of division `index` as set at the foot of a page: smaller, on their own leading, the number hanging. */
  footnoteBodies(index: number): FootnoteBody[] {
    if (!this.footnotes) return [];
    return (this.numbered[index] ?? []).map((note) => this.footnoteBody(note));
  }

  private footnoteBody(note: NumberedNote): FootnoteBody {
    const body = this.design;
    const size = body.fontSize * FOOTNOTE_SCALE;
    const face = this.fonts.face('regular');
    const mark = this.notes.marker === 'symbol' ? placeholderMark(face) : noteHeadMark(String(note.number));
    const hang = Math.max(face.width('00.'), face.width(mark)) * size + 0.5 * size;
    const flow: FlowElement[] = [];
    const marks = this.marks;
    this.design = noteDesign(body, FOOTNOTE_SCALE);
    this.marks = undefined;
    this.inNotes = true;
    try {
      this.blocks(note.note.blocks, flow, body.textWidth - hang, hang, { indentNext: false, first: false });
    } finally {
      this.design = body;
      this.marks = marks;
      this.inNotes = false;
    }
    // Run 0 of a note's first line is its mark (see markBySymbol).
    hangMark(flow, 0, { x: -hang, text: mark, style: 'regular', size, smallCaps: false, wordSpacing: 0, width: face.width(mark) * size }, hang);
    return footnoteLines(flow, FOOTNOTE_SCALE, hang);
  }

  /** The flow of one division of the book, from the right-hand page it opens on. */
  chapterFlow(chapter: Chapter, index: number): FlowElement[] {
    this.chapterName = chapter.source;
    this.chapterIndex = index;
    // Front matter (a dedication, an epigraph) is set on pages of its own that carry no notes.
    const byPage = this.footnotes && this.notes.marker === 'symbol' ? placeholderMark(this.fonts.face('regular')) : undefined;
    this.marks = chapter.matter === 'front' ? undefined : divisionMarks(this.numbered[index] ?? [], this.notes.marker, byPage);
    if (chapter.matter === 'front' && (this.numbered[index]?.length ?? 0) > 0) {
      this.warnings.push({ chapter: this.chapterName, message: `the ${chapter.role}'s notes are not printed: front matter carries no notes; they stay in the ebook` });
    }
    switch (chapter.role) {
      case 'part':
        return this.partFlow(chapter);
      case 'dedication':
      case 'epigraph':
        return this.inscriptionFlow(chapter);
      default:
        return index < 0 ? this.endnotesFlow(chapter) : this.openerFlow(chapter);
    }
  }

  private openerFlow(chapter: Chapter): FlowElement[] {
    const { fontSize, textWidth } = this.design;
    const flow: FlowElement[] = [{ kind: 'pageBreak', recto: (this.options.print.chapterStart ?? 'recto') === 'recto', opener: true }];
    flow.push({ kind: 'space', height: Math.round(this.design.linesPerPage / 5), keepAtTop: true });
    const marked = this.markedText(chapter.title);
    const title = this.centered(marked.text, 'regular', fontSize * 1.6, textWidth * 0.85);
    title.forEach((line) => line.runs.forEach((run) => (run.x += textWidth * 0.075)));
    flow.push({ ...this.fixedLines(withNotes(title, marked.notes), 0, true, 2), source: { chapter: this.chapterIndex, block: -1 } });
    if (chapter.subtitle) flow.push(this.fixedLines(this.centered(plain(chapter.subtitle), 'italic', fontSize * 1.15, textWidth * 0.85).map((line) => ({ ...line, runs: line.runs.map((run) => ({ ...run, x: run.x + textWidth * 0.075 })) })), 0, true));
    if (chapter.byline) flow.push(this.fixedLines(this.centered(joinNames(chapter.byline, this.book.metadata.language), 'regular', fontSize, textWidth, true), 0, true));
    flow.push({ kind: 'space', height: 2, keepAtTop: false });
    if (chapter.role === 'alsoBy') this.centeredBlocks(chapter.blocks, flow, 'italic');
    else this.blocks(chapter.blocks, flow, textWidth, 0, { indentNext: false, first: true }, true);
    return flow;
  }

  /** A part's title alone on a right-hand page, a third of the way down. */
  private partFlow(chapter: Chapter): FlowElement[] {
    const { fontSize, textWidth } = this.design;
    const title = this.centered(plain(chapter.title), 'regular', fontSize * 1.8, textWidth * 0.85, true);
    title.forEach((line) => line.runs.forEach((run) => (run.x += textWidth * 0.075)));
    return [
      { kind: 'pageBreak', recto: true, opener: true, bare: true },
      { kind: 'space', height: Math.round(this.design.linesPerPage / 3), keepAtTop: true },
      { ...this.fixedLines(title, 0, false, 2), source: { chapter: this.chapterIndex, block: -1 } },
    ];
  }

  /** A dedication or epigraph: no heading, short italic lines in the upper third of a right-hand page. */
  private inscriptionFlow(chapter: Chapter): FlowElement[] {
    const flow: FlowElement[] = [
      { kind: 'pageBreak', recto: true, opener: true, bare: true },
      { kind: 'space', height: Math.round(this.design.linesPerPage / 4), keepAtTop: true },
    ];
    if (chapter.role === 'dedication') {
      this.centeredBlocks(chapter.blocks, flow, 'italic');
      return flow;
    }
    const { textWidth, fontSize } = this.design;
    const width = textWidth * 0.7;
    const x = (textWidth - width) / 2;
    chapter.blocks.forEach((block, index) => {
      if (block.kind !== 'paragraph') return;
      const text = plain(block.content);
      let element: FlowParagraph;
      if (/^[—–-]/.test(text)) {
        // The attribution: set flush right under the quotation.
        const [line] = this.centered(text, 'regular', fontSize, width * 2);
        const shift = Math.max(0, width - line!.width) - line!.runs[0]!.x;
        element = this.fixedLines([{ ...line!, runs: line!.runs.map((run) => ({ ...run, x: run.x + shift })) }], x);
      } else {
        element = this.paragraph([{ kind: 'emphasis', children: block.content }], width, x, 0);
      }
      if (index > 0) flow.push(space(0.5));
      flow.push({ ...element, source: { chapter: this.chapterIndex, block: index } });
    });
    return flow;
  }

  /** Each paragraph as centered lines (a dedication, a list of titles). */
  private centeredBlocks(blocks: readonly Block[], flow: FlowElement[], style: Style): void {
    const { fontSize, textWidth } = this.design;
    blocks.forEach((block, index) => {
      if (block.kind !== 'paragraph') return;
      if (index > 0) flow.push(space(0.5));
      flow.push({ ...this.fixedLines(this.centered(plain(block.content), style, fontSize, textWidth * 0.8), textWidth * 0.1), source: { chapter: this.chapterIndex, block: index } });
    });
  }
}


/**
 * A division's flow set on below the one before (chapterStart "continuous"): without its page
 * break and sinkage, its notes numbered on from `offset` in the run of pages it joins.
 */
function continuing(flow: readonly FlowElement[], offset: number): FlowElement[] {
  const shift = (lines: SetLine[]) => (offset === 0 ? lines : lines.map((line) => (line.notes ? { ...line, notes: line.notes.map((n) => n + offset) } : line)));
  return flow
    .filter((e, i) => !(i < 2 && (e.kind === 'pageBreak' || (e.kind === 'space' && e.keepAtTop))))
    .map((e) => {
      if (e.kind !== 'paragraph') return e;
      const vary = e.vary;
      const varied = vary && ((delta: 1 | -1) => {
        const v = vary(delta);
        return v && { ...v, lines: shift(v.lines) };
      });
      return { ...e, lines: shift(e.lines), ...(varied ? { vary: varied } : {}) };
    });
}

function drawPage(page: Page, pageIndex: number, design: PageDesign): DrawnLine[] {
  const left = pageIndex % 2 === 0 ? design.inner : design.outer;
  return page.lines.map(({ line, x, height, top }) => ({
    x: left + x,
    baseline: design.top + design.topSkip + (top + height - 1) * design.leading,
    runs: line.runs,
    image: line.image,
    ...(line.rules ? { rules: line.rules } : {}),
  }));
}

/**
 * The body's page `index` as drawn: the front matter takes an even number of pages, so the body
 * index tells recto from verso as the book's page index does. `design` is the division's (the
 * Notes at the back are set smaller); running heads and folios keep the book's.
 */
function drawBodyPage(t: Typesetter, page: Page, index: number, d: PageDesign, m: Book['metadata'], chapter: Chapter, design: PageDesign = d, division = -1): DrawnPage {
  const lines = drawPage(page, index, design);
  if (page.footnotes) lines.push(...drawFootnotes(page, index, design));
  if (t.footnotes && t.notes.marker === 'symbol' && division >= 0) markBySymbol(page, lines);
  const folio = index + 1;
  const numbered = !page.blank && !page.bare;
  if (!numbered) return { lines };
  const heads = t.options.print.runningHeads ?? { verso: 'author', recto: 'title' };
  const furniture = runningHead(t, page, index, folio, d, headCandidates(index % 2 === 0 ? heads.recto : heads.verso, m, chapter));
  lines.push(...furniture);
  return { lines, folio, furniture: furniture.length };
}

/** The notes at a page's foot, under their rule. */
function drawFootnotes(page: Page, pageIndex: number, d: PageDesign): DrawnLine[] {
  const drawn = drawPage({ ...page, lines: page.footnotes!.lines }, pageIndex, d);
  drawn[0] = { ...drawn[0]!, rules: [...(drawn[0]!.rules ?? []), footnoteRule(page, d)] };
  return drawn;
}

/** Lays the book out on pages: front matter, then each chapter from a right-hand page. */
export async function typesetBook(book: Book, options: TypesetOptions): Promise<TypesetBook> {
  // The gutter depends on the page count: lay out with an estimate, and again only if the count
  // turns out to call for another gutter.
  const first = await layout(book, options, estimatePages(book, options));
  if (pageDesign(options.print, first.pages.length).inner === first.design.inner) return first;
  return layout(book, options, first.pages.length);
}

/** Pages the book will take, from its length and the average width of the face's letters. */
function estimatePages(book: Book, options: TypesetOptions): number {
  const d = pageDesign(options.print, 0);
  const sample = 'the quick brown fox jumps over the lazy dog, and then some ';
  const perChar = (options.fonts.face('regular').width(sample) / sample.length) * d.fontSize;
  let chars = 0;
  let blocks = 0;
  const count = (blocksOf: readonly Block[]) => {
    for (const block of blocksOf) {
      blocks++;
      if (block.kind === 'blockQuote' || block.kind === 'division') count(block.blocks);
      else if (block.kind === 'list') block.items.forEach(count);
      // A figure takes up to half a page: count it as some twenty lines of text.
      else if (block.kind === 'figure') chars += (20 * d.textWidth) / perChar;
      else if (block.kind === 'codeBlock') chars += block.value.split('\n').length * (d.textWidth / perChar);
      else if (block.kind === 'table') chars += (block.rows.length + 1) * (d.textWidth / perChar);
      else if (block.kind === 'verse') chars += block.stanzas.flat().length * (d.textWidth / perChar);
      else if (block.kind !== 'sceneBreak') chars += plainLength(block.content);
    }
  };
  for (const chapter of book.chapters) {
    count(chapter.blocks);
    for (const note of chapter.notes ?? []) count(note.blocks);
  }
  // Each block ends with half a line on average; each chapter opens a recto with sinkage.
  const lines = (chars * perChar) / d.textWidth + blocks * 0.5;
  return Math.ceil(lines / d.linesPerPage + book.chapters.length * 1.5 + 4);
}

/** Lets signals (Ctrl-C) and other work in: typesetting a long book takes seconds. */
const breathe = () => new Promise((resolve) => setImmediate(resolve));

async function layout(book: Book, options: TypesetOptions, pagesEstimate: number): Promise<TypesetBook> {
  const t = new Typesetter(book, options, pagesEstimate);
  const d = t.design;
  const m = book.metadata;
  const frontFlow: FlowElement[] = [];
  // The body's divisions as set: the book's own by index, and the Notes the typesetter adds (index -1).
  const bodyDivisions: { chapter: Chapter; index: number }[] = [];
  const bodyPages: Page[] = [];
  const bodyDrawn: DrawnPage[] = [];
  const pageReport: PageReportEntry[] = [];
  // The folio each note's (first) reference is printed on, by division and note: for endnotes' back-references.
  const referencePages = new Map<string, number>();
  options.pages?.start(d);
  // Divisions set on the same run of pages: one, or with chapterStart "continuous" each piece
  // below the one before. Each entry's notes are numbered in the run from its `offset`.
  interface Group {
    entries: { chapter: Chapter; index: number; offset: number; count: number }[];
    flow: FlowElement[];
    footnotes: FootnoteBody[];
    design: PageDesign;
  }
  const setGroup = (g: Group) => {
    bodyDivisions.push(...g.entries.map(({ chapter, index }) => ({ chapter, index })));
    // A run opens on a new page (a right-hand one unless chapterStart is "any"), so no page of it
    // depends on another: it is paginated as soon as it is set, and its paragraphs' break data can go.
    const opening = g.flow[0];
    const recto = opening?.kind === 'pageBreak' && opening.recto;
    const pages = paginate(g.flow, g.design.linesPerPage, g.footnotes, 1, recto ? 0 : ((bodyPages.length % 2) as 0 | 1), options.paginationMemo);
    if (recto && bodyPages.length % 2 === 1 && pages.length > 0) bodyPages.push({ lines: [], opener: false, bare: false, blank: true, full: false });
    const first = bodyPages.length;
    bodyPages.push(...pages);
    let entry = g.entries[0]!;
    // The chapter each page's running head names: the one the page begins in (a piece of an
    // anthology running on from the page before, or one opening at its top).
    const headChapters: Chapter[] = [];
    pages.forEach((page, i) => {
      const top = page.lines[0]?.starts;
      const opening = top?.block === -1 ? top : undefined;
      headChapters.push((opening ? g.entries.find((e) => e.index === opening.chapter) : entry)?.chapter ?? entry.chapter);
      for (const { starts } of page.lines) if (starts?.block === -1) entry = g.entries.find((e) => e.index === starts.chapter) ?? entry;
      for (const rule of page.rules ?? []) pageReport.push({ folio: first + i + 1, rule, chapter: entry.chapter.source });
      for (const { line } of page.lines) {
        for (const n of line.notes ?? []) {
          const owner = g.entries.find((e) => n >= e.offset && n < e.offset + e.count);
          const key = owner ? `${owner.index}:${n - owner.offset}` : `${g.entries[0]!.index}:${n}`;
          if (!referencePages.has(key)) referencePages.set(key, first + i + 1);
        }
      }
    });
    // A blank page may stand before the group's pages (a verso before a recto opening).
    const drawn = bodyPages.slice(bodyDrawn.length).map((page, i) => drawBodyPage(t, page, bodyDrawn.length + i, d, m, headChapters[bodyDrawn.length + i - first] ?? g.entries[0]!.chapter, g.design, g.entries[0]!.index));
    bodyDrawn.push(...drawn);
    options.pages?.body(drawn);
  };
  const chapterStart = options.print.chapterStart ?? 'recto';
  let group: Group | null = null;
  const flush = () => {
    if (group) setGroup(group);
    group = null;
  };
  /** Adds a division to the run of pages being set (chapterStart "continuous"), or starts a new run. */
  const setDivision = (chapter: Chapter, index: number, design: PageDesign, flow: FlowElement[], footnotes: FootnoteBody[], count: number) => {
    const current = group as Group | null;
    const last = current?.entries.at(-1);
    if (current && last && chapterStart === 'continuous' && index >= 0 && last.index >= 0 && chapter.role !== 'part' && last.chapter.role !== 'part') {
      const offset = last.offset + last.count;
      current.entries.push({ chapter, index, offset, count });
      current.flow.push(space(3), ...continuing(flow, offset));
      current.footnotes.push(...footnotes);
      return;
    }
    flush();
    group = { entries: [{ chapter, index, offset: 0, count }], flow, footnotes, design };
  };
  // Notes collected at the back come after the text and its afterword, before the pages about the author.
  const endnotesAt = endnotesPosition(book.chapters);
  for (let index = 0; index <= book.chapters.length; index++) {
    if (index === endnotesAt && !t.footnotes) {
      // The pages before are set first: the notes at the back name the pages of their references.
      flush();
      const endnotes = t.endnotesDivision(referencePages);
      if (endnotes) {
        const design = t.endnotesDesign();
        const body = t.design;
        t.design = design;
        try {
          setDivision(endnotes, -1, design, t.chapterFlow(endnotes, -1), [], 0);
          flush();
        } finally {
          t.design = body;
        }
        await breathe();
      }
    }
    const chapter = book.chapters[index];
    if (!chapter) break;
    // A page whose point is its link (see Chapter.ebookOnly).
    if (chapter.ebookOnly) continue;
    if (chapter.matter === 'front') {
      frontFlow.push(...t.chapterFlow(chapter, index));
      continue;
    }
    const flow = t.chapterFlow(chapter, index);
    setDivision(chapter, index, d, flow, t.footnoteBodies(index), t.numbered[index]?.length ?? 0);
    if (chapterStart !== 'continuous') flush();
    await breathe();
  }
  flush();

  // Front matter: title page, copyright page, contents when there is more than one chapter.
  const centerBlock = (lines: SetLine[], baseline: number, step: number): DrawnLine[] =>
    lines.map((line, i) => ({ x: d.inner, baseline: baseline + i * step, runs: line.runs }));
  const front: DrawnLine[][] = [];
  const titleLines = t.centered(m.title, 'regular', d.fontSize * 2.2, d.textWidth);
  let y = d.top + d.height * 0.22;
  const titlePage = centerBlock(titleLines, y, d.fontSize * 2.6);
  y += titleLines.length * d.fontSize * 2.6 + d.fontSize;
  if (m.subtitle) {
    const sub = t.centered(m.subtitle, 'italic', d.fontSize * 1.3, d.textWidth);
    titlePage.push(...centerBlock(sub, y, d.fontSize * 1.6));
    y += sub.length * d.fontSize * 1.6;
  }
  const authorLines = t.centered(joinNames(m.authors, m.language), 'regular', d.fontSize * 1.3, d.textWidth, true);
  y += d.fontSize * 3;
  titlePage.push(...centerBlock(authorLines, y, d.fontSize * 1.6));
  y += authorLines.length * d.fontSize * 1.6 + d.fontSize;
  for (const text of [...contributorLines(m), seriesLine(m) ?? ''].filter(Boolean)) {
    const lines = t.centered(text, 'italic', d.fontSize, d.textWidth);
    titlePage.push(...centerBlock(lines, y, d.leading));
    y += lines.length * d.leading + d.fontSize * 0.5;
  }
  if (m.publisher) titlePage.push(...centerBlock(t.centered(m.publisher, 'regular', d.fontSize, d.textWidth, true), d.height - d.bottom, d.leading));
  front.push(titlePage);

  const small = d.fontSize * 0.85;
  const copyrightSet = copyrightLines(m).flatMap((text) => t.centered(text, 'regular', small, d.textWidth));
  front.push(copyrightSet.map((line, i) => ({ x: d.outer, baseline: d.height - d.bottom - (copyrightSet.length - 1 - i) * small * 1.4, runs: line.runs })));
  // Dedication and epigraph, each on a right-hand page of its own.
  paginate(frontFlow, d.linesPerPage).forEach((page) => front.push(page.blank ? [] : drawPage(page, front.length, d)));

  // Each division's first page: where its title stands (a continuous piece opens mid-page).
  const titlePages = new Map<number, number>();
  bodyPages.forEach((page, index) => {
    for (const { starts } of page.lines) if (starts?.block === -1 && !titlePages.has(starts.chapter)) titlePages.set(starts.chapter, index);
  });
  const openers = bodyPages.flatMap((page, index) => (page.opener ? [index] : []));
  const chapterBodyPages = bodyDivisions.map(({ index }, i) => titlePages.get(index) ?? openers[i] ?? 0);
  if (bodyDivisions.length > 1) {
    if (front.length % 2 === 1) front.push([]);
    const heading = t.centered(contentsHeading(m.language), 'regular', d.fontSize * 1.6, d.textWidth);
    // Rows are inset from both edges: a contents page is a list, not justified text.
    const inset = d.fontSize * 1.5;
    // With depth 2, each chapter's sections follow it, indented, at the page their heading is on.
    const headingPages = new Map<string, number>();
    if ((options.print.contents?.depth ?? 1) > 1) {
      bodyPages.forEach((page, index) => {
        for (const line of page.lines) if (line.starts) headingPages.set(`${line.starts.chapter}:${line.starts.block}`, index);
      });
    }
    // Each entry is one or more lines (a long title wraps under itself); an entry is never split between pages.
    const entries = bodyDivisions.flatMap(({ chapter, index: division }, i) => {
      const row = contentsEntry(t, plain(chapter.title), String(chapterBodyPages[i]! + 1), d, d.textWidth - 2 * inset, chapter.role === 'part');
      const sections = chapter.blocks.flatMap((block, b) => {
        const page = headingPages.get(`${division}:${b}`);
        if (block.kind !== 'heading' || block.level > 2 || page === undefined) return [];
        const indent = d.fontSize * 1.5;
        return [contentsEntry(t, plain(block.content), String(page + 1), d, d.textWidth - 2 * inset - indent, false).map((runs) => runs.map((run) => ({ ...run, x: run.x + indent })))];
      });
      return [row, ...sections];
    });
    let page: DrawnLine[] | null = null;
    let row = 0;
    let left = 0;
    for (const entry of entries) {
      if (!page || row + entry.length > d.linesPerPage) {
        const first: boolean = page === null;
        left = front.length % 2 === 0 ? d.inner : d.outer;
        page = first ? heading.map((line) => ({ x: left, baseline: d.top + d.topSkip + d.leading, runs: line.runs })) : [];
        front.push(page);
        row = first ? 4 : 0;
      }
      for (const runs of entry) page.push({ x: left + inset, baseline: d.top + d.topSkip + row++ * d.leading, runs });
    }
  }
  if (front.length % 2 === 1) front.push([]);

  const offset = front.length;
  const pages: DrawnPage[] = [...front.map((lines) => ({ lines })), ...bodyDrawn];
  // Each numbered page begins at the first block that starts on it (or, on a page that one long
  // paragraph fills, at the next block that starts).
  const pageStarts: PrintPage[] = [];
  bodyPages.forEach((page, index) => {
    if (page.blank) return;
    let start = page.lines.find((line) => line.starts)?.starts;
    for (let next = index + 1; !start && next < bodyPages.length; next++) start = bodyPages[next]!.lines.find((line) => line.starts)?.starts;
    // The Notes the typesetter adds are not in the ebook: its pages have no place in the page list.
    if (start && start.chapter >= 0) pageStarts.push({ label: String(index + 1), ...start });
  });
  const outline: OutlineEntry[] = [{ title: m.title, pageIndex: 0 }, ...bodyDivisions.map(({ chapter }, i) => ({ title: plain(chapter.title), pageIndex: offset + chapterBodyPages[i]! }))];
  t.warnMissingGlyphs();
  return { design: d, pages, frontPages: offset, outline, bodyLines: t.bodyLines, warnings: t.warnings, chapterPages: chapterBodyPages.map((p) => p + offset), divisionPages: bodyDivisions.map(({ index }, i) => ({ chapter: index, page: offset + chapterBodyPages[i]! })), pageStarts, pageReport };
}

/**
 * A contents entry: its title broken where it fits, the lines after the first hanging under it,
 * the page number on the last line at the right.
 */
function contentsEntry(t: Typesetter, title: string, page: string, d: PageDesign, width: number, smallCaps: boolean): Run[][] {
  const face = t.fonts.face('regular');
  const numberWidth = face.width(page) * d.fontSize;
  const hang = d.fontSize * 1.5;
  const lines = t.centered(title, 'regular', d.fontSize, width - numberWidth - d.fontSize * 2 - hang, smallCaps);
  return lines.map((line, i) => {
    const start = line.runs[0]!.x;
    const runs: Run[] = line.runs.map((run) => ({ ...run, x: run.x - start + (i === 0 ? 0 : hang) }));
    if (i === lines.length - 1) runs.push({ x: width - numberWidth, text: page, style: 'regular', size: d.fontSize, smallCaps: false, wordSpacing: 0, width: numberWidth });
    return runs;
  });
}

/** Folio at the outer corner of the head line, the author's name over left pages and the title over right ones; on chapter openers, the folio alone at the foot. */
/**
 * A running head on one line: the first of the candidates that fits ("A, B and C", then "A et al."),
 * else the last shortened at a word with an ellipsis — never a title cut after its first line.
 */
function headLine(t: Typesetter, candidates: readonly string[], size: number, width: number): SetLine | undefined {
  const oneLine = (text: string) => {
    const lines = t.centered(text, 'regular', size, width, true);
    return lines.length === 1 ? lines[0] : undefined;
  };
  for (const candidate of candidates) {
    const line = oneLine(candidate);
    if (line) return line;
  }
  const words = candidates.at(-1)!.split(' ');
  for (let n = words.length - 1; n >= 1; n--) {
    const line = oneLine(`${words.slice(0, n).join(' ').replace(/[\s,;:.–—-]+$/u, '')}…`);
    if (line) return line;
  }
  return t.centered(candidates.at(-1)!, 'regular', size, width, true)[0];
}

/** What a running head may say, longest first (see headLine): the authors (a piece's own, where it names them), the book's title or the chapter's. */
function headCandidates(kind: 'author' | 'title' | 'chapter', m: Book['metadata'], chapter: Chapter): string[] {
  if (kind === 'title') return [m.shortTitle ?? m.title];
  if (kind === 'chapter') return [chapter.shortTitle ?? plain(chapter.title)];
  const authors = chapter.byline ?? m.authors;
  return [joinNames(authors, m.language), ...(authors.length > 1 ? [`${authors[0]} et al.`] : [])];
}

function runningHead(t: Typesetter, page: Page, pageIndex: number, folio: number, d: PageDesign, candidates: readonly string[]): DrawnLine[] {
  const recto = pageIndex % 2 === 0;
  const left = recto ? d.inner : d.outer;
  const face = t.fonts.face('regular');
  const number = String(folio);
  const numberWidth = face.width(number) * d.fontSize;
  const folioRun = (x: number): Run => ({ x, text: number, style: 'regular', size: d.fontSize, smallCaps: false, wordSpacing: 0, width: numberWidth });
  if (page.opener) {
    return [{ x: left, baseline: d.height - d.bottom + 2 * d.leading, runs: [folioRun((d.textWidth - numberWidth) / 2)] }];
  }
  const headBaseline = d.top - 1.5 * d.leading;
  const head = headLine(t, candidates, d.fontSize * 0.9, d.textWidth * 0.7);
  const runs: Run[] = [folioRun(recto ? d.textWidth - numberWidth : 0)];
  if (head) runs.push(...head.runs.map((run) => ({ ...run, x: run.x - head.runs[0]!.x + (d.textWidth - head.width) / 2 })));
  return [{ x: left, baseline: headBaseline, runs }];
}
