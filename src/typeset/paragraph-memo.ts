import type { Inline } from '../model/index.ts';
import { FlatReader, FlatWriter, type FlatMemory } from './flat-memory.ts';
import { KeptEntries } from './kept-entries.ts';
import { STYLES } from './fonts.ts';
import type { Run, SetLine } from './lines.ts';
import type { Variant } from './paginate.ts';
import { styledPieces } from './paragraph.ts';

/** A paragraph as set: its lines, the demerits of its best breaks, and the variants pagination asked for. */
export interface SetParagraph {
  lines: SetLine[];
  demerits: number;
  /** Set a line longer: undefined until asked for, null when it cannot be done well. */
  longer?: Variant | null;
  /** Set a line shorter, likewise. */
  shorter?: Variant | null;
}

/**
 * Names a paragraph within one setting (see ParagraphMemo): its text with the face of each piece,
 * its indent and its small-capital opening. Equal keys, equal lines.
 */
export function paragraphKey(content: readonly Inline[], indent: number, smallCapsWords: number): string {
  let key = `${indent}\u0000${smallCapsWords}`;
  for (const piece of styledPieces(content)) key += piece === 'break' ? '\u0003' : `\u0001${STYLES.indexOf(piece.style)}${piece.smallCaps ? '\u0004' : ''}\u0002${piece.text}`;
  return key;
}

const ABSENT = 0;
const CANNOT = 1;
const PRESENT = 2;

/**
 * Paragraphs already set with one setting (faces, size, hyphenation, measure, line-breaking
 * parameters, and the code that sets them: the owner names it), by paragraphKey. A writer rebuilds
 * a book whose paragraphs are nearly all unchanged: each is set once, not on every build. Set lines
 * are never changed once made, so paragraphs with the same text share them.
 */
export class ParagraphMemo extends KeptEntries<SetParagraph> {
  /** Variants held (a paragraph set a line longer or shorter, or found not to set well so). */
  get variants(): number {
    let count = 0;
    for (const paragraph of this.entries.values()) count += Number(paragraph.longer !== undefined) + Number(paragraph.shorter !== undefined);
    return count;
  }

  /** The paragraphs of these keys (all it holds, by default), as flat data: to be recalled by a later build. */
  remember(keys: Iterable<string> = this.entries.keys()): FlatMemory {
    const out = new FlatWriter();
    const lines = (set: readonly SetLine[]) => {
      out.number(set.length);
      for (const line of set) {
        out.number(line.ratio, line.hyphenated ? 1 : 0, line.width, line.runs.length);
        for (const run of line.runs) {
          out.number(run.x, STYLES.indexOf(run.style), run.size, run.smallCaps ? 1 : 0, run.wordSpacing, run.width);
          out.text(run.text);
          out.text(run.actualText ?? '');
        }
      }
    };
    const variant = (v: Variant | null | undefined) => {
      if (v === undefined) out.number(ABSENT);
      else if (v === null) out.number(CANNOT);
      else {
        out.number(PRESENT, v.cost);
        lines(v.lines);
      }
    };
    for (const key of keys) {
      const paragraph = this.entries.get(key);
      if (!paragraph) continue;
      out.text(key);
      out.number(paragraph.demerits);
      lines(paragraph.lines);
      variant(paragraph.longer);
      variant(paragraph.shorter);
    }
    return out.memory();
  }

  /** A memo of what remember() gave, in turn (a later paragraph of a key replaces an earlier); throws if a memory does not add up (better set afresh than trust any of it). */
  static recall(memories: readonly FlatMemory[]): ParagraphMemo {
    const memo = new ParagraphMemo();
    for (const memory of memories) memo.read(memory);
    return memo;
  }

  private read(memory: FlatMemory): void {
    const read = new FlatReader(memory);
    const lines = (): SetLine[] => {
      const count = read.number();
      const set: SetLine[] = [];
      for (let l = 0; l < count; l++) {
        const ratio = read.number();
        const hyphenated = read.number() === 1;
        const width = read.number();
        const runCount = read.number();
        const runs: Run[] = [];
        for (let r = 0; r < runCount; r++) {
          const x = read.number();
          const style = read.oneOf(STYLES);
          const size = read.number();
          const smallCaps = read.number() === 1;
          const wordSpacing = read.number();
          const runWidth = read.number();
          const run: Run = { x, text: read.text(), style, size, smallCaps, wordSpacing, width: runWidth };
          const actualText = read.text();
          if (actualText) run.actualText = actualText;
          runs.push(run);
        }
        set.push({ runs, ratio, hyphenated, width });
      }
      return set;
    };
    const variant = (): Variant | null | undefined => {
      const kind = read.number();
      if (kind === ABSENT) return undefined;
      if (kind === CANNOT) return null;
      const cost = read.number();
      return { lines: lines(), cost };
    };
    while (!read.done) {
      const key = read.text();
      const demerits = read.number();
      const set = lines();
      this.recalled(key, { lines: set, demerits, longer: variant(), shorter: variant() });
    }
    read.end();
  }
}
