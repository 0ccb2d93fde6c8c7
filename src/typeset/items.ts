import type { Style } from './fonts.ts';

/** Material of a paragraph, in Knuth and Plass's terms. Widths in points. */
export interface Box {
  type: 'box';
  width: number;
  /** '' for an invisible spacer (an indent, a no-break space the face has no glyph for). */
  text: string;
  style: Style;
  smallCaps: boolean;
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
}

export type Item = Box | Glue | Penalty;

export const INFINITE_PENALTY = 10000;
/** Stretch that swallows any shortfall: the end of a paragraph. */
export const FIL = 1e6;

export const box = (width: number, text: string, style: Style, smallCaps = false): Box => ({ type: 'box', width, text, style, smallCaps });
export const glue = (width: number, stretch: number, shrink: number, style: Style): Glue => ({ type: 'glue', width, stretch, shrink, style });
export const penalty = (width: number, cost: number, flagged: boolean, text = '', style: Style = 'regular'): Penalty => ({ type: 'penalty', width, penalty: cost, flagged, text, style });
