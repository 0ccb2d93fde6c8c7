// `book proof`: a contact sheet of the print edition's spreads as one PNG, rendered by poppler's
// pdftoppm and laid out with sharp: verso beside recto as a reader opens the book, page 1 alone
// on the right, a few spreads to a row.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BookError } from '../errors.ts';
import { undoneOnInterrupt } from '../interrupt.ts';

const run = promisify(execFile);

/** Pixels to the inch pages are drawn at: a 5.5 × 8.5 in page is 275 × 425, text shapes still readable. */
const RESOLUTION = 50;
const SPREADS_PER_ROW = 4;
const GAP = 24;

/** "1-40", "5", "3-" as the first and last page, within the document's; the first 40 by default. */
export function pageRange(text: string | undefined, pages: number): { first: number; last: number } {
  if (text === undefined) return { first: 1, last: Math.min(pages, 40) };
  const match = /^(\d+)(?:-(\d*))?$/.exec(text.trim());
  if (!match) throw new BookError('--pages', '', `"${text}" is not a page range`, 'write it as "1-40" or "12"');
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : match[2] === '' ? pages : Number(match[2]);
  if (first < 1 || first > pages || last < first) throw new BookError('--pages', '', `"${text}" is outside the book's pages (1–${pages})`, `give pages from 1 to ${pages}`);
  return { first, last: Math.min(last, pages) };
}

export interface ProofSheet {
  width: number;
  height: number;
  first: number;
  last: number;
}

/** Renders pages of `pdf` and writes the sheet to `png`. */
export async function proofSheet(pdf: string, png: string, options: { pages?: string; trim: { width: number; height: number } }): Promise<ProofSheet> {
  const pages = await pageCount(pdf);
  const { first, last } = pageRange(options.pages, pages);
  const work = mkdtempSync(path.join(tmpdir(), 'book-proof-'));
  return undoneOnInterrupt(
    () => rmSync(work, { recursive: true, force: true }),
    async () => {
      try {
        await poppler('pdftoppm', ['-r', String(RESOLUTION), '-png', '-f', String(first), '-l', String(last), pdf, path.join(work, 'page')]);
        const files = readdirSync(work).filter((name) => name.endsWith('.png')).sort();
        const byPage = new Map(files.map((name) => [Number(/-(\d+)\.png$/.exec(name)![1]), path.join(work, name)]));
        const pageWidth = Math.round((options.trim.width / 72) * RESOLUTION);
        const pageHeight = Math.round((options.trim.height / 72) * RESOLUTION);
        // Spreads as a reader sees them: [–, 1], [2, 3], [4, 5] …
        const spreads: [number | null, number | null][] = [];
        for (let page = first; page <= last; page++) {
          const left = page % 2 === 0;
          if (left || spreads.length === 0) spreads.push(left ? [page, null] : [null, page]);
          else spreads[spreads.length - 1]![1] = page;
        }
        const columns = Math.min(SPREADS_PER_ROW, spreads.length);
        const rows = Math.ceil(spreads.length / columns);
        const width = GAP + columns * (2 * pageWidth + GAP);
        const height = GAP + rows * (pageHeight + GAP);
        const { default: sharp } = await import('sharp');
        const layers: { input: string; left: number; top: number }[] = [];
        spreads.forEach((spread, i) => {
          const left = GAP + (i % columns) * (2 * pageWidth + GAP);
          const top = GAP + Math.floor(i / columns) * (pageHeight + GAP);
          spread.forEach((page, side) => {
            const file = page === null ? undefined : byPage.get(page);
            if (file) layers.push({ input: file, left: left + side * pageWidth, top });
          });
        });
        await sharp({ create: { width, height, channels: 3, background: '#d9d6cf' } }).composite(layers).png({ compressionLevel: 9 }).toFile(png);
        return { width, height, first, last };
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  );
}

async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await poppler('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
}

async function poppler(command: string, args: string[]): Promise<{ stdout: string }> {
  try {
    return await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BookError('book proof', '', `needs poppler's ${command} to draw the pages, and it is not installed`, 'install poppler (apt-get install poppler-utils; brew install poppler)');
    throw error;
  }
}
