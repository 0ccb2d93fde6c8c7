import assert from 'node:assert/strict';
import { readSealed } from '../../src/cache/files.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { PrintOptions } from '../../src/config/schema.ts';
import { bundledFontFiles, FontSet } from '../../src/typeset/fonts.ts';
import { createWordHyphenator } from '../../src/typeset/hyphenate.ts';
import { breakOpportunityTable, paragraphItems } from '../../src/typeset/paragraph.ts';
import { recallTypesetting, rememberTypesetting } from '../../src/typeset/typesetting-cache.ts';
import { SHARED } from '../helpers/tools.ts';
import { setting } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'book-typesetting-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Minimums no other test uses, so this test's break table starts empty.
const print: PrintOptions = { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 3, rightMin: 4, exceptions: [] } };
const chapter = readFileSync(path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles/manuscript/01-mr-sherlock-holmes.md'), 'utf8');
const words = [...new Set(chapter.split(/\s+/).filter(Boolean)), 'office', 'affluent', 'Ta'];
const plain = (p: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset];

describe('typesetting remembered between builds', () => {
  it('recalls shapings as the same glyphs and advances, with nothing to shape again', async () => {
    const first = FontSet.load(bundledFontFiles());
    const expected = words.map((word) => first.face('regular').shapeWord(word));
    const smallCaps = first.face('regular').shapeSmallCaps('The Hound of the Baskervilles');
    const hasSmallCaps = first.face('regular').hasSmallCaps;
    await rememberTypesetting(first, 'en', print, dir);
    const shapingFiles = readdirSync(dir).filter((f) => f.startsWith('shaping-'));
    assert.equal(shapingFiles.length, 1, 'one file for the one face used');
    assert.ok((JSON.parse(readSealed(path.join(dir, shapingFiles[0]!))!.toString('utf8')) as { features: string[] }).features.includes('smcp'), 'the feature list is remembered');

    const second = FontSet.load(bundledFontFiles());
    recallTypesetting(second, 'en', print, dir);
    const face = second.face('regular');
    for (const [i, word] of words.entries()) {
      const recalled = face.shapeWord(word);
      assert.deepEqual(recalled.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]), expected[i]!.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]), word);
      assert.deepEqual(recalled.positions.map(plain), expected[i]!.positions.map(plain), word);
      assert.equal(recalled.advanceWidth, expected[i]!.advanceWidth, word);
    }
    assert.deepEqual(face.shapeSmallCaps('The Hound of the Baskervilles').positions.map(plain), smallCaps.positions.map(plain));
    // The feature list too: asking fontkit for it parses the font's layout tables.
    assert.equal(face.hasSmallCaps, hasSmallCaps);
    assert.equal(face.learnedSomething, false, 'everything came from the cache');
    face.shapeWord('Xylophone-quizzically');
    assert.equal(face.learnedSomething, true);
  });

  it('recalls the break opportunities found with the same hyphenation settings', async () => {
    const fonts = FontSet.load(bundledFontFiles());
    const hyphenate = createWordHyphenator('en', print.hyphenation);
    paragraphItems([{ kind: 'text', value: chapter }], setting(300, { fonts, hyphenate }));
    const table = breakOpportunityTable(hyphenate.key);
    const found = [...table];
    assert.ok(found.some(([, breaks]) => breaks.length > 0), 'some words can break');
    await rememberTypesetting(fonts, 'en', print, dir);
    table.clear();
    recallTypesetting(fonts, 'en', print, dir);
    assert.deepEqual([...breakOpportunityTable(hyphenate.key)], found);
  });

  it('appends the words a later build hyphenates to the file, which is read back whole', async () => {
    const fonts = FontSet.load(bundledFontFiles());
    const hyphenate = createWordHyphenator('en', print.hyphenation);
    const breaksFile = () => path.join(dir, readdirSync(dir).find((f) => f.startsWith('breaks-'))!);
    const before = readFileSync(breaksFile());
    paragraphItems([{ kind: 'text', value: 'Unmistakably extraordinary circumlocution, notwithstanding.' }], setting(300, { fonts, hyphenate }));
    const found = [...breakOpportunityTable(hyphenate.key)];
    await rememberTypesetting(fonts, 'en', print, dir);
    const after = readFileSync(breaksFile());
    assert.ok(after.length > before.length && after.subarray(0, before.length).equals(before), 'appended, what was there left as it was');
    breakOpportunityTable(hyphenate.key).clear();
    recallTypesetting(fonts, 'en', print, dir);
    assert.deepEqual([...breakOpportunityTable(hyphenate.key)], found);
  });

  it('learns afresh when a cache file is unreadable', async () => {
    for (const file of readdirSync(dir)) writeFileSync(path.join(dir, file), '{ not json');
    const fonts = FontSet.load(bundledFontFiles());
    recallTypesetting(fonts, 'en', print, dir);
    assert.ok(fonts.face('regular').width('office') > 0);
    assert.equal(fonts.face('regular').learnedSomething, true);
  });

  it('never uses a shaping file with a changed digit, though it still reads as JSON (issue 24, item 1)', async () => {
    const first = FontSet.load(bundledFontFiles());
    // Every letter of the alphabet shaped, so the damaged glyph is one the word below uses.
    first.face('regular').shapeWord('abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const expected = first.face('regular').shapeWord('abcdefghijklmnopqrstuvwxyz').advanceWidth;
    await rememberTypesetting(first, 'en', print, dir);
    const file = path.join(dir, readdirSync(dir).find((f) => f.startsWith('shaping-'))!);
    // A digit of the first glyph's advance changed ([id, advance, code points]): before the seal,
    // the face recalled a wrong width for that letter and kept it.
    const text = readFileSync(file, 'latin1');
    const glyph = /\[(\d+),(\d+),\[/.exec(text)!;
    const at = glyph.index + 1 + glyph[1]!.length + 1;
    writeFileSync(file, Buffer.from(text.slice(0, at) + (text[at] === '1' ? '2' : '1') + text.slice(at + 1), 'latin1'));
    const second = FontSet.load(bundledFontFiles());
    recallTypesetting(second, 'en', print, dir);
    assert.equal(second.face('regular').shapeWord('abcdefghijklmnopqrstuvwxyz').advanceWidth, expected);
    assert.equal(second.face('regular').learnedSomething, true, 'shaped afresh');
    assert.ok(!readdirSync(dir).includes(path.basename(file)), 'the damaged file is gone');
  });
});
