import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Inline } from '../../src/model/index.ts';
import { paragraphItems } from '../../src/typeset/paragraph.ts';
import { recallWordCache, rememberTypesetting } from '../../src/typeset/typesetting-cache.ts';
import { WordCache, wordCacheKey } from '../../src/typeset/word-cache.ts';
import { box } from '../../src/typeset/items.ts';
import { SHARED } from '../helpers/tools.ts';
import { fonts, setting } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'book-words-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const chapter = readFileSync(path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles/manuscript/01-mr-sherlock-holmes.md'), 'utf8');
// Plain words, hyphenable words, words ending paragraphs, and words of two faces (italic inside a word).
const paragraphs: Inline[][] = chapter.split(/\n\s*\n/).slice(0, 40).map((text, i) => (i % 5 === 0 ? [{ kind: 'text', value: `${text} un` }, { kind: 'emphasis', children: [{ kind: 'text', value: 'believable' }] }, { kind: 'text', value: 'ness follows.' }] : [{ kind: 'text', value: text }]));
const itemsOf = (cache: WordCache, width = 300) => paragraphs.map((p) => paragraphItems(p, setting(width, { wordCache: cache })));

describe('word caches remembered between builds', () => {
  it('gives back the very items it was given, of the same object shape', async () => {
    const cache = new WordCache();
    const fresh = itemsOf(new WordCache());
    itemsOf(cache);
    assert.ok(cache.size > 500);
    const recalled = WordCache.recall(cache.remember());
    assert.equal(recalled.size, cache.size);
    const again = itemsOf(recalled);
    assert.deepEqual(again, fresh);
    for (const [p, items] of again.entries()) for (const [i, item] of items.entries()) assert.deepEqual(Object.keys(item), Object.keys(fresh[p]![i]!));
    assert.equal(recalled.size, cache.size, 'nothing new had to be set');
  });

  it('recalls a remembered cache from its file in a later build', async () => {
    const key = wordCacheKey(setting(300));
    const first = recallWordCache(key, dir);
    const expected = itemsOf(first);
    await rememberTypesetting(fonts, 'en', { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } }, dir);
    const files = readdirSync(dir).filter((f) => f.startsWith('words-'));
    assert.equal(files.length, 1);
    // Another folder stands for another process: nothing of this one's caches is shared.
    const later = path.join(dir, 'later');
    mkdirSync(later);
    copyFileSync(path.join(dir, files[0]!), path.join(later, files[0]!));
    const recalled = recallWordCache(key, later);
    assert.notEqual(recalled, first);
    assert.equal(recalled.size, first.size);
    assert.deepEqual(itemsOf(recalled), expected);
  });

  it('sets afresh, every time, the words that must be reported', async () => {
    const cache = new WordCache();
    const missing: string[] = [];
    const tooWide: string[] = [];
    const report = { missingGlyph: (c: string) => missing.push(c), wordTooWide: (w: string) => tooWide.push(w), wordCache: cache };
    const text: Inline[] = [{ kind: 'text', value: `a 猫snow word and ${'x'.repeat(80)} here` }];
    for (let build = 0; build < 2; build++) paragraphItems(text, setting(100, report));
    const recalled = WordCache.recall(cache.remember());
    paragraphItems(text, setting(100, { ...report, wordCache: recalled }));
    assert.deepEqual(missing, ['猫', '猫', '猫']);
    assert.equal(tooWide.length, 3);
  });

  it('keeps a word in small capitals apart from the same word in lower case', async () => {
    const cache = new WordCache();
    const text: Inline[] = [{ kind: 'text', value: 'London. Michaelmas term lately over' }];
    const opening = paragraphItems(text, setting(300, { smallCapsWords: 3, wordCache: cache }));
    const plainAfter = paragraphItems(text, setting(300, { wordCache: cache }));
    const openingAgain = paragraphItems(text, setting(300, { smallCapsWords: 3, wordCache: WordCache.recall(cache.remember()) }));
    assert.deepEqual(plainAfter, paragraphItems(text, setting(300)));
    assert.deepEqual(opening, paragraphItems(text, setting(300, { smallCapsWords: 3 })));
    assert.deepEqual(openingAgain, opening);
    assert.ok(opening.some((item) => item.type === 'box' && item.smallCaps) && !plainAfter.some((item) => item.type === 'box' && item.smallCaps));
  });

  it('keys a cache by everything its items depend on', async () => {
    const base = wordCacheKey(setting(300));
    assert.equal(wordCacheKey(setting(300, { indent: 12, smallCapsWords: 3, spaceStretch: 1 })), base, 'indent, small caps and glue are not in word items');
    for (const change of [{ lineWidth: 200 }, { size: 12 }, { hyphenPenalty: 100 }, { hangingPunctuation: false }, { lastWordHyphenPenalty: 10 }]) assert.notEqual(wordCacheKey(setting(300, change)), base, JSON.stringify(change));
  });

  it('ignores a cut or foreign cache file', async () => {
    const key = wordCacheKey(setting(301));
    const own = path.join(dir, 'own');
    mkdirSync(own);
    itemsOf(recallWordCache(key, own), 301);
    await rememberTypesetting(fonts, 'en', { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } }, own);
    const [name] = readdirSync(own).filter((f) => f.startsWith('words-'));
    assert.ok(name, 'the cache was written');
    const whole = readFileSync(path.join(own, name));
    // Each folder stands for a later build: one finds the file whole, the others damaged.
    const intact = path.join(dir, 'intact');
    mkdirSync(intact);
    writeFileSync(path.join(intact, name), whole);
    assert.ok(recallWordCache(key, intact).size > 0);
    const cut = path.join(dir, 'cut');
    mkdirSync(cut);
    writeFileSync(path.join(cut, name), whole.subarray(0, whole.length - 6));
    assert.equal(recallWordCache(key, cut).size, 0);
    const foreign = path.join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, name), Buffer.from('not a cache at all, but even length'));
    assert.equal(recallWordCache(key, foreign).size, 0);
  });
});

describe('remembering a recalled word cache', () => {
  it('adds the words set since to what was read, and reads back as remembering it whole would', async () => {
    const half = paragraphs.slice(0, 20);
    const first = new WordCache();
    for (const p of half) paragraphItems(p, setting(300, { wordCache: first }));
    const stored = first.remember();
    const grown = WordCache.lazy(() => stored);
    const expected = itemsOf(grown);
    const incremental = grown.remember();
    assert.ok(incremental.numbers.length > stored.numbers.length);
    assert.deepEqual(incremental.numbers.subarray(0, stored.numbers.length), stored.numbers, 'what was read comes first, as it was');
    const whole = WordCache.recall(incremental);
    assert.equal(whole.size, grown.size);
    assert.deepEqual(itemsOf(whole), expected);
    assert.equal(whole.size, grown.size, 'every word was remembered');
    // And again, as --watch does: the next words are added to what was remembered.
    paragraphItems([{ kind: 'text', value: 'Quizzically overwrought zephyrs' }], setting(300, { wordCache: grown }));
    const again = WordCache.recall(grown.remember());
    assert.equal(again.size, grown.size);
  });
});

describe('a remembered word cache read only when worth it', () => {
  const piece = (text: string) => [{ text, style: 'regular' as const }];
  const items = (text: string) => [box(10, text, 'regular')];
  const remembered = () => {
    const cache = new WordCache();
    for (let i = 0; i < 5; i++) cache.set(piece(`old${i}`), false, items(`old${i}`));
    return cache.remember();
  };

  it("sets an edit's few new words without reading the novel's vocabulary, and leaves the file as it was", async () => {
    let reads = 0;
    const cache = WordCache.lazy(() => (reads++, remembered()));
    cache.set(piece('new'), false, items('new'));
    assert.deepEqual(cache.get(piece('new'), false), items('new'), 'found again in this build');
    assert.equal(cache.get(piece('old1'), false), undefined, 'the remembered words are not read for it');
    assert.equal(reads, 0);
    assert.equal(cache.grown, false, 'nothing to write again');
  });

  it('reads them once many words are new, keeping the ones set before', async () => {
    let reads = 0;
    const cache = WordCache.lazy(() => (reads++, remembered()));
    for (let i = 0; i <= 2000; i++) cache.set(piece(`new${i}`), false, items(`new${i}`));
    assert.equal(reads, 1);
    assert.deepEqual(cache.get(piece('old3'), false), items('old3'));
    assert.deepEqual(cache.get(piece('new0'), false), items('new0'));
    assert.equal(cache.grown, true);
    const again = WordCache.recall(cache.remember());
    assert.equal(again.size, 5 + 2001, 'the remembered words and every new one, once each');
  });
});
