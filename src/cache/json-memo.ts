import { readSealed, writeSealed } from './files.ts';

const HEADER = 'book json memo 1';

/**
 * Values remembered by key between builds, kept as their JSON text: each recall is a fresh copy,
 * so what a build later does to the objects never reaches the memo. One line per entry in the file
 * (JSON text has no raw line breaks), after a header naming the version of what made them (a file
 * from another version holds nothing). Entries a build did not use are forgotten when it saves:
 * the memo holds the book as it is, not every draft of it.
 */
export class JsonMemo {
  private readonly entries: Map<string, string>;
  private readonly used = new Set<string>();
  /** Whether saving would change the file: entries added, or some left unused. */
  private changed = false;

  private constructor(
    private readonly version: string,
    entries: Map<string, string>,
  ) {
    this.entries = entries;
  }

  static empty(version: string): JsonMemo {
    return new JsonMemo(version, new Map());
  }

  /** The memo a file holds; an empty one if the file is missing, is not a memo or is of another version. */
  static read(file: string, version: string): JsonMemo {
    // A damaged file (see readSealed) holds nothing.
    const sealed = readSealed(file);
    if (!sealed) return JsonMemo.empty(version);
    const text = sealed.toString('utf8');
    const lines = text.split('\n');
    if (lines[0] !== `${HEADER} ${version}`) return JsonMemo.empty(version);
    const entries = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const tab = line.indexOf('\t');
      if (tab > 0) entries.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return new JsonMemo(version, entries);
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
    this.changed = true;
  }

  /** Writes the entries this build used, if that differs from the file (true then); the next build starts counting afresh. */
  save(file: string): boolean {
    for (const key of this.entries.keys()) {
      if (this.used.has(key)) continue;
      this.entries.delete(key);
      this.changed = true;
    }
    this.used.clear();
    if (!this.changed) return false;
    this.changed = false;
    return writeSealed(file, () => [`${HEADER} ${this.version}`, ...[...this.entries].map(([key, json]) => `${key}\t${json}`)].join('\n'));
  }
}
