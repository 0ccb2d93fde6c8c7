import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PrintOptions } from '../config/schema.ts';
import type { Face, FaceMemory, FontSet } from './fonts.ts';
import { createWordHyphenator } from './hyphenate.ts';
import { breakOpportunityTable } from './paragraph.ts';

// Bumped whenever what is remembered changes shape, or the rules that derive it from fontkit's
// answers (Face.glyphOf, Face.pairKern, findBreakOpportunities) change: old files then go unread.
const FORMAT = 1;

const require = createRequire(import.meta.url);
const fontkitDir = path.resolve(path.dirname(require.resolve('fontkit')), '..');
const fontkitVersion = (JSON.parse(readFileSync(path.join(fontkitDir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Where typesetting keeps what it learned between builds: beside the installed packages
 * (node_modules/.cache), like the compiled CLI. A writer rebuilds the same book many times a day,
 * and a novel's words shaped by fontkit and hyphenated by pattern take a second or so to learn.
 */
export const TYPESETTING_CACHE_DIR = path.join(fontkitDir, '../.cache/book/typesetting');

const hash = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex').slice(0, 24);
};

/** Shapings are fontkit's answers for one font file: one file per font file and fontkit version. */
function shapingFile(dir: string, face: Face): string {
  return path.join(dir, `shaping-${hash(String(FORMAT), fontkitVersion, face.data)}.json`);
}

/** Break opportunities depend on the hyphenation settings alone, which the hyphenator's key names. */
function breaksFile(dir: string, key: string): string {
  return path.join(dir, `breaks-${hash(String(FORMAT), key)}.json`);
}

function distinctFaces(fonts: FontSet): Face[] {
  return [...new Set(Object.values(fonts.faces))];
}

const hyphenationKey = (language: string, print: PrintOptions) => createWordHyphenator(language, print.hyphenation).key;

/** Entries in each break table when it was recalled, to know whether a build added any. */
const recalledBreaks = new Map<string, number>();

/** Gives the faces and the hyphenation what earlier builds learned. A missing or unreadable file is no error: it is only slower. */
export function recallTypesetting(fonts: FontSet, language: string, print: PrintOptions, dir = TYPESETTING_CACHE_DIR): void {
  for (const face of distinctFaces(fonts)) {
    try {
      face.recall(JSON.parse(readFileSync(shapingFile(dir, face), 'utf8')) as FaceMemory);
    } catch {
      // nothing remembered yet, or a file that cannot be read: shape afresh
    }
  }
  const key = hyphenationKey(language, print);
  const table = breakOpportunityTable(key);
  try {
    for (const [word, breaks] of JSON.parse(readFileSync(breaksFile(dir, key), 'utf8')) as [string, [number, boolean][]][]) table.set(word, breaks);
  } catch {
    // hyphenate afresh
  }
  recalledBreaks.set(key, table.size);
}

/** Keeps what this build learned for the next one, where the cache folder can be written. */
export function rememberTypesetting(fonts: FontSet, language: string, print: PrintOptions, dir = TYPESETTING_CACHE_DIR): void {
  for (const face of distinctFaces(fonts)) {
    if (face.learnedSomething) writeWhole(shapingFile(dir, face), () => JSON.stringify(face.remember()));
  }
  const key = hyphenationKey(language, print);
  const table = breakOpportunityTable(key);
  if (table.size !== recalledBreaks.get(key)) writeWhole(breaksFile(dir, key), () => JSON.stringify([...table]));
  recalledBreaks.set(key, table.size);
}

/** Written under a temporary name and renamed: a reader never sees half a file. */
function writeWhole(file: string, data: () => string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, data());
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
