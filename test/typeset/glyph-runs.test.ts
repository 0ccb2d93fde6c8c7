import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GlyphRuns, rememberedRun, type FontkitGlyphRun, type RememberedRun } from '../../src/typeset/glyph-runs.ts';

const ffi: FontkitGlyphRun = {
  glyphs: [{ id: 7, advanceWidth: 820, codePoints: [102, 102, 105] }],
  positions: [{ xAdvance: 820, yAdvance: 0, xOffset: 0, yOffset: 0 }],
  advanceWidth: 820,
};
const of: RememberedRun = [[[40, 500, [111]], [41, 310, [102]]], [[500, 0, 0, 0], [300, 0, 0, 0]]];

describe('GlyphRuns', () => {
  it('gives a remembered run back as fontkit gave it, its advance the sum of its glyphs', () => {
    const runs = new GlyphRuns();
    runs.take([['of', of]]);
    assert.deepEqual(runs.get('of'), {
      glyphs: [{ id: 40, advanceWidth: 500, codePoints: [111] }, { id: 41, advanceWidth: 310, codePoints: [102] }],
      positions: [{ xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0 }, { xAdvance: 300, yAdvance: 0, xOffset: 0, yOffset: 0 }],
      advanceWidth: 800,
    });
    assert.equal(runs.get('of'), runs.get('of'), 'revived once');
    assert.equal(runs.get('off'), undefined);
  });

  it('writes back what it was given, asked for or not, in the order it came, and what was shaped after it', () => {
    const runs = new GlyphRuns();
    assert.equal(runs.take([['of', of], ['to', of]]), true);
    runs.get('to');
    runs.set('ffi', ffi);
    assert.deepEqual(runs.remembered(), [['of', of], ['to', of], ['ffi', rememberedRun(ffi)]]);
    assert.deepEqual(runs.remembered(2), [['ffi', rememberedRun(ffi)]], 'news: only what came after the first two');
  });

  it('keeps what it holds when given the same text again', () => {
    const runs = new GlyphRuns();
    runs.set('ffi', ffi);
    assert.equal(runs.take([['ffi', of]]), false);
    assert.equal(runs.get('ffi'), ffi);
    assert.equal(runs.size, 1);
  });
});
