import type { Worker } from 'node:worker_threads';
import { runPieces } from './pdf/glyph-text.ts';
import type { PdfMetadata } from './pdf/write.ts';
import type { PageDesign } from './typeset/design.ts';
import type { FontFiles, LearnedShapings } from './typeset/fonts.ts';
import type { DrawnPage, OutlineEntry, PageSink } from './typeset/index.ts';
import { reviveError, startThread, type ThreadError } from './threads.ts';

/** What the PDF thread is started with: plain data. */
export interface PdfThreadSetup {
  fonts: FontFiles;
}

export type PdfThreadMessage =
  | { kind: 'start'; design: PageDesign; metadata: PdfMetadata }
  | { kind: 'body'; pages: DrawnPage[]; numbers: Int32Array; newWords: string[] }
  | { kind: 'finish'; front: DrawnPage[]; outline: OutlineEntry[] };

export type PdfThreadAnswer = { pdf: Uint8Array; learned: LearnedShapings } | { error: ThreadError };

/** The drawn PDF, and what the thread shaped that the typesetting cache did not hold (see FontSet.absorb). */
export interface DrawnPdf {
  pdf: Buffer;
  learned: LearnedShapings;
}

/**
 * The PDF drawn on a second thread while this one sets the rest of the book: each division's
 * pages are sent as soon as they are set (see PageSink), and the front matter once the body's page
 * numbers are known.
 */
export class PdfThread implements PageSink {
  private readonly worker: Worker;
  private readonly answer: Promise<DrawnPdf>;
  private metadata: PdfMetadata | undefined;
  private readonly words = new WordNumbers();

  /** Starts the thread now, so pdfkit and the fonts load while the manuscript is read and the first division set. */
  constructor(setup: PdfThreadSetup) {
    this.worker = startThread('pdf-thread-entry', setup);
    this.answer = new Promise<DrawnPdf>((resolve, reject) => {
      this.worker.once('message', (answer: PdfThreadAnswer) => {
        if ('error' in answer) reject(reviveError(answer.error));
        else resolve({ pdf: Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength), learned: answer.learned });
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

  start(design: PageDesign): void {
    if (!this.metadata) throw new Error('PdfThread.describe() must come before the first page');
    this.send({ kind: 'start', design, metadata: this.metadata });
  }

  body(pages: DrawnPage[]): void {
    this.send({ kind: 'body', pages, ...this.words.number(pages) });
  }

  /** The whole PDF, once the front matter is drawn. */
  async finish(front: DrawnPage[], outline: OutlineEntry[]): Promise<DrawnPdf> {
    this.send({ kind: 'finish', front, outline });
    try {
      return await this.answer;
    } finally {
      this.stop();
    }
  }

  stop(): void {
    void this.worker.terminate();
  }

  private send(message: PdfThreadMessage): void {
    this.worker.postMessage(message);
  }
}

/**
 * Numbers each distinct piece of text the body's runs are drawn in (see runPieces), the first time
 * it is sent: the drawing thread, the busier of the two, then finds a word's encoding by index
 * instead of hashing its text, and this thread, which is done setting pages first, does the hashing.
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
