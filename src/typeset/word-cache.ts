import { STYLES, type Style } from './fonts.ts';
import { box, glue, penalty, type Item } from './items.ts';
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
 * A word cache as flat data for a cache file: numbers (kinds, styles, widths, string lengths) in
 * one array and every string run together, read back in the same order. A novel's cache holds some
 * 100,000 items: as JSON they took longer to parse than to set afresh.
 */
export interface WordCacheMemory {
  numbers: Float64Array;
  text: string;
}

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
  private source: (() => WordCacheMemory) | undefined;
  /** Words were set since the cache was made or recalled: worth remembering. */
  grown = false;

  /**
   * A cache whose remembered words are read at its first use: a rebuild whose paragraphs are all
   * remembered whole (see ParagraphMemo) never reads them. A memory that cannot be read leaves the
   * cache empty: the words are set afresh.
   */
  static lazy(read: () => WordCacheMemory): WordCache {
    const cache = new WordCache();
    cache.source = read;
    return cache;
  }

  private load(): void {
    const read = this.source;
    if (!read) return;
    this.source = undefined;
    try {
      const recalled = WordCache.recall(read());
      this.plain = recalled.plain;
      this.mixed = recalled.mixed;
      this.count = recalled.count;
    } catch {
      // nothing remembered yet, or an unreadable memory: set afresh
    }
  }

  /** Words held. */
  get size(): number {
    this.load();
    return this.count;
  }

  get(pieces: readonly Piece[], lastWord: boolean, smallCaps = false): Item[] | undefined {
    if (this.source) this.load();
    return pieces.length === 1 && !smallCaps ? this.plain.get(pieces[0]!.style)?.[lastWord ? 1 : 0].get(pieces[0]!.text) : this.mixed.get(mixedKey(pieces, lastWord, smallCaps));
  }

  set(pieces: readonly Piece[], lastWord: boolean, items: Item[], smallCaps = false): void {
    this.load();
    this.grown = true;
    if (pieces.length !== 1 || smallCaps) this.mixed.set(mixedKey(pieces, lastWord, smallCaps), items);
    else this.wordsOf(pieces[0]!.style, lastWord).set(pieces[0]!.text, items);
    this.count++;
  }

  private wordsOf(style: Style, lastWord: boolean): Map<string, Item[]> {
    let words = this.plain.get(style);
    if (!words) this.plain.set(style, (words = [new Map(), new Map()]));
    return words[lastWord ? 1 : 0];
  }

  /** What this cache holds, as flat data: to be recalled by a later build with the same setting. */
  remember(): WordCacheMemory {
    this.load();
    const numbers: number[] = [];
    const texts: string[] = [];
    const text = (value: string) => {
      numbers.push(value.length);
      texts.push(value);
    };
    const word = (head: number[], key: string, items: Item[]) => {
      numbers.push(...head, items.length);
      text(key);
      for (const i of items) {
        const style = STYLES.indexOf(i.style);
        if (i.type === 'box') {
          numbers.push(BOX, i.width, style, i.smallCaps ? 1 : 0, i.hangLeft, i.hangRight);
          text(i.text);
        } else if (i.type === 'glue') numbers.push(GLUE, i.width, style, i.stretch, i.shrink);
        else {
          numbers.push(PENALTY, i.width, style, i.penalty, i.flagged ? 1 : 0, i.hang, i.restCorrection);
          text(i.text);
        }
      }
    };
    for (const [style, byEnd] of this.plain) {
      for (const [end, words] of byEnd.entries()) for (const [key, items] of words) word([PLAIN, STYLES.indexOf(style), end], key, items);
    }
    for (const [key, items] of this.mixed) word([MIXED], key, items);
    return { numbers: Float64Array.from(numbers), text: texts.join('') };
  }

  static recall({ numbers, text }: WordCacheMemory): WordCache {
    const cache = new WordCache();
    let n = 0;
    let t = 0;
    const nextText = () => text.slice(t, (t += numbers[n++]!));
    while (n < numbers.length) {
      const words = numbers[n++] === PLAIN ? cache.wordsOf(STYLES[numbers[n++]!]!, numbers[n++] === 1) : cache.mixed;
      const count = numbers[n++]!;
      const key = nextText();
      const items: Item[] = [];
      for (let k = 0; k < count; k++) {
        const type = numbers[n++];
        const width = numbers[n++]!;
        const style = STYLES[numbers[n++]!]!;
        if (type === BOX) {
          const smallCaps = numbers[n++] === 1;
          const hangLeft = numbers[n++]!;
          const hangRight = numbers[n++]!;
          items.push(box(width, nextText(), style, smallCaps, hangLeft, hangRight));
        } else if (type === GLUE) {
          const stretch = numbers[n++]!;
          items.push(glue(width, stretch, numbers[n++]!, style));
        } else {
          const cost = numbers[n++]!;
          const flagged = numbers[n++] === 1;
          const hang = numbers[n++]!;
          const restCorrection = numbers[n++]!;
          items.push(penalty(width, cost, flagged, nextText(), style, hang, restCorrection));
        }
      }
      if (n > numbers.length || t > text.length || items.some((item) => item.style === undefined)) break;
      words.set(key, items);
      cache.count++;
    }
    // A file cut short or not ours: better set afresh than trust any of it.
    if (n !== numbers.length || t !== text.length) throw new Error('word cache data does not add up');
    return cache;
  }
}

/** Words of several faces, and words in small capitals (a chapter's opening words). */
function mixedKey(pieces: readonly Piece[], lastWord: boolean, smallCaps: boolean): string {
  let key = (lastWord ? 'L' : 'W') + (smallCaps ? 'S' : '');
  for (const piece of pieces) key += `\u0001${piece.style}\u0002${piece.text}`;
  return key;
}
