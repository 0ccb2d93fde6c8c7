import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { digest } from '../../src/cache/files.ts';
import { MANUSCRIPT_MEMO_DIR } from '../../src/manuscript-memo.ts';
import { pageCacheFile } from '../../src/pdf-thread.ts';
import { ROOT, tempDir } from '../helpers/tools.ts';

// Issue 24, item 1: one flipped bit in a cache file changed the book for good (the manuscript
// memo gave "low-lying ground for!half a mile" in every output, exit 0, saved again). Every cache
// file now carries a digest; a damaged one is never used.

const NOW = new Date(1700000000000);

function flipMiddleByte(file: string): void {
  const data = readFileSync(file);
  if (data.length === 0) return;
  data[data.length >> 1]! ^= 0x01;
  writeFileSync(file, data);
}

describe('a damaged cache file', () => {
  it('never changes the book: every output is the same as before the damage, on this build and the next', async () => {
    const project = tempDir('book-damaged-cache-');
    cpSync(path.join(ROOT, 'manuscript'), path.join(project, 'manuscript'), { recursive: true });
    cpSync(path.join(ROOT, 'book.config.json'), path.join(project, 'book.config.json'));
    const config = path.join(project, 'book.config.json');
    const outputs = async (out: string) => {
      const result = await build({ config, out, formats: ['epub', 'pdf', 'text'], now: NOW });
      return Object.fromEntries(result.files.map((f) => [path.basename(f.path), readFileSync(f.path)]));
    };
    const before = await outputs(path.join(project, 'first'));
    // This book's own cache files: its manuscript memo and its pages (the typesetting files books
    // share are damaged in test/typeset/typesetting-cache.test.ts, in a folder of that test's own:
    // other tests may be building with these meanwhile).
    const damaged = [path.join(MANUSCRIPT_MEMO_DIR, `chapters-${digest(path.resolve(config))}.txt`), pageCacheFile(config)];
    for (const file of damaged) flipMiddleByte(file);
    for (const pass of ['the build after the damage', 'the build after that']) {
      const after = await outputs(path.join(project, pass.replace(/ /g, '-')));
      for (const [name, bytes] of Object.entries(before)) assert.ok(bytes.equals(after[name]!), `${pass}: ${name} differs`);
    }
  });
});
