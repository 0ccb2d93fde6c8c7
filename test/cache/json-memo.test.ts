import assert from 'node:assert/strict';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pruneStale } from '../../src/cache/files.ts';
import { JsonMemo } from '../../src/cache/json-memo.ts';
import { tempDir } from '../helpers/tools.ts';

describe('JsonMemo', () => {
  it('gives back what an earlier build remembered, as a fresh copy each time', async () => {
    const file = path.join(tempDir(), 'memo.txt');
    const first = JsonMemo.empty('v1');
    first.remember('a', { text: 'line one\nline two\ttab', list: [1, 2] });
    await first.save(file);
    const second = JsonMemo.read(file, 'v1');
    const one = second.recall<{ text: string; list: number[] }>('a')!;
    assert.deepEqual(one, { text: 'line one\nline two\ttab', list: [1, 2] });
    one.list.push(3);
    assert.deepEqual(second.recall('a'), { text: 'line one\nline two\ttab', list: [1, 2] });
    assert.equal(second.recall('b'), undefined);
  });

  it('forgets on saving what the build did not use, and writes nothing when nothing changed', async () => {
    const file = path.join(tempDir(), 'memo.txt');
    const memo = JsonMemo.empty('v1');
    memo.remember('kept', 1);
    memo.remember('dropped', 2);
    await memo.save(file);
    const again = JsonMemo.read(file, 'v1');
    again.recall('kept');
    await again.save(file);
    const last = JsonMemo.read(file, 'v1');
    assert.equal(last.recall('kept'), 1);
    assert.equal(last.recall('dropped'), undefined);
    writeFileSync(file, 'untouched');
    await last.save(file);
    assert.equal(readFileSync(file, 'utf8'), 'untouched', 'the same entries, used again: no write');
  });

  it("appends an edit's entries to the file, and writes it whole once a third of it is dead weight", async () => {
    const file = path.join(tempDir(), 'memo.txt');
    const memo = JsonMemo.empty('v1');
    for (let i = 0; i < 9; i++) memo.remember(`chapter${i}`, { text: `as first written ${i}` });
    await memo.save(file);
    const before = readFileSync(file);
    const edited = JsonMemo.read(file, 'v1');
    for (let i = 1; i < 9; i++) edited.recall(`chapter${i}`);
    edited.remember('chapter0', { text: 'as rewritten' });
    await edited.save(file);
    const after = readFileSync(file);
    assert.ok(after.length > before.length && after.subarray(0, before.length).equals(before), 'appended, what was there left as it was');
    const read = JsonMemo.read(file, 'v1');
    assert.deepEqual(read.recall('chapter0'), { text: 'as rewritten' }, 'the later entry wins');
    assert.deepEqual(read.recall('chapter8'), { text: 'as first written 8' });
    // Most chapters deleted: the file is written again with only what is used.
    read.remember('chapter9', { text: 'new' });
    await read.save(file);
    const compact = readFileSync(file);
    assert.ok(compact.length < after.length, 'written whole, smaller');
    const last = JsonMemo.read(file, 'v1');
    assert.deepEqual([last.recall('chapter0'), last.recall('chapter8'), last.recall('chapter1')], [{ text: 'as rewritten' }, { text: 'as first written 8' }, undefined]);
  });

  it('reads a missing, foreign or damaged file as an empty memo, never a partly wrong one', async () => {
    const dir = tempDir();
    assert.equal(JsonMemo.read(path.join(dir, 'none.txt'), 'v1').recall('a'), undefined);
    writeFileSync(path.join(dir, 'foreign.txt'), 'a\t1\n');
    assert.equal(JsonMemo.read(path.join(dir, 'foreign.txt'), 'v1').recall('a'), undefined);
    const file = path.join(dir, 'memo.txt');
    const memo = JsonMemo.empty('v1');
    memo.remember('good', ['low-lying ground for half a mile']);
    memo.remember('other', [2]);
    await memo.save(file);
    // One character changed inside an entry that still parses: before the seal, the build used it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('for half', 'for!half'));
    const damaged = JsonMemo.read(file, 'v1');
    assert.equal(damaged.recall('good'), undefined);
    assert.equal(damaged.recall('other'), undefined);
    assert.equal(existsSync(file), false, 'the damaged file is gone, to be written afresh');
  });
});

describe('pruneStale', () => {
  it('deletes the files of a cache folder not written for a month, and keeps the rest', async () => {
    const dir = tempDir();
    const old = path.join(dir, 'old.txt');
    const recent = path.join(dir, 'recent.txt');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'y');
    const now = Date.now();
    utimesSync(old, new Date(now - 31 * 24 * 3600 * 1000), new Date(now - 31 * 24 * 3600 * 1000));
    pruneStale(dir, now);
    assert.deepEqual([existsSync(old), existsSync(recent)], [false, true]);
    pruneStale(path.join(dir, 'missing'), now);
  });
});
