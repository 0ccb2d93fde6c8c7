import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Metadata } from '../model/index.ts';
import type { PageDesign } from '../typeset/design.ts';
import type { FontSet, Style } from '../typeset/fonts.ts';
import { STYLES } from '../typeset/fonts.ts';
import type { DrawnPage, OutlineEntry } from '../typeset/index.ts';
import { GlyphText, type NumberedPieces, type WordTexts } from './glyph-text.ts';

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

  constructor(
    private readonly design: PageDesign,
    private readonly fonts: FontSet,
    metadata: PdfMetadata,
  ) {
    const modified = new Date(metadata.modified);
    this.doc = new PDFDocument({
      size: [design.width, design.height],
      margin: 0,
      autoFirstPage: false,
      pdfVersion: '1.7',
      lang: metadata.language,
      displayTitle: true,
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
    this.glyphText = new GlyphText(this.doc as unknown as ConstructorParameters<typeof GlyphText>[0]);
  }

  /**
   * Draws the next pages of the body; `numbers` gives, run by run, the count of its pieces and
   * their numbers in `texts` (see WordNumbers), when the pages came numbered.
   */
  body(pages: readonly DrawnPage[], numbers?: Int32Array, texts?: WordTexts): void {
    const numbered = numbers && texts ? { numbers, at: 0, count: 0, texts } : undefined;
    for (const page of pages) this.draw(page, numbered);
  }

  /** Draws the front matter, puts it before the body, adds the outline and returns the whole file. */
  async finish(front: readonly DrawnPage[], outline: readonly OutlineEntry[]): Promise<Buffer> {
    for (const page of front) this.draw(page);
    const kids = (this.doc as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data.Kids;
    kids.unshift(...kids.splice(kids.length - front.length));
    // pdfkit's defaults, with the page given by its place in the finished order.
    for (const entry of outline) this.doc.outline.addItem(entry.title, { pageNumber: entry.pageIndex, fit: true, expanded: false, top: 0, left: 0, zoom: 0 } as { expanded: boolean });
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.end();
    await ended;
    return Buffer.concat(this.chunks);
  }

  private draw(page: DrawnPage, numbered?: NumberedPieces): void {
    const { doc, design, glyphText, fonts } = this;
    doc.addPage({ size: [design.width, design.height], margin: 0 });
    const trim = [0, 0, design.width, design.height];
    // Print services read the trim from TrimBox; with no bleed, BleedBox is the same.
    const pageDictionary = doc.page.dictionary.data as Record<string, unknown>;
    pageDictionary.TrimBox = trim;
    pageDictionary.BleedBox = trim;
    for (const line of page.lines) {
      if (line.image) {
        glyphText.flush();
        const { image } = line;
        doc.image(Buffer.from(image.data), line.x + image.x, line.baseline - image.height, { width: image.width, height: image.height });
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
        glyphText.flush();
        doc.font(fontName(fonts, run.style)).fontSize(run.size);
        // Glyphs with offsets (marks): pdfkit's fragment painter, which shapes them as fontkit did
        // when they were measured.
        this.paint.call(doc, run.text, line.x + run.x, line.baseline, {
          baseline: 'alphabetic',
          wordSpacing: run.wordSpacing,
          features: run.smallCaps ? ['smcp'] : undefined,
        });
      }
    }
    glyphText.flush();
    deflatePageContent(doc);
  }
}

const fontName = (fonts: FontSet, style: Style) => fonts.face(style).file;

interface PdfkitStream {
  buffer: Uint8Array[];
  compress: boolean;
  data: { Filter?: string };
}

/**
 * Deflates the page's content stream now, at a lower level than pdfkit's default: a novel's pages
 * compress in half the time for some 6 % more bytes. Left to pdfkit if its stream is not as expected.
 */
function deflatePageContent(doc: PDFKit.PDFDocument): void {
  const content = (doc.page as unknown as { content?: PdfkitStream }).content;
  if (!content || content.compress !== true || !Array.isArray(content.buffer) || content.buffer.length === 0 || content.data.Filter !== 'FlateDecode') return;
  content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: 4 })];
  content.compress = false;
}
