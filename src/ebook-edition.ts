import { readFileSync } from 'node:fs';
import type { NoteOptions } from './config/schema.ts';
import { generatedJpegCover, jpegCover } from './cover/raster.ts';
import { subsetFace } from './epub/font-subset.ts';
import type { Warning } from './errors.ts';
import type { Block, Book, EmbeddedFont, ImageData, Inline, PrintPage, Store } from './model/index.ts';
import { storeAddress, STORES } from './model/stores.ts';
import { mapBlockInlines } from './model/walk.ts';
import { BASE_STYLES, type FontFiles, type Style } from './typeset/fonts.ts';

export type EbookVariant = 'epub' | 'kepub' | Store;

/** What a store takes of an image, and the rule as a warning names it. */
const IMAGE_LIMITS: Partial<Record<Store, { pixels?: number; bytes?: number; rule: string }>> = {
  apple: { pixels: 5_600_000, rule: 'Apple Books takes at most 5.6 megapixels' },
  kobo: { bytes: 5_000_000, rule: 'Kobo takes files of at most 5 MB' },
};

/**
 * The most each store takes in one EPUB file, from the stores' own pages: KDP's upload limit,
 * Apple's and Google Play's 2 GB a file, Kobo's recommended maximum (kobolabs/epub-spec, "Limitations
 * and Maximums").
 */
const FILE_LIMITS: Partial<Record<Store, { bytes: number; rule: string }>> = {
  kindle: { bytes: 650 * 1024 * 1024, rule: 'KDP takes EPUB files of at most 650 MB' },
  apple: { bytes: 2 * 1024 ** 3, rule: 'Apple Books takes files of at most 2 GB' },
  kobo: { bytes: 1024 ** 3, rule: 'Kobo asks for EPUB files of at most 1 GB' },
  google: { bytes: 2 * 1024 ** 3, rule: 'Google Play Books takes files of at most 2 GB' },
};

/** A warning for a store's edition larger than the store takes, naming the rule; undefined within it. */
export function editionSizeWarning(store: Store, bytes: number, file: string): Warning | undefined {
  const limit = FILE_LIMITS[store];
  if (!limit || bytes <= limit.bytes) return undefined;
  return { file, message: `the ${store} edition is ${(bytes / 1048576).toFixed(0)} MB: ${limit.rule}; make its images smaller or fewer` };
}

/** Everything the ebooks are made from. */
export interface EbookRequest {
  book: Book;
  /** The print faces: drawn on a generated cover, embedded when asked for. */
  faces: FontFiles;
  embedFonts: boolean;
  variants: readonly EbookVariant[];
  notes?: NoteOptions;
  /** What warnings about the whole book name: the config file. */
  source: string;
}

/** What only the ebook carries: a cover (the author's, else one drawn and rendered as a JPEG) and the embedded faces. */
async function ebookEdition(request: EbookRequest): Promise<Book> {
  const { book, faces } = request;
  const cover = book.metadata.cover ?? (await generatedJpegCover(book.metadata, faces.regular));
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
async function embeddedFaces(faces: FontFiles, book: Book): Promise<EmbeddedFont[]> {
  const seen = new Set<string>();
  const used = stylesUsed(book);
  const text = bookText(book);
  const embedded: EmbeddedFont[] = [];
  // The ebook's code keeps the reading system's own monospace face.
  for (const style of BASE_STYLES.filter((style) => style !== 'mono' && used.has(style))) {
    const file = faces[style];
    if (seen.has(file)) continue;
    seen.add(file);
    const data = readFileSync(file);
    const format = data.subarray(0, 4).toString('latin1') === 'OTTO' ? ('otf' as const) : ('ttf' as const);
    embedded.push({ style: style === 'italic' || style === 'boldItalic' ? 'italic' : 'normal', weight: style.startsWith('bold') ? 700 : 400, data: await subsetFace(data, format, text), format });
  }
  return embedded;
}

/** An image within the store's limits: scaled down (and a warning naming the rule) when over them. */
async function withinLimits(image: ImageData, store: Store, source: string, warnings: Warning[]): Promise<ImageData> {
  const limit = IMAGE_LIMITS[store];
  if (!limit) return image;
  const pixels = image.width * image.height;
  const overPixels = limit.pixels !== undefined && pixels > limit.pixels;
  const overBytes = limit.bytes !== undefined && image.data.length > limit.bytes;
  if (!overPixels && !overBytes) return image;
  const { default: sharp } = await import('sharp');
  // Pixels scale with the square of the side; bytes roughly so.
  const scale = Math.min(overPixels ? Math.sqrt(limit.pixels! / pixels) : 1, overBytes ? Math.sqrt((limit.bytes! * 0.9) / image.data.length) : 1);
  const width = Math.max(1, Math.floor(image.width * scale));
  const resized = sharp(image.data).resize(width);
  const { data, info } = await (image.mediaType === 'image/png' ? resized.png({ compressionLevel: 9 }) : resized.jpeg({ quality: 85 })).toBuffer({ resolveWithObject: true });
  warnings.push({ file: source, message: `an image of ${image.width} × ${image.height} pixels (${(image.data.length / 1e6).toFixed(1)} MB) was reduced to ${info.width} × ${info.height} in the ${store} edition: ${limit.rule}` });
  return { ...image, data: new Uint8Array(data), width: info.width, height: info.height };
}

/** The blocks with every figure's image within the store's limits (each file once). */
async function storeBlocks(blocks: readonly Block[], store: Store, source: string, warnings: Warning[], done: Map<string, Promise<ImageData>>): Promise<Block[]> {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'figure') {
      if (!done.has(block.image.id)) done.set(block.image.id, withinLimits(block.image, store, source, warnings));
      out.push({ ...block, image: await done.get(block.image.id)! });
    } else if (block.kind === 'blockQuote' || block.kind === 'division') out.push({ ...block, blocks: await storeBlocks(block.blocks, store, source, warnings, done) });
    else if (block.kind === 'list') out.push({ ...block, items: await Promise.all(block.items.map((item) => storeBlocks(item, store, source, warnings, done))) });
    else out.push(block);
  }
  return out;
}

async function storeEdition(book: Book, store: Store, warnings: Warning[], source: string): Promise<Book> {
  if (!IMAGE_LIMITS[store]) return book;
  const done = new Map<string, Promise<ImageData>>();
  const chapters = await Promise.all(book.chapters.map(async (chapter) => ({ ...chapter, blocks: await storeBlocks(chapter.blocks, store, chapter.source, warnings, done) })));
  // The cover keeps to the same limits as the pictures inside.
  const cover = book.metadata.cover;
  if (!cover || cover.mediaType === 'image/svg+xml') return { ...book, chapters };
  const kept = await withinLimits({ id: 'cover', data: cover.data, mediaType: cover.mediaType, width: cover.width, height: cover.height }, store, source, warnings);
  return { ...book, metadata: { ...book.metadata, cover: { ...cover, data: kept.data, width: kept.width, height: kept.height } }, chapters };
}

const isStore = (variant: EbookVariant): variant is Store => (STORES as readonly string[]).includes(variant);

/**
 * The book without its page asking for a review where this edition has nowhere to send the
 * reader: the book has no address in this store and no universal one.
 */
function withReviewIfLinked(book: Book, store: Store | undefined): Book {
  const review = book.chapters.find((chapter) => chapter.role === 'review');
  if (!review) return book;
  const links = review.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.content : [])).find((inline) => inline.kind === 'link');
  const address = links?.kind === 'link' ? (links.stores && store ? storeAddress(links.stores, store) : links.href) : undefined;
  return address ? book : { ...book, chapters: book.chapters.filter((chapter) => chapter !== review) };
}

/**
 * The EPUB archives asked for, in the order of `request.variants` (`printPages` maps them to the print
 * edition's pages), and the cover they carry, as a JPEG for the stores' upload forms. A store's
 * edition links to that store and keeps to its limits (Kobo's is a kepub).
 */
export async function renderEbooks(request: EbookRequest, printPages: PrintPage[] | undefined): Promise<{ archives: Buffer[]; cover: Uint8Array; warnings: Warning[] }> {
  const { renderEpub } = await import('./epub/write.ts');
  const ebook = { ...(await ebookEdition(request)), printPages };
  const archives: Buffer[] = [];
  const warnings: Warning[] = [];
  for (const variant of request.variants) {
    const store = isStore(variant) ? variant : undefined;
    const edition = withReviewIfLinked(store ? await storeEdition(ebook, store, warnings, request.source) : ebook, store);
    const archive = await renderEpub(edition, { kobo: variant === 'kepub' || variant === 'kobo', notes: request.notes, store });
    const tooLarge = store && editionSizeWarning(store, archive.length, request.source);
    if (tooLarge) warnings.push(tooLarge);
    archives.push(archive);
  }
  // The stores' upload forms take a JPEG: an author's PNG is converted for the file beside the book.
  return { archives, cover: (await jpegCover(ebook.metadata.cover!)).data, warnings };
}
