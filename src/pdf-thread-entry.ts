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
const setup = workerData as PdfThreadSetup;
// pdfkit's own copy of fontkit, for the words this thread must shape itself.
useFontkit(fontkit);
const fonts = FontSet.load(setup.fonts, undefined, setup.fallbacks);
let shapingsRecalled = false;

/** The words were shaped by the typesetting thread or an earlier build: drawing needs their glyphs (recalled pages do not). */
function recallShapingsOnce(): void {
  if (shapingsRecalled) return;
  shapingsRecalled = true;
  recallShapings(fonts);
}

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
    case 'start':
      if (message.pageCache) {
        ({ bytes: pageCacheBytes, version: pageCacheVersion } = message.pageCache);
        pageCache = PageCache.read(pageCacheBytes, pageCacheVersion);
      }
      // A second start means the layout began again: what was drawn is dropped.
      painter = new PdfPainter(message.design, fonts, message.metadata, { pdfx: setup.pdfx });
      return;
    case 'body':
      if (message.pages.length > 0) recallShapingsOnce();
      fonts.hear(message.shapings);
      const { numbers, newWords } = words.number(message.pages);
      for (const word of newWords) texts.push(word);
      return painter!.body(message.pages, numbers, texts, planOf(message));
    case 'finish':
      if (message.front.length > 0) recallShapingsOnce();
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
