import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where builds keep what they learned for the next one: beside the installed packages
 * (node_modules/.cache/book), like the compiled CLI; inside the project, never shared with others.
 */
// This module lies in node_modules/.cache/book/<stamp>/ when bundled, in src/cache/ otherwise.
export const CACHE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), isBundled() ? '..' : '../../node_modules/.cache/book');

/** Whether this code runs from the compiled CLI's bundle rather than from src/. */
export function isBundled(): boolean {
  return fileURLToPath(import.meta.url).includes(`${path.sep}.cache${path.sep}book${path.sep}`);
}

/** A short digest of the parts, each ended so that ("ab", "c") and ("a", "bc") differ. */
export function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/**
 * The version of some code, for a cache that depends on all of it: the bytes of every file of the
 * compiled CLI's bundle when running from it (through its manifest), else of every file directly
 * in the given folders of src/ ("." for src/ itself); and the project's package-lock.json, which
 * names every package's version (pdfkit and fontkit are loaded from their own folders, not
 * bundled). By content, not by date: a fresh checkout in CI finds what the last one left.
 */
export function codeVersion(sourceFolders: readonly string[]): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (isBundled()) return (bundleVersion ??= digest(...(manifestParts(here) ?? folderParts([here])), ...lockfileParts()));
  return digest(...folderParts(sourceFolders.map((folder) => path.join(here, '..', folder))), ...lockfileParts());
}

// The compiled CLI's manifest names the SHA-256 of each of its files (bin/compile.js writes it and
// checks it before every run): its bytes stand for theirs, without reading 2 MB of code again.
const BUNDLE_MANIFEST = 'manifest.json';
let bundleVersion: string | undefined;

function manifestParts(folder: string): (string | Buffer)[] | undefined {
  try {
    return [BUNDLE_MANIFEST, readFileSync(path.join(folder, BUNDLE_MANIFEST))];
  } catch {
    return undefined;
  }
}

function folderParts(folders: readonly string[]): (string | Buffer)[] {
  const parts: (string | Buffer)[] = [];
  for (const folder of folders) {
    const files = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
    for (const name of files) parts.push(name, readFileSync(path.join(folder, name)));
  }
  return parts;
}

function lockfileParts(): Buffer[] {
  try {
    return [readFileSync(path.resolve(CACHE_ROOT, '../../../package-lock.json'))];
  } catch {
    return []; // no lockfile: the code alone
  }
}

/** What a cache write is given: text, bytes, or bytes in parts written one after another. */
export type CacheBytes = string | Uint8Array | readonly Uint8Array[];

/** Cache writes under way in this process (see settleCacheWrites). */
const writing = new Set<Promise<unknown>>();

/**
 * Written under a temporary name, flushed to the disk and renamed, so a reader never sees half a
 * file (not even after a power loss); a cache that cannot be written is no error, only slower
 * (false then). The bytes are made now, on this thread, in parts that are never copied into one
 * (a long novel's caches are 25 MB); the writing and flushing, on the thread pool while the
 * build goes on. Every build waits for its writes before it returns (settleCacheWrites).
 */
export function writeWhole(file: string, data: () => CacheBytes): Promise<boolean> {
  const bytes = madeFor(file, data);
  return bytes ? track(replaceWith(file, bytes), false) : Promise.resolve(false);
}

/** The bytes to write, made now, and the file's folder; undefined if either fails. */
function madeFor(file: string, data: () => CacheBytes): readonly Uint8Array[] | undefined {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    return asParts(data());
  } catch {
    return undefined;
  }
}

/** Cache bytes as the parts written one after another. */
export function asParts(data: CacheBytes): readonly Uint8Array[] {
  if (typeof data === 'string') return [Buffer.from(data)];
  return data instanceof Uint8Array ? [data] : data;
}

async function replaceWith(file: string, bytes: readonly Uint8Array[]): Promise<boolean> {
  const temp = `${file}.${process.pid}.${++temps}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await writeAll(handle, bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    return true;
  } catch {
    await rm(temp, { force: true });
    return false;
  }
}

// Two writes of one file at once (a retry after a failed append) never share a temporary name.
let temps = 0;

/** Writes the parts in order: one call, so an append lands whole beside another build's. */
export async function writeAll(handle: FileHandle, bytes: readonly Uint8Array[]): Promise<void> {
  const total = bytes.reduce((sum, part) => sum + part.byteLength, 0);
  const { bytesWritten } = await handle.writev(bytes as Uint8Array[]);
  if (bytesWritten !== total) throw new Error('short write');
}

/** Follows a cache write to the end of the build (see settleCacheWrites); `failed` if it throws. */
export function track<T>(write: Promise<T>, failed: T): Promise<T> {
  const settled = write.catch(() => failed);
  writing.add(settled);
  void settled.then(() => writing.delete(settled));
  return settled;
}

/** Resolves once every cache write this process started has ended, those started meanwhile too: a build returns only then. */
export async function settleCacheWrites(): Promise<void> {
  while (writing.size > 0) await Promise.all(writing);
}

// A sealed file ends with the SHA-256 of what comes before, then this mark.
const SEAL = Buffer.from('book-seal-1\n');
const SEAL_LENGTH = 32 + SEAL.length;

/** The SHA-256 of the parts, as if they were one. */
export function sha256(bytes: readonly Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of bytes) hash.update(part);
  return hash.digest();
}

/** Written whole (see writeWhole), sealed with a digest of its content that readSealed checks. */
export function writeSealed(file: string, data: () => CacheBytes): Promise<boolean> {
  const bytes = madeFor(file, data);
  return bytes ? track(replaceWith(file, [...bytes, sha256(bytes), SEAL]), false) : Promise.resolve(false);
}

/**
 * A sealed file's content, or undefined when it is missing, unreadable, or not what was written:
 * a flipped bit, a truncation, garbage. A damaged file is removed, so the build writes it afresh;
 * it is never used.
 */
export function readSealed(file: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const end = data.length - SEAL_LENGTH;
  const content = end >= 0 ? data.subarray(0, end) : undefined;
  if (content && data.subarray(data.length - SEAL.length).equals(SEAL) && createHash('sha256').update(content).digest().equals(data.subarray(end, end + 32))) return content;
  rmSync(file, { force: true });
  return undefined;
}

const MONTH = 30 * 24 * 3600 * 1000;

/**
 * Deletes files in the folder not written for a month: caches of books built no more, or built
 * from another folder. A build that writes its own cache file calls it, so the folder never grows
 * without end.
 */
export function pruneStale(folder: string, now = Date.now()): void {
  try {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (now - statSync(file).mtimeMs > MONTH) rmSync(file, { force: true });
    }
  } catch {
    // a folder that cannot be read or pruned only takes room
  }
}

/**
 * Bytes made once and kept: the sealed file `folder/name` if it is whole, else `make()`'s result,
 * written sealed (and the folder pruned) for the next build.
 */
export async function keptBytes(folder: string, name: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = path.join(folder, name);
  const kept = readSealed(file);
  if (kept) return new Uint8Array(kept);
  const made = await make();
  void writeSealed(file, () => made).then((written) => written && pruneStale(folder));
  return made;
}
