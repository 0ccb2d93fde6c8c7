import type { FontSet, Style } from './fonts.ts';
import { hangAtEnd, hangAtStart, type Box, type Item } from './items.ts';

/** Text drawn in one call: one face, one size, spaces widened uniformly. */
export interface Run {
  /** From the left edge of the line, in points. */
  x: number;
  text: string;
  style: Style;
  size: number;
  smallCaps: boolean;
  /** Extra width of each space in this run beyond the face's own space, in points (pdfkit's wordSpacing). */
  wordSpacing: number;
  /** Width as set, in points. */
  width: number;
  /**
   * The text this run stands for in the PDF's text layer, where its glyphs' own would mislead: a
   * word's own hyphen ending a line is HYPHEN (U+2010) there, since text extractors take a
   * HYPHEN-MINUS at a line's end for a break inside a word and drop it ("peut-" / "être" would
   * come back as "peutêtre").
   */
  actualText?: string;
}

export interface SetLine {
  runs: Run[];
  /** Adjustment ratio: 0 natural spacing, >0 stretched, <0 shrunk. */
  ratio: number;
  /** Ends with a hyphen the line breaking inserted. */
  hyphenated: boolean;
  /** Natural width of the line's content vs the measure, for finding overfull lines. */
  width: number;
  /** An illustration standing in this line's slot, its foot on the baseline. */
  image?: LineImage;
  /** Horizontal rules drawn with the line (a table's). */
  rules?: LineRule[];
  /** The notes this line refers to (indices into its division's notes), in order. */
  notes?: number[];
  /** The run drawing each of those notes' marks, parallel to `notes` (a mark set by page is drawn there). */
  noteRuns?: number[];
}

/** A hairline across part of a line, `rise` points above its baseline (below, when negative). */
export interface LineRule {
  x: number;
  width: number;
  rise: number;
}

export interface LineImage {
  data: Uint8Array;
  /** From the left edge of the line, in points. */
  x: number;
  width: number;
  height: number;
  /** Pixels to the inch it prints at (the printers' rule is 300). */
  ppi?: number;
}

/** Positions the words of each line once the breaks are chosen. */
export function setLines(items: readonly Item[], breaks: readonly number[], lineWidth: number, fonts: FontSet, size: number): SetLine[] {
  const lines: SetLine[] = [];
  let start = 0;
  let correction = 0;
  for (const end of breaks) {
    // Discard glue and penalties at the start of a line.
    while (start < end && items[start]!.type !== 'box') start++;
    // Characters hung into the margins give the line that much more room.
    const hangLeft = hangAtStart(items, start);
    const available = lineWidth + hangLeft + hangAtEnd(items, end);
    const breakItem = items[end]!;
    const content = items.slice(start, end);
    // A word's rest after a hyphen break is drawn alone: use its own width.
    const firstBox = content.findIndex((item) => item.type === 'box');
    if (correction !== 0 && firstBox >= 0) {
      const first = content[firstBox] as Box;
      content[firstBox] = { ...first, width: first.width + correction };
    }
    // Trailing glue before the break (the paragraph's fil, a space before a penalty) is not set.
    while (content.length && content.at(-1)!.type !== 'box') content.pop();
    const hyphen = breakItem.type === 'penalty' && breakItem.text ? breakItem : null;
    let natural = 0;
    let stretch = 0;
    let shrink = 0;
    for (const item of content) {
      if (item.type === 'box') natural += item.width;
      else if (item.type === 'glue') {
        natural += item.width;
        stretch += item.stretch;
        shrink += item.shrink;
      }
    }
    if (hyphen) natural += hyphen.width;
    const lastLine = breakItem.type === 'penalty' && breakItem.penalty <= -10000;
    let ratio = 0;
    if (natural < available && !lastLine) ratio = stretch > 0 ? (available - natural) / stretch : 0;
    else if (natural > available) ratio = shrink > 0 ? Math.max(-1, (available - natural) / shrink) : 0;
    // Last lines are set at natural spacing unless they are too long for it.
    if (lastLine && natural <= available) ratio = 0;

    const runs: Run[] = [];
    let x = -hangLeft;
    let current: Run | null = null;
    // The current run's text as pieces, joined once the line is set: text grown by += is a chain
    // of pieces that every later reader (the page hand-over, the PDF writer) must flatten again.
    let pieces: string[] = [];
    const endRun = () => {
      if (current && pieces.length > 1) current.text = pieces.join('');
    };
    // A space between two boxes of the run's face joins them into one run; any other gap starts a new run.
    let space: { width: number; style: Style } | null = null;
    const notes: number[] = [];
    const noteRuns: number[] = [];
    for (const item of content) {
      if (item.type === 'penalty') continue;
      if (item.type === 'box' && item.note >= 0) {
        // A note's mark is a run of its own: a mark that counts by page is put in it once pages are made.
        endRun();
        notes.push(item.note);
        noteRuns.push(runs.length);
        runs.push({ x, text: item.text, style: item.style, size, smallCaps: false, wordSpacing: 0, width: item.width });
        current = null;
        space = null;
        x += item.width;
        continue;
      }
      if (item.type === 'glue') {
        const actual = item.width + (ratio >= 0 ? ratio * item.stretch : ratio * item.shrink);
        space = { width: actual, style: item.style };
        x += actual;
        continue;
      }
      if (!item.text) {
        endRun();
        current = null;
        space = null;
        x += item.width;
        continue;
      }
      const joins = current && current.style === item.style && current.smallCaps === item.smallCaps && (!space || space.style === item.style);
      if (current && joins) {
        if (space) {
          pieces.push(' ');
          current.wordSpacing = space.width - fonts.face(item.style).width(' ') * size;
          current.width += space.width;
        }
        pieces.push(item.text);
        current.width += item.width;
      } else {
        endRun();
        current = { x, text: item.text, style: item.style, size, smallCaps: item.smallCaps, wordSpacing: 0, width: item.width };
        pieces = [item.text];
        runs.push(current);
      }
      space = null;
      x += item.width;
    }
    endRun();
    if (hyphen) {
      const last = runs.at(-1);
      if (last && last.style === hyphen.style && !last.smallCaps) {
        last.text += hyphen.text;
        last.width += hyphen.width;
      } else runs.push({ x, text: hyphen.text, style: hyphen.style, size, smallCaps: false, wordSpacing: 0, width: hyphen.width });
    }
    const ownHyphen = !hyphen && breakItem.type === 'penalty' && breakItem.flagged;
    if (ownHyphen) markOwnHyphen(runs, fonts, size);
    // A line ends in a hyphen at a hyphenation point and at a word's own hyphen ("well-" / "known").
    const line: SetLine = { runs, ratio, hyphenated: Boolean(hyphen?.text) || ownHyphen, width: natural };
    if (notes.length > 0) Object.assign(line, { notes, noteRuns });
    lines.push(line);
    start = end + 1;
    correction = breakItem.type === 'penalty' ? breakItem.restCorrection : 0;
  }
  return lines;
}

const HYPHEN_MINUS = '-';
const HYPHEN = '\u2010';

/**
 * A line broken at a word's own hyphen: the hyphen becomes a run of its own that the text layer
 * reads as HYPHEN (see Run.actualText), drawn where it was (kerning into it kept: it ends the run).
 */
function markOwnHyphen(runs: Run[], fonts: FontSet, size: number): void {
  const last = runs.at(-1);
  if (!last || last.smallCaps || !last.text.endsWith(HYPHEN_MINUS)) return;
  if (last.text === HYPHEN_MINUS) {
    last.actualText = HYPHEN;
    return;
  }
  const width = fonts.face(last.style).width(HYPHEN_MINUS) * size;
  const hyphen: Run = { x: last.x + last.width - width, text: HYPHEN_MINUS, style: last.style, size, smallCaps: false, wordSpacing: 0, width, actualText: HYPHEN };
  last.text = last.text.slice(0, -1);
  last.width -= width;
  runs.push(hyphen);
}
