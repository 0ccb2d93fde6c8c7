// The ebook thread (see EbookThread): makes the EPUBs for the request it was started with, once
// the page starts arrive.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareEbooks, type EbookRequest } from './ebook-edition.ts';
import { describeError, type ThreadAnswer } from './ebook-thread.ts';
import type { PrintPage } from './model/index.ts';

const port = parentPort!;
let render: ReturnType<typeof prepareEbooks> | undefined;
let failure: unknown;
try {
  render = prepareEbooks(workerData as EbookRequest);
} catch (error) {
  failure = error;
}
port.once('message', async (printPages: PrintPage[] | undefined) => {
  let answer: ThreadAnswer;
  try {
    if (!render) throw failure;
    answer = { archives: await render(printPages) };
  } catch (error) {
    answer = { error: describeError(error) };
  }
  port.postMessage(answer);
});
