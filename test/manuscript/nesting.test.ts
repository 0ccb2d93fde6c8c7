import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_NESTING, tooDeep } from '../../src/manuscript/markdown/nesting.ts';

// Issue 24, item 12: ten thousand nested `>` or list markers overflowed the stack (exit 2).

describe('nesting a Markdown chapter may hold', () => {
  it('finds quotations or lists nested too deep, with the line', () => {
    assert.deepEqual(tooDeep(`# One\n\nText.\n\n${'>'.repeat(10000)} deep\n`), { depth: 10000, line: 5 });
    const list = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    assert.equal(tooDeep(list)!.line, MAX_NESTING + 1);
  });

  it('lets real chapters through: quotations in lists, code and verse indented far', () => {
    assert.equal(tooDeep('> > > a quote in a quote in a quote\n\n- one\n  - two\n    - three\n'), undefined);
    assert.equal(tooDeep(`    ${' '.repeat(300)}ASCII art far to the right\n`), undefined);
    assert.equal(tooDeep('```\n' + `${' '.repeat(400)}- not a list: code\n` + '```\n'), undefined);
  });
});
