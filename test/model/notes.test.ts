import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chapter, Inline } from '../../src/model/index.ts';
import { noteMark, noteSymbol, numberNotes } from '../../src/model/notes.ts';

const ref = (id: string): Inline => ({ kind: 'noteRef', id });
const chapter = (id: string, ids: string[], notes = ids): Chapter => ({
  id,
  role: 'chapter',
  matter: 'body',
  title: [{ kind: 'text', value: id }],
  blocks: [{ kind: 'paragraph', content: ids.map(ref) }],
  notes: [...new Set(notes)].map((n) => ({ id: n, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', value: `note ${n}` }] }] })),
  source: `${id}.md`,
});

describe('note numbering', () => {
  const book = [chapter('ch01', ['a', 'b', 'a']), chapter('ch02', ['c']), chapter('ch03', ['x', 'y'], ['y'])];

  it('numbers afresh in each chapter by first reference, counting repeats once', () => {
    const numbered = numberNotes(book, 'chapter');
    assert.deepEqual(numbered.map((notes) => notes.map((n) => [n.note.id, n.number, n.references])), [[['a', 1, 2], ['b', 2, 1]], [['c', 1, 1]], [['y', 1, 1]]]);
  });

  it('numbers through the book', () => {
    const numbered = numberNotes(book, 'book');
    assert.deepEqual(numbered.flat().map((n) => n.number), [1, 2, 3, 4]);
    // The symbol counts within the chapter, whatever the numbering.
    assert.deepEqual(numbered.flat().map((n) => noteMark(n, 'symbol')), ['*', '†', '*', '*']);
  });

  it('marks by the traditional symbols, doubled after the sixth', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map(noteSymbol), ['*', '†', '‡', '§', '‖', '¶', '**', '††']);
  });
});
