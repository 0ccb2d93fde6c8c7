import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_ROOT, codeDigest, digest, isBundled, pruneStale } from './cache/files.ts';
import { JsonMemo } from './cache/json-memo.ts';
import { chapterSyntax, type ParseMemo } from './manuscript/read.ts';
import type { ParsedChapter } from './manuscript/markdown.ts';
import { hasFigure } from './model/figures.ts';
import type { Chapter } from './model/index.ts';
import type { NormalizeMemo, NormalizeOptions } from './normalize/index.ts';

// Bumped when what is remembered changes shape.
const FORMAT = 1;

export const MANUSCRIPT_MEMO_DIR = path.join(CACHE_ROOT, 'manuscript');

let code: string | undefined;

/**
 * The code that reads and normalizes chapters, for what depends on all of it: the compiled CLI's
 * bundle (which holds the Markdown parser too), or, run from the sources, the reader's and the
 * normalizer's folders and the installed packages' lockfile.
 */
function codeVersion(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (isBundled()) return codeDigest([here]);
  let lock = '';
  try {
    lock = readFileSync(path.join(here, '../package-lock.json'), 'utf8');
  } catch {
    // no lockfile: the sources alone
  }
  return digest(codeDigest(['.', 'cache', 'manuscript', 'model', 'normalize'].map((folder) => path.join(here, folder))), lock);
}

/**
 * Each chapter as an earlier build parsed and normalized it, by the bytes of its file and by the
 * chapter and options: a rebuild reads every file but parses and normalizes only what changed (a
 * novel's normalization takes the better part of a second). Kept per book; a build forgets the
 * chapters it no longer met.
 */
export class ManuscriptMemo {
  /** Keys of normalized chapters, by the chapter as read: found when recalled, reused when remembered. */
  private readonly normalizedKeys = new WeakMap<Chapter, string>();

  constructor(
    private readonly memo: JsonMemo,
    private readonly file: string,
  ) {}

  readonly parse: ParseMemo = {
    recall: (source, file) => this.memo.recall<ParsedChapter>(this.parseKey(source, file)),
    remember: (source, file, parsed) => this.memo.remember(this.parseKey(source, file), parsed),
  };

  readonly normalize: NormalizeMemo = {
    recall: (chapter, options) => {
      const key = this.normalizeKey(chapter, options);
      return key === undefined ? undefined : this.memo.recall<Chapter>(key);
    },
    remember: (chapter, options, normalized) => {
      const key = this.normalizeKey(chapter, options);
      if (key !== undefined) this.memo.remember(key, normalized);
    },
  };

  /** Keeps what this build used for the next one. */
  save(): void {
    if (this.memo.save(this.file)) pruneStale(path.dirname(this.file));
  }

  private parseKey(source: Uint8Array, file: string): string {
    return `p${digest(chapterSyntax(file), source)}`;
  }

  /** Undefined for a chapter with illustrations: its image data is the book's, not the chapter's. */
  private normalizeKey(chapter: Chapter, options: NormalizeOptions): string | undefined {
    if (hasFigure(chapter.blocks)) return undefined;
    let key = this.normalizedKeys.get(chapter);
    if (key === undefined) {
      key = `n${digest(JSON.stringify(options), JSON.stringify(chapter))}`;
      this.normalizedKeys.set(chapter, key);
    }
    return key;
  }
}

/**
 * The manuscript memo of the book whose config is `configFile` (one file per book), as the last
 * build left it. Read afresh by every build, --watch's too, and saved as soon as the book is read:
 * it is not held while pages are set.
 */
export function recallManuscriptMemo(configFile: string, dir = MANUSCRIPT_MEMO_DIR): ManuscriptMemo {
  code ??= codeVersion();
  const file = path.join(dir, `chapters-${digest(path.resolve(configFile))}.txt`);
  return new ManuscriptMemo(JsonMemo.read(file, digest(String(FORMAT), code)), file);
}
