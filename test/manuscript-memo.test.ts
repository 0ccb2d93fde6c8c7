import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compile } from '../src/build.ts';
import { loadConfig } from '../src/config/load.ts';
import type { Warning } from '../src/errors.ts';
import { recallManuscriptMemo, type ManuscriptMemo } from '../src/manuscript-memo.ts';
import { pngImage } from './helpers/images.ts';
import { tempDir } from './helpers/tools.ts';

const NOW = new Date('2024-01-01T00:00:00Z');

function book(): { dir: string; config: string } {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'manuscript/art'), { recursive: true });
  writeFileSync(path.join(dir, 'manuscript/art/map.png'), pngImage(300, 200));
  writeFileSync(path.join(dir, 'manuscript/01-start.md'), '# The Start\n\n"It\'s late," she said -- and left... *quickly*.\n');
  writeFileSync(path.join(dir, 'manuscript/02-middle.txt'), 'Chapter 2.\n\n\'Well,\' he said, \'we\'ll see.\'\n');
  writeFileSync(path.join(dir, 'manuscript/03-map.md'), '# The Map\n\n"Look":\n\n![](art/map.png)\n');
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ title: 'T', author: 'A', language: 'en', chapters: ['manuscript/*'] }));
  return { dir, config: path.join(dir, 'book.config.json') };
}

/** The memo, with each hook's hits counted. */
function counted(memo: ManuscriptMemo): { memo: ManuscriptMemo; parsed: number; normalized: number } {
  const counts = { memo, parsed: 0, normalized: 0 };
  const { parse, normalize } = memo;
  Object.assign(memo, {
    parse: { ...parse, recall: (...args: Parameters<typeof parse.recall>) => { const hit = parse.recall(...args); if (hit) counts.parsed++; return hit; } },
    normalize: { ...normalize, recall: (...args: Parameters<typeof normalize.recall>) => { const hit = normalize.recall(...args); if (hit) counts.normalized++; return hit; } },
  });
  return counts;
}

async function compiled(configFile: string, memoDir?: string) {
  const config = loadConfig(configFile);
  const warnings: Warning[] = [];
  const memo = memoDir ? counted(recallManuscriptMemo(configFile, memoDir)) : undefined;
  const result = await compile(config, NOW, warnings, memo?.memo);
  await memo?.memo.save();
  return { book: result, warnings, parsed: memo?.parsed ?? 0, normalized: memo?.normalized ?? 0 };
}

/** The book as data: a field left undefined is the same as one not there (JSON keeps neither), image bytes compared as numbers. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? [...v] : v)));

describe('manuscript memo', () => {
  it('gives the same book as reading afresh, recalling every chapter without illustrations on a rebuild', async () => {
    const { config } = book();
    const memoDir = tempDir();
    const fresh = await compiled(config);
    const first = await compiled(config, memoDir);
    assert.deepEqual(first.book, fresh.book);
    assert.equal(first.parsed + first.normalized, 0);
    const second = await compiled(config, memoDir);
    assert.deepEqual(plain(second.book), plain(fresh.book));
    assert.ok(second.book.chapters[2]!.blocks.some((block) => block.kind === 'figure' && block.image.data instanceof Uint8Array));
    assert.equal(second.parsed, 2, 'the two chapters without illustrations');
    assert.equal(second.normalized, 2);
  });

  it('reads a chapter with illustrations afresh every time: its image, its id and its warning', async () => {
    const { config } = book();
    const memoDir = tempDir();
    await compiled(config, memoDir);
    const again = await compiled(config, memoDir);
    const figure = again.book.chapters[2]!.blocks.find((block) => block.kind === 'figure');
    assert.ok(figure && figure.kind === 'figure' && figure.image.data instanceof Uint8Array && figure.image.id === 'img-1');
    assert.equal(again.warnings.length, 1);
    assert.match(again.warnings[0]!.message, /no alt text/);
  });

  it('parses and normalizes again a chapter whose file changed, and follows changed typography options', async () => {
    const { dir, config } = book();
    const memoDir = tempDir();
    await compiled(config, memoDir);
    writeFileSync(path.join(dir, 'manuscript/01-start.md'), '# The Start\n\n"It\'s early," she said.\n');
    const edited = await compiled(config, memoDir);
    assert.equal(edited.parsed, 1);
    assert.deepEqual(plain(edited.book), plain((await compiled(config)).book));
    assert.match(JSON.stringify(edited.book.chapters[0]!.blocks), /“It’s early,” she said\./);
    writeFileSync(config, JSON.stringify({ title: 'T', author: 'A', language: 'en', chapters: ['manuscript/*'], typography: { quotes: false } }));
    const straight = await compiled(config, memoDir);
    assert.equal(straight.normalized, 0, 'other options: normalized afresh');
    assert.deepEqual(plain(straight.book), plain((await compiled(config)).book));
    assert.match(JSON.stringify(straight.book.chapters[0]!.blocks), /\\"It's early,\\" she said\./);
  });
});
