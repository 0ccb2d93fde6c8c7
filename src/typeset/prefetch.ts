import type { FontSet, LearnedShapings, Style } from './fonts.ts';
import { createWordHyphenator, type HyphenationOptions } from './hyphenate.ts';

/**
 * What the typesetting of a book's words will ask of the fonts and the hyphenation patterns,
 * worked out ahead from the manuscript's raw text on a thread that is otherwise idle while the
 * book is read (the PDF thread): every character's glyph, every pair's kerning, every letter run's
 * hyphenation. The answers are fontkit's and the patterns' own, so taking them in changes nothing
 * but how often they are asked (see FontSet.absorb, learnHyphenation).
 */
export interface Prefetched {
  shapings: LearnedShapings;
  /** The hyphenator's key (see Hyphenator.key), and letter runs with their break offsets. */
  hyphenation: { key: string; runs: [string, number[]][] };
}

// What normalization may make of a typed character (see src/normalize): the pairs with those are
// what the typesetter meets. Only a guess, and a wrong guess costs only a pair measured for nothing.
const TYPED_AS: Record<string, string> = { "'": "'’‘", '"': '"“”', '-': '-–—', '.': '.…' };
const LETTERS = /\p{L}+/gu;
const STYLES_AHEAD: readonly Style[] = ['regular', 'italic'];

/** The distinct characters and adjacent pairs of the texts' words, with the marks normalization makes of typed ones. */
export function charactersAndPairs(texts: readonly string[]): { chars: Set<string>; pairs: Set<string> } {
  const chars = new Set<string>();
  const pairs = new Set<string>();
  const seen = new Set<string>();
  for (const text of texts) {
    for (const word of text.split(/\s+/)) {
      if (!word || seen.has(word)) continue;
      seen.add(word);
      const cps = [...word];
      for (let i = 0; i < cps.length; i++) {
        const here = TYPED_AS[cps[i]!] ?? cps[i]!;
        for (const c of here) chars.add(c);
        if (i + 1 === cps.length) continue;
        const next = TYPED_AS[cps[i + 1]!] ?? cps[i + 1]!;
        for (const a of here) for (const b of next) pairs.add(a + b);
      }
    }
  }
  return { chars, pairs };
}

/** Works out what the texts' words will ask of the faces and the hyphenator (see Prefetched). */
export function prefetch(texts: readonly string[], fonts: FontSet, language: string, hyphenation: HyphenationOptions): Prefetched {
  const { chars, pairs } = charactersAndPairs(texts);
  const faces = new Set(STYLES_AHEAD.map((style) => fonts.face(style)));
  for (const face of faces) face.prefetch(chars, pairs);
  const hyphenate = createWordHyphenator(language, hyphenation);
  const runs: [string, number[]][] = [];
  if (hyphenate.key !== 'none') {
    const met = new Set<string>();
    for (const text of texts) {
      for (const [run] of text.matchAll(LETTERS)) {
        if (met.has(run)) continue;
        met.add(run);
        runs.push([run, hyphenate(run)]);
      }
    }
  }
  return { shapings: fonts.news(), hyphenation: { key: hyphenate.key, runs } };
}
