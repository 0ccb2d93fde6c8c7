import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Metadata } from '../model/index.ts';
import type { PageDesign } from '../typeset/design.ts';
import type { FontSet } from '../typeset/fonts.ts';
import { STYLES } from '../typeset/fonts.ts';
import type { DrawnLine, DrawnPage, OutlineEntry } from '../typeset/index.ts';
import type { PdfkitEmbeddedFont } from './cid-font.ts';
import { GlyphText, type NumberedPieces, type WordTexts } from './glyph-text.ts';
import { furnitureLines, textLines, type PageRecord } from './page-cache.ts';
import { markPdfx } from './pdfx.ts';
import type { CoverSheet } from '../cover/print-wrap.ts';
import type { Cmyk } from '../cover/colour.ts';
import type { Rect } from '../cover/wrap.ts';

/** What the PDF's document information and language come from. */
export type PdfMetadata = Pick<Metadata, 'title' | 'authors' | 'description' | 'language' | 'modified'>;

/**
 * Draws typeset pages; every position was decided by the typesetter, this only paints. A PDF
 * drawn as its pages come: the body's pages as each division is set, the front matter (whose
 * contents need the body's page numbers) last, put before the body when the document is finished.
 * The order of drawing is always the same, so the bytes are too.
 */
export class PdfPainter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly glyphText: GlyphText;
  private readonly paint: (text: string, x: number, y: number, options: object) => void;

  private readonly pdfx: boolean;
  private readonly metadata: PdfMetadata;

  constructor(
    private readonly design: Pick<PageDesign, 'width' | 'height'>,
    private readonly fonts: FontSet,
    metadata: PdfMetadata,
    /** PDF/X-1a:2001 for the printer (see pdfx.ts): PDF 1.3, without the 1.4 keys (language, title display). */
    options: { pdfx?: boolean } = {},
  ) {
    this.pdfx = options.pdfx ?? false;
    this.metadata = metadata;
    const modified = new Date(metadata.modified);
    this.doc = new PDFDocument({
      size: [design.width, design.height],
      margin: 0,
      autoFirstPage: false,
      pdfVersion: this.pdfx ? '1.3' : '1.7',
      ...(this.pdfx ? {} : { lang: metadata.language, displayTitle: true }),
      compress: true,
      info: {
        Title: metadata.title,
        Author: metadata.authors.join(', '),
        Subject: metadata.description ?? '',
        Creator: 'book',
        Producer: 'book (pdfkit)',
        CreationDate: modified,
        ModDate: modified,
      },
    });
    // Held in memory (a novel's PDF is a few megabytes): written only when whole.
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    const registered = new Set<string>();
    for (const style of STYLES) {
      const face = fonts.face(style);
      if (registered.has(face.file)) continue;
      registered.add(face.file);
      this.doc.registerFont(face.file, face.data);
    }
    const paint = (this.doc as unknown as { _fragment: PdfPainter['paint'] })._fragment;
    if (typeof paint !== 'function') throw new Error('pdfkit no longer has _fragment(): pin pdfkit to the version package.json names');
    this.paint = paint;
    // Text is written from our own glyph runs; pdfkit's painter is left glyphs with offsets (marks).
    this.glyphText = new GlyphText(this.doc as unknown as ConstructorParameters<typeof GlyphText>[0], fonts.distinctFaces);
  }

  /** Every page drawn or recalled that has a key, in drawing order: what a page cache keeps for the next build. */
  readonly records: PageRecord[] = [];

  /**
   * Draws the next pages of the body; `numbers` gives, run by run, the count of its pieces and
   * their numbers in `texts` (see WordNumbers), when the pages came numbered. With a plan, a page's
   * text is drawn or recalled as the plan says; its furniture is always drawn.
   */
  body(pages: readonly DrawnPage[], numbers?: Int32Array, texts?: WordTexts, plan?: PagePlan): void {
    const numbered = numbers && texts ? { numbers, at: 0, count: 0, texts } : undefined;
    this.drawAll(pages, numbered, plan);
  }

  private drawAll(pages: readonly DrawnPage[], numbered: NumberedPieces | undefined, plan: PagePlan | undefined): void {
    pages.forEach((page, i) => {
      const step = plan ? plan.steps[i]! : -1;
      this.addPage();
      if (step >= 0) this.recall(plan!.recalled(step));
      else this.drawText(textLines(page), numbered, plan?.keys[i] ?? undefined);
      this.drawFurniture(furnitureLines(page), numbered);
    });
  }

  /** Draws the front matter, puts it before the body, adds the outline and returns the whole file. */
  async finish(front: readonly DrawnPage[], outline: readonly OutlineEntry[], plan?: PagePlan): Promise<Buffer> {
    this.drawAll(front, undefined, plan);
    this.glyphText.settle();
    const kids = (this.doc as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data.Kids;
    kids.unshift(...kids.splice(kids.length - front.length));
    // pdfkit's defaults, with the page given by its place in the finished order.
    for (const entry of outline) this.doc.outline.addItem(entry.title, { pageNumber: entry.pageIndex, fit: true, expanded: false, top: 0, left: 0, zoom: 0 } as { expanded: boolean });
    if (this.pdfx) markPdfx(this.doc, { title: this.metadata.title, authors: this.metadata.authors, modified: new Date(this.metadata.modified) });
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.end();
    await ended;
    return Buffer.concat(this.chunks);
  }

  private addPage(width = this.design.width, height = this.design.height, trimBox?: Rect): void {
    const { doc } = this;
    doc.addPage({ size: [width, height], margin: 0 });
    // Print services read the trim from TrimBox (in PDF's own coordinates, from the bottom left); with no bleed, BleedBox is the same.
    const trim = trimBox ? [trimBox.x, height - trimBox.y - trimBox.height, trimBox.x + trimBox.width, height - trimBox.y] : [0, 0, width, height];
    const pageDictionary = doc.page.dictionary.data as Record<string, unknown>;
    pageDictionary.TrimBox = trim;
    pageDictionary.BleedBox = [0, 0, width, height];
  }

  /**
   * Draws a cover sheet on a page of its own size: flat colours, the front's picture, the text
   * groups (the spine's turned), and with `guides` the trim, folds, safe area and barcode box.
   * Colours are CMYK, for the printer.
   */
  sheet(sheet: CoverSheet, guides = false): void {
    const { doc, glyphText } = this;
    const g = sheet.geometry;
    this.addPage(g.width, g.height, g.trim);
    const cmyk = (colour: Cmyk) => colour.map((value) => value * 100) as [number, number, number, number];
    for (const fill of sheet.fills) doc.rect(fill.rect.x, fill.rect.y, fill.rect.width, fill.rect.height).fill(cmyk(fill.colour));
    if (sheet.image) {
      const { placed, clip } = sheet.image;
      doc.save().rect(clip.x, clip.y, clip.width, clip.height).clip();
      doc.image(Buffer.from(sheet.image.data), placed.x, placed.y, { width: placed.width, height: placed.height });
      doc.restore();
    }
    if (sheet.photo) {
      const { placed } = sheet.photo;
      doc.image(Buffer.from(sheet.photo.data), placed.x, placed.y, { width: placed.width, height: placed.height });
    }
    for (const group of sheet.text) {
      doc.save();
      if (group.transform) doc.transform(...group.transform);
      // Text takes the fill colour set before its text object opens.
      doc.fillColor(cmyk(group.colour));
      this.drawLines(group.lines);
      glyphText.flush();
      doc.restore();
    }
    if (guides) {
      const stroke = (rect: Rect, colour: Cmyk, dash?: number) => {
        doc.save().lineWidth(0.5);
        if (dash) doc.dash(dash, { space: dash });
        doc.rect(rect.x, rect.y, rect.width, rect.height).stroke(cmyk(colour)).restore();
      };
      const magenta: Cmyk = [0, 1, 0, 0];
      const cyan: Cmyk = [1, 0, 0, 0];
      stroke(g.trim, magenta);
      for (const x of [g.spine.x, g.spine.x + g.spine.width]) doc.save().lineWidth(0.5).moveTo(x, 0).lineTo(x, g.height).stroke(cmyk(magenta)).restore();
      for (const panel of [g.back, g.front]) stroke({ x: panel.x + g.safe, y: panel.y + g.safe, width: panel.width - 2 * g.safe, height: panel.height - 2 * g.safe }, cyan, 3);
      if (g.spineText) stroke(g.spineText, cyan, 3);
      stroke(g.barcode, magenta, 2);
    }
    this.glyphText.endPart();
  }

  /** A page's text as an earlier build drew it, its content stream as written then. */
  private recall(record: PageRecord): void {
    this.glyphText.recallText(record);
    const content = pageContent(this.doc);
    if (!content) throw new Error('pdfkit no longer keeps page content as a stream of chunks: pin pdfkit to the version package.json names');
    content.buffer = [Buffer.from(record.stream.buffer, record.stream.byteOffset, record.stream.byteLength)];
    content.compress = false;
    this.records.push(record);
  }

  /**
   * The page's furniture, in a content stream of its own after the text's, so that the text's
   * stream stays the same when only the page numbers change.
   */
  private drawFurniture(lines: readonly DrawnLine[], numbered?: NumberedPieces): void {
    if (lines.length === 0) return;
    const page = this.doc.page as unknown as { content: PdfkitReference; dictionary: { data: Record<string, unknown> } };
    const text = page.content;
    const furniture = (this.doc as unknown as { ref(): PdfkitReference }).ref();
    // A few dozen bytes: not worth a deflate each.
    furniture.compress = false;
    page.content = furniture;
    try {
      this.drawLines(lines, numbered);
      this.glyphText.endPart();
    } finally {
      page.content = text;
    }
    page.dictionary.data.Contents = [text, furniture];
    furniture.end();
  }

  /** The page's text, in its content stream, kept as a record under `key` when given. */
  private drawText(lines: readonly DrawnLine[], numbered: NumberedPieces | undefined, key: string | undefined): void {
    this.drawLines(lines, numbered);
    const glyphs = this.glyphText.endPart();
    const stream = deflatePageContent(this.doc);
    if (key && stream) this.records.push({ key, stream, ...glyphs });
  }

  private drawLines(lines: readonly DrawnLine[], numbered?: NumberedPieces): void {
    const { doc, glyphText, fonts } = this;
    for (const line of lines) {
      if (line.image) {
        glyphText.flush();
        const { image } = line;
        doc.image(Buffer.from(image.data), line.x + image.x, line.baseline - image.height, { width: image.width, height: image.height });
      }
      if (line.rules) {
        glyphText.flush();
        for (const rule of line.rules) {
          const y = line.baseline - rule.rise;
          doc.save().lineWidth(0.5).moveTo(line.x + rule.x, y).lineTo(line.x + rule.x + rule.width, y).stroke().restore();
        }
      }
      for (const run of line.runs) {
        if (!run.text) continue;
        if (numbered) {
          numbered.count = numbered.numbers[numbered.at]!;
          numbered.at++;
        }
        const drawn = glyphText.draw(run, fonts.face(run.style), line.x + run.x, line.baseline, numbered);
        if (numbered) numbered.at += numbered.count;
        if (drawn) continue;
        // Glyphs with offsets (marks): pdfkit's fragment painter, which shapes them as fontkit did
        // when they were measured. What it lays out is claimed for the page.
        const face = fonts.face(run.style);
        const font = glyphText.useElsewhere(face) as PdfkitEmbeddedFont & { layout: LayoutFunction };
        doc.font(face.file).fontSize(run.size);
        const layout = font.layout;
        const laidOut: { id: number; codePoints: number[] }[] = [];
        font.layout = function (this: unknown, ...args) {
          const result = layout.apply(this, args);
          if (result.glyphs) laidOut.push(...result.glyphs);
          return result;
        };
        try {
          this.paint.call(doc, run.text, line.x + run.x, line.baseline, {
            baseline: 'alphabetic',
            wordSpacing: run.wordSpacing,
            features: run.smallCaps ? ['smcp'] : undefined,
          });
        } finally {
          font.layout = layout;
        }
        glyphText.claim(face, laidOut);
      }
    }
  }
}

interface PdfkitReference {
  compress: boolean;
  end(): void;
}

type LayoutFunction = (...args: unknown[]) => { glyphs: { id: number; codePoints: number[] }[] | null };

/** Which pages of a batch come drawn and which are recalled (see PdfThread's page cache). */
export interface PagePlan {
  /** Page by page: -1 for a page drawn whole, else the entry whose text to recall (the page given is then its furniture alone). */
  steps: Int32Array;
  /** Page by page: the key to keep a drawn page's text under; null for a recalled page or one never kept (illustrations). */
  keys: (string | null)[];
  recalled(entry: number): PageRecord;
}

interface PdfkitStream {
  buffer: Uint8Array[];
  compress: boolean;
  data: { Filter?: string };
}

function pageContent(doc: PDFKit.PDFDocument): PdfkitStream | undefined {
  const content = (doc.page as unknown as { content?: PdfkitStream }).content;
  if (!content || content.compress !== true || !Array.isArray(content.buffer) || content.buffer.length === 0 || content.data.Filter !== 'FlateDecode') return undefined;
  return content;
}

/**
 * Deflates the page's content stream now, at a lower level than pdfkit's default: a novel's pages
 * compress in half the time for some 6 % more bytes. Returns the stream as written, or undefined,
 * left to pdfkit, if its stream is not as expected.
 */
function deflatePageContent(doc: PDFKit.PDFDocument): Buffer | undefined {
  const content = pageContent(doc);
  if (!content) return undefined;
  const stream = deflateSync(Buffer.concat(content.buffer), { level: 4 });
  content.buffer = [stream];
  content.compress = false;
  return stream;
}
