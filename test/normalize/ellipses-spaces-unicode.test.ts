import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ellipses } from '../../src/normalize/ellipses.ts';
import { bindAbbreviations, collapseSpaces } from '../../src/normalize/spaces.ts';
import { composeUnicode } from '../../src/normalize/unicode.ts';

describe('ellipses', () => {
  const cases: [string, string][] = [
    ['Anger...and something', 'Anger…and something'],
    ['Wait . . . what', 'Wait … what'],
    ['his smile.... People', 'his smile.… People'],
    ['no... ', 'no… '],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => assert.equal(ellipses(input), expected));
  it('is idempotent', () => assert.equal(ellipses(ellipses('a.... b... c')), ellipses('a.... b... c')));
});

describe('spaces', () => {
  it('collapses runs of spaces and tabs and trims the ends', () => {
    assert.equal(collapseSpaces('  two   words\there  '), 'two words here');
  });
  it('keeps a no-break space the author typed', () => {
    assert.equal(collapseSpaces('100\u00A0 km'), '100\u00A0km');
  });
  it('binds titles and page references to what follows', () => {
    assert.equal(bindAbbreviations('Mr. Holmes and Dr. Watson, see p. 12'), 'Mr.\u00A0Holmes and Dr.\u00A0Watson, see p.\u00A012');
    assert.equal(bindAbbreviations('He was a Mr. nobody'), 'He was a Mr. nobody');
    assert.equal(bindAbbreviations('Mr. Dr. Smith, PP. 3 and No. 6'), 'Mr.\u00A0Dr.\u00A0Smith, PP.\u00A03 and No.\u00A06', 'one after another; the abbreviation as typed');
    assert.equal(bindAbbreviations('HMr. Smith, 2Dr. Who, ap. 12, Mr.  Two'), 'HMr. Smith, 2Dr. Who, ap. 12, Mr.  Two', 'only a whole abbreviation, before one space');
  });
});

describe('unicode', () => {
  it('composes to NFC', () => {
    assert.equal(composeUnicode('e\u0301'), 'é');
  });
});
