import type { Block, Chapter, Inline, Note } from './index.ts';
import { mapBlockInlines } from './walk.ts';

/** How the writers number notes: afresh in each chapter, or through the whole book. */
export type NoteNumbering = 'chapter' | 'book';
/** What marks a note: its number, or the traditional symbols (* † ‡ § ‖ ¶, then doubled). */
export type NoteMarker = 'number' | 'symbol';

/** A note with its place in the book: the chapter it belongs to and its number there. */
export interface NumberedNote {
  chapter: number;
  note: Note;
  number: number;
  /** Its place among its chapter's notes, from 1: what a symbol marker counts. */
  ordinal: number;
  /** How many times the text refers to it. */
  references: number;
}

/** The ids of the notes the inlines refer to, in reading order, repeats included. */
export function inlineNoteIds(inlines: readonly Inline[], out: string[] = []): string[] {
  for (const node of inlines) {
    if (node.kind === 'noteRef') out.push(node.id);
    else if ('children' in node) inlineNoteIds(node.children, out);
  }
  return out;
}

/** The ids of the notes the blocks refer to, in reading order, repeats included. */
export function blockNoteIds(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  mapBlockInlines(blocks, (inlines) => (inlineNoteIds(inlines, out), inlines));
  return out;
}

/**
 * Every note the book refers to, chapter by chapter, in the order of its first reference, with
 * its number. A note its chapter never refers to has no place and is left out (the reader warned).
 */
export function numberNotes(chapters: readonly Chapter[], numbering: NoteNumbering): NumberedNote[][] {
  let count = 0;
  return chapters.map((chapter, index) => {
    if (numbering === 'chapter') count = 0;
    const notes = new Map((chapter.notes ?? []).map((note) => [note.id, note]));
    const found = new Map<string, NumberedNote>();
    for (const id of [...inlineNoteIds(chapter.title), ...blockNoteIds(chapter.blocks)]) {
      const known = found.get(id);
      if (known) {
        known.references++;
        continue;
      }
      const note = notes.get(id);
      if (note) found.set(id, { chapter: index, note, number: ++count, ordinal: found.size + 1, references: 1 });
    }
    return [...found.values()];
  });
}

const SYMBOLS = ['*', '†', '‡', '§', '‖', '¶'];

/** The mark of the `ordinal`th note (from 1) by symbol: * † ‡ § ‖ ¶, then ** †† … */
export function noteSymbol(ordinal: number): string {
  const i = ordinal - 1;
  return SYMBOLS[i % SYMBOLS.length]!.repeat(Math.floor(i / SYMBOLS.length) + 1);
}

/** What a note is marked with: its number, or its symbol. */
export function noteMark(note: NumberedNote, marker: NoteMarker): string {
  return marker === 'symbol' ? noteSymbol(note.ordinal) : String(note.number);
}

/** What a note's own number reads at its head, where the note is set: `3.`, or a symbol alone. */
export const noteHeadMark = (mark: string) => (/^\d/.test(mark) ? `${mark}.` : mark);

/**
 * Where a book's collected notes go among its divisions: after the text and its afterword, before
 * the pages about the author (the index of the first of those, or the end).
 */
export function endnotesPosition(chapters: readonly Chapter[]): number {
  const at = chapters.findIndex((chapter) => chapter.role === 'aboutAuthor' || chapter.role === 'alsoBy' || chapter.role === 'review');
  return at < 0 ? chapters.length : at;
}
