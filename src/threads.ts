import { Worker } from 'node:worker_threads';
import { BookError } from './errors.ts';

/**
 * A worker thread running src/<name>.ts. From the compiled CLI, the entry is compiled beside this
 * module (bin/compile.js names it); from the TypeScript sources (tests), the thread registers tsx
 * before loading it.
 */
export function startThread(name: string, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.mjs`, import.meta.url), { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL(`./${name}.ts`, import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`, { eval: true, workerData });
}

/** An error as it crosses between threads: plain fields, since class instances arrive as plain objects. */
export interface ThreadError {
  message: string;
  stack?: string;
  book?: { file: string; location: string; problem: string; hint: string };
}

export function describeError(error: unknown): ThreadError {
  if (error instanceof BookError) return { message: error.message, book: { file: error.file, location: error.location, problem: error.problem, hint: error.hint } };
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

export function reviveError(error: ThreadError): Error {
  if (error.book) return new BookError(error.book.file, error.book.location, error.book.problem, error.book.hint);
  return Object.assign(new Error(error.message), { stack: error.stack ?? error.message });
}

/** The bytes in an ArrayBuffer of their own, to be handed to another thread without a copy: a slice of Node's shared pool (small buffers) is copied first. */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
