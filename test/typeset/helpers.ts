import { bundledFallbackFiles, bundledFontFiles, FontSet } from '../../src/typeset/fonts.ts';
import { createWordHyphenator } from '../../src/typeset/hyphenate.ts';
import type { ParagraphSetting } from '../../src/typeset/paragraph.ts';

/** The bundled faces and fallback faces, as every build has them. */
export const fonts = FontSet.load(bundledFontFiles(), undefined, bundledFallbackFiles());
export const hyphenateEn = createWordHyphenator('en', { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] });

export function setting(lineWidth: number, overrides: Partial<ParagraphSetting> = {}): ParagraphSetting {
  return {
    fonts,
    size: 11,
    hyphenate: hyphenateEn,
    indent: 0,
    smallCapsWords: 0,
    spaceStretch: 0.5,
    spaceShrink: 1 / 3,
    hyphenPenalty: 50,
    explicitHyphenPenalty: 50,
      lastWordHyphenPenalty: 1000,
    lineWidth,
    hangingPunctuation: true,
    missingGlyph: () => {},
    ...overrides,
  };
}

export const PARAGRAPH =
  'Mr. Sherlock Holmes, who was usually very late in the mornings, save upon those not infrequent occasions when he was up all night, was seated at the breakfast table. I stood upon the hearth-rug and picked up the stick which our visitor had left behind him the night before. It was a fine, thick piece of wood, bulbous-headed, of the sort which is known as a “Penang lawyer.” Just under the head was a broad silver band nearly an inch across.';
