/**
 * What a typesetting cache file holds (word items, set paragraphs): numbers in one array and
 * every string run together, each string's length among the numbers, read back in the order they
 * were written. A novel's caches hold hundreds of thousands of values: as JSON they took longer to
 * parse than to set the book afresh.
 */
export interface FlatMemory {
  numbers: Float64Array;
  text: string;
}

/** Writes numbers and strings in order, for a FlatReader to read back. */
export class FlatWriter {
  private readonly numbers: number[] = [];
  private readonly texts: string[] = [];

  number(...values: number[]): void {
    for (const value of values) this.numbers.push(value);
  }

  text(value: string): void {
    this.numbers.push(value.length);
    this.texts.push(value);
  }

  memory(): FlatMemory {
    return { numbers: Float64Array.from(this.numbers), text: this.texts.join('') };
  }
}

/** Reads what a FlatWriter wrote, in the same order; throws on anything that does not add up (a file cut short, or not ours). */
export class FlatReader {
  private n = 0;
  private t = 0;

  constructor(private readonly memory: FlatMemory) {}

  /** Everything has been read. */
  get done(): boolean {
    return this.n >= this.memory.numbers.length;
  }

  number(): number {
    if (this.n >= this.memory.numbers.length) throw new Error('cache data ends early');
    return this.memory.numbers[this.n++]!;
  }

  text(): string {
    const length = this.number();
    if (this.t + length > this.memory.text.length) throw new Error('cache text ends early');
    return this.memory.text.slice(this.t, (this.t += length));
  }

  /** The value a number indexes in `values`. */
  oneOf<T>(values: readonly T[]): T {
    const value = values[this.number()];
    if (value === undefined) throw new Error('cache data names nothing known');
    return value;
  }

  /** Throws unless every number and every character was read. */
  end(): void {
    if (this.n !== this.memory.numbers.length || this.t !== this.memory.text.length) throw new Error('cache data does not add up');
  }
}

/** Flat memories one after another: entries are read in turn, so each one's follow the one's before. */
export function joined(memories: readonly FlatMemory[]): FlatMemory {
  if (memories.length === 1) return memories[0]!;
  const numbers = new Float64Array(memories.reduce((sum, memory) => sum + memory.numbers.length, 0));
  let at = 0;
  for (const memory of memories) {
    numbers.set(memory.numbers, at);
    at += memory.numbers.length;
  }
  return { numbers, text: memories.map((memory) => memory.text).join('') };
}
