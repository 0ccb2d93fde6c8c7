import { createWriteStream } from 'node:fs';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Metadata } from '../model/index.ts';
import type { FontSet, Style } from '../typeset/fonts.ts';
import { STYLES } from '../typeset/fonts.ts';
import type { TypesetBook } from '../typeset/index.ts';
import { GlyphText } from './glyph-text.ts';

/** Draws typeset pages. Every position was decided by the typesetter; this only paints. */
export async function writePdf(typeset: TypesetBook, fonts: FontSet, metadata: Metadata, file: string): Promise<void> {
  const { design } = typeset;
  const modified = new Date(metadata.modified);
  const doc = new PDFDocument({
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
  const registered = new Set<string>();
  for (const style of STYLES) {
    const face = fonts.face(style);
    if (registered.has(face.file)) continue;
    registered.add(face.file);
    doc.registerFont(face.file, face.data);
  }
  const fontName = (style: Style) => fonts.face(style).file;
  const paint = (doc as unknown as { _fragment: (text: string, x: number, y: number, options: object) => void })._fragment;
  if (typeof paint !== 'function') throw new Error('pdfkit no longer has _fragment(): pin pdfkit to the version package.json names');

  // Text is written from our own glyph runs; pdfkit's painter is left glyphs with offsets (marks).
  const glyphText = new GlyphText(doc as unknown as ConstructorParameters<typeof GlyphText>[0]);
  const outlineAt = new Map<number, string[]>();
  for (const entry of typeset.outline) outlineAt.set(entry.pageIndex, [...(outlineAt.get(entry.pageIndex) ?? []), entry.title]);

  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
  });

  for (const [index, page] of typeset.pages.entries()) {
    // Let signals and the output stream in now and then.
    if (index % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
    doc.addPage({ size: [design.width, design.height], margin: 0 });
    const trim = [0, 0, design.width, design.height];
    // Print services read the trim from TrimBox; with no bleed, BleedBox is the same.
    const pageDictionary = doc.page.dictionary.data as Record<string, unknown>;
    pageDictionary.TrimBox = trim;
    pageDictionary.BleedBox = trim;
    for (const title of outlineAt.get(index) ?? []) doc.outline.addItem(title);
    for (const line of page.lines) {
      if (line.image) {
        glyphText.flush();
        const { image } = line;
        doc.image(Buffer.from(image.data), line.x + image.x, line.baseline - image.height, { width: image.width, height: image.height });
      }
      for (const run of line.runs) {
        if (!run.text) continue;
        if (glyphText.draw(run, fonts.face(run.style), line.x + run.x, line.baseline)) continue;
        glyphText.flush();
        doc.font(fontName(run.style)).fontSize(run.size);
        // Glyphs with offsets (marks): pdfkit's fragment painter, which shapes them as fontkit did
        // when they were measured.
        paint.call(doc, run.text, line.x + run.x, line.baseline, {
          baseline: 'alphabetic',
          wordSpacing: run.wordSpacing,
          features: run.smallCaps ? ['smcp'] : undefined,
        });
      }
    }
    glyphText.flush();
    deflatePageContent(doc);
  }
  doc.end();
  return done;
}

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
