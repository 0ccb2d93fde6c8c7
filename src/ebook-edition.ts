import { readFileSync } from 'node:fs';
import type { NoteOptions } from './config/schema.ts';
import { jpegCover } from './cover/raster.ts';
import { typographicCover } from './cover/typographic.ts';
import type { Book, EmbeddedFont, PrintPage } from './model/index.ts';
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
  const embeddedFonts = request.embedFonts ? embeddedFaces(faces) : undefined;
  return { ...book, metadata: { ...book.metadata, cover }, embeddedFonts };
}

function embeddedFaces(faces: Record<Style, string>): EmbeddedFont[] {
  const seen = new Set<string>();
  // The ebook's code keeps the reading system's own monospace face.
  return STYLES.filter((style) => style !== 'mono').flatMap((style) => {
    const file = faces[style];
    if (seen.has(file)) return [];
    seen.add(file);
    const data = readFileSync(file);
    const format = data.subarray(0, 4).toString('latin1') === 'OTTO' ? ('otf' as const) : ('ttf' as const);
    return [{ style: style === 'italic' || style === 'boldItalic' ? ('italic' as const) : ('normal' as const), weight: style.startsWith('bold') ? (700 as const) : (400 as const), data, format }];
  });
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
