import path from 'node:path';
import { CACHE_ROOT, codeVersion, digest, pruneStale } from './cache/files.ts';
import { JsonMemo } from './cache/json-memo.ts';
import type { ChapterSyntax, ParseMemo } from './manuscript/read.ts';
import type { ParsedChapter } from './manuscript/markdown.ts';
import { hasFigure } from './model/figures.ts';
import type { Chapter } from './model/index.ts';
import type { NormalizeMemo, NormalizeOptions } from './normalize/index.ts';

// Bumped when what is remembered changes shape.
const FORMAT = 3;

export const MANUSCRIPT_MEMO_DIR = path.join(CACHE_ROOT, 'manuscript');

let code: string | undefined;

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
    recall: (source, file, syntax) => this.memo.recall<ParsedChapter[]>(this.parseKey(source, syntax)),
    remember: (source, file, syntax, parsed) => this.memo.remember(this.parseKey(source, syntax), parsed),
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

  /** Keeps what this build used for the next one: the bytes made now, written while the build goes on. */
  save(): Promise<void> {
    return this.memo.save(this.file).then((written) => {
      if (written) pruneStale(path.dirname(this.file));
    });
  }

  private parseKey(source: Uint8Array, syntax: ChapterSyntax): string {
    return `p${digest(syntax, source)}`;
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
  // The readers' and normalizer's code, every folder of it (and the Markdown parser's and mammoth's, through the lockfile).
  code ??= codeVersion(['.', 'cache', 'manuscript', 'manuscript/markdown', 'manuscript/docx', 'model', 'normalize']);
  const file = path.join(dir, `chapters-${digest(path.resolve(configFile))}.txt`);
  return new ManuscriptMemo(JsonMemo.read(file, digest(String(FORMAT), code)), file);
}
