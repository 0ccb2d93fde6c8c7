import type { Inline } from '../model/index.ts';
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
  for (const piece of styledPieces(content)) key += piece === 'break' ? '\u0003' : `\u0001${STYLES.indexOf(piece.style)}\u0002${piece.text}`;
  return key;
}

/** A memo as flat data for a cache file: numbers in one array and every string run together, read back in the same order. */
export interface ParagraphMemoMemory {
  numbers: Float64Array;
  text: string;
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
export class ParagraphMemo {
  private readonly paragraphs = new Map<string, SetParagraph>();
  /** Keys asked for since the last forgetUnused(): the paragraphs the book still has. */
  private readonly used = new Set<string>();
  /** Something was set (or a variant found) since the memo was made or recalled: worth remembering. */
  grown = false;

  get size(): number {
    return this.paragraphs.size;
  }

  /** Variants held (a paragraph set a line longer or shorter, or found not to set well so). */
  get variants(): number {
    let count = 0;
    for (const paragraph of this.paragraphs.values()) count += Number(paragraph.longer !== undefined) + Number(paragraph.shorter !== undefined);
    return count;
  }

  get(key: string): SetParagraph | undefined {
    const paragraph = this.paragraphs.get(key);
    if (paragraph) this.used.add(key);
    return paragraph;
  }

  set(key: string, paragraph: SetParagraph): void {
    this.paragraphs.set(key, paragraph);
    this.used.add(key);
    this.grown = true;
  }

  /** Drops the paragraphs no build asked for since the last call: versions of paragraphs since rewritten. */
  forgetUnused(): void {
    for (const key of this.paragraphs.keys()) if (!this.used.has(key)) this.paragraphs.delete(key);
    this.used.clear();
  }

  /** Marks a paragraph's variant, found after it was set, as worth remembering. */
  varied(): void {
    this.grown = true;
  }

  remember(): ParagraphMemoMemory {
    const numbers: number[] = [];
    const texts: string[] = [];
    const text = (value: string) => {
      numbers.push(value.length);
      texts.push(value);
    };
    const lines = (set: readonly SetLine[]) => {
      numbers.push(set.length);
      for (const line of set) {
        numbers.push(line.ratio, line.hyphenated ? 1 : 0, line.width, line.runs.length);
        for (const run of line.runs) {
          numbers.push(run.x, STYLES.indexOf(run.style), run.size, run.smallCaps ? 1 : 0, run.wordSpacing, run.width);
          text(run.text);
        }
      }
    };
    const variant = (v: Variant | null | undefined) => {
      if (v === undefined) numbers.push(ABSENT);
      else if (v === null) numbers.push(CANNOT);
      else {
        numbers.push(PRESENT, v.cost);
        lines(v.lines);
      }
    };
    for (const [key, paragraph] of this.paragraphs) {
      text(key);
      numbers.push(paragraph.demerits);
      lines(paragraph.lines);
      variant(paragraph.longer);
      variant(paragraph.shorter);
    }
    return { numbers: Float64Array.from(numbers), text: texts.join('') };
  }

  static recall({ numbers, text }: ParagraphMemoMemory): ParagraphMemo {
    const memo = new ParagraphMemo();
    let n = 0;
    let t = 0;
    const next = () => {
      if (n >= numbers.length) throw new Error('paragraph memo data ends early');
      return numbers[n++]!;
    };
    const nextText = () => {
      const length = next();
      if (t + length > text.length) throw new Error('paragraph memo text ends early');
      return text.slice(t, (t += length));
    };
    const lines = (): SetLine[] => {
      const count = next();
      const set: SetLine[] = [];
      for (let l = 0; l < count; l++) {
        const ratio = next();
        const hyphenated = next() === 1;
        const width = next();
        const runCount = next();
        const runs: Run[] = [];
        for (let r = 0; r < runCount; r++) {
          const x = next();
          const style = STYLES[next()];
          if (style === undefined) throw new Error('paragraph memo names no face');
          const size = next();
          const smallCaps = next() === 1;
          const wordSpacing = next();
          const runWidth = next();
          runs.push({ x, text: nextText(), style, size, smallCaps, wordSpacing, width: runWidth });
        }
        set.push({ runs, ratio, hyphenated, width });
      }
      return set;
    };
    const variant = (): Variant | null | undefined => {
      const kind = next();
      if (kind === ABSENT) return undefined;
      if (kind === CANNOT) return null;
      const cost = next();
      return { lines: lines(), cost };
    };
    while (n < numbers.length) {
      const key = nextText();
      const demerits = next();
      const set = lines();
      memo.paragraphs.set(key, { lines: set, demerits, longer: variant(), shorter: variant() });
    }
    // A file cut short or not ours: better set afresh than trust any of it.
    if (t !== text.length) throw new Error('paragraph memo data does not add up');
    return memo;
  }
}
