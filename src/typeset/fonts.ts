import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { BookError } from '../errors.ts';

export type Style = 'regular' | 'italic' | 'bold' | 'boldItalic';
export const STYLES: readonly Style[] = ['regular', 'italic', 'bold', 'boldItalic'];

interface FontkitGlyphRun {
  advanceWidth: number;
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
}

/** One face of the book's font, measured as pdfkit will draw it (fontkit shaping: kerning, ligatures). */
export class Face {
  private readonly widths = new Map<string, number>();
  private readonly smallCapWidths = new Map<string, number>();
  readonly unitsPerEm: number;

  constructor(
    readonly file: string,
    readonly data: Buffer,
    private readonly font: FontkitFont,
  ) {
    this.unitsPerEm = font.unitsPerEm;
  }

  get name(): string {
    return this.font.postscriptName;
  }
  /** Ascender and descender, in ems. */
  get ascent(): number {
    return this.font.ascent / this.unitsPerEm;
  }
  get descent(): number {
    return this.font.descent / this.unitsPerEm;
  }
  get hasSmallCaps(): boolean {
    return this.font.availableFeatures.includes('smcp');
  }

  /** Advance width of text at 1 pt, cached per string: words repeat, shaping is the cost. */
  width(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = this.font.layout(text).advanceWidth / this.unitsPerEm;
      this.widths.set(text, width);
    }
    return width;
  }

  /** Width at 1 pt with the face's real small capitals (smcp). */
  smallCapsWidth(text: string): number {
    let width = this.smallCapWidths.get(text);
    if (width === undefined) {
      width = this.font.layout(text, ['smcp']).advanceWidth / this.unitsPerEm;
      this.smallCapWidths.set(text, width);
    }
    return width;
  }

  has(char: string): boolean {
    return this.font.hasGlyphForCodePoint(char.codePointAt(0)!);
  }
}

export type FontFiles = Record<Style, string>;

const require = createRequire(import.meta.url);
const bundled = (weight: string) => require.resolve(`@expo-google-fonts/eb-garamond/${weight}/EBGaramond_${weight}.ttf`);

/** EB Garamond (OFL), shipped by an npm package: regular, italic, bold, bold italic. */
export function bundledFontFiles(): FontFiles {
  return {
    regular: bundled('400Regular'),
    italic: bundled('400Regular_Italic'),
    bold: bundled('700Bold'),
    boldItalic: bundled('700Bold_Italic'),
  };
}

function openFace(file: string, name: string): Face {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new BookError(name, '', `font file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path in print.font');
  }
  if (data.subarray(0, 4).toString('latin1') === 'wOF2') {
    throw new BookError(name, '', 'is a WOFF2 web font, which PDF embedding cannot use', 'use the OTF or TTF file of the font');
  }
  let font: FontkitFont;
  try {
    font = fontkit.create(data) as unknown as FontkitFont;
    if (!font || typeof font.layout !== 'function' || !font.unitsPerEm) throw new Error('not a single font');
    font.layout('a');
  } catch {
    throw new BookError(name, '', 'is not a readable OpenType or TrueType font (corrupt, or a font collection)', 'use an OTF or TTF file');
  }
  return new Face(file, data, font);
}

export class FontSet {
  private constructor(readonly faces: Record<Style, Face>) {}

  static load(files: FontFiles, displayName: (file: string) => string = (f) => f): FontSet {
    const cache = new Map<string, Face>();
    const faces = {} as Record<Style, Face>;
    for (const style of STYLES) {
      const file = files[style];
      let face = cache.get(file);
      if (!face) {
        face = openFace(file, displayName(file));
        cache.set(file, face);
      }
      faces[style] = face;
    }
    return new FontSet(faces);
  }

  face(style: Style): Face {
    return this.faces[style];
  }
}
