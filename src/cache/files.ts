import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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

/**
 * Written under a temporary name, flushed to the disk and renamed, so a reader never sees half a
 * file (not even after a power loss); a cache that cannot be written is no error, only slower
 * (false then).
 */
export function writeWhole(file: string, data: () => string | Uint8Array): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const bytes = data();
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

// A sealed file ends with the SHA-256 of what comes before, then this mark.
const SEAL = Buffer.from('book-seal-1\n');
const SEAL_LENGTH = 32 + SEAL.length;

/** Written whole (see writeWhole), sealed with a digest of its content that readSealed checks. */
export function writeSealed(file: string, data: () => string | Uint8Array): boolean {
  return writeWhole(file, () => {
    const content = data();
    const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    return Buffer.concat([bytes, createHash('sha256').update(bytes).digest(), SEAL]);
  });
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
  if (writeSealed(file, () => made)) pruneStale(folder);
  return made;
}
