// A clean typographic cover for books that have none: title and author in the book's own face,
// drawn as outlines so the SVG looks the same in every reading system, with or without fonts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CoverImage } from '../model/index.ts';
import { loadFontkit } from '../typeset/fontkit.ts';

interface OutlinePath {
  scale(x: number, y: number): OutlinePath;
  translate(x: number, y: number): OutlinePath;
  toSVG(): string;
}
interface OutlineFont {
  unitsPerEm: number;
  capHeight: number;
  layout(text: string): { glyphs: { path: OutlinePath }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

export const COVER_WIDTH = 1600;
export const COVER_HEIGHT = 2560;
const MARGIN = 160;

/** Deep, quiet background colours that keep cream text readable (contrast above 7:1). */
const PALETTE = ['#1f2a36', '#2b1f2e', '#1e3029', '#33241b', '#242438', '#2e2a22', '#1b2b33', '#3a1f24'];

class Outliner {
  constructor(private readonly font: OutlineFont) {}

  /** The face has every letter: otherwise the line is left to the reading system's own fonts. */
  covers(text: string): boolean {
    return [...text].every((char) => /\s/.test(char) || this.font.hasGlyphForCodePoint(char.codePointAt(0)!));
  }

  width(text: string, size: number, tracking = 0): number {
    if (!this.covers(text)) {
      // Wide (CJK) characters take a full em, others about half.
      return [...text].reduce((sum, char) => sum + (/[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 1 : 0.55), 0) * size * (1 + tracking);
    }
    const run = this.font.layout(text);
    const advance = run.positions.reduce((sum, p) => sum + p.xAdvance, 0);
    return (advance * size) / this.font.unitsPerEm + tracking * size * Math.max(0, run.glyphs.length - 1);
  }

  /** SVG path data for a line of text whose baseline starts at (x, y). */
  path(text: string, x: number, y: number, size: number, tracking = 0): string {
    const scale = size / this.font.unitsPerEm;
    const run = this.font.layout(text);
    let pen = x;
    const parts: string[] = [];
    run.glyphs.forEach((glyph, i) => {
      const p = run.positions[i]!;
      parts.push(glyph.path.scale(scale, -scale).translate(pen + p.xOffset * scale, y - p.yOffset * scale).toSVG());
      pen += p.xAdvance * scale + tracking * size;
    });
    // Two decimals of a 1600-pixel drawing are finer than any screen; the file stays small.
    return parts.join('').replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => String(Math.round(Number(n) * 10) / 10));
  }

  /** Words into centered lines no wider than `width`. */
  lines(text: string, size: number, width: number, tracking = 0): string[] {
    const lines: string[] = [];
    // Scripts written without spaces break between any two characters.
    const pieces = /\s/.test(text.trim()) || this.covers(text) ? text.split(/\s+/).filter(Boolean) : [...text];
    const joiner = /\s/.test(text.trim()) || this.covers(text) ? ' ' : '';
    for (const word of pieces) {
      const last = lines.at(-1);
      if (last !== undefined && this.width(`${last}${joiner}${word}`, size, tracking) <= width) lines[lines.length - 1] = `${last}${joiner}${word}`;
      else lines.push(word);
    }
    return lines;
  }
}

/** The largest size (down to a floor) at which the text fits in `maxLines` lines of `width`. */
function fit(outliner: Outliner, text: string, start: number, floor: number, width: number, maxLines: number, tracking = 0): { size: number; lines: string[] } {
  for (let size = start; ; size *= 0.92) {
    const lines = outliner.lines(text, size, width, tracking);
    const widest = Math.max(...lines.map((line) => outliner.width(line, size, tracking)));
    if ((lines.length <= maxLines && widest <= width) || size <= floor) return { size, lines };
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The generated cover's colours, chosen by the title: the print wrap takes the same. */
export function coverColours(title: string): { background: string; ink: string; accent: string } {
  const hash = createHash('sha1').update(title).digest();
  return { background: PALETTE[hash[0]! % PALETTE.length]!, ink: '#f3ead8', accent: '#c9a96e' };
}

/** The generated cover's alternative text. */
export function generatedCoverAlt(text: CoverText): string {
  return `Cover: ${text.title}${text.subtitle ? `: ${text.subtitle}` : ''}, by ${text.authors.join(' and ')}`;
}

export interface CoverText {
  title: string;
  subtitle?: string;
  authors: readonly string[];
}

/** A 1600 × 2560 SVG cover: the title large in the upper half, a rule, the author near the foot. */
export function typographicCover(text: CoverText, fontFile: string): CoverImage {
  const font = loadFontkit().create(readFileSync(fontFile)) as unknown as OutlineFont;
  const outliner = new Outliner(font);
  const width = COVER_WIDTH - 2 * MARGIN;
  const { background, ink, accent } = coverColours(text.title);
  const paths: string[] = [];
  const centered = (line: string, baseline: number, size: number, fill: string, tracking = 0) => {
    if (!outliner.covers(line)) {
      paths.push(`<text x="${COVER_WIDTH / 2}" y="${Math.round(baseline)}" text-anchor="middle" font-family="serif" font-size="${Math.round(size)}" fill="${fill}">${escapeXml(line)}</text>`);
      return;
    }
    const x = (COVER_WIDTH - outliner.width(line, size, tracking)) / 2;
    paths.push(`<path fill="${fill}" d="${outliner.path(line, x, baseline, size, tracking)}"/>`);
  };

  const title = fit(outliner, text.title, 240, 90, width, 5);
  const titleLeading = title.size * 1.15;
  let y = 760 - ((title.lines.length - 1) * titleLeading) / 2;
  for (const line of title.lines) {
    centered(line, y, title.size, ink);
    y += titleLeading;
  }
  if (text.subtitle) {
    const subtitle = fit(outliner, text.subtitle, 80, 48, width, 3);
    y += subtitle.size * 0.4;
    for (const line of subtitle.lines) {
      centered(line, y, subtitle.size, accent);
      y += subtitle.size * 1.25;
    }
  }
  const ruleY = Math.max(y + 40, 1500);
  // Large enough to read in a store's thumbnail (120 pixels wide: about a twelfth of this size).
  const author = fit(outliner, text.authors.join(' & ').toUpperCase(), 150, 72, width, 3, 0.12);
  let authorY = 2200 - (author.lines.length - 1) * author.size * 1.3;
  for (const line of author.lines) {
    centered(line, authorY, author.size, ink, 0.12);
    authorY += author.size * 1.3;
  }
  const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}" width="${COVER_WIDTH}" height="${COVER_HEIGHT}">
  <rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${background}"/>
  <rect x="60" y="60" width="${COVER_WIDTH - 120}" height="${COVER_HEIGHT - 120}" fill="none" stroke="${accent}" stroke-width="4"/>
  ${paths.join('\n  ')}
  <rect x="${COVER_WIDTH / 2 - 120}" y="${ruleY}" width="240" height="5" fill="${accent}"/>
</svg>
`;
  return {
    data: new TextEncoder().encode(svg),
    mediaType: 'image/svg+xml',
    width: COVER_WIDTH,
    height: COVER_HEIGHT,
    alt: generatedCoverAlt(text),
    generated: true,
  };
}
