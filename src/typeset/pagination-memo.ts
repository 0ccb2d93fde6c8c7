import { createHash } from 'node:crypto';
import { KeptEntries } from './kept-entries.ts';
import type { FlowElement, FootnoteBody } from './paginate.ts';

/**
 * A flow's pages as the search chose them, as plain data (see paginate): each page's lines by
 * block and line with their place, its notes, and the paragraph it set a line longer or shorter.
 */
export interface PagePath {
  pages: PathPage[];
}

export interface PathPage {
  placed: { block: number; line: number; top: number; space: number }[];
  notes: { note: number; line: number }[];
  foot: number;
  used: number;
  full: boolean;
  opener: boolean;
  bare?: boolean;
  limit: number;
  rules: string[];
  varied?: { block: number; delta: 1 | -1 };
}

/**
 * Names everything the page search reads of a flow, or undefined when it cannot be named: a
 * paragraph that may be set another way names itself by its memo key (see FlowParagraph.memoKey),
 * which gives the same lines and the same variants whenever it is the same; every other element by
 * what pagination reads of it (heights, keeps, line counts, hyphens, notes). Equal names, equal pages.
 */
export function flowName(flow: readonly FlowElement[], linesPerPage: number, footnotes: readonly FootnoteBody[], footnoteSkip: number, firstPage: number): string | undefined {
  const hash = createHash('sha256');
  hash.update(`${linesPerPage}:${footnoteSkip}:${firstPage}\n`);
  for (const e of flow) {
    if (e.kind === 'pageBreak') hash.update(`B${e.recto ? 1 : 0}${e.opener ? 1 : 0}${e.bare ? 1 : 0}\n`);
    else if (e.kind === 'space') hash.update(`S${e.height}:${e.keepAtTop ? 1 : 0}\n`);
    else {
      hash.update(`P${e.height}:${e.keepWithNext ? 1 : 0}:${e.keepTogether ? 1 : 0}:${e.float ?? ''}:${e.repeatHeader ?? ''}:${e.lines.length}:`);
      if (e.vary) {
        if (e.memoKey === undefined) return undefined;
        hash.update(e.memoKey);
      } else for (const line of e.lines) hash.update(`${line.hyphenated ? 1 : 0}${line.notes?.join(',') ?? ''};`);
      hash.update('\n');
    }
  }
  for (const body of footnotes) {
    hash.update('N');
    for (const line of body.lines) hash.update(`${line.height}:${line.space};`);
  }
  return hash.digest('hex');
}

/**
 * Pages already found for flows (see flowName), for one book: a rebuild sets nearly every chapter
 * as before, and searching its pages again is most of a rebuild's typesetting.
 */
export class PaginationMemo extends KeptEntries<PagePath> {
  /** The pages of these flows (all it holds, by default), as JSON, for a later build. */
  remember(keys: Iterable<string> = this.entries.keys()): string {
    const out: [string, PagePath][] = [];
    for (const key of keys) {
      const path = this.entries.get(key);
      if (path) out.push([key, path]);
    }
    return JSON.stringify(out);
  }

  /** A memo of what remember() gave, in turn; throws if one is not that. */
  static recall(texts: readonly string[]): PaginationMemo {
    const memo = new PaginationMemo();
    for (const json of texts) {
      const entries = JSON.parse(json) as [string, PagePath][];
      if (!Array.isArray(entries)) throw new Error('not a pagination memo');
      for (const [name, path] of entries) {
        if (typeof name !== 'string' || !Array.isArray(path?.pages)) throw new Error('not a pagination memo');
        memo.recalled(name, path);
      }
    }
    return memo;
  }
}
