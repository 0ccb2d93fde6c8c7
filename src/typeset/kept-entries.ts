import { worthAppending } from '../cache/sealed-log.ts';

/**
 * What a build memo holds (set paragraphs, a chapter's pages), by key, with the keys asked for
 * since it was last remembered: what is not asked for is a version since rewritten, forgotten
 * when the memo is remembered again. Its file is a log (see cache/sealed-log.ts): a build appends
 * the entries it set, and the file is written whole when much of it is no longer used.
 */
export class KeptEntries<V> {
  protected readonly entries = new Map<string, V>();
  /** Keys asked for since the last forgetUnused(): what the book still has. */
  private readonly used = new Set<string>();
  /** Keys set, or whose entries changed, since the memo was last written. */
  private readonly fresh = new Set<string>();
  /** Entries the memo's file holds: earlier versions and entries no build uses any more among them. */
  private stored = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Something was set since the memo was made, recalled or written: worth remembering. */
  get grown(): boolean {
    return this.fresh.size > 0;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) this.used.add(key);
    return entry;
  }

  set(key: string, entry: V): void {
    this.entries.set(key, entry);
    this.used.add(key);
    this.fresh.add(key);
  }

  /** Marks an entry changed where it lies (a paragraph's variant, found after it was set), to be written again. */
  changed(key: string): void {
    if (this.entries.has(key)) this.fresh.add(key);
  }

  /** An entry read from the memo's file: later records' entries replace earlier ones'. */
  protected recalled(key: string, entry: V): void {
    this.entries.set(key, entry);
    this.stored++;
  }

  /** Drops what no build asked for since the last call. */
  forgetUnused(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  /**
   * What to write, once unused entries are forgotten: the fresh entries' keys, to be appended to
   * the file, or (with no file yet, or when more than a third of it would be dead weight) every
   * key, to write it whole.
   */
  toWrite(): { whole: boolean; keys: string[] } {
    this.forgetUnused();
    const fresh = [...this.fresh].filter((key) => this.entries.has(key));
    const whole = !worthAppending(this.stored, fresh.length, this.entries.size);
    return whole ? { whole, keys: [...this.entries.keys()] } : { whole, keys: fresh };
  }

  /** After the file was written: whole, or with `appended` entries added. */
  written(whole: boolean, appended: number): void {
    this.stored = whole ? this.entries.size : this.stored + appended;
    this.fresh.clear();
  }
}
