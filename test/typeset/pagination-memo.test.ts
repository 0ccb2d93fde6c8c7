import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SetLine } from '../../src/typeset/lines.ts';
import { paginate, type FlowElement, type FlowParagraph } from '../../src/typeset/paginate.ts';
import { flowName, PaginationMemo } from '../../src/typeset/pagination-memo.ts';

const line = (label: string, hyphenated = false): SetLine => ({ runs: [{ x: 0, text: label, style: 'regular', size: 10, smallCaps: false, wordSpacing: 0, width: 10 }], ratio: 0, hyphenated, width: 10 });

/** A paragraph named by `key` as a memo names it: its lines (and variants) follow from the key. */
function paragraph(key: string, n: number, asked: string[] = []): FlowParagraph {
  const lines = (count: number) => Array.from({ length: count }, (_, i) => line(`${key}.${i}`));
  return { kind: 'paragraph', lines: lines(n), x: 0, height: 1, keepWithNext: false, memoKey: key, vary: (delta) => (asked.push(`${key}${delta}`), n + delta >= 2 ? { lines: lines(n + delta), cost: 100 } : null) };
}

/** A chapter whose best pages, nine lines each, set a paragraph a line longer (a widow or orphan otherwise). */
function chapter(asked: string[] = [], edit = ''): FlowElement[] {
  return [{ kind: 'pageBreak', recto: true, opener: true }, ...[7, 3, 9, 2, 8, 4, 6].map((n, i) => paragraph(`p${i}${i === 5 ? edit : ''}`, n, asked))];
}

const text = (pages: ReturnType<typeof paginate>) => pages.map((p) => p.lines.map((l) => l.line.runs[0]!.text));

describe('the pagination memo', () => {
  it('sets a flow it has seen on the same pages, asking only for the variants those pages use', () => {
    const memo = new PaginationMemo();
    const searched: string[] = [];
    const first = paginate(chapter(searched), 9, [], 1, 0, memo);
    assert.ok(searched.length > 2, 'the search tried several variants');
    const recalled = PaginationMemo.recall([memo.remember()]);
    const asked: string[] = [];
    const again = paginate(chapter(asked), 9, [], 1, 0, recalled);
    assert.deepEqual(text(again), text(first));
    assert.deepEqual(again.map((p) => [p.full, p.opener, p.blank, p.rules]), first.map((p) => [p.full, p.opener, p.blank, p.rules]));
    assert.ok(asked.length >= 1 && asked.length < searched.length, `asked for ${asked.join(' ')}, against ${searched.length} variants in the search`);
    assert.deepEqual(text(again), text(paginate(chapter(), 9)), 'the pages a search without the memo finds');
  });

  it('searches again when anything pagination reads has changed, and forgets what the build no longer asked for', () => {
    const memo = new PaginationMemo();
    const name = (flow: FlowElement[], perPage = 9) => flowName(flow, perPage, [], 1, 0);
    assert.equal(name(chapter()), name(chapter()));
    assert.notEqual(name(chapter(), 10), name(chapter()), 'another page height');
    assert.notEqual(name(chapter([], 'edited')), name(chapter()), 'a paragraph rewritten');
    const unnamed = chapter();
    delete (unnamed[3] as FlowParagraph).memoKey;
    assert.equal(name(unnamed), undefined, 'a paragraph that may vary with no memo key cannot be named');
    const fixed = chapter();
    (fixed[2] as FlowParagraph).vary = undefined;
    const hyphened = chapter();
    (hyphened[2] as FlowParagraph).vary = undefined;
    (hyphened[2] as FlowParagraph).lines[0]!.hyphenated = true;
    assert.notEqual(name(fixed), name(hyphened), "a fixed paragraph's hyphens");

    paginate(chapter(), 9, [], 1, 0, memo);
    paginate(chapter([], 'edited'), 9, [], 1, 0, memo);
    assert.equal(memo.size, 2);
    memo.forgetUnused();
    paginate(chapter([], 'edited'), 9, [], 1, 0, memo);
    memo.forgetUnused();
    const kept = PaginationMemo.recall([memo.remember()]);
    assert.equal(kept.size, 1, 'the version since rewritten is forgotten');
    assert.throws(() => PaginationMemo.recall(['{"not":"a memo"}']));
  });
});
