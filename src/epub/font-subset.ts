import path from 'node:path';
import { CACHE_ROOT, digest, keptBytes } from '../cache/files.ts';

// Characters every EPUB may show beyond the book's own text: what the stylesheet and the builder
// write (scene-break stars, list marks, note numbers, dashes and quotes), so a reading system never
// falls back to another face for them.
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00A0\u202F\u2003‘’“”«»‹›„‚—–−…·•†‡§¶©®™°′″⸺⸻☒☐';

const SUBSETS = path.join(CACHE_ROOT, 'fonts');

/**
 * The face with only the glyphs the text needs (and those its ligatures, small capitals and other
 * OpenType features reach from them), layout tables kept: HarfBuzz's hb-subset through subset-font.
 * EB Garamond's regular face is 490 KB; a novel's subset about 80 KB. A subset (~0.1 s a face) is
 * kept in the build cache by the face and the characters.
 */
export async function subsetFace(data: Uint8Array, format: 'ttf' | 'otf', text: string): Promise<Uint8Array> {
  const characters = [...new Set([...text, ...ALWAYS])].sort().join('');
  return keptBytes(SUBSETS, `subset-${digest(data, characters, format)}.${format}`, async () => {
    const { default: subsetFont } = await import('subset-font');
    return new Uint8Array(await subsetFont(Buffer.from(data), characters));
  });
}
