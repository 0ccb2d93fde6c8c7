import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import path from 'node:path';
import { codeVersion, digest as hash, readSealed, writeSealed, type CacheBytes } from '../cache/files.ts';
import { keepLog, readSealedLog, type KeptLog, type SealedLog } from '../cache/sealed-log.ts';
import type { PrintOptions } from '../config/schema.ts';
import type { Face, FaceMemory, FontSet } from './fonts.ts';
import { createWordHyphenator } from './hyphenate.ts';
import { rememberedBreakOpportunities, takeGrownBreakOpportunityTable } from './paragraph.ts';
import { joined, type FlatMemory } from './flat-memory.ts';
import { ParagraphMemo } from './paragraph-memo.ts';
import { PaginationMemo } from './pagination-memo.ts';
import { WordCache } from './word-cache.ts';
import type { KeptEntries } from './kept-entries.ts';

// Bumped whenever what is remembered changes shape, or the rules that derive it from fontkit's
// answers (Face.glyphOf, Face.pairKern, findBreakOpportunities, paragraphItems' words) change: old
// files then go unread.
const FORMAT = 6;

const require = createRequire(import.meta.url);
const fontkitDir = path.resolve(path.dirname(require.resolve('fontkit')), '..');
const fontkitVersion = (JSON.parse(readFileSync(path.join(fontkitDir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Where typesetting keeps what it learned between builds: beside the installed packages
 * (node_modules/.cache), like the compiled CLI. A writer rebuilds the same book many times a day,
 * and a novel's words shaped by fontkit and hyphenated by pattern take a second or so to learn.
 */
export const TYPESETTING_CACHE_DIR = path.join(fontkitDir, '../.cache/book/typesetting');

/** Shapings are fontkit's answers for one font file: one file per font file and fontkit version. */
function shapingFile(dir: string, face: Face): string {
  return path.join(dir, `shaping-${hash(String(FORMAT), fontkitVersion, face.key)}.json`);
}

/** Break opportunities depend on the hyphenation settings alone, which the hyphenator's key names. */
function breaksFile(dir: string, key: string): string {
  return path.join(dir, `breaks-${hash(String(FORMAT), key)}.log`);
}

/** A word cache holds items for one setting (see wordCacheKey), which names the faces and hyphenation it was made with. */
function wordsFile(dir: string, key: string): string {
  return path.join(dir, `words-${hash(String(FORMAT), fontkitVersion, endianness(), key)}.bin`);
}

let code: string | undefined;

/** A paragraph memo holds lines for one setting and one version of the code that sets them. */
function memoFile(dir: string, key: string): string {
  code ??= codeVersion(['typeset']);
  return path.join(dir, `paragraphs-${hash(String(FORMAT), fontkitVersion, endianness(), code, key)}.bin`);
}

/** Paragraph memos handed out in this process, by file. */
const memos = new Map<string, ParagraphMemo>();

/** The paragraph memo for a setting (see TypesetOptions.paragraphMemo): this process's, else an earlier build's, else a new one. */
export function recallParagraphMemo(key: string, dir = TYPESETTING_CACHE_DIR): ParagraphMemo {
  return heldOrRead(memos, memoFile(dir, key), (file) => ParagraphMemo.recall(readLog(file).map(flatMemory)), () => new ParagraphMemo());
}

/** Pagination memos handed out in this process, by file. */
const paginations = new Map<string, PaginationMemo>();

/** The pagination memo of a book (see TypesetOptions.paginationMemo): this process's, else an earlier build's, else a new one. */
export function recallPaginationMemo(book: string, dir = TYPESETTING_CACHE_DIR): PaginationMemo {
  code ??= codeVersion(['typeset']);
  const file = path.join(dir, `pagination-${hash(String(FORMAT), fontkitVersion, code, book)}.log`);
  return heldOrRead(paginations, file, (file) => PaginationMemo.recall(readLog(file).map((bytes) => bytes.toString('utf8'))), () => new PaginationMemo());
}

/** This process's memo of a file, else the one read from it, else (nothing remembered yet, or an unreadable file) a new one. */
function heldOrRead<T>(held: Map<string, T>, file: string, read: (file: string) => T, fresh: () => T): T {
  let memo = held.get(file);
  if (!memo) {
    try {
      memo = read(file);
    } catch {
      memo = fresh();
    }
    held.set(file, memo);
  }
  return memo;
}

/** Word caches handed out in this process, by file. */
const wordCaches = new Map<string, WordCache>();

/**
 * The word cache for a setting (see TypesetOptions.wordCache): the one this process already has,
 * else the one an earlier build remembered (read when first used), else a new one. Kept across
 * builds in one process (--watch).
 */
export function recallWordCache(key: string, dir = TYPESETTING_CACHE_DIR): WordCache {
  const file = wordsFile(dir, key);
  let cache = wordCaches.get(file);
  // With nothing remembered, a cache of this build's words alone, to be remembered whole.
  if (!cache) wordCaches.set(file, (cache = existsSync(file) ? WordCache.lazy(() => joined(readLog(file).map(flatMemory))) : new WordCache()));
  return cache;
}

const hyphenationKey = (language: string, print: PrintOptions) => createWordHyphenator(language, print.hyphenation).key;

/** Gives the faces and the hyphenation what earlier builds learned. A missing or unreadable file is no error: it is only slower. */
export function recallTypesetting(fonts: FontSet, language: string, print: PrintOptions, dir = TYPESETTING_CACHE_DIR): void {
  recallShapings(fonts, dir);
  // Read at the first word the word caches do not hold: a rebuild of the same book needs none.
  const key = hyphenationKey(language, print);
  rememberedBreakOpportunities(key, () => {
    try {
      return readLog(breaksFile(dir, key)).flatMap((record) => JSON.parse(record.toString('utf8')) as [string, [number, boolean][]][]);
    } catch {
      return []; // hyphenate afresh
    }
  });
}

/** Gives the faces the shapings earlier builds learned. */
export function recallShapings(fonts: FontSet, dir = TYPESETTING_CACHE_DIR): void {
  for (const face of fonts.distinctFaces) {
    try {
      face.recall(JSON.parse(sealedText(shapingFile(dir, face))) as FaceMemory);
    } catch {
      // nothing remembered yet, or a file that cannot be read: shape afresh
    }
  }
}

/**
 * Keeps what this build set for the next one (break opportunities, word items, set paragraphs,
 * pages found), where the cache folder can be written: the bytes are made now, and written on the
 * thread pool while the build goes on (see writeWhole). Resolves once written.
 */
export function rememberSettings(language: string, print: PrintOptions, dir = TYPESETTING_CACHE_DIR): Promise<void> {
  const writes: Promise<unknown>[] = [];
  const key = hyphenationKey(language, print);
  const grown = takeGrownBreakOpportunityTable(key);
  if (grown) {
    const { table, found } = grown;
    // The table never forgets a word: what it found is appended, unless the file could not be read.
    writes.push(appendOrWrite(breaksFile(dir, key), () => Buffer.from(JSON.stringify(found.map((word) => [word, table.get(word)]))), () => Buffer.from(JSON.stringify([...table]))));
  }
  for (const [file, cache] of wordCaches) {
    if (path.dirname(file) !== dir || !cache.grown) continue;
    cache.grown = false;
    const fresh = cache.fresh();
    const kept = appendOrWrite(file, fresh && (() => flatBytes(fresh)), () => flatBytes(cache.remember()));
    writes.push(kept.then((how) => how === 'appended' && cache.appended(fresh!)));
  }
  for (const [file, memo] of memos) if (path.dirname(file) === dir && memo.grown) writes.push(keep(file, memo, (keys) => flatBytes(memo.remember(keys))));
  for (const [file, memo] of paginations) if (path.dirname(file) === dir && memo.grown) writes.push(keep(file, memo, (keys) => Buffer.from(memo.remember(keys))));
  return Promise.all(writes).then(() => undefined);
}

/** Keeps all this build learned (see rememberSettings, rememberShapings); resolves once written. */
export async function rememberTypesetting(fonts: FontSet, language: string, print: PrintOptions, dir = TYPESETTING_CACHE_DIR): Promise<void> {
  await Promise.all([rememberSettings(language, print, dir), rememberShapings(fonts, dir)]);
}

/** Keeps the shapings the faces learned, once the PDF thread has shaped what typesetting did not (pieces of broken words). */
export function rememberShapings(fonts: FontSet, dir = TYPESETTING_CACHE_DIR): Promise<void> {
  const writes = fonts.distinctFaces.filter((face) => face.learnedSomething).map((face) => writeSealed(shapingFile(dir, face), () => JSON.stringify(face.remember())));
  return Promise.all(writes).then(() => undefined);
}

/** The log files this process read or wrote, as it left them: what an append must find there (see appendRecord). */
const logs = new Map<string, SealedLog>();

/** A log file's whole records (see cache/sealed-log.ts); throws when there is none (read afresh then). */
function readLog(file: string): Buffer[] {
  const read = readSealedLog(file);
  if (!read || read.records.length === 0) throw new Error(`${file}: missing or damaged`);
  logs.set(file, read.log);
  return read.records;
}

/** Keeps a log (see keepLog), remembering the file as it is left for the next append. */
function appendOrWrite(file: string, added: (() => CacheBytes) | undefined, whole: () => CacheBytes): Promise<KeptLog['how']> {
  return keepLog(file, logs.get(file), added, whole).then(({ how, log }) => {
    if (log) logs.set(file, log);
    else logs.delete(file);
    return how;
  });
}

/** Writes what a memo set since it was read: appended to its file, or the file written whole (see KeptEntries.toWrite). */
function keep(file: string, memo: KeptEntries<unknown>, bytes: (keys: Iterable<string>) => CacheBytes): Promise<void> {
  const { whole, keys } = memo.toWrite();
  return appendOrWrite(file, whole ? undefined : () => bytes(keys), () => bytes(memo.keys())).then((how) => {
    if (how === 'appended') memo.written(false, keys.length);
    else if (how === 'written') memo.written(true, 0);
  });
}

/** A word cache's or paragraph memo's record, in parts: the count of numbers, the numbers (float64 as this machine stores them, see wordsFile), then the text (UTF-16LE, which keeps any code unit). */
function flatBytes({ numbers, text }: FlatMemory): Uint8Array[] {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(numbers.length, 0);
  return [head, new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength), Buffer.from(text, 'utf16le')];
}

/** A sealed file's text; throws when it is missing or damaged (read afresh then). */
function sealedText(file: string): string {
  const data = readSealed(file);
  if (!data) throw new Error(`${file}: missing or damaged`);
  return data.toString('utf8');
}

function flatMemory(data: Buffer): FlatMemory {
  const count = data.readUInt32LE(0);
  const end = 8 + count * 8;
  if (end > data.length || (data.length - end) % 2 !== 0) throw new Error('not a word cache or paragraph memo');
  // Copied out to an aligned buffer: a Float64Array cannot view the file's bytes where they lie.
  const numbers = new Float64Array(data.buffer.slice(data.byteOffset + 8, data.byteOffset + end));
  return { numbers, text: data.toString('utf16le', end) };
}
