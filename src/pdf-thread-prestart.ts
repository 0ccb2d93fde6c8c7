import type { Worker } from 'node:worker_threads';
import { startThread } from './threads.ts';

// The PDF thread takes a fifth of a second to load pdfkit, fontkit and its own code: started
// before the rest of the CLI has even loaded, it is ready when the first pages are. Until a build
// claims it, it holds no font and does not keep the process alive.
let spare: Worker | undefined;

/** Starts a PDF thread for the build to come (see takePrestartedPdfThread). */
export function prestartPdfThread(): void {
  if (spare) return;
  const worker = startThread('pdf-thread-entry', undefined);
  worker.unref();
  // A thread that failed to load is dropped: the build starts one of its own, which reports why.
  const drop = () => {
    if (spare === worker) spare = undefined;
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  spare = worker;
}

/** The thread prestartPdfThread started, if it is still running and no build has taken it; it waits for its setup message. */
export function takePrestartedPdfThread(): Worker | undefined {
  const worker = spare;
  spare = undefined;
  worker?.removeAllListeners('error').removeAllListeners('exit');
  worker?.ref();
  return worker;
}

/**
 * Whether a command line will draw a PDF, as far as it tells before the config is read: `build`,
 * unless --format leaves pdf out. A book whose config leaves it out never claims the thread.
 */
export function mayDrawPdf(args: readonly string[]): boolean {
  if (args[0] !== 'build' || args.includes('--help') || args.includes('-h')) return false;
  for (let i = 1; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2);
    if (flag !== '--format' && flag !== '-f') continue;
    const value = inline ?? args[i + 1] ?? '';
    if (!value.split(',').some((format) => format.trim() === 'pdf')) return false;
  }
  return true;
}
