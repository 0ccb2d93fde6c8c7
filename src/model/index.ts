// The one document model every reader produces and every writer consumes.
// Types only: this module imports nothing, so nothing can leak into it.

export interface Book {
  metadata: Metadata;
  /** Every division in reading order: front matter, parts and chapters, back matter. */
  chapters: Chapter[];
  /** The print cover's back: the author's blurb, or the description's paragraphs. */
  backCover?: Block[];
  /** The author on the print cover's back: a photograph and a few lines. */
  authorCard?: { photo?: CoverImage; bio?: Block[] };
  /** Where the pages of our print edition begin, when it was set: for an ebook's page list. */
  printPages?: PrintPage[];
  /** Faces an ebook may carry so it looks like the print edition (regular, italic, bold, bold italic). */
  embeddedFonts?: EmbeddedFont[];
}

export interface EmbeddedFont {
  style: 'normal' | 'italic';
  weight: 400 | 700;
  data: Uint8Array;
  format: 'ttf' | 'otf';
}

/** Print page `label` begins with block `block` of chapter `chapter` (-1: the chapter's title). */
export interface PrintPage {
  label: string;
  chapter: number;
  block: number;
}

export interface Metadata {
  title: string;
  subtitle?: string;
  /** The title for running heads, when the author gave one. */
  shortTitle?: string;
  authors: string[];
  /** BCP 47 tag, e.g. "en", "en-GB", "fr". */
  language: string;
  /** A URN or ISBN; derived from title and authors when the config gives none. */
  identifier: string;
  publisher?: string;
  rights?: string;
  description?: string;
  /** ISO 8601 publication date, when known. */
  date?: string;
  /** ISO 8601 instant the build stands for (SOURCE_DATE_EPOCH, else now): the EPUB's dcterms:modified. */
  modified: string;
  cover?: CoverImage;
  /** People other than the authors: translators, editors, illustrators … */
  contributors?: Contributor[];
  /** "Sorted as" forms of the authors' names ("Doyle, Arthur Conan"), parallel to `authors` where given. */
  authorsFileAs?: (string | undefined)[];
  isbn?: string;
  edition?: string;
  /** Lines for the copyright page: "Cover design by …". */
  credits?: string[];
  series?: { name: string; position?: number };
  subjects?: string[];
  /** Other books by the author, for an also-by page. */
  alsoBy?: string[];
}

export interface Contributor {
  name: string;
  /** MARC relator code: "trl", "edt", "ill", "aui" (foreword) … */
  role: string;
  fileAs?: string;
}

export interface CoverImage {
  data: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png' | 'image/svg+xml';
  width: number;
  height: number;
  /** Alternative text for readers who cannot see it. */
  alt: string;
  /** Drawn by the builder from the title and author because the book has no cover of its own. */
  generated?: boolean;
}

/** What a division of the book is; chapters are the body, the rest frame it. */
export type DivisionRole = 'chapter' | 'part' | 'dedication' | 'epigraph' | 'acknowledgments' | 'aboutAuthor' | 'alsoBy' | 'afterword' | 'review';

export interface Chapter {
  /** Stable, file-name-safe id ("ch01", "part1", "dedication"). */
  id: string;
  role: DivisionRole;
  matter: 'front' | 'body' | 'back';
  /** The id of the part this chapter belongs to. */
  part?: string;
  title: Inline[];
  /** A second line under the title (front matter `subtitle`). */
  subtitle?: Inline[];
  /** Who wrote this piece, under its title: an anthology's contributors (front matter `author`). */
  byline?: string[];
  /** The title as running heads show it, when the whole is too long for them (front matter `short`). */
  shortTitle?: string;
  blocks: Block[];
  /** The notes its text refers to (see NoteReference), in the order of their first reference. */
  notes?: Note[];
  /** Where the chapter came from, for messages. */
  source: string;
  /** Only the ebooks carry it (a page asking for a review, whose point is its link): print and text leave it out. */
  ebookOnly?: true;
}

/**
 * A footnote or endnote: its own blocks, kept apart from the text. Where it is set (the foot of
 * the page, the end of the chapter or the book) and how it is numbered are the writers' choice.
 */
export interface Note {
  /** Unique in its chapter: what the author called it (`[^storm]`), or one the reader made up. */
  id: string;
  blocks: Block[];
}

export type Block = Paragraph | Heading | SceneBreak | BlockQuote | Figure | List | CodeBlock | Table | Division | Verse;

export interface Paragraph {
  kind: 'paragraph';
  content: Inline[];
}

/** A heading inside a chapter (the chapter's own title is Chapter.title). */
export interface Heading {
  kind: 'heading';
  /** 2 for a section inside a chapter, deeper for sub-sections. */
  level: number;
  content: Inline[];
  /** Book-wide unique anchor, for links and the contents ("ch03-the-storm"). */
  id?: string;
}

export interface SceneBreak {
  kind: 'sceneBreak';
}

/** An illustration on a line of its own, with its text alternative and an optional caption. */
export interface Figure {
  kind: 'figure';
  image: ImageData;
  /** What the image shows, for readers who cannot see it; empty for a purely decorative image. */
  alt: string;
  caption?: Inline[];
  /** The width the author asked for; without it, the image's own size (in print, at 300 pixels to the inch). */
  width?: FigureWidth;
  /** Where it stands in its chapter file (1-based), where the reader knows. */
  line?: number;
}

/** A width asked for: a share of the text's width (0 to 1), or a length in inches. */
export type FigureWidth = { share: number } | { inches: number };

export interface ImageData {
  /** Stable, file-name-safe id ("img-1"); the same file has the same id wherever it appears. */
  id: string;
  data: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

export interface BlockQuote {
  kind: 'blockQuote';
  blocks: Block[];
}

/** A bulleted or numbered list; each item is blocks of its own (an empty item keeps its number). */
export interface List {
  kind: 'list';
  ordered: boolean;
  /** The first item's number, for an ordered list. */
  start: number;
  items: Block[][];
  /** A task list's boxes, item by item: ticked, unticked, or null for an item without one. */
  tasks?: (boolean | null)[];
}

/** Preformatted text (code, ASCII art): white space kept, never justified or hyphenated. */
export interface CodeBlock {
  kind: 'codeBlock';
  value: string;
  language?: string;
  /** The source line it starts on, for messages. */
  line?: number;
}

export type ColumnAlignment = 'left' | 'center' | 'right' | null;

/** A table of rows of cells, with a header row. */
export interface Table {
  kind: 'table';
  align: ColumnAlignment[];
  head: Inline[][];
  rows: Inline[][][];
  line?: number;
}

/** A group of blocks the author marked (a fenced div, an HTML div): its classes, and centring. */
export interface Division {
  kind: 'division';
  classes: string[];
  align?: 'center';
  blocks: Block[];
}

/** Verse: stanzas of lines, each line set on its own, turned over with a hanging indent when too long. */
export interface Verse {
  kind: 'verse';
  stanzas: VerseLine[][];
}

export interface VerseLine {
  /** Leading spaces the poet typed, as indentation in ems (one per space). */
  indent: number;
  content: Inline[];
}

export type Inline = Text | Emphasis | Strong | Code | Literal | LineBreak | Link | Styled | Span | NoteReference;

export interface Text {
  kind: 'text';
  value: string;
}

export interface Emphasis {
  kind: 'emphasis';
  children: Inline[];
}

export interface Strong {
  kind: 'strong';
  children: Inline[];
}

/** Literal text that typography passes never touch. */
export interface Code {
  kind: 'code';
  value: string;
}

/** Plain text kept exactly as typed (an escaped quote, a URL, raw HTML shown as text). */
export interface Literal {
  kind: 'literal';
  value: string;
}

/** A hard line break inside a paragraph (verse lines). */
export interface LineBreak {
  kind: 'lineBreak';
}

/**
 * A link: a web or mail address, or `#id` for a place in this book (a chapter's or a heading's id).
 * Its children are the words a reader sees.
 */
export interface Link {
  kind: 'link';
  /** The address for every edition; '' when only store editions link (see `stores`). */
  href: string;
  children: Inline[];
  /** The same book in each store: a store's edition links there instead (see model/stores.ts). */
  stores?: StoreLinks;
}

/** Where a book is sold: a store's own id for it, and an address for every store (a universal link). */
export interface StoreLinks {
  /** Amazon's ASIN. */
  amazon?: string;
  /** Apple Books' numeric id. */
  apple?: string;
  /** Kobo's slug ("the-tide-clock"). */
  kobo?: string;
  /** Google Play Books' id. */
  google?: string;
  /** Barnes & Noble's id: the book's EAN (its ISBN-13, or the 2940… number B&N Press gives an ebook without one). */
  bn?: string;
  /** An address that sends each reader to their store (books2read and the like). */
  universal?: string;
}

/** An edition made for one store's shelves; generic links only to universal addresses. */
export type Store = 'kindle' | 'apple' | 'kobo' | 'google' | 'bn' | 'generic';

export type InlineStyle = 'strikethrough' | 'superscript' | 'subscript' | 'smallCaps' | 'underline';

/** Text set otherwise than the words around it. */
export interface Styled {
  kind: 'styled';
  style: InlineStyle;
  children: Inline[];
}

/** Words the author marked with classes (a bracketed span, an HTML span): styled by the EPUB's CSS where it can. */
export interface Span {
  kind: 'span';
  classes: string[];
  children: Inline[];
}

/** Where the text refers to one of its chapter's notes (Chapter.notes); it carries no number of its own. */
export interface NoteReference {
  kind: 'noteRef';
  id: string;
}
