// The printer's rules checked before upload: the interior and the cover as built, against the
// table in cover/printers.ts. What the build knows (trim, margins, pages, pictures, the cover's
// layout) is checked from what it decided; what only the files show (fonts, annotations,
// transparency, colour spaces, page boxes) from the PDFs' own bytes.
import { inflateSync } from 'node:zlib';
import type { CoverSheet } from '../cover/print-wrap.ts';
import { PRINT_PPI } from '../cover/print-wrap.ts';
import { offeredTrim, PRINTERS, type Paper, type Printer } from '../cover/printers.ts';
import { overlaps, wrapGeometry } from '../cover/wrap.ts';
import type { PageDesign } from '../typeset/design.ts';

export interface PreflightFailure {
  /** What is wrong, where (page, file), the rule and the fix: one line. */
  message: string;
}

export interface PreflightInput {
  printer: Printer;
  paper: Paper;
  /** The spine width given for the printer (inches), if any. */
  spine?: number;
  pdfx: boolean;
  design: PageDesign;
  pages: number;
  images: readonly { page: number; ppi: number }[];
  cover?: CoverSheet;
  interior: { name: string; bytes: Buffer };
  coverFile?: { name: string; bytes: Buffer };
}

const INCH = 72;
const inches = (points: number) => `${(points / INCH).toFixed(3).replace(/\.?0+$/, '')} in`;

/** Every rule the build breaks, in the order an author would fix them; empty when the files are ready to upload. */
export function preflight(input: PreflightInput): PreflightFailure[] {
  const rules = PRINTERS[input.printer];
  const failures: string[] = [];
  const { design: d, pages } = input;
  const interior = input.interior.name;
  if (!offeredTrim(rules, d.width / INCH, d.height / INCH)) {
    failures.push(`${interior}: the trim ${inches(d.width)} × ${inches(d.height)} is not one ${rules.name} prints for paperbacks (rule: the printer's trim sizes); set print.trim to one it offers, as "6x9"`);
  }
  if (rules.pages && (pages < rules.pages.min || pages > rules.pages.max)) {
    const fix = pages < rules.pages.min ? 'add pages (front or back matter) or choose a smaller trim or a larger type size' : 'split the book or choose a larger trim';
    failures.push(`${interior}: ${pages} pages; ${rules.name} prints paperbacks of ${rules.pages.min} to ${rules.pages.max} pages (rule: page count); ${fix}`);
  }
  const gutter = rules.gutter(pages) * INCH;
  if (d.inner < gutter - 0.01) failures.push(`${interior}: the inside margin is ${inches(d.inner)}; ${rules.name} asks ${inches(gutter)} for ${pages} pages (rule: gutter by page count); set print.margins.inner to "${gutter / INCH}in" or remove it`);
  for (const [side, value] of [['outer', d.outer], ['top', d.top], ['bottom', d.bottom]] as const) {
    if (value < rules.outerMinimum * INCH - 0.01) failures.push(`${interior}: the ${side} margin is ${inches(value)}; ${rules.name} asks at least ${rules.outerMinimum} in (rule: margins); set print.margins.${side} to "${rules.outerMinimum}in" or more`);
  }
  for (const image of input.images) {
    if (image.ppi < PRINT_PPI - 0.5) failures.push(`${interior}, page ${image.page}: a picture prints at ${Math.round(image.ppi)} pixels to the inch (rule: at least ${PRINT_PPI}); use a larger image or set it smaller`);
  }
  failures.push(...fileProblems(input.interior.name, input.interior.bytes, input.pdfx, rules.cmykOnly || input.pdfx));
  if (input.coverFile && input.cover) failures.push(...coverProblems(input, input.cover, input.coverFile));
  return failures.map((message) => ({ message }));
}

function coverProblems(input: PreflightInput, sheet: CoverSheet, file: { name: string; bytes: Buffer }): string[] {
  const rules = PRINTERS[input.printer];
  const failures: string[] = [];
  const expected = wrapGeometry({ trimWidth: input.design.width, trimHeight: input.design.height, pages: input.pages, printer: input.printer, paper: input.paper, spine: input.spine });
  const media = mediaBox(file.bytes);
  if (expected && media) {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = media;
    const [width, height] = [x1 - x0, y1 - y0];
    if (Math.abs(width - expected.width) > 0.01 * INCH || Math.abs(height - expected.height) > 0.01 * INCH) {
      failures.push(`${file.name}: the cover is ${inches(width)} × ${inches(height)}; for ${input.pages} pages on ${input.paper} paper ${rules.name} asks ${inches(expected.width)} × ${inches(expected.height)} (rule: cover size, within 0.01 in); build the cover with the interior again`);
    }
  }
  if (sheet.spineText && rules.spineTextMinPages !== undefined && input.pages < rules.spineTextMinPages) {
    failures.push(`${file.name}: text on the spine of a ${input.pages}-page book; ${rules.name} allows it from ${rules.spineTextMinPages} pages (rule: spine text)`);
  }
  for (const thing of sheet.occupied) {
    if (overlaps(thing.rect, sheet.geometry.barcode)) failures.push(`${file.name}: ${thing.what} runs into the barcode area (rule: ${rules.barcode.width} × ${rules.barcode.height} in at the back's bottom right kept empty); shorten it`);
  }
  if (sheet.image && sheet.image.ppi < PRINT_PPI - 0.5) {
    failures.push(`${file.name}: the cover image prints at ${Math.floor(sheet.image.ppi)} pixels to the inch on the front (rule: at least ${PRINT_PPI}); use one of at least ${Math.ceil(((sheet.image.clip.width / INCH) * PRINT_PPI))} × ${Math.ceil((sheet.image.clip.height / INCH) * PRINT_PPI)} pixels`);
  }
  if (sheet.photo && sheet.photo.ppi < PRINT_PPI - 0.5) {
    failures.push(`${file.name}: the author's photograph prints at ${Math.floor(sheet.photo.ppi)} pixels to the inch (rule: at least ${PRINT_PPI}); use one of at least ${Math.ceil((sheet.photo.placed.width / INCH) * PRINT_PPI)} pixels wide`);
  }
  failures.push(...fileProblems(file.name, file.bytes, input.pdfx, rules.cmykOnly || input.pdfx));
  return failures;
}

/** The objects of a PDF as pdfkit writes them (a classic cross-reference table: every object in the open). */
function objects(bytes: Buffer): { dictionary: string; stream?: Buffer }[] {
  const text = bytes.toString('latin1');
  const out: { dictionary: string; stream?: Buffer }[] = [];
  const start = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(text))) {
    const from = match.index + match[0].length;
    const end = text.indexOf('endobj', from);
    if (end < 0) break;
    const body = text.slice(from, end);
    const streamAt = body.indexOf('stream');
    if (streamAt >= 0 && /^\s*<</.test(body)) {
      const dictionary = body.slice(0, streamAt);
      const dataStart = from + streamAt + 'stream'.length + (text[from + streamAt + 6] === '\r' ? 2 : 1);
      const dataEnd = text.lastIndexOf('endstream', end);
      out.push({ dictionary, stream: bytes.subarray(dataStart, dataEnd) });
    } else out.push({ dictionary: body });
    start.lastIndex = end;
  }
  return out;
}

/** What a PDF's bytes must not hold for the press: fonts not embedded, annotations, transparency, RGB where the printer takes none (and, for PDF/X-1a, its keys). */
export function fileProblems(name: string, bytes: Buffer, pdfx: boolean, cmykOnly: boolean): string[] {
  const failures: string[] = [];
  const all = objects(bytes);
  const unembedded = all.filter((o) => /\/Type\s*\/FontDescriptor/.test(o.dictionary) && !/\/FontFile[23]?\s/.test(o.dictionary)).map((o) => /\/FontName\s*\/(\S+)/.exec(o.dictionary)?.[1] ?? 'a font');
  const standard = all.filter((o) => /\/Type\s*\/Font\b/.test(o.dictionary) && /\/Subtype\s*\/Type1/.test(o.dictionary) && !/\/FontDescriptor/.test(o.dictionary)).map((o) => /\/BaseFont\s*\/(\S+)/.exec(o.dictionary)?.[1] ?? 'a font');
  for (const font of [...unembedded, ...standard]) failures.push(`${name}: the font ${font} is not embedded (rule: every font embedded); name an OTF/TTF file for it in print.font`);
  if (all.some((o) => /\/Annots\b/.test(o.dictionary))) failures.push(`${name}: has annotations or links (rule: none in a print file)`);
  const transparent = all.some((o) => /\/SMask\s*(?!\/None)\S/.test(o.dictionary) || /\/S\s*\/Transparency/.test(o.dictionary) || /\/(CA|ca)\s+0?\.\d+/.test(o.dictionary));
  if (transparent) failures.push(`${name}: uses transparency (rule: none; PDF/X-1a forbids it); use pictures without an alpha channel`);
  let rgb = cmykOnly && all.some((o) => /\/DeviceRGB|\/CalRGB/.test(o.dictionary));
  if (cmykOnly && !rgb) {
    for (const o of all) {
      if (!o.stream || /\/Subtype\s*\/Image|\/N 4|\/Length1/.test(o.dictionary)) continue;
      const content = /\/FlateDecode/.test(o.dictionary) ? inflated(o.stream) : o.stream;
      if (content && /(^|\s)[\d.]+\s+[\d.]+\s+[\d.]+\s+(rg|RG)(\s|$)|\/DeviceRGB/.test(content.toString('latin1'))) {
        rgb = true;
        break;
      }
    }
  }
  if (rgb) failures.push(`${name}: has RGB colour (rule: grey or CMYK only for the press); set print.pdfx to "x-1a", which makes every picture grey or CMYK`);
  if (pdfx) {
    const text = bytes.toString('latin1');
    if (!text.startsWith('%PDF-1.3')) failures.push(`${name}: is not PDF 1.3 (rule: PDF/X-1a:2001)`);
    if (!/\/GTS_PDFXVersion/.test(text) || !/\/OutputIntents/.test(text)) failures.push(`${name}: has no PDF/X version key or output intent (rule: PDF/X-1a:2001)`);
    if (!/\/TrimBox/.test(text)) failures.push(`${name}: has no TrimBox (rule: PDF/X-1a:2001)`);
  }
  return failures;
}

function inflated(data: Buffer): Buffer | undefined {
  try {
    return inflateSync(data);
  } catch {
    return undefined;
  }
}

function mediaBox(bytes: Buffer): number[] | undefined {
  const match = /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(bytes.toString('latin1'));
  return match ? match[1]!.trim().split(/\s+/).map(Number) : undefined;
}
