// The one document model every reader produces and every writer consumes.
// Types only: this module imports nothing, so nothing can leak into it.

export interface Book {
  metadata: Metadata;
  chapters: Chapter[];
  /** Where the pages of our print edition begin, when it was set: for an ebook's page list. */
  printPages?: PrintPage[];
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
}

export interface CoverImage {
  data: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** Alternative text for readers who cannot see it. */
  alt: string;
}

export interface Chapter {
  /** Stable, file-name-safe id ("ch01"). */
  id: string;
  title: Inline[];
  blocks: Block[];
  /** Where the chapter came from, for messages. */
  source: string;
}

export type Block = Paragraph | Heading | SceneBreak | BlockQuote;

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
