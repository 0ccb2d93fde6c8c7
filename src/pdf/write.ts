import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Metadata } from '../model/index.ts';
import type { Face, FontkitGlyphRun, FontSet, Style } from '../typeset/fonts.ts';
import { STYLES } from '../typeset/fonts.ts';
import type { TypesetBook } from '../typeset/index.ts';

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
  const shaping = new Map<Face, SharedShaping>();
  for (const style of STYLES) if (!shaping.has(fonts.face(style))) shaping.set(fonts.face(style), new SharedShaping(doc, fonts.face(style)));
  const paint = (doc as unknown as { _fragment: (text: string, x: number, y: number, options: object) => void })._fragment;
  if (typeof paint !== 'function') throw new Error('pdfkit no longer has _fragment(): pin pdfkit to the version package.json names');

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
        const { image } = line;
        doc.image(Buffer.from(image.data), line.x + image.x, line.baseline - image.height, { width: image.width, height: image.height });
      }
      for (const run of line.runs) {
        if (!run.text) continue;
        doc.font(fontName(run.style)).fontSize(run.size);
        if (!run.smallCaps) shaping.get(fonts.face(run.style))!.ensure(run.text);
        // Straight to pdfkit's fragment painter: every position is decided, so the line-wrapping
        // and measuring that doc.text() does first would only cost time.
        paint.call(doc, run.text, line.x + run.x, line.baseline, {
          baseline: 'alphabetic',
          // Never zero: pdfkit then draws word by word from the shaping it was handed (see shareShaping).
          wordSpacing: run.wordSpacing || Number.MIN_VALUE,
          features: run.smallCaps ? ['smcp'] : undefined,
          textWidth: run.width - run.wordSpacing * (run.text.split(' ').length - 1),
          wordCount: run.text.split(' ').length,
        });
      }
    }
  }
  doc.end();
  return done;
}

/**
 * Hands pdfkit the words the typesetter shaped (and measured), in the form its per-word layout
 * cache keeps, so drawing uses the very glyphs and advances the lines were justified with and no
 * word is shaped twice. pdfkit looks words up there only when a run has word spacing.
 */
class SharedShaping {
  private readonly cache: Record<string, unknown> | undefined;
  private readonly scale: number;

  constructor(
    doc: PDFKit.PDFDocument,
    private readonly face: Face,
  ) {
    doc.font(face.file);
    const font = (doc as unknown as { _font: { layoutCache?: Record<string, unknown>; scale: number } })._font;
    this.cache = font.layoutCache;
    this.scale = font.scale;
    for (const [word, run] of face.shapedWords()) this.add(word, run);
  }

  /** Words the typesetter did not shape whole (a hyphenated word's halves) are shaped here. */
  ensure(text: string): void {
    if (!this.cache) return;
    for (const word of text.split(' ')) {
      if (word && !this.cache[word]) this.add(word, this.face.shapeWord(word));
    }
  }

  private add(word: string, run: FontkitGlyphRun): void {
    if (!this.cache || this.cache[word]) return;
    const scale = this.scale;
    const positions = run.positions.map((p, i) => ({ xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: run.glyphs[i]!.advanceWidth * scale }));
    this.cache[word] = { glyphs: run.glyphs, positions, advanceWidth: run.advanceWidth * scale };
  }
}
