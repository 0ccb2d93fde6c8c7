import { Worker } from 'node:worker_threads';
import type { EbookRequest } from './ebook-edition.ts';
import { BookError } from './errors.ts';
import type { PrintPage } from './model/index.ts';

/** An error as it crosses from the ebook thread: plain fields, since class instances arrive as plain objects. */
export interface ThreadError {
  message: string;
  stack?: string;
  book?: { file: string; location: string; problem: string; hint: string };
}

export type ThreadAnswer = { archives: Uint8Array[] } | { error: ThreadError };

export function describeError(error: unknown): ThreadError {
  if (error instanceof BookError) return { message: error.message, book: { file: error.file, location: error.location, problem: error.problem, hint: error.hint } };
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

export function reviveError(error: ThreadError): Error {
  if (error.book) return new BookError(error.book.file, error.book.location, error.book.problem, error.book.hint);
  return Object.assign(new Error(error.message), { stack: error.stack ?? error.message });
}

/**
 * The EPUBs made on a second thread while this one draws the PDF: the EPUB needs the print
 * edition's page starts, so it can't start before the pages are set, but drawing and compressing
 * the PDF's pages takes longer than making the whole EPUB.
 */
export class EbookThread {
  private readonly worker: Worker;
  private readonly answer: Promise<Buffer[]>;

  /** Starts the thread now, so its modules load and the book arrives while the pages are set. */
  constructor(request: EbookRequest) {
    // Run from the compiled CLI, the entry is compiled beside this module; run from the TypeScript
    // sources (tests), the thread registers tsx before loading it.
    this.worker = import.meta.url.endsWith('.ts')
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./ebook-thread-entry.ts', import.meta.url).href)}); });`, { eval: true, workerData: request })
      : new Worker(new URL('./ebook-thread-entry.mjs', import.meta.url), { workerData: request });
    this.answer = new Promise<Buffer[]>((resolve, reject) => {
      this.worker.once('message', (answer: ThreadAnswer) => {
        if ('error' in answer) reject(reviveError(answer.error));
        else resolve(answer.archives.map((archive) => Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength)));
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the EPUB thread stopped (exit code ${code}) before it was done`)));
    });
    // Awaited only once the PDF is drawn; a failure before then must not count as unhandled.
    this.answer.catch(() => {});
  }

  /** The archives, in the order of the request's variants. */
  async render(printPages: PrintPage[] | undefined): Promise<Buffer[]> {
    this.worker.postMessage(printPages);
    try {
      return await this.answer;
    } finally {
      this.stop();
    }
  }

  stop(): void {
    void this.worker.terminate();
  }
}
