import { STYLES, type Style } from './fonts.ts';
import { box, glue, penalty, type Item } from './items.ts';
import { FlatReader, FlatWriter, joined, type FlatMemory } from './flat-memory.ts';
import type { ParagraphSetting, Piece } from './paragraph.ts';

/**
 * Names everything a word's items depend on besides the word: the faces, the size, the
 * hyphenation, the penalties, the measure (what is too wide to set whole) and margin hanging.
 * Settings with equal keys give equal items, so they may share a word cache.
 */
export function wordCacheKey(s: ParagraphSetting): string {
  return JSON.stringify([s.fonts.key, s.size, s.hyphenate.key, s.hyphenPenalty, s.explicitHyphenPenalty, s.lastWordHyphenPenalty, s.lineWidth, s.hangingPunctuation]);
}

/**
 * Words a build may set afresh before the remembered ones are read: an edit sets a few, and
 * reading a novel's vocabulary costs about as much as setting a few thousand words afresh.
 */
const READ_AFTER = 2000;

const PLAIN = 0;
const MIXED = 1;
const BOX = 0;
const GLUE = 1;
const PENALTY = 2;

/**
 * Items of words already set with one setting (see wordCacheKey), per face, whether the word ends
 * its paragraph and whether it is in small capitals: novels repeat their words, and items are
 * never changed once made.
 */
export class WordCache {
  /** Words of one piece, by face and by whether they end the paragraph: no key to build per word. */
  private plain = new Map<Style, [Map<string, Item[]>, Map<string, Item[]>]>();
  private mixed = new Map<string, Item[]>();
  private count = 0;
  /** Where the remembered words are, until the first use reads them (see lazy()). */
  private source: (() => FlatMemory) | undefined;
  /**
   * What was read, and the words set since, as flat data: remembering them is then a copy and an
   * append, not a novel's vocabulary written out again for an edit's few new words.
   */
  private recalled: FlatMemory | undefined;
  private added = new FlatWriter();
  /** Words were set since the cache was made or recalled: worth remembering. */
  grown = false;
  /**
   * Words set while the remembered ones were still unread (see lazy()): an edit's few new words
   * are set afresh rather than read a novel's vocabulary for; past READ_AFTER of them, it is read.
   */
  private early: { pieces: readonly Piece[]; lastWord: boolean; items: Item[]; smallCaps: boolean }[] = [];

  /**
   * A cache whose remembered words are read at its first use: a rebuild whose paragraphs are all
   * remembered whole (see ParagraphMemo) never reads them. A memory that cannot be read leaves the
   * cache empty: the words are set afresh.
   */
  static lazy(read: () => FlatMemory): WordCache {
    const cache = new WordCache();
    cache.source = read;
    return cache;
  }

  private load(): void {
    const read = this.source;
    if (!read) return;
    this.source = undefined;
    const early = this.early;
    this.early = [];
    this.plain = new Map();
    this.mixed = new Map();
    this.count = 0;
    try {
      const memory = read();
      const recalled = WordCache.recall(memory);
      this.plain = recalled.plain;
      this.mixed = recalled.mixed;
      this.count = recalled.count;
      this.recalled = memory;
    } catch {
      // nothing remembered yet, or an unreadable memory: set afresh
    }
    // The words set before it was read join it, to be remembered with it.
    for (const word of early) if (!this.get(word.pieces, word.lastWord, word.smallCaps)) this.set(word.pieces, word.lastWord, word.items, word.smallCaps);
  }

  /** Words held. */
  get size(): number {
    this.load();
    return this.count;
  }

  get(pieces: readonly Piece[], lastWord: boolean, smallCaps = false): Item[] | undefined {
    return pieces.length === 1 && !smallCaps ? this.plain.get(pieces[0]!.style)?.[lastWord ? 1 : 0].get(pieces[0]!.text) : this.mixed.get(mixedKey(pieces, lastWord, smallCaps));
  }

  set(pieces: readonly Piece[], lastWord: boolean, items: Item[], smallCaps = false): void {
    if (this.source) {
      this.early.push({ pieces, lastWord, items, smallCaps });
      if (this.early.length <= READ_AFTER) {
        this.store(pieces, lastWord, items, smallCaps);
        return;
      }
      this.load();
      return;
    }
    this.grown = true;
    const plain = pieces.length === 1 && !smallCaps;
    const key = plain ? pieces[0]!.text : mixedKey(pieces, lastWord, smallCaps);
    const words = plain ? this.wordsOf(pieces[0]!.style, lastWord) : this.mixed;
    // A word set again would be written twice: remembered whole then.
    if (words.has(key)) this.recalled = undefined;
    words.set(key, items);
    if (this.recalled) writeWord(this.added, plain ? [PLAIN, STYLES.indexOf(pieces[0]!.style), lastWord ? 1 : 0] : [MIXED], key, items);
    this.count++;
  }

  /** Keeps a word for this build only: the remembered words are unread (see early). */
  private store(pieces: readonly Piece[], lastWord: boolean, items: Item[], smallCaps: boolean): void {
    const plain = pieces.length === 1 && !smallCaps;
    (plain ? this.wordsOf(pieces[0]!.style, lastWord) : this.mixed).set(plain ? pieces[0]!.text : mixedKey(pieces, lastWord, smallCaps), items);
  }

  private wordsOf(style: Style, lastWord: boolean): Map<string, Item[]> {
    let words = this.plain.get(style);
    if (!words) this.plain.set(style, (words = [new Map(), new Map()]));
    return words[lastWord ? 1 : 0];
  }

  /** What this cache holds, as flat data: to be recalled by a later build with the same setting. */
  remember(): FlatMemory {
    this.load();
    let memory: FlatMemory;
    if (this.recalled) memory = joined([this.recalled, this.added.memory()]);
    else {
      const out = new FlatWriter();
      for (const [style, byEnd] of this.plain) {
        for (const [end, words] of byEnd.entries()) for (const [key, items] of words) writeWord(out, [PLAIN, STYLES.indexOf(style), end], key, items);
      }
      for (const [key, items] of this.mixed) writeWord(out, [MIXED], key, items);
      memory = out.memory();
    }
    // What the next remember() (--watch) adds to.
    this.recalled = memory;
    this.added = new FlatWriter();
    return memory;
  }

  /**
   * The words set since the cache was read or last written, as flat data to append to its file;
   * undefined when the file must be written whole (see remember()): nothing was read, or a word
   * read was set again.
   */
  fresh(): FlatMemory | undefined {
    this.load();
    return this.recalled ? this.added.memory() : undefined;
  }

  /** After fresh() was appended to the file. */
  appended(memory: FlatMemory): void {
    this.recalled = joined([this.recalled!, memory]);
    this.added = new FlatWriter();
  }

  /** A cache of what remember() gave; throws if the memory does not add up (better set afresh than trust any of it). */
  static recall(memory: FlatMemory): WordCache {
    const cache = new WordCache();
    const read = new FlatReader(memory);
    while (!read.done) {
      const words = read.number() === PLAIN ? cache.wordsOf(read.oneOf(STYLES), read.number() === 1) : cache.mixed;
      const count = read.number();
      const key = read.text();
      const items: Item[] = [];
      for (let k = 0; k < count; k++) {
        const type = read.number();
        const width = read.number();
        const style = read.oneOf(STYLES);
        if (type === BOX) {
          const smallCaps = read.number() === 1;
          const hangLeft = read.number();
          const hangRight = read.number();
          items.push(box(width, read.text(), style, smallCaps, hangLeft, hangRight));
        } else if (type === GLUE) {
          const stretch = read.number();
          items.push(glue(width, stretch, read.number(), style));
        } else {
          const cost = read.number();
          const flagged = read.number() === 1;
          const hang = read.number();
          const restCorrection = read.number();
          items.push(penalty(width, cost, flagged, read.text(), style, hang, restCorrection));
        }
      }
      words.set(key, items);
      cache.count++;
    }
    read.end();
    return cache;
  }
}

/** One word's entry: what says where it belongs (`head`), its key, its items. */
function writeWord(out: FlatWriter, head: number[], key: string, items: readonly Item[]): void {
  out.number(...head, items.length);
  out.text(key);
  for (const i of items) {
    const style = STYLES.indexOf(i.style);
    if (i.type === 'box') {
      out.number(BOX, i.width, style, i.smallCaps ? 1 : 0, i.hangLeft, i.hangRight);
      out.text(i.text);
    } else if (i.type === 'glue') out.number(GLUE, i.width, style, i.stretch, i.shrink);
    else {
      out.number(PENALTY, i.width, style, i.penalty, i.flagged ? 1 : 0, i.hang, i.restCorrection);
      out.text(i.text);
    }
  }
}

/** Words of several faces, and words in small capitals (a chapter's opening words). */
function mixedKey(pieces: readonly Piece[], lastWord: boolean, smallCaps: boolean): string {
  let key = (lastWord ? 'L' : 'W') + (smallCaps ? 'S' : '');
  for (const piece of pieces) key += `\u0001${piece.style}\u0002${piece.text}`;
  return key;
}
