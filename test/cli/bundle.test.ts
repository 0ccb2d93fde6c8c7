import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error: plain JavaScript, run before TypeScript can be
import { compiledCli } from '../../bin/compile.js';
import { ROOT, tempDir } from '../helpers/tools.ts';

// Issue 24, item 2: an empty cli.mjs made every build exit 0 doing nothing; a flipped bit in a
// chunk gave other books with exit 0; a cut one failed every build until the cache was deleted.

/** A checkout of its own (the sources and esbuild linked in), so its compiled CLI is this test's alone. */
function checkout(): string {
  const root = tempDir('book-bundle-');
  symlinkSync(path.join(ROOT, 'src'), path.join(root, 'src'));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(path.join(ROOT, 'node_modules/esbuild'), path.join(root, 'node_modules/esbuild'));
  return root;
}

describe('the compiled CLI', () => {
  it('is compiled again when a file of it is empty, has a flipped bit or is cut short, never run as it is', () => {
    const root = checkout();
    const entry = compiledCli(root) as string;
    const dir = path.dirname(entry);
    const chunk = readdirSync(dir).find((name) => name.startsWith('chunk-'))!;
    const original = { cli: readFileSync(entry), chunk: readFileSync(path.join(dir, chunk)) };
    const damages: [string, () => void][] = [
      ['an empty cli.mjs', () => writeFileSync(entry, '')],
      ['a flipped bit in a chunk', () => {
        const data = readFileSync(path.join(dir, chunk));
        data[data.length >> 1]! ^= 0x04;
        writeFileSync(path.join(dir, chunk), data);
      }],
      ['a chunk cut short', () => writeFileSync(path.join(dir, chunk), original.chunk.subarray(0, 100))],
      ['its manifest lost', () => writeFileSync(path.join(dir, 'manifest.json'), '{')],
    ];
    for (const [what, damage] of damages) {
      damage();
      assert.equal(compiledCli(root), entry, what);
      assert.ok(readFileSync(entry).equals(original.cli), `${what}: cli.mjs as compiled`);
      assert.ok(readFileSync(path.join(dir, chunk)).equals(original.chunk), `${what}: the chunk as compiled`);
    }
  });
});

describe('what the compiled CLI holds', () => {
  it('bundles epub-gen-memory without node-fetch, whose place a refusal takes (see src/epub/no-fetch.ts)', () => {
    const dir = path.dirname(compiledCli(checkout()) as string);
    const code = readdirSync(dir).filter((name) => name.endsWith('.mjs')).map((name) => readFileSync(path.join(dir, name), 'utf8')).join('\n');
    assert.match(code, /node_modules\/epub-gen-memory\/dist\/lib\/index\.js/);
    assert.doesNotMatch(code, /node_modules\/node-fetch\//);
    assert.match(code, /a build never fetches/);
  });
});

describe('a cache folder linked elsewhere (issue 24, item 11)', () => {
  it('holds no compiled CLI: the sources run instead, where the bundle could not find its packages', () => {
    const root = checkout();
    const elsewhere = tempDir('book-cache-elsewhere-');
    symlinkSync(elsewhere, path.join(root, 'node_modules/.cache'));
    assert.equal(compiledCli(root), null);
  });
});
