import { rmSync } from 'node:fs';
import { track } from './files.ts';
import { keepLog, readSealedLog, worthAppending, type SealedLog } from './sealed-log.ts';

const HEADER = 'book json memo 2';

/**
 * Values remembered by key between builds, kept as their JSON text: each recall is a fresh copy,
 * so what a build later does to the objects never reaches the memo. One line per entry in the file
 * (JSON text has no raw line breaks), after a header naming the version of what made them (a file
 * from another version holds nothing). Entries a build did not use are forgotten when it saves:
 * the memo holds the book as it is, not every draft of it. The file is a log (see sealed-log.ts):
 * an edit's entries are appended, and it is written whole when a third of it is dead weight.
 */
export class JsonMemo {
  private readonly entries: Map<string, string>;
  private readonly used = new Set<string>();
  /** Whether saving would change the file: entries added, or some left unused. */
  private changed = false;
  /** Keys remembered since the file was read or written: what an append adds. */
  private readonly fresh = new Set<string>();

  private constructor(
    private readonly version: string,
    entries: Map<string, string>,
    /** The file as it was read (see appendRecord), and how many entries it holds, replaced ones among them. */
    private log?: SealedLog,
    private stored = 0,
  ) {
    this.entries = entries;
  }

  static empty(version: string): JsonMemo {
    return new JsonMemo(version, new Map());
  }

  /** The memo a file holds; an empty one if the file is missing, is not a memo or is of another version. */
  static read(file: string, version: string): JsonMemo {
    const read = readSealedLog(file);
    if (!read) return JsonMemo.empty(version);
    // Nothing whole in it (damaged, or not ours): removed, to be written afresh.
    if (read.records.length === 0) {
      rmSync(file, { force: true });
      return JsonMemo.empty(version);
    }
    const lines = read.records.flatMap((record) => record.toString('utf8').split('\n'));
    if (lines[0] !== `${HEADER} ${version}`) return JsonMemo.empty(version);
    const entries = new Map<string, string>();
    let stored = 0;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const tab = line.indexOf('\t');
      if (tab > 0) {
        entries.set(line.slice(0, tab), line.slice(tab + 1));
        stored++;
      }
    }
    return new JsonMemo(version, entries, read.log, stored);
  }

  /** A copy of the value remembered for the key; undefined if none, or if what is stored does not parse. */
  recall<T>(key: string): T | undefined {
    const json = this.entries.get(key);
    if (json === undefined) return undefined;
    try {
      const value = JSON.parse(json) as T;
      this.used.add(key);
      return value;
    } catch {
      this.entries.delete(key);
      this.changed = true;
      return undefined;
    }
  }

  remember(key: string, value: unknown): void {
    if (key.includes('\t') || key.includes('\n')) throw new Error(`memo keys are one word: ${JSON.stringify(key)}`);
    this.entries.set(key, JSON.stringify(value));
    this.used.add(key);
    this.fresh.add(key);
    this.changed = true;
  }

  /**
   * Writes the entries this build used, if that differs from the file (true then, once written);
   * the next build starts counting afresh. The bytes are made now, written on the thread pool.
   */
  save(file: string): Promise<boolean> {
    for (const key of this.entries.keys()) {
      if (this.used.has(key)) continue;
      this.entries.delete(key);
      this.changed = true;
    }
    this.used.clear();
    if (!this.changed) return Promise.resolve(false);
    this.changed = false;
    const fresh = [...this.fresh].filter((key) => this.entries.has(key));
    this.fresh.clear();
    const line = (key: string) => `${key}\t${this.entries.get(key)}`;
    const whole = () => Buffer.from([`${HEADER} ${this.version}`, ...[...this.entries.keys()].map(line)].join('\n'));
    // The new entries alone, after what the file holds (see worthAppending); else the file written whole.
    const added = fresh.length > 0 && worthAppending(this.stored, fresh.length, this.entries.size) ? () => Buffer.from(fresh.map(line).join('\n')) : undefined;
    const entries = this.entries.size;
    const kept = keepLog(file, this.log, added, whole).then(({ how, log }) => {
      this.log = log;
      this.stored = how === 'appended' ? this.stored + fresh.length : entries;
      return how !== 'failed';
    });
    return track(kept, false);
  }
}
