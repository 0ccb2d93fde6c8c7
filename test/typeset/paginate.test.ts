import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paginate, type FlowElement, type FlowLine } from '../../src/typeset/paginate.ts';

let groupCounter = 0;
function paragraph(count: number, keepWithNext = false): FlowLine[] {
  const group = ++groupCounter;
  return Array.from({ length: count }, (_, index) => ({ kind: 'line', line: { runs: [], ratio: 0, hyphenated: false, width: 0 }, x: 0, height: 1, group, index, count, keepWithNext }));
}

const shape = (flow: FlowElement[], perPage: number) => paginate(flow, perPage).map((page) => page.lines.map((l) => `${l.element.group}:${l.element.index}`));

describe('pagination', () => {
  it('fills pages line by line', () => {
    const pages = paginate([...paragraph(4), ...paragraph(6)], 4);
    assert.deepEqual(pages.map((p) => p.lines.length), [4, 4, 2]);
  });

  it('never leaves the first line of a paragraph alone at the foot of a page (orphan)', () => {
    const a = paragraph(3);
    const b = paragraph(4);
    const pages = shape([...a, ...b], 4);
    assert.equal(pages[0]!.length, 3, 'the lone first line moved on');
    assert.deepEqual(pages[1]!.slice(0, 1), [`${b[0]!.group}:0`]);
  });

  it('never leaves the last line of a paragraph alone at the top of a page (widow)', () => {
    const a = paragraph(5);
    const pages = shape([...a], 4);
    assert.deepEqual(pages.map((p) => p.length), [3, 2]);
  });

  it('moves a whole three-line paragraph rather than split it one and two... or two and one', () => {
    const a = paragraph(2);
    const b = paragraph(3);
    const pages = shape([...a, ...b], 4);
    assert.deepEqual(pages.map((p) => p.length), [2, 3]);
  });

  it('never ends a page with a heading', () => {
    const a = paragraph(3);
    const heading = paragraph(1, true);
    const b = paragraph(4);
    const pages = paginate([...a, ...heading, ...b], 4);
    for (const page of pages) assert.ok(!page.lines.at(-1)!.element.keepWithNext);
  });

  it('starts chapters on a right-hand page, leaving a blank left-hand page when needed', () => {
    const flow: FlowElement[] = [
      { kind: 'pageBreak', recto: true, opener: true },
      ...paragraph(3),
      { kind: 'pageBreak', recto: true, opener: true },
      ...paragraph(2),
    ];
    const pages = paginate(flow, 4);
    assert.deepEqual(pages.map((p) => [p.opener, p.blank]), [[true, false], [false, true], [true, false]]);
  });
});
