/** Deeper than any book's quotations and lists: the parser and the writers recurse once per level. */
export const MAX_NESTING = 64;

/**
 * The first line of a Markdown text nested deeper than MAX_NESTING in block quotes and lists (each
 * `>`, each list marker and each two spaces of indentation before one, a level; code fences
 * skipped), with its depth: told before parsing, since ten thousand levels overflow the stack.
 */
export function tooDeep(source: string): { depth: number; line: number } | undefined {
  const lines = source.split('\n');
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Fast: most lines begin with a letter.
    if (!/^[\s>`~]/.test(line)) continue;
    if (/^\s{0,3}(?:```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const prefix = /^[\s>]*(?:[-*+]|\d{1,9}[.)])?(?=\s|$)/.exec(line)?.[0] ?? /^[\s>]*/.exec(line)![0];
    const marker = /[-*+.)]$/.test(prefix);
    let depth = 0;
    let spaces = 0;
    for (const c of prefix) {
      if (c === '>') depth++;
      else if (c === ' ') spaces++;
      else if (c === '\t') spaces += 4;
    }
    // Indentation counts before a list marker; before text it is code or a poet's spacing.
    if (marker) depth += Math.floor(spaces / 2) + 1;
    if (depth > MAX_NESTING) return { depth, line: i + 1 };
  }
  return undefined;
}
