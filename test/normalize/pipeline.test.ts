import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Book, Chapter } from '../../src/model/index.ts';
import { normalizeBook } from '../../src/normalize/index.ts';
import { renderText } from '../../src/text/write.ts';

const options = { quotes: true, dashes: true, ellipses: true, spaces: true, dash: 'em' as const };

function book(chapter: Pick<Chapter, 'title' | 'blocks'>, language = 'en'): Book {
  return {
    metadata: { title: 'T', authors: ['A'], language, identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' },
    chapters: [{ id: 'ch01', role: 'chapter', matter: 'body', source: 'x.md', ...chapter }],
  };
}

describe('normalization pipeline', () => {
  it('judges quotes across emphasis boundaries and keeps the structure', () => {
    const input = book({
      title: [{ kind: 'text', value: 'Chapter "One"' }],
      blocks: [{ kind: 'paragraph', content: [{ kind: 'text', value: '"' }, { kind: 'emphasis', children: [{ kind: 'text', value: 'Never' }] }, { kind: 'text', value: '," he said--and left...' }] }],
    });
    const out = normalizeBook(input, options);
    assert.deepEqual(out.chapters[0]!.blocks[0], {
      kind: 'paragraph',
      content: [{ kind: 'text', value: '“' }, { kind: 'emphasis', children: [{ kind: 'text', value: 'Never' }] }, { kind: 'text', value: ',” he said—and left…' }],
    });
    assert.deepEqual(out.chapters[0]!.title, [{ kind: 'text', value: 'Chapter “One”' }]);
  });

  it('never touches code, literals (escaped quotes) or URLs kept as literals', () => {
    const input = book({
      title: [{ kind: 'text', value: 'T' }],
      blocks: [{ kind: 'paragraph', content: [{ kind: 'code', value: '"a--b"' }, { kind: 'text', value: ' and ' }, { kind: 'literal', value: '"' }, { kind: 'text', value: ' and ' }, { kind: 'literal', value: 'http://x.org/a--b' }] }],
    });
    assert.deepEqual(normalizeBook(input, options).chapters[0]!.blocks, input.chapters[0]!.blocks);
  });

  it('passes text through untouched when the passes are switched off', () => {
    const text = `"Curly" -- it's ... already`;
    const input = book({ title: [{ kind: 'text', value: 'T' }], blocks: [{ kind: 'paragraph', content: [{ kind: 'text', value: text }] }] });
    const out = normalizeBook(input, { quotes: false, dashes: false, ellipses: false, spaces: false, dash: 'em' });
    assert.equal(renderText(out), `T\n${text}\n`);
  });

  it('is idempotent on a whole book', () => {
    const input = book({ title: [{ kind: 'text', value: 'T' }], blocks: [{ kind: 'paragraph', content: [{ kind: 'text', value: `"'Tis Mr. Smith's--" "Wait . . . 1914-1918!" 'Twas 6' 2"` }] }] });
    const once = normalizeBook(input, options);
    assert.deepEqual(normalizeBook(once, options), once);
  });

  it('sets French and German marks from the language table', () => {
    const fr = normalizeBook(book({ title: [{ kind: 'text', value: 'T' }], blocks: [{ kind: 'paragraph', content: [{ kind: 'text', value: `"Quoi ?" dit-il.` }] }] }, 'fr'), options);
    assert.equal(renderText(fr), 'T\n«\u202FQuoi\u202F?\u202F» dit-il.\n');
    const de = normalizeBook(book({ title: [{ kind: 'text', value: 'T' }], blocks: [{ kind: 'paragraph', content: [{ kind: 'text', value: `"Nein", sagte er.` }] }] }, 'de'), options);
    assert.equal(renderText(de), 'T\n„Nein“, sagte er.\n');
  });
});
