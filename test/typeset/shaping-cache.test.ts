import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { bundledFontFiles, FontSet } from '../../src/typeset/fonts.ts';
import { recallShapings, rememberShapings } from '../../src/typeset/shaping-cache.ts';
import { SHARED } from '../helpers/tools.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'book-shapings-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const chapter = readFileSync(path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles/manuscript/01-mr-sherlock-holmes.md'), 'utf8');
const plain = (p: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset];
const words = [...new Set(chapter.split(/\s+/).filter(Boolean)), 'office', 'affluent', 'Ta'];

describe('shapings remembered between builds', () => {
  it('are recalled as the same glyphs and advances, and nothing needs shaping again', () => {
    const first = FontSet.load(bundledFontFiles());
    const expected = words.map((word) => first.face('regular').shapeWord(word));
    const smallCaps = first.face('regular').shapeSmallCaps('The Hound of the Baskervilles');
    rememberShapings(first, dir);
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.json')).length, 1, 'one file for the one face used');

    const second = FontSet.load(bundledFontFiles());
    recallShapings(second, dir);
    const face = second.face('regular');
    const recalled = words.map((word) => face.shapeWord(word));
    for (const [i, word] of words.entries()) {
      assert.deepEqual(recalled[i]!.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]), expected[i]!.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]), word);
      assert.deepEqual(recalled[i]!.positions.map(plain), expected[i]!.positions.map(plain), word);
      assert.equal(recalled[i]!.advanceWidth, expected[i]!.advanceWidth, word);
    }
    assert.deepEqual(face.shapeSmallCaps('The Hound of the Baskervilles').positions.map(plain), smallCaps.positions.map(plain));
    assert.equal(face.learnedSomething, false, 'everything came from the cache');
    face.shapeWord('Xylophone-quizzically');
    assert.equal(face.learnedSomething, true);
  });

  it('shapes afresh when the cache file is unreadable', () => {
    for (const file of readdirSync(dir)) writeFileSync(path.join(dir, file), '{ not json');
    const fonts = FontSet.load(bundledFontFiles());
    recallShapings(fonts, dir);
    assert.ok(fonts.face('regular').width('office') > 0);
    assert.equal(fonts.face('regular').learnedSomething, true);
  });
});
