import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { missingTool, ROOT, run, SHARED, tempDir } from '../helpers/tools.ts';

// Kindle books are made from EPUBs by Calibre's converter (and KDP's, which reads the same things):
// the AZW3 must find the cover, keep one contents page and print none of the navigation meant for
// the reading system's menus.
describe('the EPUB converted for Kindle (Calibre)', { skip: missingTool('ebook-convert', ['--version']) ?? missingTool('ebook-meta', ['--version']) }, () => {
  const books = [
    { name: 'the sample', config: path.join(ROOT, 'book.config.json'), formats: ['epub'] as const },
    { name: 'The Hound of the Baskervilles, with its print page list', config: path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles/book.config.json'), formats: ['epub', 'pdf'] as const },
  ];
  for (const book of books) {
    it(`${book.name}: the AZW3 has the cover and one contents page`, async () => {
      const dir = tempDir('book-kindle-');
      const result = await build({ config: book.config, out: dir, formats: [...book.formats], now: new Date(0) });
      const epub = result.files.find((file) => file.format === 'epub')!.path;
      const azw3 = path.join(dir, 'book.azw3');
      const converted = await run('ebook-convert', [epub, azw3]);
      assert.equal(converted.code, 0, converted.stderr.slice(-500));
      const cover = path.join(dir, 'cover.jpg');
      const meta = await run('ebook-meta', [azw3, `--get-cover=${cover}`]);
      assert.ok(existsSync(cover) && statSync(cover).size > 10_000, `no cover record: ${meta.stdout.slice(-300)}`);
      const text = path.join(dir, 'back.txt');
      assert.equal((await run('ebook-convert', [azw3, text])).code, 0);
      const lines = readFileSync(text, 'utf8').split('\n').map((line) => line.trim());
      assert.equal(lines.filter((line) => line === 'Contents' || line === 'Table of Contents').length, 1, 'one contents page, none generated');
      assert.ok(!lines.includes('Landmarks'), 'the landmarks are not printed');
    });
  }
});
