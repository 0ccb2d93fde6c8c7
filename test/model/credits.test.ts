import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinNames } from '../../src/locale.ts';
import { copyrightLines, rightsStatement } from '../../src/model/credits.ts';
import type { Metadata } from '../../src/model/index.ts';

const metadata = (extra: Partial<Metadata> = {}): Metadata => ({ title: 'T', authors: ['Ann Lee'], language: 'en', identifier: 'urn:x', modified: '2026-12-02T00:00:00Z', ...extra });

describe('names in a sentence', () => {
  it('joins one, two and several names with the language’s "and"', () => {
    assert.equal(joinNames(['A'], 'en'), 'A');
    assert.equal(joinNames(['A', 'B'], 'en'), 'A and B');
    assert.equal(joinNames(['A', 'B', 'C'], 'en-GB'), 'A, B and C');
    assert.equal(joinNames(['A', 'B'], 'fr'), 'A et B');
    assert.equal(joinNames(['A', 'B', 'C'], 'de'), 'A, B und C');
  });
});

describe('the rights line', () => {
  it('claims nothing the author did not: without rights, the copyright line alone, from the publication year', () => {
    assert.deepEqual(rightsStatement(metadata({ date: '2021-05-01' })), { words: '© 2021 Ann Lee' });
    assert.deepEqual(rightsStatement(metadata()), { words: '© 2026 Ann Lee' });
    assert.ok(!copyrightLines(metadata()).some((line) => line.includes('reserved')));
  });
  it('writes each preset’s wording and its licence address', () => {
    const two = { authors: ['Ann Lee', 'Bo Chan'], date: '2024' };
    assert.deepEqual(rightsStatement(metadata({ ...two, rights: 'all-rights-reserved' })), { words: '© 2024 Ann Lee and Bo Chan. All rights reserved.', licence: undefined });
    assert.equal(rightsStatement(metadata({ rights: 'public-domain' })).words, 'This book is in the public domain.');
    assert.deepEqual(rightsStatement(metadata({ ...two, rights: 'cc-by-4.0' })), {
      words: '© 2024 Ann Lee and Bo Chan. This work is licensed under the Creative Commons Attribution 4.0 International License (CC BY 4.0).',
      licence: 'https://creativecommons.org/licenses/by/4.0/',
    });
    assert.equal(rightsStatement(metadata({ rights: 'cc-by-nc-sa-4.0' })).licence, 'https://creativecommons.org/licenses/by-nc-sa/4.0/');
    assert.equal(rightsStatement(metadata({ ...two, rights: 'cc0' })).words, 'Ann Lee and Bo Chan have dedicated this work to the public domain under the CC0 1.0 Universal Public Domain Dedication.');
    assert.deepEqual(copyrightLines(metadata({ rights: 'cc-by-sa-4.0', date: '2024' })).slice(0, 2), [
      '© 2024 Ann Lee. This work is licensed under the Creative Commons Attribution-ShareAlike 4.0 International License (CC BY-SA 4.0).',
      'https://creativecommons.org/licenses/by-sa/4.0/',
    ]);
  });
  it('prints the author’s own words as written', () => {
    assert.deepEqual(rightsStatement(metadata({ rights: 'Text © 2024 R. Weaver; art © B.' })), { words: 'Text © 2024 R. Weaver; art © B.' });
  });
});
