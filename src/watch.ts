import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
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
export function watchBook(options: WatchOptions): { close(): void } {
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
  const skipped = (full: string) => {
    const parts = path.relative(options.projectDir, full).split(path.sep);
    return parts.some((part) => part.startsWith('.') || part === 'node_modules') || ignored.some((dir) => full === dir || full.startsWith(dir + path.sep));
  };
  // One watcher per folder, set up before this returns: Node's recursive watching on Linux walks
  // the tree asynchronously, and a chapter saved just after "watching" was printed went unseen.
  const watchers = new Map<string, FSWatcher>();
  /** Stops watching a folder and those in it: gone, or to be watched afresh. */
  const unwatch = (dir: string) => {
    for (const [watched, watcher] of watchers) {
      if (watched !== dir && !watched.startsWith(dir + path.sep)) continue;
      watcher.close();
      watchers.delete(watched);
    }
  };
  const watchTree = (dir: string) => {
    if (watchers.has(dir) || skipped(dir)) return;
    let entries;
    try {
      const watcher = watch(dir, (_event, file) => changed(dir, file));
      // A watcher of a folder that was removed can fail: the folder is watched again if it comes back.
      watcher.on('error', () => unwatch(dir));
      watchers.set(dir, watcher);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone meanwhile, or unreadable: nothing of the book's there to watch
    }
    for (const entry of entries) if (entry.isDirectory()) watchTree(path.join(dir, entry.name));
  };
  const changed = (dir: string, file: string | Buffer | null) => {
    if (!file) return;
    const full = path.resolve(dir, file.toString());
    if (skipped(full)) return;
    // A folder made after the start (a new part of the manuscript), or removed and made again (a
    // git checkout, a stash, rsync), is watched afresh from now on: the watcher of the folder that
    // was removed sees nothing of the new one.
    try {
      if (statSync(full).isDirectory()) {
        unwatch(full);
        watchTree(full);
      }
    } catch {
      unwatch(full); // removed: nothing to watch
    }
    clearTimeout(timer);
    timer = setTimeout(run, options.debounce ?? 250);
  };
  watchTree(path.resolve(options.projectDir));
  return { close: () => watchers.forEach((watcher) => watcher.close()) };
}
