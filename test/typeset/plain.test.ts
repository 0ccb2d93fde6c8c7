import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Inline } from '../../src/model/index.ts';
import { plain, plainLength } from '../../src/typeset/plain.ts';

const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\t', '\n', '\u00a0', '\u2009', '\u202f', '\u3000', '\ufeff', '\u200b', '😀', '-') });
const inline: fc.Arbitrary<Inline> = fc.letrec<{ inline: Inline }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small' },
    text.map((value) => ({ kind: 'text' as const, value })),
    text.map((value) => ({ kind: 'code' as const, value })),
    fc.constant({ kind: 'lineBreak' as const }),
    fc.array(tie('inline'), { maxLength: 3 }).map((children) => ({ kind: 'emphasis' as const, children })),
    fc.array(tie('inline'), { maxLength: 3 }).map((children) => ({ kind: 'strong' as const, children })),
  ),
})).inline;

describe('plainLength', () => {
  it('is the length of the plain text, white space collapsed and trimmed', () => {
    assert.equal(plainLength([{ kind: 'text', value: '  two  words ' }, { kind: 'lineBreak' }, { kind: 'emphasis', children: [{ kind: 'text', value: 'then\tmore' }] }]), 'two words then more'.length);
    fc.assert(fc.property(fc.array(inline, { maxLength: 6 }), (inlines) => plainLength(inlines) === plain(inlines).length));
  });
});
