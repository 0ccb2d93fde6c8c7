import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Face, FaceMemory, FontSet } from './fonts.ts';

// Bumped whenever what a face remembers changes shape.
const FORMAT = 1;

const require = createRequire(import.meta.url);
const fontkitDir = path.resolve(path.dirname(require.resolve('fontkit')), '..');

/**
 * Where shapings are kept between builds: beside the installed packages (node_modules/.cache),
 * like the compiled CLI. A writer rebuilds the same book many times a day, and a novel's words
 * shaped by fontkit take a second or more to learn afresh.
 */
export const SHAPING_CACHE_DIR = path.join(fontkitDir, '../.cache/book/shaping');

/** One file per font file and fontkit version: the shapings are fontkit's answers for that font. */
function cacheFile(dir: string, face: Face): string {
  const fontkitVersion = (JSON.parse(readFileSync(path.join(fontkitDir, 'package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(`${FORMAT}\0${fontkitVersion}\0`).update(face.data).digest('hex').slice(0, 24);
  return path.join(dir, `${key}.json`);
}

function distinctFaces(fonts: FontSet): Face[] {
  return [...new Set(Object.values(fonts.faces))];
}

/** Gives each face what earlier builds shaped with the same font. A missing or unreadable cache is no error: it is only slower. */
export function recallShapings(fonts: FontSet, dir = SHAPING_CACHE_DIR): void {
  for (const face of distinctFaces(fonts)) {
    try {
      face.recall(JSON.parse(readFileSync(cacheFile(dir, face), 'utf8')) as FaceMemory);
    } catch {
      // nothing remembered yet, or a file that cannot be read: shape afresh
    }
  }
}

/** Keeps what this build shaped for the next one, where the cache folder can be written. */
export function rememberShapings(fonts: FontSet, dir = SHAPING_CACHE_DIR): void {
  for (const face of distinctFaces(fonts)) {
    if (!face.learnedSomething) continue;
    const file = cacheFile(dir, face);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temp, JSON.stringify(face.remember()));
      renameSync(temp, file);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}
