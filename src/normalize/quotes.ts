import { BOUNDARY, LINE_BREAK, OPAQUE, type TextBlock } from './flatten.ts';
import { gatherEvidence, isListedElision, type QuoteEvidence } from './elisions.ts';
import type { LanguageTypography } from './languages.ts';

const APOSTROPHE = '’';

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

function wordBefore(chars: readonly string[], i: number): string {
  let word = '';
  for (let k = i - 1; k >= 0; k--) {
    const c = chars[k]!;
    if (c === BOUNDARY) continue;
    if (!/[\p{L}\p{M}]/u.test(c)) break;
    word = c + word;
  }
  return word;
}

/** What the quote pass knows beyond the paragraph it is curling. */
export interface QuoteContext {
  evidence: QuoteEvidence;
  /** The chapter's speech is in double quotes, so a single quotation stands inside one. */
  doubleDialogue: boolean;
  /** The next paragraph opens with a single quote (after any double one): a quotation running on. */
  singleRunsOn: boolean;
}

/** Is the word after a single quote at i elided (by the list or the chapter's evidence)? */
function elided(word: string, context: QuoteContext): boolean {
  return isListedElision(word) || context.evidence.elidedStart(word);
}

/**
 * Is the quote before "goin'", "o'", "fren'" a letter left out rather than a quotation's end? By the
 * chapter's evidence, and for -in' before a space and a word (a dropped g) wherever it stands.
 */
function droppedLetter(chars: readonly string[], k: number, context: QuoteContext): boolean {
  const word = wordBefore(chars, k);
  if (context.evidence.droppedEnd(word)) return true;
  const after = chars[k + 1];
  return /in$/i.test(word) && word.length > 3 && after !== undefined && /\s/.test(after) && !isClosingPunctuation(nextVisible(chars, k + 1));
}

/**
 * Does the single quote at i open a quotation? Only if a mark ahead closes it before the enclosing
 * double quotation ends: one after punctuation ("no!'") always can; one after a letter ("said 'no'")
 * can unless it is a dropped letter, the word opened on is elided by the chapter's evidence, or the
 * quotation would stand outside the double quotes a chapter's speech is in. With no closer in the
 * paragraph, a quotation that runs on into the next paragraph still opens.
 */
function opensSingleQuotation(chars: readonly string[], i: number, doubleOpen: boolean, context: QuoteContext): boolean {
  const word = wordAfter(chars, i);
  if (isListedElision(word)) return false;
  // "might 'a' thought", "I'd 'a' caught you": the a of have, elided on both sides.
  if (word.toLowerCase() === 'a' && chars[i + 2] === "'" && isSpace(chars[i + 3]) && chars[i + 3] !== undefined) return false;
  const evidenced = context.evidence.elidedStart(word);
  // Words and punctuation since the opening quote: a short clean run is a word or title quoted.
  let words = 1;
  let clean = true;
  for (let k = i + 1; k < chars.length; k++) {
    const c = chars[k];
    if (c === ' ') words++;
    else if (/[.,;:!?…()"“”—–]/u.test(c!)) clean = false;
    if (c !== "'" && c !== '"') continue;
    const before = previousVisible(chars, k);
    const after = nextVisible(chars, k);
    const closes = (isLetter(before) || isClosingPunctuation(before) || isDash(before)) && !isLetter(after);
    if (c === '"' && closes) return false;
    // Another quotation opening first: the closer ahead is its own.
    if (c === "'" && (isSpace(before) || isOpener(before)) && isLetter(after) && !elided(wordAfter(chars, k), context)) return false;
    if (c !== "'" || !closes) continue;
    if (!isLetter(before)) return true;
    if (droppedLetter(chars, k, context)) {
      clean = false;
      continue;
    }
    // "said 'cram' because", "the 'Lady of the Lake' and": a word or title quoted. A word the
    // chapter never has bare opens such a quotation only when it is all of it ("'uz awluz yo'" is speech).
    if (clean && (evidenced ? words === 1 : words <= 8)) return true;
    if (evidenced || (context.doubleDialogue && !doubleOpen)) continue;
    return true;
  }
  return context.singleRunsOn && !evidenced;
}

/** Feet and inches typed with straight quotes (6' 2") become primes. */
function primes(text: string): string {
  return text.replace(/(\d)'(\s?)(\d{1,2}(?:\.\d+)?)"/g, '$1′$2$3″');
}

export interface QuoteOptions {
  /** Swap levels: a typed " gets the inner marks and a typed ' the outer (British single-first style). */
  singleQuotesFirst?: boolean;
}

/**
 * Curls one block's straight quotes and apostrophes, judging each mark by its neighbours and, for a
 * single quote at a word's edge, by what the chapter says of the word (the context; by default what
 * this block alone says).
 */
export function curlQuotesInText(text: string, marks: LanguageTypography, options: QuoteOptions = {}, context?: QuoteContext): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  const known = context ?? { evidence: gatherEvidence([text]), doubleDialogue: false, singleRunsOn: false };
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
    if (before !== undefined && after !== undefined && isSpace(before) && isSpace(after) && !singleOpen) {
      // Standing alone between spaces (`type ' for an apostrophe`): a mark talked about, kept as typed.
      continue;
    } else if (isLetter(before) && isLetter(after)) {
      chars[i] = APOSTROPHE;
    } else if ((openingContext || isDash(before) || before === '…') && (isLetter(after) || isOpener(after) || after === '"')) {
      // Quotations nest by alternating marks: inside a single quotation, a single quote opens nothing.
      if (!singleOpen && opensSingleQuotation(chars, i, doubleOpen, known)) {
        chars[i] = singleMarks[0];
        singleOpen = true;
      } else chars[i] = APOSTROPHE;
    } else if (singleOpen && isLetter(before) && droppedLetter(chars, i, known)) {
      // "goin'" inside a quotation: the letter left out, and the quotation still open.
      chars[i] = APOSTROPHE;
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

const OPENS_WITH_SINGLE = /^[\uE002"“«„]*'/;

/**
 * A chapter's speech is in double quotes when more of its paragraphs open with a double quote than
 * with a single one (British single-first manuscripts open with ').
 */
function speechInDoubleQuotes(blocks: readonly TextBlock[]): boolean {
  let double = 0;
  let single = 0;
  for (const block of blocks) {
    const first = block.text.replaceAll(BOUNDARY, '')[0];
    if (first === '"' || first === '“') double++;
    else if (first === "'" || first === '‘') single++;
  }
  return double > 2 * single;
}

/** Curls a chapter's blocks, each judged with what the whole chapter shows (see QuoteEvidence). */
export function curlQuotes(blocks: readonly TextBlock[], marks: LanguageTypography, options: QuoteOptions = {}): string[] {
  if (!blocks.some((block) => block.text.includes("'") || block.text.includes('"'))) return blocks.map((block) => block.text);
  const evidence = gatherEvidence(blocks.map((block) => block.text));
  const doubleDialogue = !options.singleQuotesFirst && speechInDoubleQuotes(blocks);
  return blocks.map((block, index) =>
    curlQuotesInText(block.text, marks, options, { evidence, doubleDialogue, singleRunsOn: OPENS_WITH_SINGLE.test(blocks[index + 1]?.text ?? '') }),
  );
}
