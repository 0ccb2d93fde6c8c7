import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** The bytes of every file directly in the folders, by name: what a cache made by that code depends on. */
export function codeDigest(folders: readonly string[]): string {
  const parts: (string | Buffer)[] = [];
  for (const folder of folders) {
    const files = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
    for (const name of files) parts.push(name, readFileSync(path.join(folder, name)));
  }
  return digest(...parts);
}

/** Written under a temporary name and renamed, so a reader never sees half a file; a cache that cannot be written is no error, only slower. */
export function writeWhole(file: string, data: () => string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, data());
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
