const NBSP = '\u00A0';

// Abbreviations that must not end a line apart from the name or number they introduce.
const TITLES = ['Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'St', 'Mt', 'Prof', 'Rev', 'Revd', 'Capt', 'Col', 'Gen', 'Lt', 'Sgt', 'Hon', 'Sr', 'Jr', 'Mme', 'Mlle', 'Mmes', 'Hr', 'Fr', 'Frl'];
// Matched at the period, the abbreviation looked behind for: a pattern opening with it (or with
// the look-behind before it) is tried at every character of every paragraph.
const TITLE_SPACE = new RegExp(`\\. (?<=(?<![\\p{L}\\p{N}])(?:${TITLES.join('|')})\\. )(?=[\\p{Lu}\\p{N}])`, 'gu');
const PAGE_SPACE = /\. (?<=(?<![\p{L}\p{N}])(?:p|pp|vol|ch|no|fig)\. )(?=\d)/giu;

const NEEDS_COLLAPSE = /[\t\n\r\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]| {2}|^[ \uE002]|[ \uE002]$/u;

/** Runs of spaces and tabs collapsed to one; none at a block's ends. */
export function collapseSpaces(text: string): string {
  // Single spaces between words, nothing at the edges: the common case, already as it should be.
  if (!NEEDS_COLLAPSE.test(text)) return text;
  return text
    .replace(/[ \t\n\r\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]*([ \t\n\r\f\v])[ \t\n\r\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]*/gu, (run) =>
      // A run that already holds a no-break space keeps it: the author asked for it.
      /[\u00A0\u202F]/u.test(run) ? (run.match(/[\u00A0\u202F]/u)![0]) : ' ',
    )
    .replace(/^[ \t\uE002]+|[ \t\uE002]+$/g, (edge) => edge.replace(/[ \t]/g, ''));
}

/** No-break spaces after titles (Mr. Smith) and in references (p. 12), so a line never ends there. */
export function bindAbbreviations(text: string): string {
  if (!text.includes('. ')) return text;
  return text.replace(TITLE_SPACE, `.${NBSP}`).replace(PAGE_SPACE, `.${NBSP}`);
}
