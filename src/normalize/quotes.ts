import { BOUNDARY, LINE_BREAK, OPAQUE, type TextBlock } from './flatten.ts';
import type { LanguageTypography } from './languages.ts';

const APOSTROPHE = '’';

/**
 * Words whose first letters are elided with an apostrophe (’tis, ’em, ’cause): a quote before them is
 * an apostrophe even where an opening quote could stand. Lower case, without the mark. Entries of six
 * or more letters also cover longer forms (’prentice → ’prentices).
 */
const ELISIONS = new Set([
  'tis', 'twas', 'twere', 'twould', 'twill', 'tisn', 'twasn', 'twon', 'twixt', 'em', 'cause', 'cos', 'coz', 'bout', 'gainst', 'mongst',
  'neath', 'nuff', 'n', 'til', 'ere', 'prentice', 'spect', 'pon', 'scuse', 'cept', 'specially', 'normous', 'normously', 'struth', 'sblood',
  'lectricity', 'longside', 'nother', 'rithmetic', 'tother', 'xcept', 'ud', 'ee', 'ouse', 'ome', 'appen', 'eart', 'ead', 'ave', 'ope', 'aven',
]);
const ELISION_STEMS = [...ELISIONS].filter((word) => word.length >= 6);

/**
 * Elisions that are also ordinary words (’is for his, ’and for hand, ’ere for here): read as apostrophes
 * only when no closing single quote follows, so ‘Is Disease a Reversion?’ still opens a quotation.
 */
function isElision(word: string): boolean {
  const lower = word.toLowerCase();
  return /^\d\d(s|th)?$/.test(lower) || ELISIONS.has(lower) || ELISION_STEMS.some((stem) => lower.startsWith(stem));
}

const isLetter = (c: string | undefined) => c !== undefined && (/[\p{L}\p{N}\p{M}]/u.test(c) || c === OPAQUE);
const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c) || c === LINE_BREAK;
const OPENERS = '([{“‘«‹„‚¿¡';
const isOpener = (c: string | undefined) => c !== undefined && OPENERS.includes(c);
const isDash = (c: string | undefined) => c === '—' || c === '–' || c === '⸺' || c === '⸻' || c === '-';
const isClosingPunctuation = (c: string | undefined) => c !== undefined && /[.,;:!?…)\]}”’»›%*]/u.test(c);

function previousVisible(chars: readonly string[], i: number): string | undefined {
  for (let k = i - 1; k >= 0; k--) if (chars[k] !== BOUNDARY) return chars[k];
  return undefined;
}
function nextVisible(chars: readonly string[], i: number): string | undefined {
  for (let k = i + 1; k < chars.length; k++) if (chars[k] !== BOUNDARY) return chars[k];
  return undefined;
}
function wordAfter(chars: readonly string[], i: number): string {
  let word = '';
  for (let k = i + 1; k < chars.length; k++) {
    const c = chars[k]!;
    if (c === BOUNDARY) continue;
    if (!/[\p{L}\p{N}]/u.test(c)) break;
    word += c;
  }
  return word;
}

/** Is there a single quote ahead that closes a quotation opened at i, before the enclosing double quotation ends? */
function closingSingleAhead(chars: readonly string[], i: number): boolean {
  for (let k = i + 1; k < chars.length; k++) {
    const c = chars[k];
    if (c !== "'" && c !== '"') continue;
    const before = previousVisible(chars, k);
    const after = nextVisible(chars, k);
    const closes = (isLetter(before) || isClosingPunctuation(before) || isDash(before)) && !isLetter(after);
    if (c === '"' && closes) return false;
    // Another quotation opening first: the closer ahead is its own.
    if (c === "'" && (isSpace(before) || isOpener(before)) && isLetter(after) && !isElision(wordAfter(chars, k))) return false;
    if (c === "'" && closes) {
      // "goin'" and "o'" end words, not quotations.
      const word = /[\p{L}]+$/u.exec(chars.slice(Math.max(0, k - 12), k).join('').replaceAll(BOUNDARY, ''))?.[0] ?? '';
      if (/^(?:o|an|th|i|wi|ha|fo)$/i.test(word) || (/in$/i.test(word) && word.length > 3 && after !== undefined && /\s/.test(after) && !isClosingPunctuation(nextVisible(chars, k + 1)))) continue;
      return true;
    }
  }
  return false;
}

/** Feet and inches typed with straight quotes (6' 2") become primes. */
function primes(text: string): string {
  return text.replace(/(\d)'(\s?)(\d{1,2}(?:\.\d+)?)"/g, '$1′$2$3″');
}

export interface QuoteOptions {
  /** Swap levels: a typed " gets the inner marks and a typed ' the outer (British single-first style). */
  singleQuotesFirst?: boolean;
}

/** Curls one block's straight quotes and apostrophes, judging each mark by its neighbours. */
export function curlQuotesInText(text: string, marks: LanguageTypography, options: QuoteOptions = {}): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  const [doubleMarks, singleMarks] = options.singleQuotesFirst ? [marks.single, marks.double] : [marks.double, marks.single];
  const chars = [...primes(text)];
  let singleOpen = false;
  let doubleOpen = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c !== '"' && c !== "'") continue;
    const before = previousVisible(chars, i);
    const after = nextVisible(chars, i);
    const openingContext = isSpace(before) || isOpener(before) || before === doubleMarks[0] || before === singleMarks[0];
    const closingContext = isLetter(before) || isClosingPunctuation(before);
    if (c === '"') {
      // A quote standing alone between spaces with none open and none after it to pair with is a
      // mark being talked about (`replace " with a space`): it stays as typed.
      if (!doubleOpen && before !== undefined && after !== undefined && isSpace(before) && isSpace(after) && !chars.slice(i + 1).includes('"')) continue;
      let open: boolean;
      if (openingContext) open = !isSpace(after) || !doubleOpen;
      // After a dash or an ellipsis a quote opens before words, and before an ellipsis that opens the speech ("—"…So join me").
      else if (isDash(before) || before === '…') open = isLetter(after) || isOpener(after) || after === "'" || (after === '…' && !doubleOpen);
      else if (closingContext) open = isLetter(after) && !doubleOpen;
      else open = !doubleOpen;
      if (open && isSpace(after) && after !== undefined && before !== undefined && !isSpace(before)) open = false;
      chars[i] = open ? doubleMarks[0] : doubleMarks[1];
      doubleOpen = open;
      continue;
    }
    // A single quote.
    if (isLetter(before) && isLetter(after)) {
      chars[i] = APOSTROPHE;
    } else if ((openingContext || isDash(before) || before === '…') && (isLetter(after) || isOpener(after) || after === '"')) {
      if (!isElision(wordAfter(chars, i)) && closingSingleAhead(chars, i)) {
        chars[i] = singleMarks[0];
        singleOpen = true;
      } else chars[i] = APOSTROPHE;
    } else {
      chars[i] = singleOpen || !marks.single[1] ? singleMarks[1] : APOSTROPHE;
      if (singleOpen && !isLetter(after)) singleOpen = false;
    }
  }
  return chars.join('');
}

/** French-style spaces inside guillemets and before high punctuation, from the language table. */
export function punctuationSpaces(text: string, marks: LanguageTypography): string {
  let out = text;
  // A no-break space the author typed (narrow or full) is the author's choice and stays; a plain
  // space or none becomes the language's.
  const space = (typed: string, wanted: string) => (/[\u00A0\u202F]/.exec(typed)?.[0] ?? wanted);
  if (marks.quoteSpace) {
    const [open, close] = marks.double;
    const quoteSpace = marks.quoteSpace;
    out = out.replace(new RegExp(`${open}([ \\u00A0\\u202F]*)`, 'g'), (_, typed: string) => open + space(typed, quoteSpace)).replace(new RegExp(`([ \\u00A0\\u202F]*)${close}`, 'g'), (_, typed: string) => space(typed, quoteSpace) + close);
  }
  const high = marks.highPunctuationSpace;
  if (high) out = out.replace(/(?<=[^\s\d!?;\uE002])[ \u00A0\u202F]?(?=[!?;])/gu, (typed) => space(typed, high));
  const colon = marks.colonSpace;
  if (colon) out = out.replace(/(?<=[^\s\d:\uE002])[ \u00A0\u202F]?(?=:(?!\d))/gu, (typed) => space(typed, colon));
  return out;
}

export function curlQuotes(blocks: readonly TextBlock[], marks: LanguageTypography, options: QuoteOptions = {}): string[] {
  return blocks.map((block) => curlQuotesInText(block.text, marks, options));
}
