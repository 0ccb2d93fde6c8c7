import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measurePageLines, type MeterLine } from '../../scripts/page-meter.ts';

// Pages drawn as pdftotext places lines: a running head at y 30, text lines from y 60 every 14 pt,
// 10 pt high, the block's left edge at 50 and its right at 300.
const head = (page: number): MeterLine => ({ text: `${page} Title`, xMin: 50, xMax: 300, yMin: 30, yMax: 40 });
const row = (i: number, text = 'words of a line', options: { indent?: boolean; short?: boolean } = {}): MeterLine => ({
  text,
  xMin: options.indent ? 67 : 50,
  xMax: options.short ? 200 : 300,
  yMin: 60 + 14 * i,
  yMax: 70 + 14 * i,
});
const body = (page: number, lines: number, last: Partial<{ text: string; short: boolean; indent: boolean }> = {}): MeterLine[] => [
  head(page),
  ...Array.from({ length: lines }, (_, i) => (i === lines - 1 ? row(i, last.text ?? 'the end of a line', last) : row(i))),
];
// An opener: no head, its title lower down.
const opener = (lines: number): MeterLine[] => [{ text: 'CHAPTER', xMin: 120, xMax: 230, yMin: 100, yMax: 120 }, ...Array.from({ length: lines }, (_, i) => row(i + 6))];

describe('the page meter', () => {
  it('counts a chapter’s last page of fewer than five lines as a runt', () => {
    const figures = measurePageLines([opener(20), body(2, 30), body(3, 3, { short: true }), opener(20), body(5, 30), body(6, 8, { short: true })]);
    assert.equal(figures.runts, 1);
    assert.deepEqual(figures.where.runts, [3]);
  });

  it('tells a hyphen at a leaf turn (foot of a right-hand page) from one inside a spread', () => {
    // File pages 1, 3, 5 are right-hand pages.
    const figures = measurePageLines([opener(20), body(2, 30, { text: 'a hyph-' }), body(3, 30, { text: 'an-' }), body(4, 30), body(5, 30), body(6, 10, { short: true })]);
    assert.deepEqual(figures.where.hyphenEnds, [2, 3]);
    assert.deepEqual(figures.where.turnHyphens, [3]);
  });

  it('finds a spread whose pages end on different lines, and short pages', () => {
    const figures = measurePageLines([opener(20), body(2, 29), body(3, 30), body(4, 29), body(5, 29), body(6, 30), body(7, 30), body(8, 30), body(9, 30), body(10, 4, { short: true })]);
    assert.deepEqual(figures.where.uneven, [2]);
    assert.ok(figures.where.shortPages.includes(4) && figures.where.shortPages.includes(5));
  });

  it('finds an orphan at a page’s foot and a widow at the next page’s top', () => {
    const orphan = [opener(20), body(2, 30, { indent: true }), [head(3), row(0, 'goes on'), row(1, 'ends here.', { short: true }), ...Array.from({ length: 28 }, (_, i) => row(i + 2))], body(4, 30), body(5, 6, { short: true })];
    assert.deepEqual(measurePageLines(orphan).where.orphans, [2]);
    const widow = [opener(20), body(2, 30), [head(3), row(0, 'last words.', { short: true }), ...Array.from({ length: 29 }, (_, i) => row(i + 1, 'x', { indent: i === 0 }))], body(4, 30), body(5, 6, { short: true })];
    assert.deepEqual(measurePageLines(widow).where.widows, [3]);
  });
});
