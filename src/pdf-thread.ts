import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CACHE_ROOT, codeVersion, digest, pruneStale, readSealed, writeSealed } from './cache/files.ts';
import { runPieces } from './pdf/glyph-text.ts';
import { furnitureLines, PageCache, pageKey } from './pdf/page-cache.ts';
import type { PdfMetadata } from './pdf/write.ts';
import type { PageDesign } from './typeset/design.ts';
import type { FontFiles, LearnedShapings } from './typeset/fonts.ts';
import type { DrawnPage, OutlineEntry, PageSink } from './typeset/index.ts';
import { takePrestartedPdfThread } from './pdf-thread-prestart.ts';
import { ownBuffer, reviveError, startThread, type ThreadError } from './threads.ts';

/** What the PDF thread is started with: plain data. */
export interface PdfThreadSetup {
  fonts: FontFiles;
  /** The fallback faces, in the order they are tried (see FontSet.load). */
  fallbacks: FontFiles[];
  /** Write PDF/X-1a:2001 (see pdf/pdfx.ts). */
  pdfx?: boolean;
}

/** Pages sent in a batch, when pages are cached: see PagePlan. */
export interface PlannedPages {
  steps?: Int32Array;
  keys?: (string | null)[];
}

export type PdfThreadMessage =
  | { kind: 'setup'; setup: PdfThreadSetup }
  | { kind: 'start'; design: PageDesign; metadata: PdfMetadata; pageCache?: { bytes: Uint8Array; version: string } }
  | ({ kind: 'body'; pages: DrawnPage[]; shapings: LearnedShapings } & PlannedPages)
  | ({ kind: 'finish'; front: DrawnPage[]; outline: OutlineEntry[] } & PlannedPages);

export type PdfThreadAnswer = { pdf: Uint8Array; learned: LearnedShapings; pageCache?: Uint8Array } | { error: ThreadError };

/** The drawn PDF, and what the thread shaped that the typesetting cache did not hold (see FontSet.absorb). */
export interface DrawnPdf {
  pdf: Buffer;
  learned: LearnedShapings;
}

// Bumped when the page cache's file changes shape.
const PAGE_CACHE_FORMAT = 1;
let drawingCode: string | undefined;

/** Where a book's pages are kept between builds (see PdfThread.cachePages): one file per book. */
export function pageCacheFile(configFile: string, dir = path.join(CACHE_ROOT, 'pages')): string {
  return path.join(dir, `pages-${digest(path.resolve(configFile))}.bin`);
}

/** What the kept pages were drawn with: this code, and these faces (see FontSet.key); pages drawn otherwise are not recalled. */
function pageCacheVersion(facesKey: string): string {
  // The PDF writer and what it draws from (pdfkit and fontkit through the lockfile).
  drawingCode ??= codeVersion(['.', 'pdf', 'typeset']);
  return digest(String(PAGE_CACHE_FORMAT), drawingCode, facesKey);
}

/**
 * The PDF drawn on a second thread while this one sets the rest of the book: each division's
 * pages are sent as soon as they are set (see PageSink), and the front matter once the body's page
 * numbers are known.
 */
export class PdfThread implements PageSink {
  private readonly worker: Worker;
  private readonly answer: Promise<DrawnPdf & { pageCache?: Uint8Array }>;
  private metadata: PdfMetadata | undefined;
  /** Where the page cache is kept (see cachePages). */
  private cacheFile: string | undefined;
  /** The page cache's entries by key, and the cache itself until the first start hands it to the thread. */
  private cachedKeys: Map<string, number> | undefined;
  private cacheToSend: { bytes: Uint8Array; version: string } | undefined;
  private designKey = '';
  /** How many pages were recalled from the page cache rather than drawn, since the last start. */
  pagesRecalled = 0;

  /** Starts the thread now, so pdfkit and the fonts load while the manuscript is read and the first division set. */
  constructor(setup: PdfThreadSetup) {
    const prestarted = takePrestartedPdfThread();
    this.worker = prestarted ?? startThread('pdf-thread-entry', setup);
    if (prestarted) this.send({ kind: 'setup', setup });
    this.answer = new Promise<DrawnPdf & { pageCache?: Uint8Array }>((resolve, reject) => {
      this.worker.once('message', (answer: PdfThreadAnswer) => {
        if ('error' in answer) reject(reviveError(answer.error));
        else resolve({ pdf: Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength), learned: answer.learned, pageCache: answer.pageCache });
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the PDF thread stopped (exit code ${code}) before it was done`)));
    });
    // Awaited only at finish(); a failure before then must not count as unhandled.
    this.answer.catch(() => {});
  }

  /** What the PDF's document information says: known once the manuscript is read, before the first page. */
  describe(metadata: PdfMetadata): void {
    this.metadata = metadata;
  }

  /**
   * Keeps the pages drawn in `file` (see pageCacheFile) and draws again only pages not found
   * there: a page found is the same text in the same places, whose content stream an earlier build
   * wrote. Only for faces with TrueType outlines (see useStableCids), before the first page;
   * `facesKey` names the faces (FontSet.key).
   */
  cachePages(file: string, facesKey: string): void {
    this.cacheFile = file;
    const version = pageCacheVersion(facesKey);
    const sealed = readSealed(file);
    // Nothing kept yet, or a damaged file: draw every page.
    const bytes = sealed ? ownBuffer(Buffer.from(sealed)) : new Uint8Array(0);
    const cache = PageCache.read(bytes, version);
    this.cachedKeys = cache.keys();
    this.cacheToSend = { bytes: cache.size > 0 ? bytes : new Uint8Array(0), version };
  }

  start(design: PageDesign): void {
    if (!this.metadata) throw new Error('PdfThread.describe() must come before the first page');
    this.designKey = JSON.stringify(design);
    this.pagesRecalled = 0;
    // Handed over at the first start, without a copy; the thread keeps it across a start again.
    const pageCache = this.cacheToSend;
    this.cacheToSend = undefined;
    this.send({ kind: 'start', design, metadata: this.metadata, pageCache }, pageCache && pageCache.bytes.byteLength > 0 ? [pageCache.bytes.buffer as ArrayBuffer] : []);
  }

  /** Where the typesetting thread's new shapings come from (see FontSet.news): sent with each division's pages, so the words need no shaping again. */
  shareShapings(news: () => LearnedShapings): void {
    this.news = news;
  }

  private news: () => LearnedShapings = () => [];

  body(pages: DrawnPage[]): void {
    const { drawn, ...plan } = this.plan(pages);
    this.send({ kind: 'body', pages: drawn, shapings: this.news(), ...plan });
  }

  /** The whole PDF, once the front matter is drawn. */
  async finish(front: DrawnPage[], outline: OutlineEntry[]): Promise<DrawnPdf> {
    const { drawn, ...plan } = this.plan(front);
    this.send({ kind: 'finish', front: drawn, outline, ...plan });
    try {
      const { pageCache, ...drawnPdf } = await this.answer;
      const file = this.cacheFile;
      // Written while the build goes on (see settleCacheWrites).
      if (pageCache && file) void writeSealed(file, () => pageCache).then((written) => written && pruneStale(path.dirname(file)));
      return drawnPdf;
    } finally {
      this.stop();
    }
  }

  stop(): void {
    void this.worker.terminate();
  }

  /**
   * Which pages' text the thread recalls and which it must draw (all of them, without a page
   * cache). A page recalled is sent as its furniture alone, which is always drawn.
   */
  private plan(pages: DrawnPage[]): { drawn: DrawnPage[] } & PlannedPages {
    const cached = this.cachedKeys;
    if (!cached) return { drawn: pages };
    const steps = new Int32Array(pages.length);
    const keys: (string | null)[] = [];
    const drawn = pages.map((page, i) => {
      const key = pageKey(page, this.designKey);
      const entry = key === undefined ? undefined : cached.get(key);
      keys.push(entry === undefined ? (key ?? null) : null);
      if (entry === undefined) {
        steps[i] = -1;
        return page;
      }
      steps[i] = entry;
      this.pagesRecalled++;
      const furniture = furnitureLines(page);
      return { lines: furniture, furniture: furniture.length };
    });
    return { drawn, steps, keys };
  }

  private send(message: PdfThreadMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/**
 * Numbers each distinct piece of text the body's runs are drawn in (see runPieces), the first time
 * it is met: the drawing thread then finds a word's encoding by index. The numbering is done on the
 * drawing thread, which waits for pages more than it draws them, not on the typesetting thread.
 */
export class WordNumbers {
  private readonly numbers = new Map<string, number>();

  /** Run by run (runs with text, in drawing order): the count of its pieces, then their numbers; and the words numbered for the first time, in number order. */
  number(pages: readonly DrawnPage[]): { numbers: Int32Array; newWords: string[] } {
    const out: number[] = [];
    const newWords: string[] = [];
    for (const page of pages) {
      for (const line of page.lines) {
        for (const run of line.runs) {
          if (!run.text) continue;
          const pieces = runPieces(run);
          out.push(pieces.length);
          for (const piece of pieces) {
            let number = this.numbers.get(piece);
            if (number === undefined) {
              number = this.numbers.size;
              this.numbers.set(piece, number);
              newWords.push(piece);
            }
            out.push(number);
          }
        }
      }
    }
    return { numbers: Int32Array.from(out), newWords };
  }
}
