/**
 * More Markdown marks in one paragraph than any writer's paragraph holds. micromark resolves
 * brackets, emphasis and code spans by looking back over what came before them in the
 * paragraph, so its time grows with the square of their number: 10,000 `[` or `*a` in one
 * paragraph take seconds, 40,000 minutes. A paragraph with more is read as plain text (every mark
 * the character it is), with a warning, and every paragraph costs time in proportion to its
 * length. (Leaving the first thousand marks as they are is not enough: one link left open before
 * the rest reads its destination over all of it, again and again.)
 */
export const MAX_MARKS = 1000;

// The characters that open or close inline constructs: links, images, notes, emphasis, code,
// strikethrough, HTML, escapes.
const MARKS = '\\*_[]`~<!^()';
const MARK = /[\\*_[\]`~<!^()]/g;
// Each mark of a dense paragraph stands in for itself as a noncharacter (U+FDD0…), which no
// construct reads and no text holds, until the paragraph is read; a backslash before each would
// be as plain, but makes a token of every mark (a 4 MB paragraph of backticks takes gigabytes).
const STAND_IN = 0xfdd0;
const STAND_INS = /[\uFDD0-\uFDDB]/g;
const HAS_STAND_IN = /[\uFDD0-\uFDDB]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Code (indented), HTML blocks: their text is not Markdown's to read, nor ours to change.
const NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}<)/;

/**
 * The source with every mark of each paragraph that has more than MAX_MARKS replaced by its
 * stand-in (see restoreMarks), and the first line of each paragraph so treated. Unchanged (and
 * fast) when the whole file has fewer marks, or already holds a stand-in.
 */
export function neutralizeDenseMarks(source: string): { source: string; lines: number[] } {
  if ((source.match(MARK)?.length ?? 0) <= MAX_MARKS || /[\uFDD0-\uFDEF]/.test(source)) return { source, lines: [] };
  const lines = source.split('\n');
  const treated: number[] = [];
  let fence: string | null = null;
  let start = -1;
  const paragraphEnd = (end: number) => {
    if (start < 0) return;
    let marks = 0;
    for (let i = start; i < end && marks <= MAX_MARKS; i++) marks += lines[i]!.match(MARK)?.length ?? 0;
    if (marks > MAX_MARKS) {
      for (let i = start; i < end; i++) lines[i] = lines[i]!.replace(MARK, (mark) => String.fromCharCode(STAND_IN + MARKS.indexOf(mark)));
      treated.push(start + 1);
    }
    start = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line)?.[1];
    if (f && (fence === null || (f[0] === fence[0] && f.length >= fence.length))) {
      paragraphEnd(i);
      fence = fence === null ? f : null;
      continue;
    }
    if (fence !== null) continue;
    if (/^[ \t]*$/.test(line)) paragraphEnd(i);
    else if (start < 0 && !NOT_PARAGRAPH.test(line)) start = i;
  }
  paragraphEnd(lines.length);
  return { source: treated.length > 0 ? lines.join('\n') : source, lines: treated };
}

/** Every string in what was read from a neutralized source, its stand-ins the marks again (in place). */
export function restoreMarks<T>(value: T): T {
  const restore = (text: string) => text.replace(STAND_INS, (c) => MARKS[c.charCodeAt(0) - STAND_IN]!);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return HAS_STAND_IN.test(node) ? restore(node) : node;
    if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return node;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = walk(node[i]);
      return node;
    }
    for (const [key, child] of Object.entries(node)) (node as Record<string, unknown>)[key] = walk(child);
    return node;
  };
  return walk(value) as T;
}
