/**
 * What a build memo holds (set paragraphs, a chapter's pages), by key, with the keys asked for
 * since it was last remembered: what is not asked for is a version since rewritten, forgotten
 * when the memo is remembered again.
 */
export class KeptEntries<V> {
  protected readonly entries = new Map<string, V>();
  /** Keys asked for since the last forgetUnused(): what the book still has. */
  private readonly used = new Set<string>();
  /** Something was set since the memo was made or recalled: worth remembering. */
  grown = false;

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) this.used.add(key);
    return entry;
  }

  set(key: string, entry: V): void {
    this.entries.set(key, entry);
    this.used.add(key);
    this.grown = true;
  }

  /** Drops what no build asked for since the last call. */
  forgetUnused(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }
}
