import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PROPERTY_SEED } from '../helpers/tools.ts';
import type { Book, Inline } from '../../src/model/index.ts';
import { normalizeBook } from '../../src/normalize/index.ts';
import { renderText } from '../../src/text/write.ts';

const options = { quotes: true, dashes: true, ellipses: true, spaces: true, dash: 'em' as const };

// Text built from the pieces writers type: words, quotes, apostrophes, hyphens, dots, digits, spaces.
const fragment = fc.constantFrom('word', 'It', 's', 'tis', 'uz', 'goin', 'a', 'A', 'Z', ':', '=', "'", '"', '-', '--', '---', '.', '...', '....', ' ', '  ', '1914', '6', ',', '!', '?', '(', ')', 'é', 'Mr.', '—', '“', '’', '\t');
const text = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
const inline: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 4, arbitrary: text.map((value): Inline => ({ kind: 'text', value })) },
  { weight: 1, arbitrary: text.map((value): Inline => ({ kind: 'emphasis', children: [{ kind: 'text', value }] })) },
  { weight: 1, arbitrary: text.map((value): Inline => ({ kind: 'code', value })) },
);
const paragraphs = fc.array(fc.array(inline, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 });

function bookOf(content: Inline[][], language: string): Book {
  return {
    metadata: { title: 'T', authors: ['A'], language, identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' },
    chapters: [{ id: 'ch01', role: 'chapter', matter: 'body', source: 'x', title: [{ kind: 'text', value: 'T' }], blocks: content.map((c) => ({ kind: 'paragraph', content: c })) }],
  };
}

const lettersAndDigits = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).join('');

describe('normalization properties', () => {
  for (const language of ['en', 'fr', 'de']) {
    it(`is idempotent and loses no letter or digit (${language})`, () => {
      fc.assert(
        fc.property(paragraphs, (content) => {
          const book = bookOf(content, language);
          const once = normalizeBook(book, options);
          assert.deepEqual(normalizeBook(once, options), once);
          assert.equal(lettersAndDigits(renderText(once)), lettersAndDigits(renderText(book)));
        }),
        { numRuns: 400, ...PROPERTY_SEED },
      );
    });
  }
});
