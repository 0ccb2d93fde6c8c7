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
export function dashes(text: string, style: DashStyle = 'em'): string {
  // Every rule starts from a hyphen or an em dash: most paragraphs have neither.
  if (!text.includes('-') && !text.includes('—')) return text;
  // Ranges of numbers, dates and times written with a spaced hyphen or a double hyphen take an en
  // dash, closed up: "1936 - 2023", "100--200 bytes", "9 - 5", "(17.07.1936 - 08.09.2023)".
  let out = text.replace(/(?<=\d[.:]?\d*)(?: +- +| *-- *)(?=\d)/g, '–');
  // A minus sign: a hyphen after a space, an opening quote or bracket (or at the start) directly
  // before a number: "−3 °C", "“−6 at night”" (the quote may not be curled yet: this runs first).
  out = out.replace(/(?<=(?:^|[\s([:=“‘«„‚"'])\uE002*)-(?=\d)/g, '\u2212');
  out = out
    .replace(/(?<!-)------(?!-)/g, '⸻')
    .replace(/(?<!-)----(?!-)/g, '⸺')
    .replace(/(?<!-)---?(?!-)/g, '—');
  // A hyphen with space (or a quote or the block's edge) on both sides: " - ", ' -"', '"- '.
  out = out.replace(new RegExp(`(^|\\s|${Q}|${P})(${B})-(?=${B}(?:\\s|$|${Q}|${P}))`, 'gu'), '$1$2—');
  // A hyphen ending a word before a space, then a capital or a quote: "Ben- No", "now- 'twas".
  out = out.replace(new RegExp(`(?<=${L}${B})-(?=${B}[ \\t]+(?:\\p{Lu}|["'“‘«„‚]))`, 'gu'), '—');
  // Interrupted speech: a word broken off before a closing quote (straight or already curled) or at the block's end.
  out = out.replace(new RegExp(`(?<=${L}${B})-(?=(?:${Q}|\uE002)*$|${B}(?:[\u00A0\u202F\uE002]|["'”’»›])*["'”’»›]${B}[\u00A0\u202F]*(?:[ \\t\\n]|$|[.,;:!?—–]))`, 'gu'), '—');
  // Number ranges: 1914-1918, pages 10-20 (not inside longer hyphenated codes like 555-123-4567).
  out = out.replace(/(?<![\d-])(\d+)-(\d+)(?![\d-])/g, '$1–$2');
  // Em dashes are set closed up: drop the spaces a writer put around a spaced-hyphen dash.
  out = out.replace(/ ?— ?/g, '—');
  // Languages that space their dashes: a no-break space before (the dash never opens a line), a space after.
  if (style === 'em') return out;
  const dash = style === 'spaced-en' ? '–' : '—';
  return out.replace(/(?<=\S)—(?=\S)/g, `\u00A0${dash} `).replace(/—/g, dash);
}
