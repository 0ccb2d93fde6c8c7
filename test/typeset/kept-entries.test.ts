import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeptEntries } from '../../src/typeset/kept-entries.ts';

class Memo extends KeptEntries<string> {
  /** As if read from its file: `count` entries. */
  static read(count: number): Memo {
    const memo = new Memo();
    for (let i = 0; i < count; i++) memo.recalled(`k${i}`, `v${i}`);
    return memo;
  }
}

const useAll = (memo: Memo, count: number) => {
  for (let i = 0; i < count; i++) memo.get(`k${i}`);
};

describe('what a memo writes', () => {
  it('writes a memo without a file whole', () => {
    const memo = new Memo();
    memo.set('a', '1');
    assert.equal(memo.grown, true);
    assert.deepEqual(memo.toWrite(), { whole: true, keys: ['a'] });
    memo.written(true, 0);
    assert.equal(memo.grown, false);
  });

  it("appends an edit's entries to the file: the new one, and the one whose variant was found", () => {
    const memo = Memo.read(100);
    useAll(memo, 99);
    memo.set('edited', 'new text');
    memo.changed('k3');
    memo.changed('never held');
    assert.deepEqual(memo.toWrite(), { whole: false, keys: ['edited', 'k3'] });
    assert.equal(memo.size, 100, 'k99, no longer asked for, forgotten');
    memo.written(false, 2);
    assert.equal(memo.grown, false);
  });

  it('writes the file whole again once more than a third of it would be dead weight', () => {
    const memo = Memo.read(100);
    useAll(memo, 60);
    memo.set('edited', 'new text');
    const { whole, keys } = memo.toWrite();
    assert.equal(whole, true);
    assert.equal(keys.length, 61);
    memo.written(true, 0);
    useAll(memo, 60);
    memo.get('edited');
    memo.set('another', 'edit');
    assert.equal(memo.toWrite().whole, false, 'the file now holds only what is used');
  });
});
