/**
 * What to undo if the process is interrupted (Ctrl-C, SIGTERM) while some work is under way: a
 * temporary folder to remove, a child process to stop. The CLI's signal handler runs them all.
 */
const undo = new Set<() => void>();

/** Runs `work` with `cleanup` registered for an interrupt; it is run on an interrupt only, not after the work. */
export async function undoneOnInterrupt<T>(cleanup: () => void, work: () => Promise<T>): Promise<T> {
  undo.add(cleanup);
  try {
    return await work();
  } finally {
    undo.delete(cleanup);
  }
}

/** Runs every registered cleanup (an interrupt arrived). */
export function undoAll(): void {
  for (const cleanup of undo) {
    try {
      cleanup();
    } catch {
      // the rest still run
    }
  }
  undo.clear();
}
