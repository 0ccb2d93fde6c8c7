import { z } from 'zod';

// Longer than any title, name or path: a field of megabytes is a mistake (a file pasted in), and
// would take minutes to set.
const MAX_FIELD = 2000;
const nonEmpty = (what: string, max = MAX_FIELD) => z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} is longer than ${max} characters`);

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

const chapterFile = z.union([
  nonEmpty('a chapter path'),
  z.strictObject({
    file: nonEmpty('file'),
    title: nonEmpty('title').optional(),
    short: nonEmpty('short').optional().describe('The title as running heads show it, when the whole title is too long for them.'),
  }),
]);

const partEntry = z.strictObject({
  part: nonEmpty('part').describe('The part\'s title, shown on its own page and in the contents.'),
  chapters: z.array(chapterFile).min(1, 'a part needs at least one chapter'),
});

const chapterEntry = z.union([chapterFile, partEntry]);

/** Front or back matter: Markdown written in the config, or a file. */
const matter = z.union([
  nonEmpty('the text', 200_000),
  z.strictObject({
    file: nonEmpty('file'),
    title: nonEmpty('title').optional(),
  }),
]);

export const CONTRIBUTOR_ROLES = {
  author: 'aut',
  editor: 'edt',
  translator: 'trl',
  illustrator: 'ill',
  foreword: 'aui',
  introduction: 'aui',
  afterword: 'aft',
  narrator: 'nrt',
  'cover designer': 'cov',
  photographer: 'pht',
} as const;

const person = z.union([
  nonEmpty('author'),
  z.strictObject({
    name: nonEmpty('name'),
    role: z.enum(Object.keys(CONTRIBUTOR_ROLES) as [keyof typeof CONTRIBUTOR_ROLES]).default('author'),
    fileAs: nonEmpty('fileAs').optional().describe('The name as sorted: "Doyle, Arthur Conan".'),
  }),
]);

/** ISBN-10 or ISBN-13, hyphens and spaces allowed, with a correct check digit. */
export function isbnDigits(text: string): string | null {
  const digits = text.replace(/^ISBN(-1[03])?:?\s*/i, '').replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{13}$/.test(digits)) {
    const sum = [...digits].reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0 ? digits : null;
  }
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((total, d, i) => total + (d === 'X' ? 10 : Number(d)) * (10 - i), 0);
    return sum % 11 === 0 ? digits : null;
  }
  return null;
}

const typography = z.strictObject({
  quotes: z.boolean().default(true).describe('Curl straight quotes and apostrophes.'),
  dashes: z.boolean().default(true).describe('Turn --, spaced hyphens and interrupted speech into dashes.'),
  ellipses: z.boolean().default(true).describe('Turn ... into an ellipsis.'),
  spaces: z.boolean().default(true).describe('Collapse runs of spaces and add no-break spaces where typography needs them.'),
  dash: z.enum(['em', 'spaced-en', 'spaced-em']).optional().describe('How a dash is set: closed-up em dash, spaced en dash or spaced em dash; by default as the book\'s language sets it (English closed-up em, French and German spaced en, Russian spaced em).'),
  singleQuotesFirst: z.boolean().optional().describe('Use single quotes for the outer level (British style); defaults from the language.'),
});

const notes = z.strictObject({
  numbering: z.enum(['chapter', 'book']).default('chapter').describe('Number notes afresh in each chapter, or through the whole book.'),
  ebook: z.enum(['chapter', 'book']).default('chapter').describe('Where the ebook sets its notes: at the end of each chapter, or in an Endnotes division at the end of the book.'),
  print: z.enum(['footnotes', 'endnotes']).default('footnotes').describe('Where the print edition sets its notes: at the foot of the page, or grouped by chapter at the back of the book.'),
  marker: z.enum(['number', 'symbol']).default('number').describe('Mark notes with numbers, or with * † ‡ § ‖ ¶ (restarting on every printed page).'),
});

export const NOTE_DEFAULTS = { numbering: 'chapter', ebook: 'chapter', print: 'footnotes', marker: 'number' } as const;

const length = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?(pt|in|mm|cm)$/, 'must be a number of points or a length such as "0.75in" or "18mm"')]);

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as "#rrggbb"');

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
      regular: nonEmpty('regular').optional(),
      italic: nonEmpty('italic').optional(),
      bold: nonEmpty('bold').optional(),
      boldItalic: nonEmpty('boldItalic').optional(),
      fallback: z
        .array(nonEmpty('a fallback face'))
        .max(4, 'at most 4 fallback faces')
        .optional()
        .describe('OTF/TTF faces for characters the book’s face lacks (a Noto CJK or Tibetan face, say), tried in order before the bundled DejaVu faces.'),
    })
    .refine((font) => font.regular || !(font.italic || font.bold || font.boldItalic), { message: 'is required with an italic or bold face: the regular face of the same font', path: ['regular'] })
    .optional()
    .describe('Paths to your own OTF/TTF faces; the bundled EB Garamond otherwise.'),
  runningHeads: z
    .strictObject({
      verso: z.enum(['author', 'title', 'chapter']).default('author'),
      recto: z.enum(['author', 'title', 'chapter']).default('title'),
    })
    .optional()
    .describe('What the running heads show over left (verso) and right (recto) pages: "author" (a piece\'s own byline where it has one), "title" (the book\'s shortTitle or title) or "chapter" (the chapter\'s short title or title); by default the author over left pages and the title over right ones.'),
  chapterStart: z
    .enum(['recto', 'any', 'continuous'])
    .optional()
    .describe('Where a chapter opens: "recto" (default), a right-hand page; "any", the next page; "continuous", below the piece before after a space (anthologies of short pieces, poetry).'),
  contents: z
    .strictObject({
      depth: z.number().int().min(1).max(2).default(1).describe('1: chapters; 2: chapters and their sections.'),
    })
    .optional()
    .describe('What the printed contents lists (chapters only, unless depth is 2).'),
  pod: z
    .strictObject({
      printer: z.enum(['kdp', 'ingramspark']).describe('The print-on-demand printer whose rules the cover and the interior follow.'),
      paper: z.enum(['white', 'cream', 'color']).default('white').describe('The interior paper: white, cream, or (premium) colour; sets the spine width.'),
      binding: z.enum(['paperback']).default('paperback'),
      spine: length.optional().describe('The spine width the printer\'s cover template gives for the final page count, as "0.53in"; IngramSpark needs it (it publishes no per-page figure).'),
    })
    .refine((pod) => pod.printer !== 'ingramspark' || pod.spine !== undefined, { message: 'IngramSpark publishes no per-page spine figure: give the spine width its cover template generator shows for your page count, as "0.53in"', path: ['spine'] })
    .optional()
    .describe('Make the paperback\'s full-wrap cover (<name>-cover.pdf) for this printer, and check the interior against its rules (book check --print).'),
  pdfx: z.enum(['x-1a']).optional().describe('Write the interior and the cover as PDF/X-1a:2001 (printers that ask for it: IngramSpark).'),
  cover: z
    .strictObject({
      background: colour.optional().describe('The wrap\'s background colour, as "#1f2a36"; the generated cover\'s otherwise.'),
      text: colour.optional().describe('The colour of the wrap\'s text, as "#f3ead8".'),
      authorPhoto: nonEmpty('authorPhoto').optional().describe('A photograph of the author for the back (JPEG or PNG), relative to this file.'),
      authorBio: nonEmpty('authorBio', 2000).optional().describe('A few lines about the author for the back, in Markdown, beside the photograph.'),
    })
    .optional()
    .describe('Colours of the print cover.'),
  hyphenation: z
    .strictObject({
      enabled: z.boolean().default(true),
      leftMin: z.number().int().min(1).max(10).default(2),
      rightMin: z.number().int().min(1).max(10).default(3),
      exceptions: z.array(z.string().regex(/^[\p{L}-]+$/u, 'must be a word with hyphens at its allowed breaks, like "ta-ble"')).default([]),
    })
    .default({ enabled: true, leftMin: 2, rightMin: 3, exceptions: [] }),
});

/** A book's ids in the stores (see model/stores.ts for the addresses made from them). */
const storeLinks = z
  .strictObject({
    amazon: z.string().regex(/^[A-Z0-9]{10}$/, 'must be an ASIN: 10 capital letters and digits, as "B0C1234567"').optional(),
    apple: z.string().regex(/^(id)?\d+$/, 'must be the number in the Apple Books address, as "1234567890"').optional(),
    kobo: z.string().regex(/^[a-z0-9-]+$/, 'must be the slug in the Kobo address, as "the-tide-clock"').optional(),
    google: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be the id= in the Google Play address').optional(),
    bn: z.string().regex(/^97[89]\d{10}$|^2940\d{9}$/, 'must be the book\'s EAN: its ISBN-13, or the 2940… number B&N Press gives').optional(),
    universal: z.string().regex(/^https:\/\/\S+$/, 'must be an https:// address').optional(),
  })
  .describe('The book in the stores: { amazon: ASIN, apple: id, kobo: slug, google: id, bn: EAN, universal: https address }.');

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  title: nonEmpty('title').describe('The book title.'),
  subtitle: nonEmpty('subtitle').optional(),
  shortTitle: nonEmpty('shortTitle').optional().describe('The title as the running heads of the print edition show it, when the whole title is too long for them.'),
  author: z.union([nonEmpty('author'), z.array(person).min(1, 'needs at least one author')]).describe('One author, or a list of names and { name, role, fileAs } for editors, translators …'),
  language: bcp47.describe('BCP 47 language tag of the text: "en", "en-GB", "fr", "de" …'),
  chapters: z.array(chapterEntry).min(1, 'needs at least one chapter').describe('Chapter files or globs in reading order, relative to this file; { part, chapters } groups them into a part.'),
  identifier: nonEmpty('identifier').optional().describe('A URN or ISBN; by default a urn:uuid derived from title and author.'),
  publisher: nonEmpty('publisher').optional(),
  rights: nonEmpty('rights').optional().describe('The copyright page\'s rights line: a preset ("all-rights-reserved", "public-domain", "cc0", "cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "cc-by-nc-sa-4.0") or your own words; without it, "© <year> <author>" alone.'),
  description: nonEmpty('description', 20000).optional(),
  date: isoDate.optional().describe('Publication date, ISO 8601.'),
  isbn: z
    .string()
    .refine((text) => isbnDigits(text) !== null, 'is not a valid ISBN (13 digits, or 10, with a correct check digit)')
    .optional()
    .describe('The ISBN: printed on the copyright page and used as the identifier.'),
  edition: nonEmpty('edition').optional().describe('"First edition", printed on the copyright page.'),
  credits: z.array(nonEmpty('a credit')).default([]).describe('Lines for the copyright page: "Cover design by …".'),
  series: z
    .strictObject({
      name: nonEmpty('name'),
      position: z.number().positive().optional(),
    })
    .optional()
    .describe('The series the book belongs to, and its place in it.'),
  subjects: z.array(nonEmpty('a subject')).default([]).describe('Subjects or genres ("Fiction / Mystery").'),
  dedication: matter.optional().describe('Markdown, or { file }.'),
  epigraph: matter.optional().describe('Markdown, or { file }; an attribution line may start with a dash.'),
  acknowledgements: matter.optional().describe('Markdown, or { file, title }.'),
  afterword: matter.optional().describe('Markdown, or { file, title }.'),
  aboutAuthor: matter.optional().describe('Markdown, or { file, title }.'),
  backCover: matter.optional().describe('The print cover\'s back: Markdown, or { file }; the description otherwise.'),
  links: storeLinks.optional().describe('This book in the stores, for the page asking for a review: each store\'s edition links to its own store.'),
  askForReview: z
    .union([z.boolean(), nonEmpty('askForReview', 2000)])
    .optional()
    .describe('A last page in the ebooks asking readers for a review, linked to this book in each store\'s edition (needs links): true for the standard words, or your own sentence. Never in print.'),
  alsoBy: z
    .array(z.union([nonEmpty('a title'), z.strictObject({ title: nonEmpty('title'), links: storeLinks })]))
    .default([])
    .describe('Other books by the author, listed on an also-by page: a title, or { title, links } to link it in each store\'s edition.'),
  manuscript: z
    .strictObject({
      txtAsMarkdown: z.boolean().default(false).describe('Read .txt chapters as Markdown (Leanpub, Scrivener exports).'),
      resources: z.array(nonEmpty('a folder')).default([]).describe('Folders searched for images a chapter names, after its own folder (like pandoc --resource-path); a resources/ folder beside the chapters is searched without being named.'),
    })
    .default({ txtAsMarkdown: false, resources: [] })
    .describe('How chapter files are read.'),
  formats: z
    .array(z.enum(['epub', 'kepub', 'pdf', 'text', 'kindle', 'apple', 'kobo', 'google', 'bn', 'generic']))
    .min(1, 'needs at least one format')
    .default(['epub', 'pdf'])
    .describe('What `book build` makes: epub, kepub (Kobo), pdf, text, and store editions kindle, apple, kobo, google, generic (<name>.<store>.epub, linking to that store).'),
  epub: z
    .strictObject({
      embedFonts: z.boolean().default(false).describe('Embed the print faces in the EPUB (Apple Books is told to use them).'),
    })
    .default({ embedFonts: false }),
  cover: nonEmpty('cover').optional().describe('Cover image (JPEG or PNG, ideally 1600 × 2560 pixels), relative to this file.'),
  coverAlt: nonEmpty('coverAlt').optional().describe('Alternative text of the cover image.'),
  output: z
    .strictObject({
      dir: nonEmpty('dir').default('dist'),
      name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a plain file name (letters, digits, . _ -)').optional(),
    })
    .default({ dir: 'dist' }),
  notes: notes.default(NOTE_DEFAULTS).describe('How footnotes ([^1] and ^[…] in Markdown) are numbered and where each edition sets them.'),
  typography: typography.default({ quotes: true, dashes: true, ellipses: true, spaces: true }),
  print: print.default({
    trim: '5.5x8.5',
    margins: {},
    fontSize: 11,
    hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] },
  }),
});

export type RawConfig = z.infer<typeof configSchema>;
export type ChapterEntry = z.infer<typeof chapterEntry>;
export type ChapterFile = z.infer<typeof chapterFile>;
export type MatterEntry = z.infer<typeof matter>;
export type TypographyOptions = z.infer<typeof typography>;
export type PrintOptions = z.infer<typeof print>;
export type NoteOptions = z.infer<typeof notes>;
export type Length = z.infer<typeof length>;
