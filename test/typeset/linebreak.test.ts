import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWordHyphenator } from '../../src/typeset/hyphenate.ts';
import { breakLines, breakLinesLoosely } from '../../src/typeset/knuth-plass.ts';
import { setLines } from '../../src/typeset/lines.ts';
import { paragraphItems } from '../../src/typeset/paragraph.ts';
import { fonts, hyphenateEn, PARAGRAPH, setting } from './helpers.ts';

const text = (value: string) => [{ kind: 'text' as const, value }];

function set(value: string, width: number) {
  const items = paragraphItems(text(value), setting(width));
  const result = breakLines(items, width, { emergencyStretch: 11 });
  return { result, lines: setLines(items, result.breaks, width, fonts, 11) };
}

describe('hyphenation', () => {
  it('finds TeX pattern breaks with at least 2 letters before and 3 after', () => {
    assert.deepEqual(hyphenateEn('beautiful'), [4, 6]);
    assert.deepEqual(hyphenateEn('printed'), []);
    assert.deepEqual(hyphenateEn('hyphenation'), [2, 6]);
    for (const word of ['extraordinary', 'mornings', 'infrequent', 'breakfast']) {
      for (const at of hyphenateEn(word)) assert.ok(at >= 2 && word.length - at >= 3, `${word} at ${at}`);
    }
  });
  it('uses exceptions from the config, and the configured minimums', () => {
    const custom = createWordHyphenator('en', { enabled: true, leftMin: 2, rightMin: 3, exceptions: ['as-so-ciate', 'table'] });
    assert.deepEqual(custom('associate'), [2, 4]);
    assert.deepEqual(custom('Associate'), [2, 4]);
    assert.deepEqual(custom('table'), [], 'an exception without hyphens forbids breaks');
    const strict = createWordHyphenator('en', { enabled: true, leftMin: 4, rightMin: 4, exceptions: [] });
    for (const at of strict('extraordinary')) assert.ok(at >= 4 && 'extraordinary'.length - at >= 4);
    assert.deepEqual(createWordHyphenator('en', { enabled: false, leftMin: 2, rightMin: 3, exceptions: [] })('beautiful'), []);
  });
  it('uses the language’s patterns', () => {
    const de = createWordHyphenator('de', { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] });
    assert.ok(de('Silbentrennung').length >= 2);
    assert.deepEqual(createWordHyphenator('xx', { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] })('unknown'), []);
  });
});

describe('Knuth–Plass line breaking', () => {
  it('sets a paragraph with every line within the measure and within tolerance', () => {
    const { result, lines } = set(PARAGRAPH, 297);
    assert.equal(result.overfull, 0);
    assert.ok(lines.length >= 7 && lines.length <= 9, `${lines.length} lines`);
    for (const line of lines.slice(0, -1)) {
      // Within TeX's tolerance, or stretched by at most the emergency stretch (1 em over the line).
      assert.ok(line.ratio <= 2 && line.ratio >= -1, `ratio ${line.ratio}`);
      const right = line.runs.at(-1)!.x + line.runs.at(-1)!.width;
      assert.ok(Math.abs(right - 297) < 0.01, `line ends at ${right}`);
    }
    assert.equal(lines.at(-1)!.ratio, 0, 'last line at natural spacing');
  });

  it('sets a paragraph a line longer and a line shorter, the same whether the pass is shared or not', () => {
    const long = [PARAGRAPH, PARAGRAPH, PARAGRAPH].join(' ');
    const found: number[] = [];
    for (const width of [240, 250]) {
      const items = paragraphItems(text(long), setting(width));
      const parameters = { emergencyStretch: 11 };
      const optimum = breakLines(items, width, parameters).breaks.length;
      // Asked with one parameters object, as pagination asks: the two share one pass.
      const shared = [1, -1].map((delta) => breakLinesLoosely(items, width, delta, optimum, parameters));
      // Fresh items and parameters for each: nothing shared.
      const alone = [1, -1].map((delta) => breakLinesLoosely(paragraphItems(text(long), setting(width)), width, delta, optimum, { emergencyStretch: 11 }));
      assert.deepEqual(shared, alone, `${width} pt`);
      for (const [i, result] of shared.entries()) if (result) found.push(result.breaks.length - optimum, i === 0 ? 1 : -1);
      assert.equal(breakLinesLoosely(items, width, 5, optimum, parameters), null, 'five lines longer cannot be set well');
    }
    assert.deepEqual(found, [-1, -1, 1, 1], 'a line shorter at 240 pt, a line longer at 250 pt');
  });

  it('keeps the words in order', () => {
    const { lines } = set(PARAGRAPH, 250);
    const joined = lines.map((l) => l.runs.map((r) => r.text).join(' ')).join(' ').replace(/- /g, '').replace(/\s+/g, ' ');
    assert.equal(joined.replace(/\s/g, ''), PARAGRAPH.replace(/\s/g, ''));
  });

  it('prefers fewer hyphens than greedy filling and never hyphenates two lines running where avoidable', () => {
    const { lines } = set(PARAGRAPH + ' ' + PARAGRAPH, 297);
    let run = 0;
    let longest = 0;
    for (const line of lines) {
      run = line.hyphenated ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    assert.ok(longest <= 1, `longest hyphen run ${longest}`);
  });

  it('sets a paragraph of one giant unbreakable word, and says so', () => {
    const giant = 'x'.repeat(3000);
    const { result, lines } = set(giant, 200);
    assert.ok(lines.length > 10);
    for (const line of lines) assert.ok(line.width <= 200 + 0.01, `line of ${line.width}`);
    assert.equal(result.overfull, 0);
  });

  it('breaks a paragraph one line longer when asked (looseness)', () => {
    const items = paragraphItems(text(PARAGRAPH), setting(297));
    const normal = breakLines(items, 297);
    const looser = breakLines(items, 297, { looseness: 1 });
    assert.equal(looser.breaks.length, normal.breaks.length + 1);
  });
});

describe('a line broken at a word’s own hyphen', () => {
  it('draws the hyphen as a run of its own, read as HYPHEN, where it stood', () => {
    const value = 'The grocer kept twenty-two jars of home-made jam and a well-known mother-in-law cake by the ready-to-eat counter all day.';
    let found = false;
    for (let width = 60; width <= 240 && !found; width += 2) {
      const { lines } = set(value, width);
      lines.slice(0, -1).forEach((line) => {
        const last = line.runs.at(-1)!;
        if (!last.actualText) return;
        found = true;
        assert.equal(last.text, '-');
        assert.equal(last.actualText, '\u2010');
        assert.ok(line.hyphenated, 'a page ending here still counts as ending in a hyphen');
        const before = line.runs.at(-2)!;
        assert.ok(!before.text.endsWith('-'), 'the word before it loses its hyphen');
        // A justified line's hyphen ends at the measure, or hangs a little past it into the margin.
        const end = last.x + last.width;
        assert.ok(end > width - 0.01 && end < width + last.width, `the hyphen ends the line at the measure (${end} of ${width})`);
        assert.ok(Math.abs(before.x + before.width - last.x) < 1e-9);
      });
      for (const line of lines) for (const run of line.runs) if (run.actualText) assert.equal(run.text, '-');
    }
    assert.ok(found, 'some width breaks a line at a compound’s hyphen');
  });
});
