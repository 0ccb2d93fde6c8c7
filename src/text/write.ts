import type { NoteOptions } from '../config/schema.ts';
import { joinNames, matterTitle } from '../locale.ts';
import type { Block, Book, Inline } from '../model/index.ts';
import { endnotesPosition, noteMark, numberNotes, type NumberedNote } from '../model/notes.ts';
import { plainText } from '../model/plain-text.ts';

/** What the text of some inlines reads, a note's mark as `[3]`. */
type TextOf = (inlines: readonly Inline[]) => string;

function blockLines(blocks: readonly Block[], out: string[], textOf: TextOf, indent = ''): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'sceneBreak':
        out.push('* * *');
        break;
      case 'blockQuote':
      case 'division':
        blockLines(block.blocks, out, textOf, indent);
        break;
      case 'figure':
        out.push(indent + (block.caption ? textOf(block.caption) : `[${block.alt || 'image'}]`));
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const task = block.tasks?.[i];
          const marker = task === true ? '☒ ' : task === false ? '☐ ' : block.ordered ? `${block.start + i}. ` : '• ';
          const lines: string[] = [];
          blockLines(item, lines, textOf, ' '.repeat(marker.length));
          // The marker takes the place of the first line's indent.
          out.push(lines.length === 0 ? `${indent}${marker.trimEnd()}` : `${indent}${marker}${lines[0]!.trimStart()}`, ...lines.slice(1).map((line) => indent + line));
        });
        break;
      case 'codeBlock':
        for (const line of block.value.split('\n')) out.push(indent + line);
        break;
      case 'table':
        for (const row of [block.head, ...block.rows]) if (row.length) out.push(indent + row.map((cell) => textOf(cell)).join('\t'));
        break;
      case 'verse':
        block.stanzas.forEach((stanza, i) => {
          if (i > 0) out.push('');
          for (const line of stanza) out.push(indent + ' '.repeat(line.indent) + textOf(line.content));
        });
        break;
      default:
        out.push(indent + textOf(block.content));
    }
  }
}

/** A chapter's notes as lines: `[3] The note's first paragraph.`, further paragraphs indented under it. */
function noteLines(notes: readonly NumberedNote[], marker: NoteOptions['marker'], out: string[]): void {
  for (const note of notes) {
    const mark = `[${noteMark(note, marker)}] `;
    const lines: string[] = [];
    blockLines(note.note.blocks, lines, plainText, ' '.repeat(mark.length));
    out.push(lines.length === 0 ? mark.trimEnd() : mark + lines[0]!.trimStart(), ...lines.slice(1));
  }
}

/**
 * The normalized text, one line per block: for proofreading diffs and for measuring accuracy.
 * Notes follow the text as the ebook sets them: after each chapter, or all at the end.
 */
export function renderText(book: Book, notes?: NoteOptions): string {
  const lines: string[] = [];
  const numbered = numberNotes(book.chapters, notes?.numbering ?? 'chapter');
  const marker = notes?.marker ?? 'number';
  const atEnd = notes?.ebook === 'book';
  const endnotes = () => {
    if (!numbered.some((chapterNotes) => chapterNotes.length > 0)) return;
    lines.push(matterTitle('notes', book.metadata.language, book.metadata.authors));
    book.chapters.forEach((chapter, index) => {
      if (numbered[index]!.length === 0) return;
      lines.push(plainText(chapter.title));
      noteLines(numbered[index]!, marker, lines);
    });
  };
  const endnotesAt = atEnd ? endnotesPosition(book.chapters) : -1;
  book.chapters.forEach((chapter, index) => {
    if (index === endnotesAt) endnotes();
    // A page whose point is its link (see Chapter.ebookOnly).
    if (chapter.ebookOnly) return;
    const marks = new Map(numbered[index]!.map((note) => [note.note.id, `[${noteMark(note, marker)}]`]));
    const textOf: TextOf = (inlines) => plainText(inlines, (id) => marks.get(id) ?? '');
    lines.push(textOf(chapter.title));
    if (chapter.subtitle) lines.push(textOf(chapter.subtitle));
    if (chapter.byline) lines.push(joinNames(chapter.byline, book.metadata.language));
    blockLines(chapter.blocks, lines, textOf);
    if (!atEnd && marks.size > 0) {
      lines.push('');
      noteLines(numbered[index]!, marker, lines);
    }
  });
  if (endnotesAt === book.chapters.length) endnotes();
  return lines.join('\n') + '\n';
}
