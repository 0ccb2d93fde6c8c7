// The paperback's full-wrap cover laid out as plain data: what is drawn where on the sheet, in
// points from its top-left corner. The back's text is set by our own line breaker (Knuth–Plass,
// hyphenated) in the book's faces; the PDF painter only paints what this decides.
import type { Block, Book, Inline } from '../model/index.ts';
import { allBlocks } from '../model/walk.ts';
import type { PrintOptions } from '../config/schema.ts';
import { toPoints } from '../typeset/design.ts';
import type { DrawnLine } from '../typeset/index.ts';
import type { FontSet, Style } from '../typeset/fonts.ts';
import { createWordHyphenator } from '../typeset/hyphenate.ts';
import { breakLines } from '../typeset/knuth-plass.ts';
import { setLines, type Run } from '../typeset/lines.ts';
import { BOOK_JUSTIFICATION, paragraphItems, type ParagraphSetting } from '../typeset/paragraph.ts';
import { plain } from '../typeset/plain.ts';
import { BLACK, hexToCmyk, WHITE, type Cmyk } from './colour.ts';
import { barRuns, ean13Modules } from './ean13.ts';
import { PRINTERS, type Paper, type Printer } from './printers.ts';
import { coverColours } from './typographic.ts';
import { wrapGeometry, type Rect, type WrapGeometry } from './wrap.ts';

/** Pixels to the inch a printed image needs. */
export const PRINT_PPI = 300;
const INCH = 72;

export interface TextGroup {
  lines: DrawnLine[];
  colour: Cmyk;
  /** A transform [a b c d e f] (pdfkit's, top-down) from the group's own frame to the sheet's: the spine's rotation. */
  transform?: readonly [number, number, number, number, number, number];
}

export interface CoverSheet {
  geometry: WrapGeometry;
  printer: Printer;
  pages: number;
  /** Flat colour, first to last. */
  fills: { rect: Rect; colour: Cmyk }[];
  /** The front's picture: drawn at `placed` (its whole size), showing only what falls in `clip`. */
  image?: { data: Uint8Array; placed: Rect; clip: Rect; ppi: number };
  /** The author's photograph on the back. */
  photo?: { data: Uint8Array; placed: Rect; ppi: number };
  text: TextGroup[];
  /** What the sheet puts on the spine: nothing where the book is too thin for it. */
  spineText: boolean;
  /** Every rectangle something is drawn in, by what it is: for checking that the barcode area stays clear. */
  occupied: { what: string; rect: Rect }[];
  warnings: string[];
}

export interface WrapOptions {
  print: PrintOptions;
  fonts: FontSet;
  pages: number;
  /** The interior's trim, in points. */
  trimWidth: number;
  trimHeight: number;
}

/** Lays out the cover of `book` for the printer and paper in `print.pod`; undefined without one (or without a spine width). */
export function layOutWrap(book: Book, options: WrapOptions): CoverSheet | undefined {
  const pod = options.print.pod;
  if (!pod) return undefined;
  const spine = pod.spine === undefined ? undefined : toPoints(pod.spine) / INCH;
  const geometry = wrapGeometry({ trimWidth: options.trimWidth, trimHeight: options.trimHeight, pages: options.pages, printer: pod.printer, paper: pod.paper as Paper, spine });
  if (!geometry) return undefined;
  const m = book.metadata;
  const colours = coverColours(m.title);
  const background = hexToCmyk(options.print.cover?.background ?? colours.background);
  const ink = hexToCmyk(options.print.cover?.text ?? colours.ink);
  const accent = options.print.cover?.text ? ink : hexToCmyk(colours.accent);
  const sheet: CoverSheet = { geometry, printer: pod.printer, pages: options.pages, fills: [], text: [], spineText: false, occupied: [], warnings: [] };
  sheet.fills.push({ rect: { x: 0, y: 0, width: geometry.width, height: geometry.height }, colour: background });
  const setter = new CoverSetter(options.fonts, book.metadata.language, options.print);
  front(sheet, book, setter, ink, accent);
  const cardTop = authorCard(sheet, book, setter, ink);
  back(sheet, book, setter, ink, cardTop);
  spineLines(sheet, book, setter, ink);
  barcode(sheet, book, setter);
  if (setter.missing.size > 0) {
    const listed = [...setter.missing].map((char) => `"${char}" U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
    sheet.warnings.push(`no face has a glyph for ${setter.missing.size === 1 ? 'a character' : `${setter.missing.size} characters`} of the cover's text, which print${setter.missing.size === 1 ? 's as an empty box' : ' as empty boxes'}: ${listed}; name a font that has ${setter.missing.size === 1 ? 'it' : 'them'} in print.font.fallback`);
  }
  return sheet;
}

/** Text in the book's faces: display lines at natural spacing, and paragraphs justified by Knuth–Plass. */
class CoverSetter {
  private readonly hyphenate;
  /** Characters of the cover's text that no face has, in the order met. */
  readonly missing = new Set<string>();
  constructor(
    readonly fonts: FontSet,
    language: string,
    print: PrintOptions,
  ) {
    const h = print.hyphenation;
    this.hyphenate = createWordHyphenator(language, { enabled: h.enabled, leftMin: h.leftMin, rightMin: h.rightMin, exceptions: h.exceptions });
  }

  /** One line of text from x: a run per face (fallback faces where the book's lacks a character). */
  runs(text: string, style: Style, size: number, smallCaps = false): { runs: Run[]; width: number } {
    const runs: Run[] = [];
    let at = 0;
    for (const segment of this.fonts.segments(text, style)) {
      if (segment.missing) for (const char of segment.text) if (!/\s/.test(char)) this.missing.add(char);
      const face = this.fonts.face(segment.style);
      const caps = smallCaps && face.hasSmallCaps;
      const width = (caps ? face.smallCapsWidth(segment.text) : face.width(segment.text)) * size;
      runs.push({ x: at, text: segment.text, style: segment.style, size, smallCaps: caps, wordSpacing: 0, width });
      at += width;
    }
    return { runs, width: at };
  }

  /** Words into lines no wider than `width`, each centred in it. */
  centred(text: string, style: Style, size: number, width: number, x: number, smallCaps = false): { runs: Run[]; x: number }[] {
    const lines: string[] = [];
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const last = lines.at(-1);
      if (last !== undefined && this.runs(`${last} ${word}`, style, size, smallCaps).width <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines.map((line) => {
      const set = this.runs(line, style, size, smallCaps);
      return { runs: set.runs, x: x + (width - set.width) / 2 };
    });
  }

  /** The largest size from `start` down to `floor` at which `text` takes at most `maxLines` lines, none wider than `width`. */
  fit(text: string, style: Style, start: number, floor: number, width: number, maxLines: number, smallCaps = false): number {
    let size = start;
    while (size > floor) {
      const lines = this.centred(text, style, size, width, 0, smallCaps);
      if (lines.length <= maxLines && lines.every((line) => line.x >= -0.01)) break;
      size = Math.max(floor, size * 0.94);
    }
    return size;
  }

  /** A paragraph justified to `width` (the last line ragged), its lines' runs relative to the line's start. */
  paragraph(content: readonly Inline[], size: number, width: number, indent: number): Run[][] {
    const setting: ParagraphSetting = {
      fonts: this.fonts,
      size,
      hyphenate: this.hyphenate,
      indent,
      smallCapsWords: 0,
      ...BOOK_JUSTIFICATION,
      lineWidth: width,
      hangingPunctuation: true,
      missingGlyph: (char) => this.missing.add(char),
    };
    const items = paragraphItems(content, setting);
    const result = breakLines(items, width, { emergencyStretch: size * 2 });
    return setLines(items, result.breaks, width, this.fonts, size).map((line) => line.runs);
  }
}

/** The front: the author's picture over the front panel and its bleed, or the title and author set in the book's faces. */
function front(sheet: CoverSheet, book: Book, setter: CoverSetter, ink: Cmyk, accent: Cmyk): void {
  const { geometry: g } = sheet;
  const m = book.metadata;
  const cover = m.cover;
  // Front panel plus bleed on its top, bottom and outside edges.
  const clip: Rect = { x: g.front.x, y: 0, width: g.front.width + g.bleed, height: g.height };
  if (cover && !cover.generated && cover.mediaType !== 'image/svg+xml') {
    // Scaled to cover the whole area, centred, the overflow cut off.
    const scale = Math.max(clip.width / cover.width, clip.height / cover.height);
    const placed = { width: cover.width * scale, height: cover.height * scale, x: 0, y: 0 };
    placed.x = clip.x + (clip.width - placed.width) / 2;
    placed.y = clip.y + (clip.height - placed.height) / 2;
    const ppi = INCH / scale;
    sheet.image = { data: cover.data, placed, clip, ppi };
    sheet.occupied.push({ what: 'the front image', rect: clip });
    if (ppi < PRINT_PPI) {
      const needed = `${Math.ceil((clip.width / INCH) * PRINT_PPI)} × ${Math.ceil((clip.height / INCH) * PRINT_PPI)}`;
      sheet.warnings.push(`the cover image prints at ${Math.floor(ppi)} pixels to the inch on the front (${cover.width} × ${cover.height} pixels); printers ask for ${PRINT_PPI}: use one of at least ${needed} pixels`);
    }
    return;
  }
  const margin = Math.max(g.safe, 0.5 * INCH);
  const width = g.front.width - 2 * margin;
  const x = g.front.x + margin;
  const lines: DrawnLine[] = [];
  const titleSize = setter.fit(m.title, 'regular', g.front.width * 0.12, 14, width, 5);
  const titleLines = setter.centred(m.title, 'regular', titleSize, width, x);
  const titleLeading = titleSize * 1.15;
  let y = g.front.y + g.front.height * 0.3 - ((titleLines.length - 1) * titleLeading) / 2;
  for (const line of titleLines) {
    lines.push({ x: line.x, baseline: y, runs: line.runs });
    y += titleLeading;
  }
  const accentLines: DrawnLine[] = [];
  if (m.subtitle) {
    const size = setter.fit(m.subtitle, 'italic', titleSize * 0.4, 9, width, 3);
    y += size * 0.4;
    for (const line of setter.centred(m.subtitle, 'italic', size, width, x)) {
      accentLines.push({ x: line.x, baseline: y, runs: line.runs });
      y += size * 1.25;
    }
  }
  const ruleY = Math.max(y + titleSize * 0.2, g.front.y + g.front.height * 0.58);
  sheet.fills.push({ rect: { x: g.front.x + g.front.width / 2 - 0.5 * INCH, y: ruleY, width: 1 * INCH, height: 1.2 }, colour: accent });
  const authors = m.authors.join(' & ');
  const authorSize = setter.fit(authors, 'regular', titleSize * 0.55, 10, width, 2, true);
  const authorLines = setter.centred(authors, 'regular', authorSize, width, x, true);
  let authorY = g.front.y + g.front.height * 0.86 - (authorLines.length - 1) * authorSize * 1.3;
  for (const line of authorLines) {
    lines.push({ x: line.x, baseline: authorY, runs: line.runs });
    authorY += authorSize * 1.3;
  }
  sheet.text.push({ lines, colour: ink });
  if (accentLines.length > 0) sheet.text.push({ lines: accentLines, colour: accent });
  sheet.occupied.push({ what: 'the front text', rect: { x, y: g.front.y + margin, width, height: g.front.height - 2 * margin } });
}

/** The back: the blurb justified in the panel above the barcode, as large as fits (13 pt down to 8). */
function back(sheet: CoverSheet, book: Book, setter: CoverSetter, ink: Cmyk, cardTop: number): void {
  const blocks = book.backCover;
  if (!blocks || blocks.length === 0) return;
  const { geometry: g } = sheet;
  const margin = Math.max(g.safe, 0.5 * INCH);
  const width = g.back.width - 2 * margin;
  const x = g.back.x + margin;
  const top = g.back.y + margin;
  const floor = Math.min(g.barcode.y, cardTop) - 0.25 * INCH;
  const paragraphs = backParagraphs(blocks, sheet);
  let lines: DrawnLine[] = [];
  for (let size = 13; size >= 8; size -= 0.5) {
    lines = setBack(paragraphs, setter, size, width, x, top);
    if ((lines.at(-1)?.baseline ?? top) <= floor) break;
  }
  const fits = lines.filter((line) => line.baseline <= floor);
  if (fits.length < lines.length) {
    sheet.warnings.push(`the back cover text does not fit above the barcode area even at 8 pt: ${lines.length - fits.length} of its ${lines.length} lines were left off; shorten it (backCover or description)`);
  }
  if (fits.length === 0) return;
  sheet.text.push({ lines: fits, colour: ink });
  sheet.occupied.push({ what: 'the back cover text', rect: { x, y: top, width, height: fits.at(-1)!.baseline + 3 - top } });
}

/**
 * The author's photograph and lines at the foot of the back, left of the barcode area: the photo
 * 1.1 in wide (less on a narrow back), the lines at 9 pt beside it, both ending at the bottom
 * margin. Returns the card's top (the blurb stops above it), or the panel's foot when there is none.
 */
function authorCard(sheet: CoverSheet, book: Book, setter: CoverSetter, ink: Cmyk): number {
  const { geometry: g } = sheet;
  const card = book.authorCard;
  const bottom = g.back.y + g.back.height - Math.max(g.safe, 0.5 * INCH);
  if (!card) return bottom;
  const margin = Math.max(g.safe, 0.5 * INCH);
  const left = g.back.x + margin;
  const right = g.barcode.x - 0.25 * INCH;
  const width = right - left;
  if (width < 1 * INCH) {
    sheet.warnings.push('the back is too narrow beside the barcode area for the author\'s photograph and lines; they were left off');
    return bottom;
  }
  let textLeft = left;
  let top = bottom;
  const photo = card.photo;
  if (photo) {
    const photoWidth = Math.min(1.1 * INCH, width * 0.4);
    const scale = Math.min(photoWidth / photo.width, (1.5 * INCH) / photo.height);
    const placed = { x: left, width: photo.width * scale, height: photo.height * scale, y: 0 };
    placed.y = bottom - placed.height;
    const ppi = INCH / scale;
    sheet.photo = { data: photo.data, placed, ppi };
    sheet.occupied.push({ what: 'the author\'s photograph', rect: placed });
    if (ppi < PRINT_PPI - 0.5) sheet.warnings.push(`the author's photograph prints at ${Math.floor(ppi)} pixels to the inch (${photo.width} × ${photo.height} pixels); printers ask for ${PRINT_PPI}: use one of at least ${Math.ceil((placed.width / INCH) * PRINT_PPI)} pixels wide`);
    textLeft = left + placed.width + 0.15 * INCH;
    top = placed.y;
  }
  if (card.bio) {
    const size = 9;
    const leading = size * 1.3;
    const textWidth = right - textLeft;
    const rows: Run[][] = backParagraphs(card.bio, sheet).flatMap((paragraph) => setter.paragraph(paragraph.content, size, textWidth, 0));
    const shown = rows.slice(0, Math.floor((2.5 * INCH) / leading));
    if (shown.length < rows.length) sheet.warnings.push(`the author's lines on the back take ${rows.length} lines; ${rows.length - shown.length} were left off: shorten print.cover.authorBio`);
    // Ending with the photograph's foot: the last baseline a descender above the bottom margin.
    let baseline = bottom - size * 0.25 - (shown.length - 1) * leading;
    const textTop = baseline - size;
    const lines: DrawnLine[] = [];
    for (const runs of shown) {
      lines.push({ x: textLeft, baseline, runs });
      baseline += leading;
    }
    sheet.text.push({ lines, colour: ink });
    sheet.occupied.push({ what: 'the author\'s lines', rect: { x: textLeft, y: textTop, width: textWidth, height: bottom - textTop } });
    top = Math.min(top, textTop);
  }
  return top;
}

type BackParagraph = { content: Inline[]; heading: boolean };

/** The back's paragraphs, in order: headings stand alone, nested blocks are read through, pictures are left out (with a warning). */
function backParagraphs(blocks: readonly Block[], sheet: CoverSheet): BackParagraph[] {
  const out: BackParagraph[] = [];
  for (const block of allBlocks(blocks)) {
    if (block.kind === 'paragraph') out.push({ content: block.content, heading: false });
    else if (block.kind === 'heading') out.push({ content: block.content, heading: true });
    else if (block.kind === 'verse') for (const stanza of block.stanzas) for (const line of stanza) out.push({ content: line.content, heading: false });
    else if (block.kind === 'figure') sheet.warnings.push('the back cover text has a picture, which the back cover leaves out');
  }
  return out;
}

function setBack(paragraphs: readonly BackParagraph[], setter: CoverSetter, size: number, width: number, x: number, top: number): DrawnLine[] {
  const leading = size * 1.3;
  const lines: DrawnLine[] = [];
  let baseline = top + size;
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.heading) {
      if (i > 0) baseline += leading * 0.5;
      for (const line of setter.centred(plain(paragraph.content), 'italic', size * 1.1, width, x)) {
        lines.push({ x: line.x, baseline, runs: line.runs });
        baseline += leading;
      }
      baseline += leading * 0.25;
      return;
    }
    // The first paragraph (and one after a heading) flush; the rest indented, as in the book.
    const indent = i === 0 || paragraphs[i - 1]!.heading ? 0 : size * 1.5;
    for (const runs of setter.paragraph(paragraph.content, size, width, indent)) {
      lines.push({ x, baseline, runs });
      baseline += leading;
    }
  });
  return lines;
}

/**
 * The spine: title at the head and author at the foot on one line, read top to bottom (the
 * English and American way), centred across the spine. Left off where the printer allows no spine
 * text at this page count, or where the spine is too thin for 6 pt type.
 */
function spineLines(sheet: CoverSheet, book: Book, setter: CoverSetter, ink: Cmyk): void {
  const { geometry: g } = sheet;
  const band = g.spineText;
  const rules = PRINTERS[sheet.printer];
  if (!band) {
    if (rules.spineTextMinPages !== undefined && sheet.pages < rules.spineTextMinPages) sheet.warnings.push(`the spine has no text: ${rules.name} allows it from ${rules.spineTextMinPages} pages, and the book has ${sheet.pages}`);
    return;
  }
  const title = book.metadata.shortTitle ?? book.metadata.title;
  const author = book.metadata.authors.join(' & ');
  // Capital letters fill at most 60 % of the band across (book faces' capitals stand about 0.66 em).
  const capHeight = 0.66;
  let size = Math.min(14, (band.width * 0.6) / capHeight);
  const gap = 0.3 * INCH;
  const length = band.height;
  const widths = (s: number) => ({ title: setter.runs(title, 'regular', s).width, author: setter.runs(author, 'regular', s * 0.85, true).width });
  while (size > 6 && widths(size).title + widths(size).author + gap > length) size *= 0.95;
  if (size < 6 || widths(size).title + widths(size).author + gap > length) {
    sheet.warnings.push(`the spine (${(g.spineWidth / INCH).toFixed(3)} in) is too narrow for legible text and was left blank`);
    return;
  }
  const w = widths(size);
  // The group's own frame: x runs down the spine from the top of its band, y across it from the spine's right edge.
  const baseline = (g.spineWidth + capHeight * size) / 2;
  const titleRuns = setter.runs(title, 'regular', size).runs;
  const authorRuns = setter.runs(author, 'regular', size * 0.85, true).runs;
  const lines: DrawnLine[] = [
    { x: 0, baseline, runs: titleRuns },
    { x: length - w.author, baseline, runs: authorRuns },
  ];
  sheet.text.push({ lines, colour: ink, transform: [0, 1, -1, 0, g.spine.x + g.spine.width, band.y] });
  sheet.spineText = true;
  sheet.occupied.push({ what: 'the spine text', rect: band });
}

/** With an ISBN, its EAN-13 symbol in a white box in the barcode area (at 100 %: 0.33 mm modules); without one, the area stays empty for the printer's. */
function barcode(sheet: CoverSheet, book: Book, setter: CoverSetter): void {
  const isbn = book.metadata.isbn;
  if (!isbn || isbn.length !== 13) return;
  const box = sheet.geometry.barcode;
  sheet.fills.push({ rect: box, colour: WHITE });
  const module = (0.33 / 25.4) * INCH;
  const symbolWidth = 95 * module;
  const left = box.x + (box.width - symbolWidth) / 2;
  const digitSize = 8;
  const top = box.y + 0.12 * INCH + digitSize;
  const barHeight = box.height - 0.24 * INCH - digitSize * 2.2;
  for (const [start, count] of barRuns(ean13Modules(isbn))) {
    sheet.fills.push({ rect: { x: left + start * module, y: top + 2, width: count * module, height: barHeight }, colour: BLACK });
  }
  // Unhyphenated: where the hyphens go depends on the registration group, which the digits alone do not tell.
  const label = `ISBN ${isbn}`;
  const lines: DrawnLine[] = [];
  for (const line of setter.centred(label, 'regular', digitSize, box.width, box.x)) lines.push({ x: line.x, baseline: top, runs: line.runs });
  for (const line of setter.centred(isbn, 'regular', digitSize, box.width, box.x)) lines.push({ x: line.x, baseline: top + 2 + barHeight + digitSize * 1.1, runs: line.runs });
  sheet.text.push({ lines, colour: BLACK });
}
