// The parts of mammoth's document model (its document transform's input) this reader walks.
// mammoth ships types for its HTML API only; these follow lib/documents.js of mammoth 1.13.
export interface WordRun {
  type: 'run';
  children: WordElement[];
  isBold: boolean;
  isItalic: boolean;
  isUnderline: boolean;
  isStrikethrough: boolean;
  isAllCaps: boolean;
  isSmallCaps: boolean;
  verticalAlignment: 'baseline' | 'superscript' | 'subscript';
  styleName: string | null;
}
export interface WordParagraph {
  type: 'paragraph';
  children: WordElement[];
  styleId: string | null;
  styleName: string | null;
  numbering: { level: string; isOrdered: boolean } | null;
  alignment: string | null;
  indent: { start: string | null; end: string | null; firstLine: string | null; hanging: string | null };
}
export interface WordImage {
  type: 'image';
  altText?: string;
  contentType?: string;
  readAsBuffer(): Promise<Buffer>;
}
export type WordElement =
  | WordParagraph
  | WordRun
  | WordImage
  | { type: 'text'; value: string }
  | { type: 'tab' }
  | { type: 'checkbox'; checked: boolean }
  | { type: 'hyperlink'; children: WordElement[]; href?: string; anchor?: string }
  | { type: 'noteReference'; noteType: 'footnote' | 'endnote'; noteId: string }
  | { type: 'commentReference'; commentId: string }
  | { type: 'table'; children: WordElement[]; styleName: string | null }
  | { type: 'tableRow'; children: WordElement[]; isHeader: boolean }
  | { type: 'tableCell'; children: WordElement[]; colSpan: number; rowSpan: number }
  | { type: 'break'; breakType: 'line' | 'page' | 'column' }
  | { type: 'bookmarkStart'; name: string };

export interface WordNote {
  type: 'note';
  noteType: 'footnote' | 'endnote';
  noteId: string;
  body: WordElement[];
}

export interface WordDocumentElement {
  type: 'document';
  children: WordElement[];
  notes: { _notes: Record<string, WordNote> };
  comments: unknown[];
}
