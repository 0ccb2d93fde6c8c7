// What each print-on-demand printer asks of a paperback's interior and cover: one table, each
// number with where it comes from. Lengths are in inches, as the printers publish them.

export type Printer = 'kdp' | 'ingramspark';
export type Paper = 'white' | 'cream' | 'color';

export interface PrinterRules {
  name: string;
  /**
   * Spine width per page of each paper, in inches; a paper missing here has no published figure
   * and its spine width must be given (print.pod.spine, from the printer's own cover template).
   */
  spinePerPage: Partial<Record<Paper, number>>;
  /** Bleed beyond the trim on each outside edge of the cover (and of a bleeding interior page). */
  bleed: number;
  /** The barcode's box on the back cover: its size and its distance from the trim and from the spine. */
  barcode: { width: number; height: number; inset: number };
  /** Text on the spine only from this many pages; undefined where the printer sets no such floor. */
  spineTextMinPages?: number;
  /** Space kept clear on each side of the spine text (the fold moves by this much). */
  spineMargin: number;
  /** Live area: text and art kept this far inside the cover's trim. */
  coverSafe: number;
  /** Interior page counts the printer takes for a paperback; undefined where not checked. */
  pages?: { min: number; max: number };
  /** The inside (gutter) margin the printer asks for at a page count. */
  gutter(pages: number): number;
  /** The smallest outside, top and bottom margin. */
  outerMinimum: number;
  /** Takes only grey and CMYK colour (RGB is refused, not converted). */
  cmykOnly: boolean;
  /** Trim sizes offered for paperbacks, width × height; undefined where any size is taken. */
  trims?: readonly (readonly [number, number])[];
}

const KDP_TRIMS = [
  [5, 8], [5.06, 7.81], [5.25, 8], [5.5, 8.5], [6, 9], [6.14, 9.21], [6.69, 9.61], [7, 10], [7.44, 9.69],
  [7.5, 9.25], [8, 10], [8.25, 6], [8.25, 8.25], [8.5, 8.5], [8.5, 11], [8.27, 11.69],
] as const;

export const PRINTERS: Record<Printer, PrinterRules> = {
  kdp: {
    name: 'KDP',
    // KDP Help, "Paperback cover templates and calculator" (the cover calculator's formula):
    // spine = page count × 0.002252 in (white), × 0.0025 in (cream), × 0.002347 in (premium colour).
    spinePerPage: { white: 0.002252, cream: 0.0025, color: 0.002347 },
    // KDP Help, "Create a paperback cover": 0.125 in bleed on the top, bottom and outside edges.
    bleed: 0.125,
    // KDP Help, "Create a paperback cover": KDP prints the barcode in a 2 × 1.2 in box at the
    // bottom right of the back cover, 0.25 in from the trim and from the spine; keep it empty.
    barcode: { width: 2, height: 1.2, inset: 0.25 },
    // KDP Help, "Create a paperback cover": spine text only on books of more than 79 pages, with
    // 0.0625 in of space on either side of it.
    spineTextMinPages: 80,
    spineMargin: 0.0625,
    // KDP Help, "Create a paperback cover": text and important art 0.125 in inside the trim.
    coverSafe: 0.125,
    // KDP Help, "Print options": paperbacks of 24 to 828 pages (white and cream paper).
    pages: { min: 24, max: 828 },
    // KDP Help, "Set trim size, bleed, and margins": the inside margin by page count.
    gutter: (pages) => (pages <= 150 ? 0.375 : pages <= 300 ? 0.5 : pages <= 500 ? 0.625 : pages <= 700 ? 0.75 : 0.875),
    // Same page: outside margins at least 0.25 in without bleed.
    outerMinimum: 0.25,
    // Same page: the paperback trim sizes.
    trims: KDP_TRIMS,
    // KDP converts RGB files for printing itself.
    cmykOnly: false,
  },
  ingramspark: {
    name: 'IngramSpark',
    // IngramSpark publishes no per-page figure beside its cover template generator, which its help
    // ("Cover Layout Submitted is not Built to the Correct Specifications") names as the reference:
    // the spine width must be given from that template (print.pod.spine).
    spinePerPage: {},
    // IngramSpark File Creation Guide, cover requirements: 0.125 in bleed.
    bleed: 0.125,
    // The same box as KDP's (IngramSpark's template places the barcode there, bottom right of the back).
    barcode: { width: 2, height: 1.2, inset: 0.25 },
    spineTextMinPages: undefined,
    spineMargin: 0.0625,
    coverSafe: 0.125,
    pages: undefined,
    // IngramSpark blog, "File Requirements for Print Books": margins at least 0.5 in from the trim on all sides.
    gutter: () => 0.5,
    outerMinimum: 0.5,
    trims: undefined,
    // IngramSpark help, "Creating and Designing Print-Ready Digital Files": "IngramSpark requires that files be submitted in CMYK".
    cmykOnly: true,
  },
};

/** The trim in the printer's list that matches `width` × `height` inches (to a hundredth), if any. */
export function offeredTrim(rules: PrinterRules, width: number, height: number): boolean {
  if (!rules.trims) return true;
  return rules.trims.some(([w, h]) => Math.abs(w - width) < 0.011 && Math.abs(h - height) < 0.011);
}
