import { readFileSync } from 'node:fs';
import type { NoteOptions } from './config/schema.ts';
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

/** What only the ebook carries: a cover (drawn when none is given) and the embedded faces. */
function ebookEdition(request: EbookRequest): Book {
  const { book, faces } = request;
  const metadata = book.metadata.cover ? book.metadata : { ...book.metadata, cover: typographicCover(book.metadata, faces.regular) };
  const embeddedFonts = request.embedFonts ? embeddedFaces(faces) : undefined;
  return { ...book, metadata, embeddedFonts };
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

/** The EPUB archives asked for, in the order of `request.variants`; `printPages` maps them to the print edition's pages. */
export async function renderEbooks(request: EbookRequest, printPages: PrintPage[] | undefined): Promise<Buffer[]> {
  const { renderEpub } = await import('./epub/write.ts');
  const ebook = { ...ebookEdition(request), printPages };
  const archives: Buffer[] = [];
  for (const variant of request.variants) archives.push(await renderEpub(ebook, { kobo: variant === 'kepub', notes: request.notes }));
  return archives;
}
