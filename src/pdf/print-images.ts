// Pictures made ready for a PDF/X-1a press: colour only as grey or CMYK, no transparency.
import type { Block, Book, ImageData } from '../model/index.ts';

export type PressColour = 'gray' | 'cmyk';

/**
 * The book with every illustration re-encoded for the press: a black-and-white interior's in grey,
 * a colour interior's in CMYK, as JPEG (quality 92) flattened on white paper, so no picture brings
 * RGB or an alpha channel (a soft mask, which PDF/X-1a forbids) into the interior. Pixel sizes are
 * kept, so pages are set as before. Each distinct picture is converted once.
 */
export async function pressReadyImages(book: Book, colour: PressColour): Promise<Book> {
  const { default: sharp } = await import('sharp');
  const converted = new Map<string, Promise<ImageData>>();
  const convert = (image: ImageData): Promise<ImageData> => {
    let done = converted.get(image.id);
    if (!done) {
      const pipeline = sharp(image.data).flatten({ background: '#ffffff' });
      const coloured = pipeline.toColourspace(colour === 'gray' ? 'b-w' : 'cmyk');
      done = coloured
        .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
        .toBuffer()
        .then((data) => ({ ...image, data: new Uint8Array(data), mediaType: 'image/jpeg' as const }));
      converted.set(image.id, done);
    }
    return done;
  };
  const blocks = async (list: readonly Block[]): Promise<Block[]> =>
    Promise.all(
      list.map(async (block): Promise<Block> => {
        switch (block.kind) {
          case 'figure':
            return { ...block, image: await convert(block.image) };
          case 'blockQuote':
          case 'division':
            return { ...block, blocks: await blocks(block.blocks) };
          case 'list':
            return { ...block, items: await Promise.all(block.items.map(blocks)) };
          default:
            return block;
        }
      }),
    );
  const chapters = await Promise.all(book.chapters.map(async (chapter) => ({ ...chapter, blocks: await blocks(chapter.blocks) })));
  return { ...book, chapters };
}
