// The geometry of a paperback's full-wrap cover: back, spine and front side by side with bleed
// around, as a pure function of the trim, the interior's page count, the paper and the printer.
import { PRINTERS, type Paper, type Printer, type PrinterRules } from './printers.ts';

const POINTS = 72;

/** A rectangle in points from the cover's top-left corner (y grows downward, as pdfkit draws). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WrapGeometry {
  /** The whole sheet: bleed + back + spine + front + bleed, by trim height + 2 × bleed. */
  width: number;
  height: number;
  bleed: number;
  spineWidth: number;
  /** The trimmed cover (back, spine and front), the TrimBox. */
  trim: Rect;
  back: Rect;
  spine: Rect;
  front: Rect;
  /** The box the printer puts its barcode in: nothing else may print there. */
  barcode: Rect;
  /** How far inside each panel's trim edge text and art stay. */
  safe: number;
  /** Whether the book is thick enough for text on the spine, and the band it may use. */
  spineText: Rect | undefined;
}

export interface WrapInput {
  /** Trim size of one page, in points. */
  trimWidth: number;
  trimHeight: number;
  pages: number;
  printer: Printer;
  paper: Paper;
  /** The spine width the printer's own template gives, in inches, overriding the per-page figure. */
  spine?: number;
}

/** Spine width in inches for a page count: the printer's per-page figure, or the one given. */
export function spineInches(rules: PrinterRules, paper: Paper, pages: number, given?: number): number | undefined {
  if (given !== undefined) return given;
  const perPage = rules.spinePerPage[paper];
  return perPage === undefined ? undefined : pages * perPage;
}

/** The cover's layout; undefined when the spine width is unknown (see spineInches). */
export function wrapGeometry(input: WrapInput): WrapGeometry | undefined {
  const rules = PRINTERS[input.printer];
  const inches = spineInches(rules, input.paper, input.pages, input.spine);
  if (inches === undefined) return undefined;
  const bleed = rules.bleed * POINTS;
  const spineWidth = inches * POINTS;
  const { trimWidth, trimHeight } = input;
  const back: Rect = { x: bleed, y: bleed, width: trimWidth, height: trimHeight };
  const spine: Rect = { x: bleed + trimWidth, y: bleed, width: spineWidth, height: trimHeight };
  const front: Rect = { x: bleed + trimWidth + spineWidth, y: bleed, width: trimWidth, height: trimHeight };
  const inset = rules.barcode.inset * POINTS;
  const barcode: Rect = {
    width: rules.barcode.width * POINTS,
    height: rules.barcode.height * POINTS,
    x: spine.x - inset - rules.barcode.width * POINTS,
    y: bleed + trimHeight - inset - rules.barcode.height * POINTS,
  };
  const margin = rules.spineMargin * POINTS;
  const allowed = rules.spineTextMinPages === undefined || input.pages >= rules.spineTextMinPages;
  const safe = rules.coverSafe * POINTS;
  const spineText = allowed && spineWidth > 2 * margin ? { x: spine.x + margin, y: bleed + safe, width: spineWidth - 2 * margin, height: trimHeight - 2 * safe } : undefined;
  return {
    width: 2 * bleed + 2 * trimWidth + spineWidth,
    height: trimHeight + 2 * bleed,
    bleed,
    spineWidth,
    trim: { x: bleed, y: bleed, width: 2 * trimWidth + spineWidth, height: trimHeight },
    back,
    spine,
    front,
    barcode,
    safe,
    spineText,
  };
}

/** Whether two rectangles share any area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
