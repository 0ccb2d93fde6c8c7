// The one document model every reader produces and every writer consumes.
// Types only: this module imports nothing, so nothing can leak into it.

export interface Book {
  metadata: Metadata;
  /** Every division in reading order: front matter, parts and chapters, back matter. */
  chapters: Chapter[];
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
export type DivisionRole = 'chapter' | 'part' | 'dedication' | 'epigraph' | 'acknowledgments' | 'aboutAuthor' | 'alsoBy' | 'afterword';

export interface Chapter {
  /** Stable, file-name-safe id ("ch01", "part1", "dedication"). */
  id: string;
  role: DivisionRole;
  matter: 'front' | 'body' | 'back';
  /** The id of the part this chapter belongs to. */
  part?: string;
  title: Inline[];
  blocks: Block[];
  /** Where the chapter came from, for messages. */
  source: string;
}

export type Block = Paragraph | Heading | SceneBreak | BlockQuote | Figure;

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
}

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

export type Inline = Text | Emphasis | Strong | Code | Literal | LineBreak;

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
