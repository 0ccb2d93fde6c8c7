import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barRuns, ean13CheckDigit, ean13Modules } from '../../src/cover/ean13.ts';
import { offeredTrim, PRINTERS } from '../../src/cover/printers.ts';
import { overlaps, wrapGeometry, type WrapInput } from '../../src/cover/wrap.ts';

const inches = (points: number) => Math.round((points / 72) * 1e6) / 1e6;
const wrap = (input: Partial<WrapInput>) => wrapGeometry({ trimWidth: 6 * 72, trimHeight: 9 * 72, pages: 200, printer: 'kdp', paper: 'white', ...input })!;

describe('the paperback cover’s geometry', () => {
  // Worked by hand: width = bleed + trim + spine + trim + bleed; height = bleed + trim + bleed.
  it('KDP, 6 × 9 in, 200 pages, white: 0.125 + 6 + 200 × 0.002252 (0.4504) + 6 + 0.125 = 12.7004 × 9.25 in', () => {
    const g = wrap({});
    assert.equal(inches(g.spineWidth), 0.4504);
    assert.equal(inches(g.width), 12.7004);
    assert.equal(inches(g.height), 9.25);
    // The trim box leaves the bleed all round.
    assert.deepEqual([g.trim.x, g.trim.y].map(inches), [0.125, 0.125]);
    assert.equal(inches(g.trim.width), 12.4504);
  });

  it('KDP, 5.5 × 8.5 in, 300 pages, cream: spine 300 × 0.0025 = 0.75, width 0.25 + 11 + 0.75 = 12 in, height 8.75 in', () => {
    const g = wrap({ trimWidth: 5.5 * 72, trimHeight: 8.5 * 72, pages: 300, paper: 'cream' });
    assert.equal(inches(g.spineWidth), 0.75);
    assert.equal(inches(g.width), 12);
    assert.equal(inches(g.height), 8.75);
  });

  it('KDP, 5 × 8 in, 120 pages, premium colour: spine 120 × 0.002347 = 0.28164, width 10.25 + 0.28164 = 10.53164 in', () => {
    const g = wrap({ trimWidth: 5 * 72, trimHeight: 8 * 72, pages: 120, paper: 'color' });
    assert.equal(inches(g.spineWidth), 0.28164);
    assert.equal(inches(g.width), 10.53164);
    assert.equal(inches(g.height), 8.25);
  });

  it('IngramSpark takes the spine width its template gives (6 × 9 in, 0.53 in: 12.78 in wide) and has none without it', () => {
    const g = wrap({ printer: 'ingramspark', spine: 0.53 });
    assert.equal(inches(g.width), 12.78);
    assert.equal(wrapGeometry({ trimWidth: 432, trimHeight: 648, pages: 200, printer: 'ingramspark', paper: 'white' }), undefined);
  });

  it('puts panels back, spine, front from the left, and the barcode box 2 × 1.2 in at the back’s bottom right, 0.25 in from trim and spine', () => {
    const g = wrap({});
    assert.deepEqual([g.back.x, g.spine.x, g.front.x].map(inches), [0.125, 6.125, 6.5754]);
    // Spine side of the back at 6.125 in: 6.125 − 0.25 − 2 = 3.875; foot at 0.125 + 9 = 9.125: 9.125 − 0.25 − 1.2 = 7.675.
    assert.deepEqual([g.barcode.x, g.barcode.y, g.barcode.width, g.barcode.height].map(inches), [3.875, 7.675, 2, 1.2]);
    assert.ok(!overlaps(g.barcode, g.spine) && !overlaps(g.barcode, g.front));
  });

  it('allows spine text on KDP only from 80 pages (“more than 79”), 0.0625 in clear of each fold', () => {
    assert.equal(wrap({ pages: 79 }).spineText, undefined);
    const g = wrap({ pages: 80 });
    assert.ok(g.spineText);
    assert.equal(inches(g.spineText.x - g.spine.x), 0.0625);
    assert.equal(inches(g.spineText.width), inches(g.spineWidth - 0.125 * 72));
  });

  it('knows the KDP paperback trims and the page-count gutter table', () => {
    assert.ok(offeredTrim(PRINTERS.kdp, 6, 9));
    assert.ok(offeredTrim(PRINTERS.kdp, 6.14, 9.21));
    assert.ok(!offeredTrim(PRINTERS.kdp, 5.83, 8.27), 'A5 is not a KDP paperback size');
    assert.deepEqual([24, 150, 151, 300, 301, 500, 501, 700, 701].map(PRINTERS.kdp.gutter), [0.375, 0.375, 0.5, 0.5, 0.625, 0.625, 0.75, 0.75, 0.875]);
  });
});

describe('the EAN-13 barcode of an ISBN', () => {
  it('computes the check digit (978-0-306-40615-7)', () => {
    assert.equal(ean13CheckDigit('978030640615'), 7);
    assert.throws(() => ean13Modules('9780306406158'), /wrong check digit/);
  });

  it('draws 95 modules: guards, six left digits by the first digit’s parity, six right digits', () => {
    const modules = ean13Modules('9780306406157');
    assert.equal(modules.length, 95);
    // Start guard, then 7 in L code (the first left digit is always L).
    assert.equal(modules.slice(0, 10), '101' + '0111011');
    assert.equal(modules.slice(45, 50), '01010');
    // The last digit 7 in R code, then the end guard.
    assert.equal(modules.slice(85), '1000100' + '101');
    // 9 as first digit: the second left digit (8) in G code.
    assert.equal(modules.slice(10, 17), '0001001');
  });

  it('joins adjacent bars into runs', () => {
    assert.deepEqual(barRuns('1011100'), [[0, 1], [2, 3]]);
  });
});
