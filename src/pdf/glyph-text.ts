import type { Face, FontkitGlyphRun } from '../typeset/fonts.ts';
import type { Run } from '../typeset/lines.ts';
import { glyphsClaimed, hasTrueTypeOutlines, useStableCids, type GlyphClaims, type PdfkitEmbeddedFont } from './cid-font.ts';

interface PdfkitDocument {
  _font: PdfkitEmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
  font(name: string): PdfkitDocument;
  addContent(data: string | Uint8Array): PdfkitDocument;
}

/**
 * The pieces a run is drawn in, each encoded once and reused: its words, or the whole run for
 * small capitals set as pdfkit sets them (kerning across spaces, spaces not widened).
 */
export function runPieces(run: Run): string[] {
  return run.smallCaps && run.wordSpacing === 0 ? [run.text] : run.text.split(' ');
}

/** Words by number (see WordNumbers): the drawing thread's copy of the table, grown as pages arrive. */
export type WordTexts = string[];

/** The numbers of a run's pieces: `count` numbers from `at` in `numbers`. */
export interface NumberedPieces {
  numbers: Int32Array;
  at: number;
  count: number;
  texts: WordTexts;
}

/** A word as TJ operands: glyph ids in hex with kerning between them, and the kerning after its last glyph. */
interface EncodedWord {
  operands: string;
  /** Advance beyond the last glyph's own width, in thousandths of an em (kerning into what follows). */
  trailing: number;
  /** Its glyphs as claims (see GlyphClaims). */
  claims: number[];
  /** The last part of a page it was drawn in (see GlyphText.endPart). */
  part: number;
  /**
   * The word's text, when a glyph of it is the face's .notdef (a character no face has): the text
   * layer reads it instead, since every .notdef is one glyph and cannot map to each character.
   */
  actualText?: string;
}

/** What a part of a page drawn needs to be drawn again (see PageRecord): the faces it used, in the order it first used them, and its glyph claims. */
export interface PageGlyphs {
  faces: number[];
  claims: GlyphClaims;
}

/** UTF-16BE code units in hex, as a PDF text string is written. */
function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** One page's text operators as bytes: each piece is copied in as it comes, never joined as strings. */
class PageBytes {
  private buffer = Buffer.allocUnsafe(1 << 16);
  length = 0;

  write(text: string): void {
    // Every character is one byte (operators, numbers, hex glyph ids).
    if (this.length + text.length > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    // Most pieces are a few bytes (a space, a kern, a word's glyphs): copied here, they skip the
    // cost of a call into Buffer.write, which dominates at that size.
    if (text.length <= 32) {
      const buffer = this.buffer;
      for (let i = 0, at = this.length; i < text.length; i++, at++) buffer[at] = text.charCodeAt(i);
      this.length += text.length;
    } else this.length += this.buffer.write(text, this.length, 'latin1');
  }

  /** The bytes written so far, as a buffer of their own; the writer starts again empty. */
  take(): Buffer {
    const bytes = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return bytes;
  }
}

/**
 * Writes text operators straight from the typesetter's glyph runs: each word is encoded once per
 * face and reused, and words are spaced with TJ offsets, so the drawn line is exactly the measured
 * one. Glyphs are registered in pdfkit's font subset, which embeds the font and its ToUnicode map.
 * A page's runs share one text object, written to the page in one piece by flush().
 */
export class GlyphText {
  /** Operators of the open text object, not yet on the page. */
  private readonly pending = new PageBytes();
  private open = false;
  private pendingFont = '';
  private pendingSize = 0;
  private readonly fonts = new Map<Face, PdfkitEmbeddedFont>();
  private readonly words = new Map<Face, Map<string, EncodedWord | null>>();
  private readonly smallCapWords = new Map<Face, Map<string, EncodedWord | null>>();
  /** Encodings by word number (see NumberedPieces), per face and case: an index instead of a lookup by text. */
  private readonly numberedWords = new Map<Face, (EncodedWord | null)[]>();
  private readonly numberedSmallCapWords = new Map<Face, (EncodedWord | null)[]>();
  /**
   * The words drawn in the current part of the page (its text, or its furniture: see endPart),
   * each once; the faces the part puts in the page's resources, in the order it first used them.
   */
  private partWords: EncodedWord[] = [];
  private partFaces: number[] = [];
  private part = 0;
  /** Every part's glyph claims, in drawing order: what the fonts embed and map to text. */
  private readonly claimsByPart: GlyphClaims[] = [];
  private glyphs: Map<number, number[]>[] | undefined;
  /** By face and glyph id: the number (plus one) of the last part that claimed it. */
  private readonly claimedIn: Int32Array;

  /** `faces`: the document's faces, each once; a face's place there numbers it in claims and page records. */
  constructor(
    private readonly doc: PdfkitDocument,
    private readonly faces: readonly Face[],
  ) {
    this.claimedIn = new Int32Array(faces.length * 0x10000);
  }

  /**
   * Draws the run with its left baseline end at (x, y) in top-down page coordinates; false if it
   * cannot (marks, offsets). `numbered` gives its pieces by number, when the pages came numbered.
   */
  draw(run: Run, face: Face, x: number, y: number, numbered?: NumberedPieces): boolean {
    const font = this.fontOf(face);
    const cache = (run.smallCaps ? this.smallCapWords : this.words).get(face)!;
    const byNumber = (run.smallCaps ? this.numberedSmallCapWords : this.numberedWords).get(face)!;
    const out = this.pending;
    // Should a word prove undrawable, everything this call wrote is taken back.
    const undo = { length: out.length, open: this.open, font: this.pendingFont, size: this.pendingSize };
    const height = this.doc.page.height;
    // pdfkit's pages are drawn upside down (top-left origin): the text object sets that right.
    if (!this.open) {
      out.write(`q 1 0 0 -1 0 ${num(height)} cm BT`);
      this.open = true;
      this.pendingFont = '';
    }
    if (font.id !== this.pendingFont || run.size !== this.pendingSize) {
      out.write(`\n/${font.id} ${num(run.size)} Tf`);
      this.pendingFont = font.id;
      this.pendingSize = run.size;
    }
    // Marked content whose ActualText the text layer reads instead of the glyphs (PDF 14.9.4).
    if (run.actualText) out.write(`\n/Span <</ActualText <FEFF${utf16Hex(run.actualText)}>>> BDC`);
    out.write(`\n1 0 0 1 ${num(x)} ${num(height - y)} Tm [`);
    const operandsStart = out.length;
    // pdfkit's word spacing: the space glyph's advance plus the run's extra space, both in thousandths of an em.
    const space = face.width(' ') * 1000 + (run.wordSpacing * 1000) / run.size;
    const spaceOperand = ` ${num(-space)}`;
    const pieces = numbered ? undefined : runPieces(run);
    const count = numbered ? numbered.count : pieces!.length;
    for (let p = 0; p < count; p++) {
      let word: EncodedWord | null | undefined;
      if (numbered) {
        const number = numbered.numbers[numbered.at + p]!;
        word = byNumber[number];
        // null is a word known to be undrawable here, not one still to encode.
        if (word === undefined) word = byNumber[number] = this.encode(face, font, numbered.texts[number]!, run.smallCaps, cache);
      } else {
        const piece = pieces![p]!;
        word = cache.get(piece);
        if (word === undefined) word = this.encode(face, font, piece, run.smallCaps, cache);
      }
      if (word === null) {
        out.length = undo.length;
        this.open = undo.open;
        this.pendingFont = undo.font;
        this.pendingSize = undo.size;
        return false;
      }
      if (word.part !== this.part) {
        word.part = this.part;
        this.partWords.push(word);
      }
      const last = p === count - 1;
      if (word.actualText) {
        // A marked-content sequence holds whole operators: the array is closed around the word.
        out.write(`] TJ /Span <</ActualText <FEFF${utf16Hex(word.actualText)}>>> BDC [${word.operands}] TJ EMC [`);
      } else {
        if (out.length > operandsStart) out.write(' ');
        out.write(word.operands);
      }
      if (word.trailing !== 0) {
        const after = word.trailing + (last ? 0 : space);
        if (Math.abs(after) > 1e-6) out.write(` ${num(-after)}`);
      } else if (!last && Math.abs(space) > 1e-6) out.write(spaceOperand);
    }
    out.write(run.actualText ? '] TJ EMC' : '] TJ');
    this.useOnPage(face, font);
    return true;
  }

  /** Names the face's font in the page's resources, the first time the page uses it. */
  private useOnPage(face: Face, font: PdfkitEmbeddedFont): void {
    if (this.doc.page.fonts[font.id] != null) return;
    this.doc.page.fonts[font.id] = font.ref();
    this.partFaces.push(this.faces.indexOf(face));
  }

  /**
   * Before pdfkit draws glyphs itself (see PdfPainter's marks): the face put in the page's
   * resources now, in the order a fresh drawing meets it. Returns the face's pdfkit font.
   */
  useElsewhere(face: Face): PdfkitEmbeddedFont {
    this.flush();
    const font = this.fontOf(face);
    this.useOnPage(face, font);
    return font;
  }

  /** Claims glyphs pdfkit drew itself, for the current part of the page. */
  claim(face: Face, glyphs: readonly { id: number; codePoints: number[] }[]): void {
    const index = this.faces.indexOf(face);
    this.partWords.push({ operands: '', trailing: 0, claims: glyphs.flatMap((glyph) => [index, glyph.id, glyph.codePoints.length, ...glyph.codePoints]), part: this.part });
  }

  /** Ends a part of the page (its text, or its furniture): the operators are put in its stream, and what drawing it again needs is returned. */
  endPart(): PageGlyphs {
    this.flush();
    // Each glyph once: marked with this part's number as it is claimed.
    const seen = this.claimedIn;
    const stamp = this.part + 1;
    const claims: number[] = [];
    for (const word of this.partWords) {
      const c = word.claims;
      for (let i = 0; i < c.length; ) {
        const next = i + 3 + c[i + 2]!;
        const glyph = c[i]! * 0x10000 + c[i + 1]!;
        if (seen[glyph] !== stamp) {
          seen[glyph] = stamp;
          for (let k = i; k < next; k++) claims.push(c[k]!);
        }
        i = next;
      }
    }
    const part = { faces: this.partFaces, claims: Uint32Array.from(claims) };
    this.nextPart(part.claims);
    return part;
  }

  /** A page's text drawn before (its content stream is the caller's): its fonts named in the resources, in the order it first used them, and its glyphs claimed. */
  recallText(text: PageGlyphs): void {
    for (const index of text.faces) this.useOnPage(this.faces[index]!, this.fontOf(this.faces[index]!));
    this.nextPart(text.claims);
  }

  private nextPart(claims: GlyphClaims): void {
    this.claimsByPart.push(claims);
    this.partWords = [];
    this.partFaces = [];
    this.part++;
  }

  /** Once every page is drawn: the glyphs each face embeds, from the pages' claims. */
  settle(): void {
    this.glyphs = glyphsClaimed(this.claimsByPart, this.faces.length);
  }

  /** Puts the text drawn so far on the page: before anything else is drawn there, and when the page is done. */
  flush(): void {
    if (!this.open) return;
    this.pending.write('\nET Q\n');
    this.doc.addContent(this.pending.take());
    this.open = false;
  }

  private fontOf(face: Face): PdfkitEmbeddedFont {
    let font = this.fonts.get(face);
    if (!font) {
      font = this.doc.font(face.file)._font;
      const index = this.faces.indexOf(face);
      // CFF outlines keep pdfkit's numbering (glyphs in order of first use): their pages are never recalled.
      if (hasTrueTypeOutlines(face.data)) useStableCids(font, `B${index + 1}`, () => this.glyphs?.[index] ?? new Map());
      this.fonts.set(face, font);
      this.words.set(face, new Map());
      this.smallCapWords.set(face, new Map());
      this.numberedWords.set(face, []);
      this.numberedSmallCapWords.set(face, []);
    }
    return font;
  }

  /** A word not met before in this face and case, encoded and kept in `cache`. */
  private encode(face: Face, font: PdfkitEmbeddedFont, word: string, smallCaps: boolean, cache: Map<string, EncodedWord | null>): EncodedWord | null {
    let encoded = cache.get(word);
    if (encoded !== undefined) return encoded;
    encoded = word === '' ? { operands: '', trailing: 0, claims: [], part: -1 } : this.encodeRun(smallCaps ? face.shapeSmallCaps(word) : face.shapeWord(word), font, this.faces.indexOf(face), word);
    cache.set(word, encoded);
    return encoded;
  }

  private encodeRun(run: FontkitGlyphRun, font: PdfkitEmbeddedFont, faceIndex: number, word: string): EncodedWord | null {
    let operands = '';
    let hex = '';
    let trailing = 0;
    let notdef = false;
    const claims: number[] = [];
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i]!;
      const position = run.positions[i]!;
      if (position.xOffset || position.yOffset) return null;
      const id = font.subset.includeGlyph(glyph.id);
      font.widths[id] ??= glyph.advanceWidth * font.scale;
      if (glyph.id === 0) {
        // .notdef stands for no one character (see EncodedWord.actualText).
        notdef = true;
        claims.push(faceIndex, 0, 0);
      } else {
        font.unicode[id] ??= glyph.codePoints;
        claims.push(faceIndex, glyph.id, glyph.codePoints.length, ...glyph.codePoints);
      }
      hex += id.toString(16).padStart(4, '0');
      const kern = (position.xAdvance - glyph.advanceWidth) * font.scale;
      if (i === run.glyphs.length - 1) trailing = kern;
      else if (kern !== 0) {
        operands += `<${hex}> ${num(-kern)} `;
        hex = '';
      }
    }
    operands += `<${hex}>`;
    return notdef ? { operands, trailing, claims, part: -1, actualText: word } : { operands, trailing, claims, part: -1 };
  }
}
