import { BOUNDARY } from './flatten.ts';

/**
 * Whether a straight single quote at a word's edge is an apostrophe (a letter left out: ’way, goin’)
 * or a quotation mark cannot be read from its neighbours alone: "he’ll go ’way, en den" and "he said
 * ‘way out’" look alike. This module gathers what the rest of the chapter says about each word, so the
 * quote pass can decide by evidence (see QuoteEvidence) and keep the list below only as a prior.
 */

/**
 * Words whose first letters are elided with an apostrophe (’tis, ’em, ’cause): a quote before them is
 * an apostrophe even where an opening quote could stand. Lower case, without the mark. Entries of six
 * or more letters also cover longer forms (’prentice → ’prentices).
 */
const ELISIONS = new Set([
  'tis', 'twas', 'twere', 'twould', 'twill', 'tisn', 'twasn', 'twon', 'twixt', 'em', 'cause', 'cos', 'coz', 'bout', 'gainst', 'mongst',
  'neath', 'nuff', 'n', 'til', 'ere', 'prentice', 'spect', 'pon', 'scuse', 'cept', 'specially', 'normous', 'normously', 'struth', 'sblood',
  'lectricity', 'longside', 'nother', 'rithmetic', 'tother', 'xcept', 'ud', 'ee', 'ouse', 'ome', 'appen', 'eart', 'ead', 'ave', 'ope', 'aven',
  'tain', 'taint', 'cep', 'twix', 'fore', 'stead',
]);
const ELISION_STEMS = [...ELISIONS].filter((word) => word.length >= 6);

/** Words that end in a dropped letter wherever they stand (o’ for of, an’ for and, th’ for the). */
const DROPPED_ENDINGS = new Set(['o', 'an', 'th', 'i', 'wi', 'ha', 'fo']);

/** A word known to be elided at its start, whatever the chapter says: the list, or a year ('66, '90s). */
export function isListedElision(word: string): boolean {
  const lower = word.toLowerCase();
  return /^\d\d(s|th)?$/.test(lower) || ELISIONS.has(lower) || ELISION_STEMS.some((stem) => lower.startsWith(stem));
}

/** What one chapter's text shows about its words and apostrophes. */
export interface QuoteEvidence {
  /**
   * Is a word after a word-initial quote elided (’uz, ’kase, ’Lizabeth)? Yes when the chapter has it
   * with the mark at least twice as often as without: a quotation's first word (‘The, ‘It, ‘Well)
   * turns up bare far more often, an elided one seldom (Jim's "ef I uz to" beside ten ’uz). A
   * capitalized word needs two sightings with the mark, since a quotation may open on a name the
   * chapter names only once.
   */
  elidedStart(word: string): boolean;
  /**
   * Is a quote after this word a dropped letter (fren’, doan’, befo’, gettin’) rather than the end of
   * a quotation? Yes when the chapter has the same word and mark going on into a lower-case word
   * twice ("doan’ do nuffn"), or once with the word never bare, as a closing quote seldom does (the
   * end of a short quotation, "said ‘no’ flat", is no evidence), or for -in’ when the chapter drops
   * its g’s that way at least twice.
   */
  droppedEnd(word: string): boolean;
}

const QUOTE = `'’‘`;
// A word's letters; inline boundaries inside it are taken out first.
const WORD = /[\p{L}\p{M}]+/gu;
const STARTS_WITH_MARK = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])[${QUOTE}]([\\p{L}\\p{M}]+)`, 'gu');
// A word (all its letters), the mark, a space and a lower-case word (or "I"): "doan' do", "fo' I".
// Matched at the mark, the word looked behind for: a pattern opening with the word would be tried
// at every word of the chapter.
const DROPPED_BEFORE_WORD = new RegExp(`['’](?<=(?<![\\p{L}\\p{M}])([\\p{L}\\p{M}]+)['’])(?= +(?:\\p{Ll}|I\\b))`, 'gu');

// An opening quote, then up to eight words with nothing but letters, spaces, commas, hyphens and
// apostrophes inside words ("'Josiah Allen's wife", "'Lady Dedlock, Murderess") between.
const QUOTED_RUN = /(?:^|[\s(\[—–"“])['‘]([\p{L}\p{M}]+)((?:[\p{L}\p{M} ,-]|(?<=\p{L})['’](?=\p{L}))*)$/u;

/** Does the text before a word's closing mark open a short quotation of it ("said 'shore road")? */
function endsQuotedRun(before: string): boolean {
  const run = QUOTED_RUN.exec(before);
  return run !== null && !isListedElision(run[1]!) && run[2]!.split(' ').length <= 8;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Evidence from a chapter's blocks (paragraphs, headings, notes), straight or already curled. */
export function gatherEvidence(texts: readonly string[]): QuoteEvidence {
  const bare = new Map<string, number>();
  const marked = new Map<string, number>();
  const dropped = new Map<string, number>();
  let gDrops = 0;
  for (const raw of texts) {
    if (!raw.includes("'") && !raw.includes('’')) {
      for (const [word] of raw.replaceAll(BOUNDARY, '').matchAll(WORD)) count(bare, word.toLowerCase());
      continue;
    }
    const text = raw.replaceAll(BOUNDARY, '');
    for (const match of text.matchAll(WORD)) {
      // Bare: no mark on either side ("discourage'" is not a sighting of "discourage").
      const before = text[match.index - 1];
      const after = text[match.index + match[0].length];
      if ((before === undefined || !QUOTE.includes(before)) && (after === undefined || !QUOTE.includes(after))) count(bare, match[0].toLowerCase());
    }
    for (const match of text.matchAll(STARTS_WITH_MARK)) count(marked, match[1]!.toLowerCase());
    for (const match of text.matchAll(DROPPED_BEFORE_WORD)) {
      const start = match.index - match[1]!.length;
      // "said 'thou' and": the end of a word or title quoted, not a letter dropped.
      if (endsQuotedRun(text.slice(Math.max(0, start - 80), match.index))) continue;
      const word = match[1]!.toLowerCase();
      count(dropped, word);
      if (word.length > 3 && word.endsWith('in')) gDrops++;
    }
  }
  return {
    elidedStart(word) {
      const lower = word.toLowerCase();
      const withMark = marked.get(lower) ?? 0;
      if (withMark < 2 * (bare.get(lower) ?? 0)) return false;
      const capitalized = lower !== word;
      return !capitalized || withMark >= 2;
    },
    droppedEnd(word) {
      const lower = word.toLowerCase();
      const seen = dropped.get(lower) ?? 0;
      return DROPPED_ENDINGS.has(lower) || seen >= 2 || (seen === 1 && !bare.has(lower)) || (gDrops >= 2 && lower.length > 3 && lower.endsWith('in'));
    },
  };
}
