import type { NoteOptions } from '../config/schema.ts';
import { pageWord } from '../locale.ts';
import type { Block, Book, Inline } from '../model/index.ts';
import { noteHeadMark, noteMark, noteSymbol, type NumberedNote } from '../model/notes.ts';
import type { PageDesign } from './design.ts';
import type { Face } from './fonts.ts';
import type { Run, SetLine } from './lines.ts';
import type { FlowElement, FlowParagraph, FootnoteBody, FootnoteLine, Page } from './paginate.ts';
import type { NoteMarks } from './paragraph.ts';

// How the print edition sets notes, apart from the paginator's placing of them (paginate.ts):
// their marks, their size, their numbers hanging, the rule above them, the Notes at the back.

/** Notes at a page's foot are set this much smaller than the text, on a leading as much smaller. */
export const FOOTNOTE_SCALE = 0.8;
/** Endnotes are set one size smaller than the text. */
export const ENDNOTE_SCALE = 0.9;

/** The design notes are set in: the text's, smaller by `scale`; with `pages`, as many lines as then fit the text block. */
export function noteDesign(d: PageDesign, scale: number, pages = false): PageDesign {
  const leading = d.leading * scale;
  return { ...d, fontSize: d.fontSize * scale, leading, indent: d.indent * scale, ...(pages ? { linesPerPage: Math.floor(((d.linesPerPage - 1) * d.leading) / leading) + 1 } : {}) };
}

/** A stand-in as wide as any symbol a page may give a note: symbols are counted by page, once pages are made. */
export function placeholderMark(face: Face): string {
  return ['*', '†', '‡'].reduce((widest, mark) => (face.width(mark) > face.width(widest) ? mark : widest));
}

/** The marks of one division's notes in its text; `byPage` stands in for every mark when they are counted by page. */
export function divisionMarks(notes: readonly NumberedNote[], marker: NoteOptions['marker'], byPage?: string): NoteMarks | undefined {
  if (notes.length === 0) return undefined;
  const byId = new Map(notes.map((note) => [note.note.id, note]));
  return (id) => {
    const note = byId.get(id);
    return note ? { mark: byPage ?? noteMark(note, marker), note: note.ordinal - 1 } : undefined;
  };
}

/**
 * Puts `run` (a list item's marker, a note's number) before the first line of the first paragraph
 * set since `from`, hanging in the indent; with no paragraph, on a line of its own at `x`.
 */
export function hangMark(flow: FlowElement[], from: number, run: Run, x: number): void {
  const at = flow.findIndex((e, k) => k >= from && e.kind === 'paragraph');
  if (at < 0) {
    flow.push({ kind: 'paragraph', lines: [{ runs: [{ ...run, x: run.x }], ratio: 0, hyphenated: false, width: 0 }], x, height: 1, keepWithNext: false });
    return;
  }
  const element = flow[at] as FlowParagraph;
  const [line, ...rest] = element.lines;
  // A copy: the lines may be a memo's. The mark rides on the first line, which a variant would not keep.
  flow[at] = { ...element, lines: [{ ...line!, runs: [{ ...run, x: run.x - (element.x - x) }, ...line!.runs] }, ...rest], vary: undefined };
}

/** A note's flow (set at the note's size) as the lines the paginator places at a page's foot, heights in body lines. */
export function footnoteLines(flow: readonly FlowElement[], scale: number, x: number): FootnoteBody {
  const lines: FootnoteLine[] = [];
  let space = 0;
  for (const element of flow) {
    if (element.kind === 'space') {
      if (lines.length > 0) space += element.height * scale;
    } else if (element.kind === 'paragraph') {
      for (const line of element.lines) {
        lines.push({ line, x: element.x, height: element.height * scale, space });
        space = 0;
      }
    }
  }
  if (lines.length === 0) lines.push({ line: { runs: [], ratio: 0, hyphenated: false, width: 0 }, x, height: scale, space: 0 });
  return { lines };
}

/** Display lines (a title, a heading, a caption) that refer to notes: the first line tells the paginator. */
export function withNotes(lines: SetLine[], notes: number[]): SetLine[] {
  if (notes.length === 0 || lines.length === 0) return lines;
  return [{ ...lines[0]!, notes: [...(lines[0]!.notes ?? []), ...notes] }, ...lines.slice(1)];
}

/** One division's notes as the Notes at the back print them. */
export interface EndnoteGroup {
  title: Inline[];
  notes: { mark: string; blocks: Block[] }[];
}

/**
 * The Notes at the back of the book: each division's notes under its title, numbered as in the
 * text, each ending with the page its reference is printed on (`referencePages`, by "division:note").
 */
export function endnoteGroups(book: Book, numbered: readonly NumberedNote[][], marker: NoteOptions['marker'], referencePages: ReadonlyMap<string, number>): EndnoteGroup[] {
  const word = pageWord(book.metadata.language);
  return numbered.flatMap((notes, index) => {
    const chapter = book.chapters[index]!;
    if (notes.length === 0 || chapter.matter === 'front') return [];
    const group = notes.map((note) => {
      const page = referencePages.get(`${index}:${note.ordinal - 1}`);
      const back: Inline[] = page === undefined ? [] : [{ kind: 'text', value: '\u2003' }, { kind: 'emphasis', children: [{ kind: 'text', value: `${word}\u00A0${page}` }] }];
      const blocks = [...note.note.blocks];
      const last = blocks.at(-1);
      if (last?.kind === 'paragraph') blocks[blocks.length - 1] = { ...last, content: [...last.content, ...back] };
      else blocks.push({ kind: 'paragraph', content: back });
      return { mark: noteHeadMark(noteMark(note, marker)), blocks };
    });
    return [{ title: chapter.title, notes: group }];
  });
}

/** The rule above a page's notes, on their first line: short, or the text's width over a note going on from the page before. */
export function footnoteRule(page: Page, d: PageDesign): { x: number; width: number; rise: number } {
  const notes = page.footnotes!;
  return { x: -notes.lines[0]!.x, width: notes.continued ? d.textWidth : d.textWidth * 0.3, rise: 0.9 * d.leading };
}

/**
 * Puts each note's symbol in its marks, counting from * on every page: in the text, where the
 * marks were set as stand-ins of the widest symbol's width, and before the notes themselves.
 * `lines` are the page's drawn lines: its text's, then its notes'.
 */
export function markBySymbol<T extends { runs: Run[] }>(page: Page, lines: T[]): void {
  const symbols = new Map<number, string>();
  const symbolOf = (note: number) => {
    if (!symbols.has(note)) symbols.set(note, noteSymbol(symbols.size + 1));
    return symbols.get(note)!;
  };
  const put = (at: number, run: number, note: number) => {
    const runs = [...lines[at]!.runs];
    runs[run] = { ...runs[run]!, text: symbolOf(note) };
    lines[at] = { ...lines[at]!, runs };
  };
  page.lines.forEach(({ line }, i) => line.noteRuns?.forEach((run, k) => put(i, run, line.notes![k]!)));
  const notes = page.footnotes;
  // A note's first line begins with its mark; a note going on from the page before has none here.
  notes?.notes.forEach((note, k) => {
    const starts = k === 0 ? !notes.continued : notes.notes[k - 1] !== note;
    if (starts) put(page.lines.length + k, 0, note);
  });
}
