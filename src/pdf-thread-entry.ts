// The PDF thread (see PdfThread): draws pages as they arrive, in the order they arrive.
import { parentPort, workerData } from 'node:worker_threads';
import * as fontkit from 'fontkit';
import type { PdfThreadAnswer, PdfThreadMessage, PdfThreadSetup } from './pdf-thread.ts';
import { PdfPainter } from './pdf/write.ts';
import { describeError } from './threads.ts';
import { FontSet } from './typeset/fonts.ts';
import { useFontkit } from './typeset/fontkit.ts';
import { recallShapings } from './typeset/typesetting-cache.ts';

const port = parentPort!;
const setup = workerData as PdfThreadSetup;
// pdfkit's own copy of fontkit, for the words this thread must shape itself.
useFontkit(fontkit);
const fonts = FontSet.load(setup.fonts);
// The words were shaped by the typesetting thread or an earlier build: drawing needs their glyphs.
recallShapings(fonts);

let painter: PdfPainter | undefined;
// The words of the body by number, as the typesetting thread numbered them (see WordNumbers): kept across a restart, as its numbering is.
const texts: string[] = [];
// Messages are handled one after another: finishing the document is asynchronous, and nothing may come between.
let queue = Promise.resolve();
let failed = false;

function handle(message: PdfThreadMessage): Promise<void> | void {
  switch (message.kind) {
    case 'start':
      // A second start means the layout began again: what was drawn is dropped.
      painter = new PdfPainter(message.design, fonts, message.metadata);
      return;
    case 'body':
      for (const word of message.newWords) texts.push(word);
      return painter!.body(message.pages, message.numbers, texts);
    case 'finish':
      return painter!.finish(message.front, message.outline).then((pdf) => {
        // Handed over without a copy when the buffer is the PDF's alone (not a slice of a pool).
        const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : new Uint8Array(pdf);
        answer({ pdf: own, learned: fonts.learned() }, [own.buffer as ArrayBuffer]);
      });
  }
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
