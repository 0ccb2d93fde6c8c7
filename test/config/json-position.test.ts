import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonErrorOffset } from '../../src/config/json-position.ts';

describe('jsonErrorOffset', () => {
  it('finds nothing wrong with valid JSON', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\"\\u00e9"]}', ' "s" ']) assert.equal(jsonErrorOffset(text), -1, text);
  });
  it('points at the first offending character', () => {
    assert.equal(jsonErrorOffset('{"a": 1 "b": 2}'), 8);
    assert.equal(jsonErrorOffset('{"a": }'), 6);
    assert.equal(jsonErrorOffset('{"a": 1,}'), 8);
    assert.equal(jsonErrorOffset("{'a': 1}"), 1);
    assert.equal(jsonErrorOffset('{"a": tru}'), 6);
    assert.equal(jsonErrorOffset('{"a": 1} x'), 9);
    assert.equal(jsonErrorOffset('{"a": "unterminated'), 19);
  });
  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{"a":1}', '{"a":01}', '[1,]', '"\\x"', '{"a":"\t"}', '1e5', '-', '[1 2]']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      assert.equal(jsonErrorOffset(text) === -1, valid, text);
    }
  });
});
