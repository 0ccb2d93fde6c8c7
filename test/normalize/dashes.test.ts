import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashes } from '../../src/normalize/dashes.ts';

describe('dashes', () => {
  const cases: [string, string][] = [
    ['snowflakes--gone into mourning', 'snowflakes—gone into mourning'],
    ['wait---what', 'wait—what'],
    ['quilts - she had knitted', 'quilts—she had knitted'],
    ['gazed down at Ben- No, Kylo Ren', 'gazed down at Ben—No, Kylo Ren'],
    ['Where are they to go now th-', 'Where are they to go now th—'],
    ['"I was just th-" she began', '"I was just th—" she began'],
    ['over -"', 'over—"'],
    ['"- and then', '"—and then'],
    ['the war of 1914-1918', 'the war of 1914–1918'],
    ['see pages 10-20.', 'see pages 10–20.'],
    ['a well-known, up-to-date man', 'a well-known, up-to-date man'],
    ['pre- and post-war', 'pre- and post-war'],
    ['the ----shire militia', 'the ⸺shire militia'],
    ['Lord ------ came', 'Lord ⸻ came'],
    ['call 555-123-4567', 'call 555-123-4567'],
    ['"Yes!--no--', '"Yes!—no—'],
    ['but still -! Altogether', 'but still—! Altogether'],
    ['and \uE002A\uE002-\uE002n\uE002-\uE002n\uE002 looks', 'and \uE002A\uE002-\uE002n\uE002-\uE002n\uE002 looks'],
    ['now \uE002th-\uE002', 'now \uE002th—\uE002'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => assert.equal(dashes(input), expected));

  it('sets a spaced en dash in the spaced-en style', () => {
    assert.equal(dashes('snowflakes--gone', 'spaced-en'), 'snowflakes\u00A0– gone');
  });
  it('is idempotent', () => {
    for (const [input] of cases) assert.equal(dashes(dashes(input)), dashes(input));
  });
});
