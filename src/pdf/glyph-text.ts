import type { Face, FontkitGlyphRun } from '../typeset/fonts.ts';
import type { Run } from '../typeset/lines.ts';

/** The parts of pdfkit's embedded font that text drawn from our own glyph runs must keep up to date. */
interface PdfkitFont {
  id: string;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface PdfkitDocument {
  _font: PdfkitFont;
  page: { height: number; fonts: Record<string, unknown> };
  font(name: string): PdfkitDocument;
  addContent(data: string | Uint8Array): PdfkitDocument;
}

/** A word as TJ operands: glyph ids in hex with kerning between them, and the kerning after its last glyph. */
interface EncodedWord {
  operands: string;
  /** Advance beyond the last glyph's own width, in thousandths of an em (kerning into what follows). */
  trailing: number;
}

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/**
 * Writes text operators straight from the typesetter's glyph runs: each word is encoded once per
 * face and reused, and words are spaced with TJ offsets, so the drawn line is exactly the measured
 * one. Glyphs are registered in pdfkit's font subset, which embeds the font and its ToUnicode map.
 * A page's runs share one text object, written to the page in one piece by flush().
 */
export class GlyphText {
  /** Operators of the open text object, not yet on the page. */
  private pending = '';
  private pendingFont = '';
  private pendingSize = 0;
  private readonly fonts = new Map<Face, PdfkitFont>();
  private readonly words = new Map<Face, Map<string, EncodedWord | null>>();
  private readonly smallCapWords = new Map<Face, Map<string, EncodedWord | null>>();

  constructor(private readonly doc: PdfkitDocument) {}

  /** Draws the run with its left baseline end at (x, y) in top-down page coordinates; false if it cannot (marks, offsets). */
  draw(run: Run, face: Face, x: number, y: number): boolean {
    const font = this.fontOf(face);
    const cache = (run.smallCaps ? this.smallCapWords : this.words).get(face)!;
    // pdfkit's word spacing: the space glyph's advance plus the run's extra space, both in thousandths of an em.
    const space = face.width(' ') * 1000 + (run.wordSpacing * 1000) / run.size;
    const spaceOperand = num(-space);
    const text = run.text;
    // As pdfkit sets small capitals: the whole text at once (kerning across spaces) unless spaces are widened.
    const whole = run.smallCaps && run.wordSpacing === 0;
    let operands = '';
    for (let start = 0; start <= text.length; ) {
      let end = whole ? -1 : text.indexOf(' ', start);
      if (end < 0) end = text.length;
      const piece = text.slice(start, end);
      const word = cache.get(piece) ?? this.encode(face, font, piece, run.smallCaps, cache);
      if (word === null) return false;
      const last = end === text.length;
      if (operands) operands += ' ';
      operands += word.operands;
      if (word.trailing !== 0) {
        const after = word.trailing + (last ? 0 : space);
        if (Math.abs(after) > 1e-6) operands += ` ${num(-after)}`;
      } else if (!last && Math.abs(space) > 1e-6) operands += ` ${spaceOperand}`;
      start = end + 1;
    }
    const height = this.doc.page.height;
    if (this.doc.page.fonts[font.id] == null) this.doc.page.fonts[font.id] = font.ref();
    // pdfkit's pages are drawn upside down (top-left origin): the text object sets that right.
    if (!this.pending) {
      this.pending = `q 1 0 0 -1 0 ${num(height)} cm BT`;
      this.pendingFont = '';
    }
    if (font.id !== this.pendingFont || run.size !== this.pendingSize) {
      this.pending += `\n/${font.id} ${num(run.size)} Tf`;
      this.pendingFont = font.id;
      this.pendingSize = run.size;
    }
    this.pending += `\n1 0 0 1 ${num(x)} ${num(height - y)} Tm [${operands}] TJ`;
    return true;
  }

  /** Puts the text drawn so far on the page: before anything else is drawn there, and when the page is done. */
  flush(): void {
    if (!this.pending) return;
    this.doc.addContent(Buffer.from(`${this.pending}\nET Q\n`, 'latin1'));
    this.pending = '';
  }

  private fontOf(face: Face): PdfkitFont {
    let font = this.fonts.get(face);
    if (!font) {
      font = this.doc.font(face.file)._font;
      this.fonts.set(face, font);
      this.words.set(face, new Map());
      this.smallCapWords.set(face, new Map());
    }
    return font;
  }

  private encode(face: Face, font: PdfkitFont, word: string, smallCaps: boolean, cache: Map<string, EncodedWord | null>): EncodedWord | null {
    let encoded = cache.get(word);
    if (encoded !== undefined) return encoded;
    encoded = word === '' ? { operands: '', trailing: 0 } : this.encodeRun(smallCaps ? face.shapeSmallCaps(word) : face.shapeWord(word), font);
    cache.set(word, encoded);
    return encoded;
  }

  private encodeRun(run: FontkitGlyphRun, font: PdfkitFont): EncodedWord | null {
    let operands = '';
    let hex = '';
    let trailing = 0;
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i]!;
      const position = run.positions[i]!;
      if (position.xOffset || position.yOffset) return null;
      const id = font.subset.includeGlyph(glyph.id);
      font.widths[id] ??= glyph.advanceWidth * font.scale;
      font.unicode[id] ??= glyph.codePoints;
      hex += id.toString(16).padStart(4, '0');
      const kern = (position.xAdvance - glyph.advanceWidth) * font.scale;
      if (i === run.glyphs.length - 1) trailing = kern;
      else if (kern !== 0) {
        operands += `<${hex}> ${num(-kern)} `;
        hex = '';
      }
    }
    operands += `<${hex}>`;
    return { operands, trailing };
  }
}
