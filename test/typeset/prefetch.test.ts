import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bundledFontFiles, FontSet } from '../../src/typeset/fonts.ts';
import { createWordHyphenator, learnHyphenation } from '../../src/typeset/hyphenate.ts';
import { charactersAndPairs, prefetch } from '../../src/typeset/prefetch.ts';
import { SHARED } from '../helpers/tools.ts';

const HYPHENATION = { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] };

describe('what typesetting will ask, worked out ahead from the raw manuscript', () => {
  it('takes the marks normalization makes of typed quotes, dashes and dots into the pairs', () => {
    const { chars, pairs } = charactersAndPairs(['"Well," he said--it\'s late...']);
    for (const pair of ['“W', '"W', 'l,', ',”', 'd—', 'd–', 't’', '’s', 'e…']) assert.ok(pairs.has(pair), pair);
    for (const char of ['“', '”', '’', '‘', '—', '…']) assert.ok(chars.has(char), char);
    assert.ok(!pairs.has(',h'), 'no pair across a space');
  });

  it("leaves the typesetting thread's faces nothing to ask fontkit for the words' glyphs and kerning", () => {
    const dir = path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles/manuscript');
    const texts = readdirSync(dir).slice(0, 3).map((file) => readFileSync(path.join(dir, file), 'utf8'));
    const elsewhere = FontSet.load(bundledFontFiles());
    const ahead = prefetch(texts, elsewhere, 'en', HYPHENATION);
    assert.ok(ahead.shapings.length >= 2, 'the regular and italic faces');
    assert.ok(ahead.hyphenation.runs.length > 1000, 'every letter run, hyphenated');

    const fonts = FontSet.load(bundledFontFiles());
    fonts.absorb(ahead.shapings);
    const face = fonts.face('regular');
    face.news(); // what it was told is not news
    // The words as normalization leaves them: curly quotes and apostrophes, em dashes.
    const words = texts.join(' ').replace(/"(?=\w)/g, '“').replace(/"/g, '”').replace(/'/g, '’').replace(/--/g, '—').split(/\s+/);
    for (const word of new Set(words)) if (word) face.width(word);
    const news = face.news();
    assert.ok(!news || (news.glyphs.length === 0 && news.kerns.length === 0), `asked fontkit for ${news?.glyphs.length} glyphs and ${news?.kerns.length} pairs`);
  });

  it('gives hyphenators of the same key what another thread found', () => {
    const hyphenate = createWordHyphenator('en', HYPHENATION);
    // An answer the patterns would not give: it is taken as found, not worked out again.
    learnHyphenation(hyphenate.key, [['Zzzzzzzz', [3]]]);
    assert.deepEqual(createWordHyphenator('en', HYPHENATION)('Zzzzzzzz'), [3]);
    assert.deepEqual(createWordHyphenator('en', { ...HYPHENATION, leftMin: 3 })('Zzzzzzzz'), [], 'another key, its own answers');
  });
});
