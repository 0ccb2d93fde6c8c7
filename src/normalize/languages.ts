/** How one language sets quotation marks and the spaces around punctuation. One row per language. */
export interface LanguageTypography {
  /** Outer quotation marks: what a typed " becomes. */
  double: [open: string, close: string];
  /** Inner quotation marks: what a typed ' used as a quote becomes. */
  single: [open: string, close: string];
  /** Space set inside quotation marks (French: a narrow no-break space), else ''. */
  quoteSpace: string;
  /** Space set before ; ! ? (French: narrow no-break space), else ''. */
  highPunctuationSpace: string;
  /** Space set before : (French: no-break space), else ''. */
  colonSpace: string;
}

const NNBSP = '\u202F';
const NBSP = '\u00A0';

const english: LanguageTypography = { double: ['“', '”'], single: ['‘', '’'], quoteSpace: '', highPunctuationSpace: '', colonSpace: '' };
const guillemets = (inner: [string, string]): LanguageTypography => ({ double: ['«', '»'], single: inner, quoteSpace: '', highPunctuationSpace: '', colonSpace: '' });

/** Keyed by BCP 47 tag, most specific first when looked up. */
const TABLE: Record<string, LanguageTypography> = {
  en: english,
  de: { ...english, double: ['„', '“'], single: ['‚', '‘'] },
  'de-CH': guillemets(['‹', '›']),
  'de-LI': guillemets(['‹', '›']),
  fr: { double: ['«', '»'], single: ['“', '”'], quoteSpace: NNBSP, highPunctuationSpace: NNBSP, colonSpace: NBSP },
  'fr-CH': { double: ['«', '»'], single: ['‹', '›'], quoteSpace: NNBSP, highPunctuationSpace: NNBSP, colonSpace: NBSP },
  es: guillemets(['“', '”']),
  it: guillemets(['“', '”']),
  pt: guillemets(['“', '”']),
  'pt-BR': english,
  nl: english,
  sv: { ...english, double: ['”', '”'], single: ['’', '’'] },
  fi: { ...english, double: ['”', '”'], single: ['’', '’'] },
  da: { ...english, double: ['»', '«'], single: ['›', '‹'] },
  nb: guillemets(['‘', '’']),
  no: guillemets(['‘', '’']),
  pl: { ...english, double: ['„', '”'], single: ['«', '»'] },
  cs: { ...english, double: ['„', '“'], single: ['‚', '‘'] },
  sk: { ...english, double: ['„', '“'], single: ['‚', '‘'] },
  ru: guillemets(['„', '“']),
  uk: guillemets(['„', '“']),
};

/** The row for a tag: "de-AT" falls back to "de", an unknown language to English. */
export function typographyFor(language: string): LanguageTypography {
  const parts = language.split('-');
  for (let n = parts.length; n > 0; n--) {
    const row = TABLE[parts.slice(0, n).join('-')];
    if (row) return row;
  }
  return english;
}
