import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SetLine } from '../../src/typeset/lines.ts';
import { paginate, type FlowElement, type FlowParagraph, type Page } from '../../src/typeset/paginate.ts';

const line = (label: string, hyphenated = false): SetLine => ({ runs: [{ x: 0, text: label, style: 'regular', size: 10, smallCaps: false, wordSpacing: 0, width: 10 }], ratio: 0, hyphenated, width: 10 });
let counter = 0;

/** A paragraph of n lines; `flexible` lets it be set one line longer or shorter at the given cost. */
function paragraph(n: number, options: { flexible?: boolean; cost?: number; keepWithNext?: boolean } = {}): FlowParagraph {
  const id = ++counter;
  const lines = (count: number) => Array.from({ length: count }, (_, i) => line(`${id}.${i}`));
  return {
    kind: 'paragraph',
    lines: lines(n),
    x: 0,
    height: 1,
    keepWithNext: options.keepWithNext ?? false,
    vary: options.flexible ? (delta) => (n + delta >= 2 ? { lines: lines(n + delta), cost: options.cost ?? 100 } : null) : undefined,
  };
}

const counts = (flow: FlowElement[], perPage: number) => paginate(flow, perPage).map((p) => p.lines.length);
const labels = (flow: FlowElement[], perPage: number) => paginate(flow, perPage).map((p) => p.lines.map((l) => l.line.runs[0]!.text));

describe('pagination', () => {
  it('keeps a stanza on one page where it fits on half of one', () => {
    const stanza = { ...paragraph(4), keepTogether: true };
    assert.deepEqual(counts([paragraph(8), stanza], 10), [8, 4]);
    // The same lines without the stanza's rule are split across the turn.
    assert.deepEqual(counts([paragraph(8), paragraph(4)], 10), [10, 2]);
    // A stanza longer than half a page breaks as a paragraph does.
    assert.deepEqual(counts([paragraph(4), { ...paragraph(8), keepTogether: true }], 10), [10, 2]);
  });

  it('sets a table’s header again at the top of each page the table runs onto', () => {
    const head = { ...paragraph(1), keepWithNext: true };
    const rows = Array.from({ length: 7 }, () => ({ ...paragraph(1), repeatHeader: 1 }));
    const pages = labels([paragraph(2), head, ...rows], 5);
    const headLabel = head.lines[0]!.runs[0]!.text;
    assert.equal(pages.length, 3);
    assert.equal(pages[0]![2], headLabel);
    assert.equal(pages[1]![0], headLabel, 'the second page opens with the header');
    assert.equal(pages[2]![0], headLabel, 'and the third');
    assert.equal(pages.flat().filter((l) => l !== headLabel).length, 9, 'every row once');
  });

  it('fills pages line by line', () => {
    assert.deepEqual(counts([paragraph(4), paragraph(6)], 4), [4, 4, 2]);
  });

  it('mends an orphan by setting a paragraph on the page one line longer, keeping the page full', () => {
    const a = paragraph(3, { flexible: true });
    const b = paragraph(4, { flexible: true });
    const pages = labels([a, b], 4);
    assert.equal(pages[0]!.length, 4, 'the page stays full');
    assert.ok(!pages[0]!.at(-1)!.endsWith('.0') || pages[0]!.filter((l) => l.startsWith(pages[0]!.at(-1)!.split('.')[0]!)).length > 1, `orphan left: ${pages[0]}`);
  });

  it('mends a widow by setting a paragraph one line shorter or longer, keeping the page full', () => {
    const pages = counts([paragraph(2, { flexible: true }), paragraph(3, { flexible: true })], 4);
    assert.equal(pages[0], 4);
  });

  it('takes the cheapest mend', () => {
    const cheap = paragraph(3, { flexible: true, cost: 10 });
    const dear = paragraph(4, { flexible: true, cost: 1000 });
    paginate([cheap, dear], 4);
    assert.equal(cheap.lines.length !== 3 || dear.lines.length === 4, true);
    assert.notEqual(cheap.lines.length, 3);
  });

  it('leaves a page short only when no paragraph can give or take a line (orphan)', () => {
    assert.deepEqual(counts([paragraph(3), paragraph(4)], 4), [3, 4]);
  });

  it('leaves a page short only when no paragraph can give or take a line (widow)', () => {
    assert.deepEqual(counts([paragraph(5)], 4), [3, 2]);
  });

  it('moves a whole three-line paragraph rather than split it one and two', () => {
    assert.deepEqual(counts([paragraph(2), paragraph(3)], 4), [2, 3]);
  });

  it('never ends a page with a heading', () => {
    const flow: FlowElement[] = [paragraph(3), paragraph(1, { keepWithNext: true }), paragraph(4)];
    for (const page of paginate(flow, 4)) assert.ok(!page.lines.at(-1)!.line.runs[0]!.text.startsWith(String(counter - 1)));
  });

  it('avoids a hyphen across a leaf turn when a paragraph can move it', () => {
    const a = paragraph(3, { flexible: true });
    const b: FlowParagraph = { ...paragraph(6), lines: ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'].map((l) => line(l, l === 'b1')) };
    const pages = paginate([a, b], 5);
    assert.equal(pages[0]!.lines.length, 5);
    assert.ok(!pages[0]!.lines.at(-1)!.line.hyphenated, 'the recto does not end in a hyphen');
  });

  it('keeps facing pages on the same last baseline by spreading half-line spaces', () => {
    const flow: FlowElement[] = [paragraph(2), { kind: 'space', height: 0.5, keepAtTop: false }, paragraph(1), { kind: 'space', height: 0.5, keepAtTop: false }, paragraph(8)];
    const [first] = paginate(flow, 6);
    const last = first!.lines.at(-1)!;
    assert.equal(last.top + last.height, 6);
  });

  it('starts chapters on a right-hand page, leaving a blank left-hand page when needed', () => {
    const flow: FlowElement[] = [{ kind: 'pageBreak', recto: true, opener: true }, paragraph(3), { kind: 'pageBreak', recto: true, opener: true }, paragraph(2)];
    assert.deepEqual(paginate(flow, 4).map((p) => [p.opener, p.blank]), [[true, false], [false, true], [true, false]]);
  });
});

describe('facing pages', () => {
  const bottom = (page: { lines: { top: number; height: number }[] }) => Math.max(...page.lines.map((l) => l.top + l.height));

  it('shortens the right-hand page to match a left-hand page left short', () => {
    // Page 1 (left) must leave an orphan behind; page 2 could be filled by setting C a line longer,
    // but is set to page 1's height instead, which breaks cleanly there.
    const flow: FlowElement[] = [paragraph(4), paragraph(3), paragraph(3, { flexible: true }), paragraph(8, { flexible: true })];
    const pages = paginate(flow, 4);
    assert.equal(bottom(pages[1]!), 3, 'the left-hand page is short');
    assert.equal(bottom(pages[2]!), 3, 'its facing page ends on the same line');
  });

  it('runs the spread short rather than leave the right-hand page shorter than its facing page', () => {
    // Set full, page 2 (right) would have to leave a widow's line behind; with the spread a line
    // short, both pages end on the same line and break cleanly.
    const flow: FlowElement[] = [paragraph(10), paragraph(3)];
    const pages = paginate(flow, 4);
    assert.ok(bottom(pages[2]!) < 4, 'the spread is short');
    assert.equal(bottom(pages[1]!), bottom(pages[2]!), `left ends at ${bottom(pages[1]!)}, right at ${bottom(pages[2]!)}`);
    assert.deepEqual(pages.flatMap((page) => page.lines.map((l) => l.line.runs[0]!.text)), [...flow.flatMap((e) => (e as FlowParagraph).lines.map((l) => l.runs[0]!.text))], 'every line once, in order');
  });

  it('prefers an uneven spread to a widow or orphan', () => {
    const flow: FlowElement[] = [paragraph(4), paragraph(3), paragraph(2), paragraph(12)];
    for (const page of paginate(flow, 4).slice(0, -1)) {
      const last = page.lines.at(-1)!.line.runs[0]!.text;
      assert.ok(!/^(\d+)\.0$/.test(last) || page.lines.length === 0, `orphan at the foot: ${last}`);
    }
  });

  it('leaves a page that opens a chapter out of it', () => {
    const flow: FlowElement[] = [{ kind: 'pageBreak', recto: true, opener: true }, paragraph(3), paragraph(2), paragraph(4)];
    const pages = paginate(flow, 4);
    assert.equal(bottom(pages[0]!), 3, 'the opener is short (orphan)');
    assert.equal(pages[1]!.lines.length, 4, 'the next page is not shortened: they are not a spread');
  });
});

describe('the whole chapter in view', () => {
  const prose = (sizes: number[], flexible = true) => sizes.map((n) => paragraph(n, { flexible, cost: 500 }));
  const bottom = (page: Page) => Math.max(0, ...page.lines.map((l) => l.top + l.height));

  it('leaves no runt: a last page of one line is filled by setting paragraphs a line longer', () => {
    // 30 lines a page; 61 lines of text leave one line alone on page 3 when nothing is varied.
    const flow = prose([6, 7, 5, 8, 6, 7, 5, 6, 5, 6]);
    const pages = paginate(flow, 30);
    assert.ok(pages.at(-1)!.lines.length >= 5, `last page holds ${pages.at(-1)!.lines.length} line(s)`);
    assert.equal(pages.some((p) => p.rules), false);
  });

  it('leaves no runt without flexible paragraphs either: a spread run short carries lines over', () => {
    const flow = [...prose([6, 7, 5, 8, 4], false), ...prose([8, 7, 6, 5, 6, 5], false)];
    const pages = paginate(flow, 30);
    assert.ok(pages.at(-1)!.lines.length >= 5, `last page holds ${pages.at(-1)!.lines.length} line(s)`);
    // Every spread still ends on one line.
    for (let verso = 1; verso + 1 < pages.length - 1; verso += 2) assert.equal(bottom(pages[verso]!), bottom(pages[verso + 1]!));
  });

  it('keeps a hyphen from the foot of a right-hand page, and most of them from any page’s foot', () => {
    const hyphened = (n: number, at: number[]): FlowParagraph => ({ ...paragraph(n, { flexible: true }), lines: Array.from({ length: n }, (_, i) => line(`h${i}`, at.includes(i))) });
    const flow: FlowElement[] = [...prose([4, 5, 6, 5, 3]), hyphened(9, [1, 2, 4, 6]), ...prose([5, 6, 4, 7, 5, 6, 4, 5, 6, 7, 5])];
    const pages = paginate(flow, 30);
    pages.forEach((page, i) => {
      if (i === pages.length - 1) return;
      assert.ok(!page.lines.at(-1)!.line.hyphenated, `page ${i} ends in a hyphen`);
    });
  });

  it('names the rule a page breaks when nothing can keep it', () => {
    // On 4-line pages, with nothing flexible and spreads at most a line short, some spread cannot end on one line.
    const pages = paginate([paragraph(4), paragraph(5), paragraph(2), paragraph(6)], 4);
    const broken = pages.flatMap((p) => p.rules ?? []);
    assert.ok(broken.length > 0, 'some rule gives way');
    assert.ok(broken.every((r) => r === 'uneven spread' || r === 'runt'), `gave way: ${broken}`);
  });

  it('starts a flow on a left-hand page when told to: its first spread is the opening page and the next', () => {
    const flow = prose([10, 10, 8], false);
    const pages = paginate(flow, 14, [], 1, 1);
    assert.equal(bottom(pages[0]!), bottom(pages[1]!), 'the opening verso and its recto end on one line');
  });
});


describe('figures', () => {
  /** A figure `lines` tall (one image line of that height), with a one-line caption. */
  function figure(lines: number): FlowElement[] {
    const image: FlowParagraph = { kind: 'paragraph', lines: [line(`figure ${++counter}`)], x: 0, height: lines, keepWithNext: true, float: 2 };
    const caption: FlowParagraph = { kind: 'paragraph', lines: [line(`caption ${counter}`)], x: 0, height: 1, keepWithNext: false };
    return [{ kind: 'space', height: 0.5, keepAtTop: false }, image, caption, { kind: 'space', height: 0.5, keepAtTop: false }];
  }

  it('floats a figure that does not fit the rest of the page to the top of the next, the text going on', () => {
    const before = paragraph(14);
    const after = paragraph(12);
    const pages = paginate([before, ...figure(8), after], 20);
    const text = (page: Page) => page.lines.map((l) => l.line.runs[0]!.text);
    assert.equal(pages[0]!.lines.length, 20, `the first page is filled with text: ${text(pages[0]!)}`);
    const afterId = after.lines[0]!.runs[0]!.text.split('.')[0]!;
    assert.ok(text(pages[0]!).slice(14).every((t) => t.split('.')[0] === afterId), `the text after the figure fills the page: ${text(pages[0]!)}`);
    assert.match(text(pages[1]!)[0]!, /^figure/, 'the figure opens the next page');
    assert.match(text(pages[1]!)[1]!, /^caption/, 'with its caption');
    assert.ok(pages[1]!.lines[2]!.top >= 9 + 0.5 - 1e-9, 'text goes on under it after a space');
    assert.equal(pages.flatMap(text).length, 14 + 2 + 12, 'nothing lost, nothing twice');
  });

  it('keeps a figure in place where it fits', () => {
    const pages = paginate([paragraph(4), ...figure(8), paragraph(4)], 20);
    assert.equal(pages.length, 1);
    assert.match(pages[0]!.lines[4]!.line.runs[0]!.text, /^figure/);
  });

  it('sets a figure waiting at a chapter’s end before the chapter ends', () => {
    const pages = paginate([paragraph(16), ...figure(8), paragraph(2), { kind: 'pageBreak', recto: false, opener: true }, paragraph(3)], 20);
    const text = pages.map((page) => page.lines.map((l) => l.line.runs[0]!.text));
    assert.equal(text.length, 3, JSON.stringify(text));
    assert.match(text[1]![0]!, /^figure/);
    assert.equal(text[0]!.length, 18, 'the chapter’s text before the figure, and after it');
    assert.equal(text[2]!.length, 3, 'the next chapter');
  });
});
