import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { storeAddress } from '../../src/model/stores.ts';
import { tempDir } from '../helpers/tools.ts';

describe('store addresses', () => {
  const links = { amazon: 'B0C1234567', apple: 'id1234567890', kobo: 'the-salt-road', google: 'AbCdEf', universal: 'https://books2read.com/x' };
  it('makes each store’s page from its id, the universal link where a store has none', () => {
    assert.equal(storeAddress(links, 'kindle'), 'https://www.amazon.com/dp/B0C1234567');
    assert.equal(storeAddress(links, 'apple'), 'https://books.apple.com/book/id1234567890');
    assert.equal(storeAddress(links, 'kobo'), 'https://www.kobo.com/ebook/the-salt-road');
    assert.equal(storeAddress(links, 'google'), 'https://play.google.com/store/books/details?id=AbCdEf');
    assert.equal(storeAddress(links, 'generic'), 'https://books2read.com/x');
    assert.equal(storeAddress({ amazon: 'B0C1234567' }, 'apple'), undefined);
  });
  it('refuses an id that is not one, in one line with its JSON path', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'manuscript'));
    writeFileSync(path.join(dir, 'manuscript/01.md'), '# One\n\nText.\n');
    writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ title: 'T', author: 'A', language: 'en', chapters: ['manuscript/*.md'], alsoBy: [{ title: 'X', links: { amazon: 'not an asin' } }] }));
    assert.throws(() => loadConfig(path.join(dir, 'book.config.json')), (error: Error) => /alsoBy\[0\]\.links\.amazon/.test(error.message) && /ASIN/.test(error.message) && !error.message.includes('\n'));
  });
});
