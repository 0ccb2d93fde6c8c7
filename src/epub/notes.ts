import type { NoteOptions } from '../config/schema.ts';
import type { Block, Chapter } from '../model/index.ts';
import { noteHeadMark, noteMark, numberNotes, type NumberedNote } from '../model/notes.ts';
import { plainText } from '../model/plain-text.ts';
import { allBlocks } from '../model/walk.ts';
import { blockXhtml, escapeXml, inlineXhtml, type XhtmlContext } from './xhtml.ts';

/** The document that holds every note when they are collected at the end of the book. */
export const ENDNOTES_ID = 'endnotes';

// Kobo shows a note as a pop-up only when its target holds some text beyond the number.
const KOBO_MIN_TEXT = 9;

/**
 * The book's notes as the EPUB writes them: numbered as the config says, each reference a
 * noteref link to its note and each note starting with a numbered link back to its (first)
 * reference. A back-link that ends a note makes Kindle run the following notes into its pop-up.
 */
export class EpubNotes {
  private readonly numbered: NumberedNote[][];
  /** References written so far, by chapter and note id: a second reference gets an id of its own. */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly chapters: readonly Chapter[],
    private readonly options: NoteOptions,
    /** "Notes", in the book's language. */
    private readonly title: string,
  ) {
    this.numbered = numberNotes(chapters, options.numbering);
  }

  get any(): boolean {
    return this.numbered.some((notes) => notes.length > 0);
  }

  /** The note references of chapter `index`, as links (for XhtmlContext.notes). */
  references(index: number): (id: string) => string | undefined {
    const chapter = this.chapters[index]!;
    const byId = new Map(this.numbered[index]!.map((note) => [note.note.id, note]));
    return (id) => {
      const note = byId.get(id);
      if (!note) return undefined;
      const key = `${index}\u0000${id}`;
      const count = (this.written.get(key) ?? 0) + 1;
      this.written.set(key, count);
      const href = `${this.options.ebook === 'book' ? `${ENDNOTES_ID}.xhtml` : ''}#${noteId(chapter, note)}`;
      const mark = escapeXml(noteMark(note, this.options.marker));
      return `<a class="noteref" epub:type="noteref" role="doc-noteref" href="${href}" id="${referenceId(chapter, note, count)}"><sup>${mark}</sup></a>`;
    };
  }

  /** The notes to set at the end of chapter `index` (none when the book collects them). */
  chapterNotesXhtml(index: number, context: XhtmlContext): string {
    const notes = this.numbered[index]!;
    if (this.options.ebook === 'book' || notes.length === 0) return '';
    const chapter = this.chapters[index]!;
    const items = notes.map((note) => this.noteXhtml(chapter, note, 'aside', 'footnote', '', context, '      '));
    return `\n    <section class="footnotes" epub:type="footnotes" aria-label="${escapeXml(this.title)}">\n      <hr class="notes-rule"/>\n${items.join('\n')}\n    </section>`;
  }

  /** The Endnotes division: each chapter's notes under its title, or undefined when there are none to collect. */
  endnotesXhtml(context: (index: number) => XhtmlContext): string | undefined {
    const title = this.title;
    if (this.options.ebook !== 'book' || !this.any) return undefined;
    const groups = this.numbered.flatMap((notes, index) => {
      if (notes.length === 0) return [];
      const chapter = this.chapters[index]!;
      const items = notes.map((note) => this.noteXhtml(chapter, note, 'li', 'endnote', `${chapter.id}.xhtml`, context(index), '        '));
      return [`    <section class="endnotes-chapter" aria-label="${escapeXml(plainText(chapter.title))}">\n      <h2>${escapeXml(plainText(chapter.title))}</h2>\n      <ol class="endnotes">\n${items.join('\n')}\n      </ol>\n    </section>`];
    });
    return `  <section id="${ENDNOTES_ID}" class="endnotes" epub:type="endnotes" role="doc-endnotes" aria-labelledby="${ENDNOTES_ID}-title">\n    <h1 id="${ENDNOTES_ID}-title">${escapeXml(title)}</h1>\n${groups.join('\n')}\n  </section>`;
  }

  private noteXhtml(chapter: Chapter, note: NumberedNote, tag: 'aside' | 'li', type: string, file: string, context: XhtmlContext, indent: string): string {
    const back = `<a class="note-number" href="${file}#${referenceId(chapter, note, 1)}" role="doc-backlink">${escapeXml(noteHeadMark(noteMark(note, this.options.marker)))}</a> `;
    const blocks: Block[] = note.note.blocks.length > 0 ? note.note.blocks : [{ kind: 'paragraph', content: [] }];
    const text = [...allBlocks(blocks)].map((b) => ('content' in b ? plainText(b.content) : '')).join('').trim();
    const pad = text.length < KOBO_MIN_TEXT ? '\u00A0'.repeat(KOBO_MIN_TEXT - text.length) : '';
    const body = blocks.map((block, i) => {
      const last = i === blocks.length - 1;
      if (block.kind === 'paragraph' && (i === 0 || last)) {
        context.kobo?.nextParagraph();
        return `${indent}  <p>${i === 0 ? back : ''}${inlineXhtml(block.content, context)}${last ? pad : ''}</p>`;
      }
      const markup = blockXhtml(block, `${indent}  `, context);
      return i === 0 ? `${indent}  <p class="note-number">${back.trim()}</p>\n${markup}` : markup;
    });
    const role = tag === 'aside' ? ' role="doc-footnote"' : '';
    return `${indent}<${tag} id="${noteId(chapter, note)}" class="note" epub:type="${type}"${role}>\n${body.join('\n')}\n${indent}</${tag}>`;
  }
}

const noteId = (chapter: Chapter, note: NumberedNote) => `fn-${chapter.id}-${note.ordinal}`;
const referenceId = (chapter: Chapter, note: NumberedNote, count: number) => `fnref-${chapter.id}-${note.ordinal}${count > 1 ? `-${count}` : ''}`;
