import { readFileSync } from 'node:fs';
import type { NoteOptions } from './config/schema.ts';
import { jpegCover } from './cover/raster.ts';
import { typographicCover } from './cover/typographic.ts';
import { subsetFace } from './epub/font-subset.ts';
import type { Block, Book, EmbeddedFont, Inline, PrintPage } from './model/index.ts';
import { mapBlockInlines } from './model/walk.ts';
import { STYLES, type FontFiles, type Style } from './typeset/fonts.ts';

export type EbookVariant = 'epub' | 'kepub';

/** Everything the ebooks are made from. */
export interface EbookRequest {
  book: Book;
  /** The print faces: drawn on a generated cover, embedded when asked for. */
  faces: FontFiles;
  embedFonts: boolean;
  variants: readonly EbookVariant[];
  notes?: NoteOptions;
}

/** What only the ebook carries: a cover (the author's, else one drawn and rendered as a JPEG) and the embedded faces. */
async function ebookEdition(request: EbookRequest): Promise<Book> {
  const { book, faces } = request;
  const cover = book.metadata.cover ?? (await jpegCover(typographicCover(book.metadata, faces.regular)));
  const embeddedFonts = request.embedFonts ? await embeddedFaces(faces, book) : undefined;
  return { ...book, metadata: { ...book.metadata, cover }, embeddedFonts };
}

/** Every character the book's text holds: chapters, notes, titles and the metadata the front pages show. */
function bookText(book: Book): string {
  // Image bytes are no text.
  return JSON.stringify([book.metadata, book.chapters], (_, value: unknown) => (value instanceof Uint8Array ? undefined : value));
}

/** Which styles the book sets: italic and bold only where it has emphasis, strong text or notes (bold numbers); bold italic where they meet. */
export function stylesUsed(book: Book): Set<Style> {
  const used = new Set<Style>(['regular', 'italic']);
  const visit = (inlines: readonly Inline[], italic: boolean, bold: boolean) => {
    for (const node of inlines) {
      const nowItalic = italic || node.kind === 'emphasis';
      const nowBold = bold || node.kind === 'strong';
      if (nowBold) used.add(nowItalic ? 'boldItalic' : 'bold');
      if ('children' in node) visit(node.children, nowItalic, nowBold);
    }
  };
  const visitBlocks = (blocks: readonly Block[], italic: boolean) => {
    for (const block of blocks) {
      // Subheadings are set in italic: strong text there is bold italic.
      const italicBlock = italic || (block.kind === 'heading' && block.level >= 2);
      mapBlockInlines([block], (inlines) => (visit(inlines, italicBlock, false), inlines));
    }
  };
  for (const chapter of book.chapters) {
    if (chapter.notes?.length) used.add('bold');
    visit(chapter.title, false, false);
    if (chapter.subtitle) visit(chapter.subtitle, true, false);
    // Dedications and epigraphs are set in italic too.
    visitBlocks(chapter.blocks, chapter.role === 'dedication' || chapter.role === 'epigraph');
    for (const note of chapter.notes ?? []) visitBlocks(note.blocks, false);
  }
  return used;
}

/** The print faces for the EPUB: the styles the book uses, each cut down to the characters it shows. */
async function embeddedFaces(faces: Record<Style, string>, book: Book): Promise<EmbeddedFont[]> {
  const seen = new Set<string>();
  const used = stylesUsed(book);
  const text = bookText(book);
  const embedded: EmbeddedFont[] = [];
  // The ebook's code keeps the reading system's own monospace face.
  for (const style of STYLES.filter((style) => style !== 'mono' && used.has(style))) {
    const file = faces[style];
    if (seen.has(file)) continue;
    seen.add(file);
    const data = readFileSync(file);
    const format = data.subarray(0, 4).toString('latin1') === 'OTTO' ? ('otf' as const) : ('ttf' as const);
    embedded.push({ style: style === 'italic' || style === 'boldItalic' ? 'italic' : 'normal', weight: style.startsWith('bold') ? 700 : 400, data: await subsetFace(data, format, text), format });
  }
  return embedded;
}

/**
 * The EPUB archives asked for, in the order of `request.variants` (`printPages` maps them to the print
 * edition's pages), and the cover they carry, as a JPEG for the stores' upload forms.
 */
export async function renderEbooks(request: EbookRequest, printPages: PrintPage[] | undefined): Promise<{ archives: Buffer[]; cover: Uint8Array }> {
  const { renderEpub } = await import('./epub/write.ts');
  const ebook = { ...(await ebookEdition(request)), printPages };
  const archives: Buffer[] = [];
  for (const variant of request.variants) archives.push(await renderEpub(ebook, { kobo: variant === 'kepub', notes: request.notes }));
  // The stores' upload forms take a JPEG: an author's PNG is converted for the file beside the book.
  return { archives, cover: (await jpegCover(ebook.metadata.cover!)).data };
}
