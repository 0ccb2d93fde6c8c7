// The PDF thread (see PdfThread): draws pages as they arrive, in the order they arrive.
import { parentPort, workerData } from 'node:worker_threads';
import * as fontkit from 'fontkit';
import { WordNumbers, type PdfThreadAnswer, type PdfThreadMessage, type PdfThreadSetup, type PlannedPages } from './pdf-thread.ts';
import { PageCache } from './pdf/page-cache.ts';
import { PdfPainter, type PagePlan } from './pdf/write.ts';
import { describeError, ownBuffer } from './threads.ts';
import { FontSet } from './typeset/fonts.ts';
import { useFontkit } from './typeset/fontkit.ts';
import { recallShapings } from './typeset/typesetting-cache.ts';

const port = parentPort!;
// pdfkit's own copy of fontkit, for the words this thread must shape itself.
useFontkit(fontkit);
// Given when the thread is started, or by the first message to a thread started before the config was read (see prestartPdfThread).
let setup: PdfThreadSetup;
let fonts: FontSet;
function begin(given: PdfThreadSetup): void {
  setup = given;
  fonts = FontSet.load(setup.fonts, undefined, setup.fallbacks);
  // Drawing needs the glyphs of the words the typesetting thread or an earlier build shaped (even
  // a recalled page's folio and running head): read while the thread waits for its first pages.
  recallShapings(fonts);
}
if (workerData) begin(workerData as PdfThreadSetup);
let painter: PdfPainter | undefined;
// Pages earlier builds drew (see PdfThread.cachePages), and the bytes they came in.
let pageCache: PageCache | undefined;
let pageCacheBytes: Uint8Array = new Uint8Array(0);
let pageCacheVersion = '';
// The words of the body by number (see WordNumbers): kept across a restart, as the numbering is.
const words = new WordNumbers();
const texts: string[] = [];
// Messages are handled one after another: finishing the document is asynchronous, and nothing may come between.
let queue = Promise.resolve();
let failed = false;

function handle(message: PdfThreadMessage): Promise<void> | void {
  switch (message.kind) {
    case 'setup':
      return begin(message.setup);
    case 'start':
      if (message.pageCache) {
        ({ bytes: pageCacheBytes, version: pageCacheVersion } = message.pageCache);
        pageCache = PageCache.read(pageCacheBytes, pageCacheVersion);
      }
      // A second start means the layout began again: what was drawn is dropped.
      painter = new PdfPainter(message.design, fonts, message.metadata, { pdfx: setup.pdfx });
      return;
    case 'body':
      fonts.hear(message.shapings);
      const { numbers, newWords } = words.number(message.pages);
      for (const word of newWords) texts.push(word);
      return painter!.body(message.pages, numbers, texts, planOf(message));
    case 'finish':
      return painter!.finish(message.front, message.outline, planOf(message)).then((pdf) => {
        const own = ownBuffer(pdf);
        const transfer = [own.buffer as ArrayBuffer];
        const kept = keptPages();
        if (kept) transfer.push(kept.buffer as ArrayBuffer);
        answer({ pdf: own, learned: fonts.learned(), pageCache: kept }, transfer);
      });
  }
}

function planOf(message: PlannedPages): PagePlan | undefined {
  if (!message.steps || !message.keys) return undefined;
  const cache = pageCache ?? PageCache.empty;
  return { steps: message.steps, keys: message.keys, recalled: (entry) => cache.page(entry) };
}

/** The page cache for the next build: this build's pages, when they differ from what was kept. */
function keptPages(): Uint8Array | undefined {
  if (!painter || !pageCache || painter.records.length === 0) return undefined;
  const bytes = PageCache.write(painter.records, pageCacheVersion);
  return bytes.equals(pageCacheBytes) ? undefined : ownBuffer(bytes);
}

function answer(message: PdfThreadAnswer, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

port.on('message', (message: PdfThreadMessage) => {
  queue = queue.then(async () => {
    if (failed) return;
    try {
      await handle(message);
    } catch (error) {
      failed = true;
      answer({ error: describeError(error) });
    }
  });
});
