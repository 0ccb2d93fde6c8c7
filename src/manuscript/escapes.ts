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

// A web or mail address typed in running text: typography passes must not touch it.
const ADDRESS = /((?:https?|ftp):\/\/[^\s<>"]+[^\s<>"'.,;:!?)\]}’”]|www\.[^\s<>"]+[^\s<>"'.,;:!?)\]}’”]|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+)/u;

/** Text with protected quotes and addresses → text and literal inlines. */
export function textWithLiterals(value: string): Inline[] {
  // Neither a kept quote nor anything like an address: the text as it is.
  if (!/[\uE000\uE001@]|:\/\/|www\./.test(value)) return value ? [{ kind: 'text', value }] : [];
  const out: Inline[] = [];
  for (const piece of value.split(/([\uE000\uE001])/)) {
    if (!piece) continue;
    const quote = RESTORE.get(piece);
    if (quote) {
      out.push({ kind: 'literal', value: quote });
      continue;
    }
    piece.split(ADDRESS).forEach((part, i) => {
      if (part) out.push(i % 2 === 1 ? { kind: 'literal', value: restoreInCode(part) } : { kind: 'text', value: part });
    });
  }
  return out;
}
