import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createWordHyphenator } from '../../src/typeset/hyphenate.ts';

const require = createRequire(import.meta.url);
const packageHyphenator = require('hyphen/hyphen.js') as (patterns: unknown, options: { hyphenChar: string; minWordLength: number }) => (text: string) => string;

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const HOUND = path.resolve(import.meta.dirname, '../../../shared/corpus/arthur-conan-doyle_the-hound-of-the-baskervilles/manuscript');

function lettersRuns(dir: string): Set<string> {
  const words = new Set<string>();
  for (const file of readdirSync(dir)) for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/\p{L}+/gu)) words.add(match[0]);
  return words;
}

/** The package's own answer: offsets of the soft hyphens it inserts, within the minimums. */
function expected(language: string, word: string, leftMin: number, rightMin: number): number[] {
  const marked = packageHyphenator(require(`hyphen/patterns/${language}.js`), { hyphenChar: '\u00AD', minWordLength: leftMin + rightMin })(word);
  const breaks: number[] = [];
  let letters = 0;
  for (const char of marked) {
    if (char === '\u00AD') breaks.push(letters);
    else letters += char.length;
  }
  return breaks.filter((at) => at >= leftMin && word.length - at >= rightMin);
}

describe('Liang hyphenation over the hyphen package’s patterns', () => {
  const cases: [string, string, Set<string>][] = [
    ['en', 'en-us', lettersRuns(HOUND)],
    ['fr', 'fr', lettersRuns(path.join(FIXTURES, 'french/manuscript'))],
    ['de', 'de-1996', lettersRuns(path.join(FIXTURES, 'german/manuscript'))],
  ];
  for (const [tag, patterns, words] of cases) {
    it(`breaks every ${tag} word where the package does (${words.size} words, two sets of minimums)`, () => {
      for (const word of ['hyphenation', 'İstanbul', 'ÆSCHYLUS', 'Übermäßig', 'antidisestablishmentarianism']) words.add(word);
      for (const [leftMin, rightMin] of [[2, 3], [1, 1]] as const) {
        const ours = createWordHyphenator(tag, { enabled: true, leftMin, rightMin, exceptions: [] });
        for (const word of words) assert.deepEqual(ours(word), expected(patterns, word, leftMin, rightMin), `${tag} ${word} (${leftMin}, ${rightMin})`);
      }
    });
  }
});
