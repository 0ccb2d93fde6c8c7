import type { Style } from './fonts.ts';

/** Material of a paragraph, in Knuth and Plass's terms. Widths in points. */
export interface Box {
  type: 'box';
  width: number;
  /** '' for an invisible spacer (an indent, a no-break space the face has no glyph for). */
  text: string;
  style: Style;
  smallCaps: boolean;
  /** How far the box's first and last characters may hang into the margins at a line's ends (optical margin alignment). */
  hangLeft: number;
  hangRight: number;
  /** A note's mark: the index of the note among its division's; -1 for any other box. */
  note: number;
}

export interface Glue {
  type: 'glue';
  width: number;
  stretch: number;
  shrink: number;
  /** The face whose space this is (the text before it): drawing must use the same width. */
  style: Style;
}

export interface Penalty {
  type: 'penalty';
  /** Width added at the end of the line when the break is taken (a hyphen). */
  width: number;
  penalty: number;
  /** A hyphenation break: consecutive flagged breaks cost extra. */
  flagged: boolean;
  /** Text drawn when the break is taken ("-"). */
  text: string;
  style: Style;
  /** How far the drawn hyphen may hang into the right margin. */
  hang: number;
  /**
   * When the break is taken, the rest of the word starts the next line and is shaped on its own:
   * its width then differs from the in-word widths by this much (kerning, ligatures at the cut).
   */
  restCorrection: number;
}

export type Item = Box | Glue | Penalty;

export const INFINITE_PENALTY = 10000;
/** Stretch that swallows any shortfall: the end of a paragraph. */
export const FIL = 1e6;

// Every item is made with the same fields in the same order, whatever its type: the line breaker
// and the line setter then meet one object shape, which V8 reads several times faster than three.
function item(type: Item['type'], width: number, stretch: number, shrink: number, cost: number, flagged: boolean, text: string, style: Style, smallCaps: boolean, hangLeft: number, hangRight: number, hang: number, restCorrection: number, note = -1): Item {
  return { type, width, stretch, shrink, penalty: cost, flagged, text, style, smallCaps, hangLeft, hangRight, hang, restCorrection, note } as unknown as Item;
}

export const box = (width: number, text: string, style: Style, smallCaps = false, hangLeft = 0, hangRight = 0): Box => item('box', width, 0, 0, 0, false, text, style, smallCaps, hangLeft, hangRight, 0, 0) as Box;
/** A note's mark, which tells the line it ends on which note it refers to. */
export const noteBox = (width: number, text: string, style: Style, note: number): Box => item('box', width, 0, 0, 0, false, text, style, false, 0, 0, 0, 0, note) as Box;
export const glue = (width: number, stretch: number, shrink: number, style: Style): Glue => item('glue', width, stretch, shrink, 0, false, '', style, false, 0, 0, 0, 0) as Glue;
export const penalty = (width: number, cost: number, flagged: boolean, text = '', style: Style = 'regular', hang = 0, restCorrection = 0): Penalty =>
  item('penalty', width, 0, 0, cost, flagged, text, style, false, 0, 0, hang, restCorrection) as Penalty;

/** Room a line ending at item b gains from hanging its last character into the margin. */
export function hangAtEnd(items: readonly Item[], b: number): number {
  const item = items[b]!;
  if (item.type === 'penalty' && item.text) return item.hang;
  for (let i = b - 1; i >= 0; i--) {
    const before = items[i]!;
    if (before.type === 'box') return before.text ? before.hangRight : 0;
    if (before.type === 'glue') return 0;
  }
  return 0;
}

/** Room a line starting after the break at b gains from hanging its first character into the margin. */
export function hangAtStart(items: readonly Item[], b: number): number {
  for (let i = b; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === 'box') return item.text ? item.hangLeft : 0;
  }
  return 0;
}
