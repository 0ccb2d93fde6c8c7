import type { DashStyle } from './dashes.ts';

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
  /** How the language sets a dash: closed-up em (English), spaced en (French, German), spaced em (Russian). */
  dash: DashStyle;
}

const NNBSP = '\u202F';
const NBSP = '\u00A0';

const english: LanguageTypography = { double: ['“', '”'], single: ['‘', '’'], quoteSpace: '', highPunctuationSpace: '', colonSpace: '', dash: 'em' };
const guillemets = (inner: [string, string], dash: DashStyle = 'spaced-en'): LanguageTypography => ({ double: ['«', '»'], single: inner, quoteSpace: '', highPunctuationSpace: '', colonSpace: '', dash });
/** English quotation marks, dashes spaced en (German, Dutch, the Nordic and West Slavic languages). */
const spacedEn = (marks: Partial<LanguageTypography>): LanguageTypography => ({ ...english, dash: 'spaced-en', ...marks });

/** Keyed by BCP 47 tag, most specific first when looked up. */
const TABLE: Record<string, LanguageTypography> = {
  en: english,
  de: spacedEn({ double: ['„', '“'], single: ['‚', '‘'] }),
  'de-CH': guillemets(['‹', '›']),
  'de-LI': guillemets(['‹', '›']),
  fr: { double: ['«', '»'], single: ['“', '”'], quoteSpace: NNBSP, highPunctuationSpace: NNBSP, colonSpace: NBSP, dash: 'spaced-en' },
  'fr-CH': { double: ['«', '»'], single: ['‹', '›'], quoteSpace: NNBSP, highPunctuationSpace: NNBSP, colonSpace: NBSP, dash: 'spaced-en' },
  // Spanish and Portuguese set the raya closed up to the words it sets off.
  es: guillemets(['“', '”'], 'em'),
  it: guillemets(['“', '”']),
  pt: guillemets(['“', '”'], 'em'),
  'pt-BR': english,
  nl: spacedEn({}),
  sv: spacedEn({ double: ['”', '”'], single: ['’', '’'] }),
  fi: spacedEn({ double: ['”', '”'], single: ['’', '’'] }),
  da: spacedEn({ double: ['»', '«'], single: ['›', '‹'] }),
  nb: guillemets(['‘', '’']),
  no: guillemets(['‘', '’']),
  pl: spacedEn({ double: ['„', '”'], single: ['«', '»'] }),
  cs: spacedEn({ double: ['„', '“'], single: ['‚', '‘'] }),
  sk: spacedEn({ double: ['„', '“'], single: ['‚', '‘'] }),
  ru: guillemets(['„', '“'], 'spaced-em'),
  uk: guillemets(['„', '“'], 'spaced-em'),
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
