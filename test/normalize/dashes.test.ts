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
    // Unspaced: years, small rising numbers and references take the en dash; codes, phones and dates do not.
    ['pp. 12-14, § 3-9, 1914-18, 10-20 people', 'pp. 12–14, § 3–9, 1914–18, 10–20 people'],
    ['call 555-1234, the score 21-14, on 1999-2000-2001', 'call 555-1234, the score 21-14, on 1999-2000-2001'],
    // Letter ranges, as index volumes are labelled; "I - I" is a stammer.
    ['Volume 1: A - ANG, then L - Z', 'Volume 1: A–ANG, then L–Z'],
    ['"I - I don\'t know"', '"I—I don\'t know"'],
    // A spaced minus after a colon or an equals sign, as a figure is often typed.
    ['le solde : - 3 000 000 et x = - 4', 'le solde : \u22123 000 000 et x = \u22124'],
    // A dash the author typed keeps its spacing.
    ['He said — typed spaced — and left', 'He said — typed spaced — and left'],
    ['a well-known, up-to-date man', 'a well-known, up-to-date man'],
    ['pre- and post-war', 'pre- and post-war'],
    ['the ----shire militia', 'the ⸺shire militia'],
    ['Lord ------ came', 'Lord ⸻ came'],
    ['call 555-123-4567', 'call 555-123-4567'],
    ['"Yes!--no--', '"Yes!—no—'],
    ['but still -! Altogether', 'but still—! Altogether'],
    ['and \uE002A\uE002-\uE002n\uE002-\uE002n\uE002 looks', 'and \uE002A\uE002-\uE002n\uE002-\uE002n\uE002 looks'],
    ['now \uE002th-\uE002', 'now \uE002th—\uE002'],
    // Ranges written with a spaced hyphen or a double hyphen between numbers, dates and times.
    ['(17.07.1936 - 08.09.2023)', '(17.07.1936–08.09.2023)'],
    ['100--200 bytes', '100–200 bytes'],
    ['open 9 - 5, or 9:00 - 17:00', 'open 9–5, or 9:00–17:00'],
    ['dated 2024-05-01, ISBN 978-3-16-148410-0', 'dated 2024-05-01, ISBN 978-3-16-148410-0'],
    ['in 1990 - no, 1991', 'in 1990—no, 1991'],
    // A minus sign before a number.
    ['it fell to -3 degrees (x = -4)', 'it fell to \u22123 degrees (x = \u22124)'],
    // After an opening quote, curled or not yet: the same sign on a first and a second pass.
    ['"-6 at night," he said; « -6 »', '"\u22126 at night," he said; « \u22126 »'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => assert.equal(dashes(input), expected));

  it('sets a spaced en dash in the spaced-en style', () => {
    assert.equal(dashes('snowflakes--gone', 'spaced-en'), 'snowflakes\u00A0– gone');
  });
  it('sets a spaced em dash in the spaced-em style (Russian)', () => {
    assert.equal(dashes('он сказал - и ушёл', 'spaced-em'), 'он сказал\u00A0— и ушёл');
  });
  it('keeps a French spaced hyphen a spaced dash, never closed up', () => {
    assert.equal(dashes('mis au point - quelque chose', 'spaced-en'), 'mis au point\u00A0– quelque chose');
    assert.equal(dashes('Il a dit -', 'spaced-en'), 'Il a dit\u00A0–');
    assert.equal(dashes('Er kam -- und ging.', 'spaced-en'), 'Er kam\u00A0– und ging.');
  });
  it('leaves a dash the author typed as typed in spaced languages too', () => {
    assert.equal(dashes('Il dit — oui — puis - non', 'spaced-en'), 'Il dit — oui — puis\u00A0– non');
  });
  it('is idempotent', () => {
    for (const [input] of cases) assert.equal(dashes(dashes(input)), dashes(input));
  });
});
