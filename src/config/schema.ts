import { z } from 'zod';

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const bcp47 = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as "en", "en-GB" or "fr"')
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'is not a valid BCP 47 language tag (try "en", "en-GB", "de" or "fr")');

const isoDate = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/,
    'must be an ISO 8601 date such as "2024-05-01"',
  )
  .refine((s) => !Number.isNaN(Date.parse(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s)), 'is not a real date');

const chapterEntry = z.union([
  nonEmpty('a chapter path'),
  z.strictObject({
    file: nonEmpty('file'),
    title: nonEmpty('title').optional(),
  }),
]);

const typography = z.strictObject({
  quotes: z.boolean().default(true).describe('Curl straight quotes and apostrophes.'),
  dashes: z.boolean().default(true).describe('Turn --, spaced hyphens and interrupted speech into dashes.'),
  ellipses: z.boolean().default(true).describe('Turn ... into an ellipsis.'),
  spaces: z.boolean().default(true).describe('Collapse runs of spaces and add no-break spaces where typography needs them.'),
  dash: z.enum(['em', 'spaced-en']).default('em').describe('How a dash is set: closed-up em dash or spaced en dash.'),
  singleQuotesFirst: z.boolean().optional().describe('Use single quotes for the outer level (British style); defaults from the language.'),
});

const length = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?(pt|in|mm|cm)$/, 'must be a number of points or a length such as "0.75in" or "18mm"')]);

const print = z.strictObject({
  trim: z
    .union([
      z.enum(['5x8', '5.25x8', '5.5x8.5', '6x9', 'A5']),
      z.strictObject({ width: length, height: length }),
    ])
    .default('5.5x8.5')
    .describe('Trim size: a named size or { width, height }.'),
  margins: z
    .strictObject({
      inner: length.optional(),
      outer: length.optional(),
      top: length.optional(),
      bottom: length.optional(),
    })
    .default({}),
  fontSize: z.number().min(6).max(24).default(11).describe('Body size in points.'),
  leading: z.number().min(6).max(40).optional().describe('Baseline-to-baseline distance in points (default 1.25 × fontSize).'),
  indent: z.number().min(0).max(72).optional().describe('Paragraph indent in points (default 1.5 × fontSize).'),
  font: z
    .strictObject({
      regular: nonEmpty('regular'),
      italic: nonEmpty('italic').optional(),
      bold: nonEmpty('bold').optional(),
      boldItalic: nonEmpty('boldItalic').optional(),
    })
    .optional()
    .describe('Paths to your own OTF/TTF faces; the bundled EB Garamond otherwise.'),
  hyphenation: z
    .strictObject({
      enabled: z.boolean().default(true),
      leftMin: z.number().int().min(1).max(10).default(2),
      rightMin: z.number().int().min(1).max(10).default(3),
      exceptions: z.array(z.string().regex(/^[\p{L}-]+$/u, 'must be a word with hyphens at its allowed breaks, like "ta-ble"')).default([]),
    })
    .default({ enabled: true, leftMin: 2, rightMin: 3, exceptions: [] }),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  title: nonEmpty('title').describe('The book title.'),
  subtitle: nonEmpty('subtitle').optional(),
  author: z.union([nonEmpty('author'), z.array(nonEmpty('author')).min(1, 'needs at least one author')]).describe('One author, or a list.'),
  language: bcp47.describe('BCP 47 language tag of the text: "en", "en-GB", "fr", "de" …'),
  chapters: z.array(chapterEntry).min(1, 'needs at least one chapter').describe('Chapter files or globs in reading order, relative to this file.'),
  identifier: nonEmpty('identifier').optional().describe('A URN or ISBN; by default a urn:uuid derived from title and author.'),
  publisher: nonEmpty('publisher').optional(),
  rights: nonEmpty('rights').optional(),
  description: nonEmpty('description').optional(),
  date: isoDate.optional().describe('Publication date, ISO 8601.'),
  cover: nonEmpty('cover').optional().describe('Cover image (JPEG or PNG, ideally 1600 × 2560 pixels), relative to this file.'),
  coverAlt: nonEmpty('coverAlt').optional().describe('Alternative text of the cover image.'),
  output: z
    .strictObject({
      dir: nonEmpty('dir').default('dist'),
      name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a plain file name (letters, digits, . _ -)').optional(),
    })
    .default({ dir: 'dist' }),
  typography: typography.default({ quotes: true, dashes: true, ellipses: true, spaces: true, dash: 'em' }),
  print: print.default({
    trim: '5.5x8.5',
    margins: {},
    fontSize: 11,
    hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] },
  }),
});

export type RawConfig = z.infer<typeof configSchema>;
export type ChapterEntry = z.infer<typeof chapterEntry>;
export type TypographyOptions = z.infer<typeof typography>;
export type PrintOptions = z.infer<typeof print>;
export type Length = z.infer<typeof length>;
