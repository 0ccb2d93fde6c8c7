export type DashStyle = 'em' | 'spaced-en' | 'spaced-em';

const L = '\\p{L}';
// A quotation mark or bracket that may hug a dash.
const Q = `["'“”‘’«»„()\\[\\]]`;
// Sentence punctuation a spaced-hyphen dash may touch ("still -!").
const P = '[!?.,;:]';
// Inline boundaries (emphasis) are invisible to these rules.
const B = '\uE002*';

/**
 * Dashes from what writers type: "--" and "---" are em dashes (a run of four or six is the two- and
 * three-em dash of an elided word or name), a hyphen standing alone between spaces or at a quote is a
 * dash, a word broken off ("th-" before a quote, a space or the end) is interrupted speech, and a hyphen
 * between numbers is an en dash. Hyphenated words are left alone.
 */
// A dash this pass made from hyphens, until its spacing is settled; a dash the author typed is
// never respaced.
const MADE = '\uE010';

/** An unspaced hyphen between numbers that reads as a range (see dashes). */
function unspacedRange(whole: string, from: string, to: string, offset: number, text: string): string {
  const before = text.slice(Math.max(0, offset - 12), offset);
  const reference = /(?:\b(?:pp?|vv?|nos?|ch|chs|fig|figs)\.|§|¶|\b(?:pages?|chapters?|verses?|lines?|sections?|items?))\s*$/iu.test(before);
  const years = /^[12]\d{3}$/.test(from) && (/^[12]\d{3}$/.test(to) ? Number(to) > Number(from) : /^\d\d$/.test(to) && Number(to) > Number(from.slice(2)));
  const small = from.length <= 3 && to.length <= 3 && Number(to) > Number(from);
  return reference || years || small ? `${from}–${to}` : whole;
}

/** "A - ANG", "L - Z": a range of letters, as an index volume or a drawer is labelled (ascending, and not "I - I"). */
function letterRange(whole: string, from: string, to: string): string {
  return from !== 'I' && from < to ? `${from}–${to}` : whole;
}

// A rule for one hyphen starts with the hyphen and looks behind it from there: a pattern that
// opens with the look-behind is tried at every character of the paragraph, four times slower.
export function dashes(text: string, style: DashStyle = 'em'): string {
  // Every rule starts from a hyphen: most paragraphs have none.
  if (!text.includes('-')) return text;
  // Ranges of numbers, dates and times written with a spaced hyphen or a double hyphen take an en
  // dash, closed up: "1936 - 2023", "100--200 bytes", "9 - 5", "(17.07.1936 - 08.09.2023)".
  let out = text.replace(/(?<=\d[.:]?\d*)(?: +- +| *-- *)(?=\d)/g, '–');
  out = out.replace(/(?<![\p{L}\p{N}])(\p{Lu}{1,4}) +- +(\p{Lu}{1,4})(?![\p{L}\p{N}])/gu, letterRange);
  // A minus sign: a hyphen after a space, an opening quote or bracket (or at the start) directly
  // before a number: "−3 °C", "“−6 at night”" (the quote may not be curled yet: this runs first);
  // and a spaced one after a colon or an equals sign, as a figure is often typed (": - 3 000 000").
  out = out.replace(/-(?<=(?:^|[\s([:=“‘«„‚"'])\uE002*-)(?=\d)/g, '\u2212');
  out = out.replace(/-(?<=[:=][ \u00A0\u202F]*-) +(?=\d)/g, '\u2212');
  out = out
    .replace(/(?<!-)------(?!-)/g, '⸻')
    .replace(/(?<!-)----(?!-)/g, '⸺')
    .replace(/(?<!-)---?(?!-)/g, MADE);
  // A hyphen with space (or a quote or the block's edge) on both sides: " - ", ' -"', '"- '.
  out = out.replace(new RegExp(`(^|\\s|${Q}|${P})(${B})-(?=${B}(?:\\s|$|${Q}|${P}))`, 'gu'), `$1$2${MADE}`);
  // A hyphen ending a word before a space, then a capital or a quote: "Ben- No", "now- 'twas".
  out = out.replace(new RegExp(`-(?<=${L}${B}-)(?=${B}[ \\t]+(?:\\p{Lu}|["'“‘«„‚]))`, 'gu'), MADE);
  // Interrupted speech: a word broken off before a closing quote (straight or already curled) or at the block's end.
  out = out.replace(new RegExp(`-(?<=${L}${B}-)(?=(?:${Q}|\uE002)*$|${B}(?:[\u00A0\u202F\uE002]|["'”’»›])*["'”’»›]${B}[\u00A0\u202F]*(?:[ \\t\\n]|$|[.,;:!?—–${MADE}]))`, 'gu'), MADE);
  // Unspaced number ranges: years (1914-1918, 1914-18), small numbers rising (10-20), anything
  // after p., pp., §, "pages"; not codes, phone numbers or dates (555-1234, 555-123-4567, 2024-05-01).
  out = out.replace(/(?<![\d-])(\d+)-(\d+)(?![\d-])/g, unspacedRange);
  // The dashes made here are set closed up in English: the spaces a writer put around a spaced
  // hyphen go. Languages that space their dashes get a no-break space before (the dash never opens
  // a line) and a space after.
  if (style === 'em') return out.replace(new RegExp(` ?${MADE} ?`, 'g'), '—');
  const dash = style === 'spaced-en' ? '–' : '—';
  return out.replace(new RegExp(`(?<=\\S) ?${MADE} ?(?=\\S)`, 'g'), `\u00A0${dash} `).replace(new RegExp(` ?${MADE} ?`, 'g'), (made) => made.replace(/^ /, '\u00A0').replace(MADE, dash));
}
