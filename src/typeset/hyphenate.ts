import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type HyphenatorFn = (text: string) => string;
const createHyphenator = require('hyphen/hyphen.js') as (patterns: unknown, options: { hyphenChar: string; exceptions?: string[]; minWordLength?: number }) => HyphenatorFn;

/** TeX's pattern set for a BCP 47 tag: "en" → US English, "en-GB" → British, "de" → 1996 spelling. */
function patternFile(language: string): string | undefined {
  const tag = language.toLowerCase();
  const [base] = tag.split('-');
  const candidates: Record<string, string> = { en: 'en-us', 'en-gb': 'en-gb', 'en-au': 'en-gb', 'en-nz': 'en-gb', 'en-ie': 'en-gb', de: 'de-1996', 'de-ch': 'de-ch-1901', nb: 'nb', nn: 'nn', no: 'nb', el: 'el-monoton', mn: 'mn-cyrl', sr: 'sr-cyrl' };
  for (const key of [tag, base!]) {
    const name = candidates[key] ?? key;
    try {
      require.resolve(`hyphen/patterns/${name}.js`);
      return name;
    } catch {
      // try the next, less specific, tag
    }
  }
  return undefined;
}

export interface HyphenationOptions {
  enabled: boolean;
  /** Fewest letters before a break. */
  leftMin: number;
  /** Fewest letters after a break. */
  rightMin: number;
  /** Words with their allowed breaks marked by hyphens: "ta-ble". */
  exceptions: readonly string[];
}

/** Offsets at which a word of letters may break, e.g. "beautiful" → [4, 6]. */
export type Hyphenator = (word: string) => number[];

const SOFT = '\u00AD';

export function createWordHyphenator(language: string, options: HyphenationOptions): Hyphenator {
  const file = options.enabled ? patternFile(language) : undefined;
  if (!file) return () => [];
  const patterns = require(`hyphen/patterns/${file}.js`);
  const hyphenate = createHyphenator(patterns, { hyphenChar: SOFT, minWordLength: options.leftMin + options.rightMin });
  const exceptions = new Map(options.exceptions.map((e) => [e.replace(/-/g, '').toLowerCase(), breaksOf(e, '-')]));
  const cache = new Map<string, number[]>();
  return (word) => {
    let breaks = cache.get(word);
    if (breaks) return breaks;
    const exception = exceptions.get(word.toLowerCase());
    breaks = (exception ?? breaksOf(hyphenate(word), SOFT)).filter((at) => at >= options.leftMin && word.length - at >= options.rightMin);
    cache.set(word, breaks);
    return breaks;
  };
}

function breaksOf(marked: string, mark: string): number[] {
  const breaks: number[] = [];
  let letters = 0;
  for (const char of marked) {
    if (char === mark) breaks.push(letters);
    else letters += char.length;
  }
  return breaks;
}
