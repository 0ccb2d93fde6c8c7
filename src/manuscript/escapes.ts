import type { Inline } from '../model/index.ts';

// An author keeps a straight quote with a backslash (\" or \'). Before parsing, each such escape is
// swapped for a private-use character that no pass touches; afterwards it becomes a literal inline.
const KEPT = new Map([
  ['"', '\uE000'],
  ["'", '\uE001'],
]);
const RESTORE = new Map([...KEPT].map(([quote, marker]) => [marker, quote]));

export function protectEscapedQuotes(source: string): string {
  return source.replace(/\\(["'])/g, (_, quote: string) => KEPT.get(quote)!);
}

/** Where protected quotes sit in code, they were typed with their backslash. */
export function restoreInCode(text: string): string {
  return text.replace(/[\uE000\uE001]/g, (marker) => `\\${RESTORE.get(marker)}`);
}

/** Text with protected quotes → text and literal inlines. */
export function textWithLiterals(value: string): Inline[] {
  const out: Inline[] = [];
  for (const piece of value.split(/([\uE000\uE001])/)) {
    if (!piece) continue;
    const quote = RESTORE.get(piece);
    out.push(quote ? { kind: 'literal', value: quote } : { kind: 'text', value: piece });
  }
  return out;
}
