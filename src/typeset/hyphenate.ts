import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A trie node of the `hyphen` package's pattern files: children, a pattern's levels, or both. */
type TrieNode = { [letter: string]: TrieNode | number | [TrieNode, number] };
/** The `hyphen` package's pattern file: level vectors, the trie of patterns that index them, and exceptions with their break offsets. */
type PatternSet = [number[][], TrieNode, Record<string, number[]>?];

/** TeX's pattern set for a BCP 47 tag: "en" → US English, "en-GB" → British, "de" → 1996 spelling. */
function patternFile(language: string): string | undefined {
  const tag = language.toLowerCase();
  const [base] = tag.split('-');
  const candidates: Record<string, string> = { en: 'en-us', 'en-gb': 'en-gb', 'en-au': 'en-gb', 'en-nz': 'en-gb', 'en-ie': 'en-gb', de: 'de-1996', 'de-ch': 'de-ch-1901', nb: 'nb', nn: 'nn', no: 'nb', el: 'el-monoton', mn: 'mn-cyrl', sr: 'sr-cyrl' };
  for (const key of [tag, base!]) {
    const name = candidates[key] ?? key;
    try {
      require.resolve(`hyphen/patterns/${name}.js`);
      return name;
    } catch {
      // try the next, less specific, tag
    }
  }
  return undefined;
}

export interface HyphenationOptions {
  enabled: boolean;
  /** Fewest letters before a break. */
  leftMin: number;
  /** Fewest letters after a break. */
  rightMin: number;
  /** Words with their allowed breaks marked by hyphens: "ta-ble". */
  exceptions: readonly string[];
}

/** Offsets at which a word of letters may break, e.g. "beautiful" → [4, 6]. */
export interface Hyphenator {
  (word: string): number[];
  /** Names everything the answers depend on (patterns and their version, minimums, exceptions): equal keys, equal answers. */
  readonly key: string;
}

const HYPHEN_VERSION = (require('hyphen/package.json') as { version: string }).version;

export function createWordHyphenator(language: string, options: HyphenationOptions): Hyphenator {
  const file = options.enabled ? patternFile(language) : undefined;
  if (!file) return Object.assign(() => [], { key: 'none' });
  // Loaded at the first word to hyphenate: a rebuild finds most words' breaks remembered.
  let loaded: { builtIn: Record<string, number[]>; trie: PackedTrie } | undefined;
  const load = () => {
    const patterns = require(`hyphen/patterns/${file}.js`) as PatternSet;
    return { builtIn: patterns[2] ?? {}, trie: packTrie(patterns) };
  };
  const minLength = options.leftMin + options.rightMin;
  const exceptions = new Map(options.exceptions.map((e) => [e.replace(/-/g, '').toLowerCase(), hyphenOffsets(e)]));
  const cache = new Map<string, number[]>();
  const key = JSON.stringify(['hyphen', HYPHEN_VERSION, file, options.leftMin, options.rightMin, options.exceptions]);
  return Object.assign((word: string) => {
    let breaks = cache.get(word);
    if (breaks) return breaks;
    const exception = exceptions.get(word.toLowerCase());
    if (exception) breaks = exception;
    else if (word.length < minLength) breaks = [];
    else {
      const lowered = word.toLocaleLowerCase();
      const { builtIn, trie } = (loaded ??= load());
      const own = Object.hasOwn(builtIn, lowered) ? builtIn[lowered]! : liangBreaks(word.length, lowered, trie);
      breaks = own.map((at) => Math.min(at, word.length));
    }
    breaks = breaks.filter((at) => at >= options.leftMin && word.length - at >= options.rightMin);
    cache.set(word, breaks);
    return breaks;
  }, { key });
}

/**
 * The package's pattern trie packed into flat arrays: node i's edges are edgeChar/edgeChild/
 * edgePattern[first[i] .. first[i + 1]). A novel's words look patterns up tens of thousands of
 * times, and nested objects scattered over the heap make each lookup a string of cache misses.
 */
interface PackedTrie {
  first: Int32Array;
  edgeChar: Uint16Array;
  /** The node an edge leads to, or -1 where the pattern ends there. */
  edgeChild: Int32Array;
  /** The level vector of the pattern ending at an edge, or -1. */
  edgePattern: Int32Array;
  levels: number[][];
  longestLevels: number;
}

const packed = new WeakMap<PatternSet, PackedTrie>();

function packTrie(patterns: PatternSet): PackedTrie {
  let trie = packed.get(patterns);
  if (trie) return trie;
  const [levels, root] = patterns;
  const nodes: TrieNode[] = [root];
  const edges: [number, number, number][][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const own: [number, number, number][] = [];
    for (const [key, entry] of Object.entries(nodes[i]!)) {
      // The package looks up one UTF-16 unit at a time: a longer key never matches.
      if (key.length !== 1) continue;
      const child = typeof entry === 'number' ? undefined : Array.isArray(entry) ? entry[0] : entry;
      const pattern = typeof entry === 'number' ? entry : Array.isArray(entry) ? entry[1] : -1;
      if (child) nodes.push(child);
      own.push([key.charCodeAt(0), child ? nodes.length - 1 : -1, pattern]);
    }
    edges.push(own);
  }
  const count = edges.reduce((n, own) => n + own.length, 0);
  trie = { first: new Int32Array(nodes.length + 1), edgeChar: new Uint16Array(count), edgeChild: new Int32Array(count), edgePattern: new Int32Array(count), levels, longestLevels: Math.max(0, ...levels.map((l) => l.length)) };
  let at = 0;
  edges.forEach((own, i) => {
    trie!.first[i] = at;
    for (const [char, child, pattern] of own) {
      trie!.edgeChar[at] = char;
      trie!.edgeChild[at] = child;
      trie!.edgePattern[at] = pattern;
      at++;
    }
  });
  trie.first[nodes.length] = at;
  packed.set(patterns, trie);
  return trie;
}

/**
 * Liang's algorithm over the `hyphen` package's patterns: every substring of ".word." that a
 * pattern matches raises the levels between its letters; odd levels are breaks. Same results as
 * the package's own hyphenator, without its per-call text scanning. `length` is the word's own
 * length, which lowercasing can change.
 */
function liangBreaks(length: number, lowered: string, trie: PackedTrie): number[] {
  const chars = `.${lowered}.`;
  // The package keeps levels in a plain array that patterns reaching past the word's end lengthen
  // with not-a-number entries; a typed array with room to spare and NaN past the end does the same.
  const levels = new Float64Array(chars.length + trie.longestLevels).fill(Number.NaN);
  levels.fill(0, 0, length + 1);
  let size = length + 1;
  const { first, edgeChar, edgeChild, edgePattern } = trie;
  for (let start = 0; chars.length - start >= 3; start++) {
    // Patterns from the leading dot and from the first letter both count from the word's start.
    const at = start === 0 ? 0 : start - 1;
    let node = 0;
    for (let j = start; j < chars.length && node >= 0; j++) {
      const char = chars.charCodeAt(j);
      let edge = first[node]!;
      const end = first[node + 1]!;
      while (edge < end && edgeChar[edge] !== char) edge++;
      if (edge === end) break;
      node = edgeChild[edge]!;
      const pattern = edgePattern[edge]!;
      if (pattern < 0) continue;
      const raise = trie.levels[pattern]!;
      for (let k = 0; k < raise.length; k++) levels[at + k] = Math.max(raise[k]!, levels[at + k]!);
      if (at + raise.length > size) size = at + raise.length;
    }
  }
  levels[0] = levels[1] = levels[size - 1] = levels[size - 2] = 0;
  const breaks: number[] = [];
  for (let i = 0; i < size; i++) if ((levels[i]! & 1) === 1) breaks.push(i);
  return breaks;
}

/** "ta-ble" → [2]: where the hyphens of an exception stand, counted in letters. */
function hyphenOffsets(marked: string): number[] {
  const breaks: number[] = [];
  let letters = 0;
  for (const char of marked) {
    if (char === '-') breaks.push(letters);
    else letters += char.length;
  }
  return breaks;
}
