import type { Length, PrintOptions } from '../config/schema.ts';

export const POINTS_PER_INCH = 72;

/** Named trim sizes, width × height in points. */
export const TRIM_SIZES: Record<string, [number, number]> = {
  '5x8': [360, 576],
  '5.25x8': [378, 576],
  '5.5x8.5': [396, 612],
  '6x9': [432, 648],
  A5: [419.53, 595.28],
};

export function toPoints(length: Length): number {
  if (typeof length === 'number') return length;
  const match = /^(\d+(?:\.\d+)?)(pt|in|mm|cm)$/.exec(length)!;
  const value = Number(match[1]);
  return { pt: value, in: value * 72, mm: (value * 72) / 25.4, cm: (value * 72) / 2.54 }[match[2] as 'pt' | 'in' | 'mm' | 'cm'];
}

/** The inside margin print-on-demand services require for a page count (KDP's table). */
export function minimumGutter(pages: number): number {
  const inches = pages <= 150 ? 0.375 : pages <= 300 ? 0.5 : pages <= 500 ? 0.625 : pages <= 700 ? 0.75 : 0.875;
  return inches * POINTS_PER_INCH;
}

export interface PageDesign {
  width: number;
  height: number;
  /** Margins, in points; inner is the binding side. */
  inner: number;
  outer: number;
  top: number;
  bottom: number;
  fontSize: number;
  leading: number;
  indent: number;
  textWidth: number;
  linesPerPage: number;
  /** Baseline of the first line below the top margin. */
  topSkip: number;
}

/** Page geometry from the print options; `pages` (a first estimate) sets the default gutter. */
export function pageDesign(print: PrintOptions, pages = 0): PageDesign {
  const [width, height] = typeof print.trim === 'string' ? TRIM_SIZES[print.trim]! : [toPoints(print.trim.width), toPoints(print.trim.height)];
  const fontSize = print.fontSize;
  const leading = print.leading ?? Math.round(fontSize * 1.25 * 10) / 10;
  const inner = print.margins.inner !== undefined ? toPoints(print.margins.inner) : Math.max(0.75 * POINTS_PER_INCH, minimumGutter(pages));
  const outer = print.margins.outer !== undefined ? toPoints(print.margins.outer) : 0.625 * POINTS_PER_INCH;
  const top = print.margins.top !== undefined ? toPoints(print.margins.top) : 0.75 * POINTS_PER_INCH;
  const bottom = print.margins.bottom !== undefined ? toPoints(print.margins.bottom) : 0.8 * POINTS_PER_INCH;
  const textHeight = height - top - bottom;
  const topSkip = fontSize;
  return {
    width,
    height,
    inner,
    outer,
    top,
    bottom,
    fontSize,
    leading,
    indent: print.indent ?? Math.round(fontSize * 1.5),
    textWidth: width - inner - outer,
    linesPerPage: Math.max(4, Math.floor((textHeight - topSkip) / leading) + 1),
    topSkip,
  };
}
