import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface WatchOptions {
  /** The folder holding the config and manuscript. */
  projectDir: string;
  /** Folders whose changes are our own output, not the author's. */
  ignore: string[];
  /** Wait this long after the last change before rebuilding (ms). */
  debounce?: number;
  rebuild: () => Promise<void>;
}

/** Rebuilds after changes settle; one build at a time, with one more queued if changes come meanwhile. */
export function watchBook(options: WatchOptions): FSWatcher {
  const ignored = options.ignore.map((dir) => path.resolve(dir));
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let queued = false;
  const run = async () => {
    if (running) {
      queued = true;
      return;
    }
    running = true;
    try {
      await options.rebuild();
    } finally {
      running = false;
      if (queued) {
        queued = false;
        void run();
      }
    }
  };
  return watch(options.projectDir, { recursive: true }, (_event, file) => {
    if (!file) return;
    const full = path.resolve(options.projectDir, file.toString());
    const parts = path.relative(options.projectDir, full).split(path.sep);
    if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) return;
    if (ignored.some((dir) => full === dir || full.startsWith(dir + path.sep))) return;
    clearTimeout(timer);
    timer = setTimeout(run, options.debounce ?? 250);
  });
}
