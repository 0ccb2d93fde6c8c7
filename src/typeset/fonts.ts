import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { BookError } from '../errors.ts';
import { loadFontkit } from './fontkit.ts';
import { GlyphRuns, type FontkitGlyphRun, type RememberedGlyph, type RememberedRun } from './glyph-runs.ts';

export type { FontkitGlyphRun } from './glyph-runs.ts';

/** The body's four faces, and a monospace face for code and preformatted text. */
export type BaseStyle = 'regular' | 'italic' | 'bold' | 'boldItalic' | 'mono';
export const BASE_STYLES: readonly BaseStyle[] = ['regular', 'italic', 'bold', 'boldItalic', 'mono'];

/** How many fallback faces a book may have (the author's and the bundled ones together). */
export const MAX_FALLBACKS = 6;
type FallbackLevel = 1 | 2 | 3 | 4 | 5 | 6;
/**
 * A style, or the same style in a fallback face (`regular~1`: the first fallback's regular): text
 * the book's face has no glyphs for is set in the first fallback face that has them.
 */
export type Style = BaseStyle | `${BaseStyle}~${FallbackLevel}`;
export const STYLES: readonly Style[] = [...BASE_STYLES, ...BASE_STYLES.flatMap((style) => Array.from({ length: MAX_FALLBACKS }, (_, i) => `${style}~${i + 1}` as Style))];

/** The style a fallback style stands in for (itself for a base style). */
export function baseStyle(style: Style): BaseStyle {
  const at = style.indexOf('~');
  return (at < 0 ? style : style.slice(0, at)) as BaseStyle;
}

/** A piece of text and the style whose face draws it. */
export interface FaceSegment {
  text: string;
  style: Style;
  /** Characters no face has: set in the style's face, where they print blank. */
  missing?: true;
}

interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  xHeight: number;
  capHeight: number;
  postscriptName: string;
  availableFeatures: string[];
  layout(text: string, features?: string[]): FontkitGlyphRun;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FontkitGlyphRun['glyphs'][number];
}

type Glyph = FontkitGlyphRun['glyphs'][number];

/** A face's shapings as plain data, for a cache file. */
export interface FaceMemory {
  glyphs: [string, RememberedGlyph | null][];
  kerns: [string, number | null][];
  coverage: [string, boolean][];
  laidOut: [string, RememberedRun][];
  smallCaps: [string, RememberedRun][];
  features: string[] | null;
  metrics: FaceMetrics | null;
}

/** What the typesetter reads of a font besides its glyphs: remembered, so a rebuild need not read the font. */
interface FaceMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
}

// Features that make a glyph depend on more than its neighbour: with any of them, every word is shaped in full.
const CONTEXTUAL_FEATURES = ['calt', 'clig', 'rclt', 'curs', 'cswh', 'jalt'];

/** One face of the book's font, measured as pdfkit will draw it (fontkit shaping: kerning, ligatures). */
export class Face {
  private readonly widths = new Map<string, number>();
  private readonly smallCaps = new GlyphRuns();
  private readonly prefixes = new Map<string, Float64Array>();
  private readonly glyphs = new Map<string, Glyph | null>();
  private readonly kerns = new Map<string, number | null>();
  private readonly coverage = new Map<string, boolean>();
  /** Text fontkit shaped in full (ligatures and the like): what pairs cannot rebuild. */
  private readonly laidOut = new GlyphRuns();
  /** Something was shaped that recall() did not bring back: worth remembering again. */
  private learned = false;
  private pairsOnly: boolean | undefined;
  private opened: FontkitFont | undefined;
  private metrics: FaceMetrics | undefined;

  constructor(
    readonly file: string,
    readonly data: Buffer,
    /** The file as errors name it (relative to where the user runs us). */
    private readonly displayName: string = file,
  ) {}

  /**
   * The font as fontkit reads it, opened when first needed: a rebuild that recalls everything it
   * measured never opens it (nor loads fontkit).
   */
  private get font(): FontkitFont {
    this.opened ??= openFont(this.data, this.displayName);
    return this.opened;
  }

  /** Reads the font now, unless an earlier build read these very bytes: a font that cannot be read is reported before any page is set. */
  check(): void {
    void this.measures;
  }

  private get measures(): FaceMetrics {
    if (!this.metrics) {
      const { unitsPerEm, ascent, descent } = this.font;
      this.metrics = { unitsPerEm, ascent, descent };
      this.learned = true;
    }
    return this.metrics;
  }

  get unitsPerEm(): number {
    return this.measures.unitsPerEm;
  }

  get name(): string {
    return this.font.postscriptName;
  }

  private digest: string | undefined;
  /** Names the font file by its bytes: equal keys, equal shapings. */
  get key(): string {
    this.digest ??= createHash('sha256').update(this.data).digest('hex').slice(0, 24);
    return this.digest;
  }
  /** Ascender and descender, in ems. */
  get ascent(): number {
    return this.measures.ascent / this.unitsPerEm;
  }
  get descent(): number {
    return this.measures.descent / this.unitsPerEm;
  }
  get hasSmallCaps(): boolean {
    return this.features.includes('smcp');
  }

  private knownFeatures: string[] | undefined;
  /** The face's OpenType features; remembered between builds, since asking fontkit parses its layout tables. */
  private get features(): string[] {
    if (!this.knownFeatures) {
      this.knownFeatures = this.fontkit(() => this.font.availableFeatures);
      this.learned = true;
    }
    return this.knownFeatures;
  }

  private layout(text: string, features?: string[]): FontkitGlyphRun {
    return this.fontkit(() => this.font.layout(text, features));
  }

  /**
   * Calls on fontkit's shaping, which reads the font's layout tables only when first asked: a
   * font whose tables are broken is reported then, as the author's font, not as a crash.
   */
  private fontkit<T>(call: () => T): T {
    try {
      return call();
    } catch {
      throw new BookError(this.displayName, '', 'cannot be shaped: its OpenType layout tables are unreadable', 'use another copy of the font, or another font');
    }
  }

  /** Advance width of text at 1 pt, cached per string: words repeat, shaping is the cost. */
  width(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = this.shape(text).advanceWidth / this.unitsPerEm;
      this.widths.set(text, width);
    }
    return width;
  }

  /** A word's glyphs and advances as measured (its drawer keeps what it needs: not kept here). */
  shapeWord(word: string): FontkitGlyphRun {
    return this.shape(word);
  }

  private shape(text: string): FontkitGlyphRun {
    let run = this.laidOut.get(text) ?? this.pairShape(text);
    if (!run) {
      run = this.layout(text);
      this.laidOut.set(text, run);
      this.learned = true;
    }
    return run;
  }

  /**
   * A word of one glyph per character with pair kerning only, built from cached pairs instead of a
   * full shaping pass: the same glyphs and advances fontkit gives, for a fraction of the cost. Null
   * (shape in full) when a pair forms a ligature or changes glyphs, for marks, and for faces whose
   * features reach beyond a pair.
   */
  pairShape(text: string): FontkitGlyphRun | null {
    if (!this.pairsSuffice || text.length > 64) return null;
    const glyphs: Glyph[] = [];
    const codes: number[] = [];
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      const glyph = this.glyphOfCode(code);
      if (!glyph) return null;
      glyphs.push(glyph);
      codes.push(code);
    }
    const positions: FontkitGlyphRun['positions'] = [];
    let advanceWidth = 0;
    for (let i = 0; i < glyphs.length; i++) {
      const kern = i + 1 < glyphs.length ? this.kernOfCodes(codes[i]!, codes[i + 1]!) : 0;
      if (kern === null) return null;
      const xAdvance = glyphs[i]!.advanceWidth + kern;
      positions.push({ xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0 });
      advanceWidth += xAdvance;
    }
    return { glyphs, positions, advanceWidth };
  }

  // glyphOf and pairKern by code point: a novel's words ask hundreds of thousands of times, and a
  // number finds its entry without building a string to hash first.
  private readonly glyphsByCode = new Map<number, Glyph | null>();
  private readonly kernsByCodes = new Map<number, number | null>();

  private glyphOfCode(code: number): Glyph | null {
    let glyph = this.glyphsByCode.get(code);
    if (glyph === undefined) {
      glyph = this.glyphOf(String.fromCodePoint(code));
      this.glyphsByCode.set(code, glyph);
    }
    return glyph;
  }

  private kernOfCodes(a: number, b: number): number | null {
    // Both below U+8000 (nearly every text's letters and punctuation): one small integer names the pair.
    if (a >= 0x8000 || b >= 0x8000) return this.pairKern(String.fromCodePoint(a), String.fromCodePoint(b));
    const key = a * 0x8000 + b;
    let kern = this.kernsByCodes.get(key);
    if (kern === undefined) {
      kern = this.pairKern(String.fromCodePoint(a), String.fromCodePoint(b));
      this.kernsByCodes.set(key, kern);
    }
    return kern;
  }

  private get pairsSuffice(): boolean {
    this.pairsOnly ??= !CONTEXTUAL_FEATURES.some((feature) => this.features.includes(feature));
    return this.pairsOnly;
  }

  /** The glyph a character maps to alone, or null for marks, missing glyphs and anything shaping changes. */
  private glyphOf(char: string): Glyph | null {
    let glyph = this.glyphs.get(char);
    if (glyph === undefined) {
      glyph = null;
      if (!/\p{M}/u.test(char) && this.font.hasGlyphForCodePoint(char.codePointAt(0)!)) {
        const run = this.layout(char);
        const direct = this.font.glyphForCodePoint(char.codePointAt(0)!);
        if (run.glyphs.length === 1 && run.glyphs[0]!.id === direct.id && run.positions[0]!.xAdvance === direct.advanceWidth && !run.positions[0]!.xOffset && !run.positions[0]!.yOffset) glyph = run.glyphs[0]!;
      }
      this.glyphs.set(char, glyph);
      this.learned = true;
    }
    return glyph;
  }

  /** Kerning between two characters in font units, or null when shaping the pair does more than kern. */
  private pairKern(a: string, b: string): number | null {
    const key = a + b;
    let kern = this.kerns.get(key);
    if (kern === undefined) {
      const run = this.layout(key);
      const [first, second] = [this.glyphOf(a)!, this.glyphOf(b)!];
      const plain = run.glyphs.length === 2 && run.glyphs[0]!.id === first.id && run.glyphs[1]!.id === second.id && run.positions[1]!.xAdvance === second.advanceWidth && run.positions.every((p) => !p.xOffset && !p.yOffset && !p.yAdvance);
      kern = plain ? run.positions[0]!.xAdvance - first.advanceWidth : null;
      this.kerns.set(key, kern);
      this.learned = true;
    }
    return kern;
  }

  /**
   * Width at 1 pt of text[0, i) as set inside `text`, for every i, from one shaping of the whole:
   * a word's pieces cost one layout, not one each. NaN where i falls inside a ligature.
   */
  prefixWidths(text: string): Float64Array {
    let prefixes = this.prefixes.get(text);
    if (prefixes) return prefixes;
    const run = this.shape(text);
    prefixes = new Float64Array(text.length + 1).fill(Number.NaN);
    prefixes[0] = 0;
    let index = 0;
    let sum = 0;
    run.glyphs.forEach((glyph, i) => {
      for (const codePoint of glyph.codePoints) index += codePoint > 0xffff ? 2 : 1;
      sum += run.positions[i]!.xAdvance;
      if (index <= text.length) prefixes![index] = sum / this.unitsPerEm;
    });
    // Glyphs that do not account for the text one to one (reordering, insertion): measure each piece alone.
    if (index !== text.length) prefixes.fill(Number.NaN, 1);
    this.prefixes.set(text, prefixes);
    return prefixes;
  }

  /** Width at 1 pt of text[start, end) as set inside `text` (kerning and ligatures around it included). */
  widthWithin(text: string, start: number, end: number): number {
    const prefixes = this.prefixWidths(text);
    const from = prefixes[start]!;
    const to = prefixes[end]!;
    if (!Number.isNaN(from) && !Number.isNaN(to)) return to - from;
    return this.width(text.slice(0, end)) - (start === 0 ? 0 : this.width(text.slice(0, start)));
  }

  /** Width at 1 pt with the face's real small capitals (smcp). */
  smallCapsWidth(text: string): number {
    return this.shapeSmallCaps(text).advanceWidth / this.unitsPerEm;
  }

  /** Text shaped with the face's small capitals, cached: running heads repeat on every page. */
  shapeSmallCaps(text: string): FontkitGlyphRun {
    let run = this.smallCaps.get(text);
    if (!run) {
      run = this.layout(text, ['smcp']);
      this.smallCaps.set(text, run);
      this.learned = true;
    }
    return run;
  }

  /** What this face has shaped, as plain data: fontkit's answers, to be recalled by a later build. */
  remember(): FaceMemory {
    return {
      glyphs: [...this.glyphs].map(([char, g]) => [char, g ? [g.id, g.advanceWidth, g.codePoints] : null]),
      kerns: [...this.kerns],
      coverage: [...this.coverage],
      laidOut: this.laidOut.remembered(),
      smallCaps: this.smallCaps.remembered(),
      features: this.knownFeatures ?? null,
      metrics: this.metrics ?? null,
    };
  }

  /** Takes back what an earlier build's face remembered (same font file, same fontkit). */
  recall(memory: FaceMemory): void {
    this.take(memory);
    this.learned = false;
    // The PDF thread recalls the same file: only what is shaped from now on is news to it.
    this.toldUpTo = this.shapingCounts();
  }

  /** How many entries of each kind of shaping had been told to another thread (see news()). */
  private toldUpTo = [0, 0, 0, 0, 0];

  private shapingCounts(): number[] {
    return [this.glyphs.size, this.kerns.size, this.coverage.size, this.laidOut.size, this.smallCaps.size];
  }

  /**
   * What this face shaped since the last call (or since it recalled an earlier build's shapings),
   * as plain data for another thread's copy of the face (see hear()); undefined if nothing. The
   * PDF thread then draws the words this thread measured without asking fontkit again.
   */
  news(): FaceMemory | undefined {
    const counts = this.shapingCounts();
    if (counts.every((count, i) => count === this.toldUpTo[i])) return undefined;
    const [glyphs, kerns, coverage, laidOut, smallCaps] = this.toldUpTo as [number, number, number, number, number];
    const after = <K, V>(map: Map<K, V>, skip: number): [K, V][] => {
      const out: [K, V][] = [];
      let i = 0;
      for (const entry of map) if (i++ >= skip) out.push(entry);
      return out;
    };
    this.toldUpTo = counts;
    return {
      glyphs: after(this.glyphs, glyphs).map(([char, g]) => [char, g ? [g.id, g.advanceWidth, g.codePoints] : null]),
      kerns: after(this.kerns, kerns),
      coverage: after(this.coverage, coverage),
      laidOut: this.laidOut.remembered(laidOut),
      smallCaps: this.smallCaps.remembered(smallCaps),
      features: this.knownFeatures ?? null,
      metrics: this.metrics ?? null,
    };
  }

  /** Takes in another thread's news() of the same face: shapings it need not make, and nothing it learned itself. */
  hear(memory: FaceMemory): void {
    this.take(memory);
  }

  /**
   * Adds what the same face shaped on another thread (the PDF thread shapes the pieces of broken
   * words): it is then remembered with the rest, and the next build shapes none of it again.
   */
  absorb(memory: FaceMemory): void {
    if (this.take(memory)) this.learned = true;
  }

  /** Adds the shapings this face does not hold yet; true if there were any. */
  private take(memory: FaceMemory): boolean {
    let added = false;
    const fill = <K, V, R>(map: Map<K, R>, entries: [K, V][], revive: (value: V) => R) => {
      for (const [key, value] of entries) {
        if (map.has(key)) continue;
        map.set(key, revive(value));
        added = true;
      }
    };
    fill(this.glyphs, memory.glyphs, (g) => (g ? { id: g[0], advanceWidth: g[1], codePoints: g[2] } : null));
    fill(this.kerns, memory.kerns, (kern) => kern);
    fill(this.coverage, memory.coverage, (has) => has);
    if (this.laidOut.take(memory.laidOut)) added = true;
    if (this.smallCaps.take(memory.smallCaps)) added = true;
    if (memory.features && !this.knownFeatures) {
      this.knownFeatures = memory.features;
      added = true;
    }
    if (memory.metrics && !this.metrics) {
      this.metrics = memory.metrics;
      added = true;
    }
    return added;
  }

  /** Shaped something the recalled memory did not hold. */
  get learnedSomething(): boolean {
    return this.learned;
  }

  has(char: string): boolean {
    let has = this.coverage.get(char);
    if (has === undefined) {
      has = this.font.hasGlyphForCodePoint(char.codePointAt(0)!);
      this.coverage.set(char, has);
      this.learned = true;
    }
    return has;
  }
}

export type FontFiles = Record<BaseStyle, string>;

/** Shapings a thread's faces learned, as plain data that crosses between threads. */
export type LearnedShapings = { face: string; memory: FaceMemory }[];

const require = createRequire(import.meta.url);

// White space and combining marks: they go with the text around them, not with a face of their own.
const SPACE_OR_MARK = /^[\s\p{M}\u200B-\u200D\u2060\uFE00-\uFE0F]$/u;
const bundled = (weight: string) => require.resolve(`@expo-google-fonts/eb-garamond/${weight}/EBGaramond_${weight}.ttf`);

/** EB Garamond (OFL), shipped by an npm package: regular, italic, bold, bold italic; Source Code Pro (OFL) for code. */
export function bundledFontFiles(): FontFiles {
  return {
    regular: bundled('400Regular'),
    italic: bundled('400Regular_Italic'),
    bold: bundled('700Bold'),
    boldItalic: bundled('700Bold_Italic'),
    mono: bundledMonoFile(),
  };
}

const dejaVu = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`);

/**
 * The fallback faces every book has, after the author's own: DejaVu (free, Bitstream Vera
 * licence), shipped by an npm package. The serif first, for box drawing, arrows, mathematical and
 * other symbols, Greek and Cyrillic beside a serif text; the sans for the symbols the serif lacks
 * (stars, hearts, dingbats). Code falls back to DejaVu Sans Mono, whose cells match.
 */
export function bundledFallbackFiles(): FontFiles[] {
  return [
    { regular: dejaVu('DejaVuSerif'), italic: dejaVu('DejaVuSerif-Italic'), bold: dejaVu('DejaVuSerif-Bold'), boldItalic: dejaVu('DejaVuSerif-BoldItalic'), mono: dejaVu('DejaVuSansMono') },
    { regular: dejaVu('DejaVuSans'), italic: dejaVu('DejaVuSans-Oblique'), bold: dejaVu('DejaVuSans-Bold'), boldItalic: dejaVu('DejaVuSans-BoldOblique'), mono: dejaVu('DejaVuSansMono') },
  ];
}

/** Source Code Pro (OFL), shipped by an npm package: the face of code when the author names none. */
export function bundledMonoFile(): string {
  return require.resolve('@expo-google-fonts/source-code-pro/400Regular/SourceCodePro_400Regular.ttf');
}

function readFace(file: string, name: string): Face {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new BookError(name, '', `font file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path in print.font');
  }
  if (data.subarray(0, 4).toString('latin1') === 'wOF2') {
    throw new BookError(name, '', 'is a WOFF2 web font, which PDF embedding cannot use', 'use the OTF or TTF file of the font');
  }
  return new Face(file, data, name);
}

function openFont(data: Buffer, name: string): FontkitFont {
  try {
    const font = loadFontkit().create(data) as unknown as FontkitFont;
    if (!font || typeof font.layout !== 'function' || !font.unitsPerEm) throw new Error('not a single font');
    // Character map and metrics are read now; the layout tables when shaping first needs them.
    font.glyphForCodePoint(0x61);
    return font;
  } catch {
    throw new BookError(name, '', 'is not a readable OpenType or TrueType font (corrupt, or a font collection)', 'use an OTF or TTF file');
  }
}

export class FontSet {
  private constructor(
    private readonly faces: Record<Style, Face>,
    /** How many fallback levels the faces have (see Style). */
    readonly fallbacks: number,
    /** The bundled faces (code, fallbacks): ours and known to read, opened only when needed. */
    private readonly bundled: ReadonlySet<string>,
  ) {}

  /** The book's faces, then the fallback faces in the order they are tried. */
  static load(files: FontFiles, displayName: (file: string) => string = (f) => f, fallbacks: readonly FontFiles[] = []): FontSet {
    if (fallbacks.length > MAX_FALLBACKS) throw new Error(`at most ${MAX_FALLBACKS} fallback faces`);
    const cache = new Map<string, Face>();
    const open = (file: string) => {
      let face = cache.get(file);
      if (!face) {
        face = readFace(file, displayName(file));
        cache.set(file, face);
      }
      return face;
    };
    const faces = {} as Record<Style, Face>;
    for (const style of BASE_STYLES) {
      faces[style] = open(files[style]);
      for (let level = 1; level <= MAX_FALLBACKS; level++) faces[`${style}~${level as FallbackLevel}`] = fallbacks[level - 1] ? open(fallbacks[level - 1]![style]) : faces[style];
    }
    const bundled = new Set([bundledMonoFile(), ...bundledFallbackFiles().flatMap((set) => Object.values(set))]);
    return new FontSet(faces, fallbacks.length, bundled);
  }

  /**
   * Text cut where the face that draws it changes: each character in the style's face if it has
   * it, else in the first fallback face that does (a mark goes with the character it sits on,
   * spaces stay in the style's face); a character no face has stays in the style's face (and
   * prints blank: see paragraph's missingGlyph). One segment, the text itself, when the face has it all.
   */
  segments(text: string, style: Style): FaceSegment[] {
    const base = baseStyle(style);
    const face = this.faces[base];
    let i = 0;
    while (i < text.length) {
      const code = text.codePointAt(i)!;
      const char = code > 0xffff ? text.slice(i, i + 2) : text[i]!;
      if (!face.has(char) && !SPACE_OR_MARK.test(char)) break;
      i += char.length;
    }
    if (i === text.length) return [{ text, style: base }];
    const out: FaceSegment[] = [];
    for (const char of text) {
      const current = out.at(-1);
      let at: Style = base;
      let missing = false;
      if (SPACE_OR_MARK.test(char)) {
        at = current?.style ?? base;
        missing = Boolean(current?.missing);
      } else if (!face.has(char)) {
        missing = true;
        for (let level = 1; level <= this.fallbacks; level++) {
          const fallback: Style = `${base}~${level as FallbackLevel}`;
          if (this.faces[fallback].has(char)) {
            at = fallback;
            missing = false;
            break;
          }
        }
      }
      // A space after fallback text returns to the style's face.
      if (/\s/.test(char)) {
        at = base;
        missing = false;
      }
      if (current && current.style === at && Boolean(current.missing) === missing) current.text += char;
      else out.push(missing ? { text: char, style: at, missing: true } : { text: char, style: at });
    }
    return out;
  }

  /** True when some face of the style's (its own or a fallback) has the character. */
  covers(char: string, style: Style): boolean {
    const base = baseStyle(style);
    if (this.faces[base].has(char)) return true;
    for (let level = 1; level <= this.fallbacks; level++) if (this.faces[`${base}~${level as FallbackLevel}`].has(char)) return true;
    return false;
  }

  face(style: Style): Face {
    return this.faces[style];
  }

  /**
   * Reads each face's font now, unless an earlier build read the same bytes (see Face.check). The
   * bundled code and fallback faces are ours and known to read: opened only by a book that needs them.
   */
  check(): void {
    for (const face of this.distinctFaces) if (!this.bundled.has(face.file)) face.check();
  }

  /** Each face once, though several styles share it. */
  get distinctFaces(): Face[] {
    return [...new Set(Object.values(this.faces))];
  }

  /** What each face shaped that it was not given at the start (recall), by face key: for another thread's FontSet to absorb. */
  learned(): LearnedShapings {
    return this.distinctFaces.filter((face) => face.learnedSomething).map((face) => ({ face: face.key, memory: face.remember() }));
  }

  /** What the faces shaped since the last call (see Face.news), for the PDF thread's faces. */
  news(): LearnedShapings {
    const out: LearnedShapings = [];
    for (const face of this.distinctFaces) {
      const memory = face.news();
      if (memory) out.push({ face: face.key, memory });
    }
    return out;
  }

  /** Takes in another thread's news() of the same faces. */
  hear(news: LearnedShapings): void {
    for (const { face: key, memory } of news) for (const face of this.distinctFaces) if (face.key === key) face.hear(memory);
  }

  /** Takes in what the same faces learned on another thread (see learned()). */
  absorb(learned: LearnedShapings): void {
    for (const { face: key, memory } of learned) for (const face of this.distinctFaces) if (face.key === key) face.absorb(memory);
  }

  /** Names the faces by their bytes, style by style. */
  get key(): string {
    return STYLES.map((style) => this.faces[style].key).join(',');
  }
}
