import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_ROOT, codeVersion, digest, keptBytes } from '../cache/files.ts';
import type { CoverImage } from '../model/index.ts';
import { generatedCoverAlt, typographicCover, type CoverText } from './typographic.ts';

/** What stores ask of a cover file: KDP recommends 1600 × 2560; Apple wants at least 1400 pixels wide. */
export const STORE_COVER = { width: 1600, height: 2560 } as const;

// How the JPEG is made; part of the cache key, so a change here renders afresh.
const ENCODING = { quality: 90, mozjpeg: false, chromaSubsampling: '4:4:4' } as const;
const COVERS = path.join(CACHE_ROOT, 'covers');

/**
 * The cover as a JPEG: the generated SVG cover rendered at the stores' size, a PNG converted, a JPEG
 * as given. Every reading system, Kindle's converters and the stores' upload forms take a JPEG; not
 * all take SVG (Calibre's AZW3 then has no cover and the Kindle library no thumbnail). sharp (libvips)
 * renders and encodes, the same input to the same bytes; a rendering (~0.2 s) is kept in the build
 * cache by what it was made from.
 */
export async function jpegCover(cover: CoverImage): Promise<CoverImage> {
  if (cover.mediaType === 'image/jpeg') return cover;
  const { default: sharp } = await import('sharp');
  const name = `cover-jpeg-${digest(cover.data, cover.mediaType, JSON.stringify(ENCODING), sharp.versions.vips, sharp.versions.sharp ?? '')}.jpg`;
  const data = await keptBytes(COVERS, name, async () => {
    const image = cover.mediaType === 'image/svg+xml' ? sharp(cover.data, { density: 72 * (STORE_COVER.width / cover.width) }).resize(STORE_COVER.width, STORE_COVER.height, { fit: 'fill' }) : sharp(cover.data);
    return new Uint8Array(await image.flatten({ background: '#ffffff' }).jpeg(ENCODING).toBuffer());
  });
  // The size is read back from the JPEG itself, so the kept file needs nothing beside it.
  const { width, height } = await sharp(data).metadata();
  return { ...cover, data, mediaType: 'image/jpeg', width: width ?? STORE_COVER.width, height: height ?? STORE_COVER.height };
}

let coverCode: string | undefined;

/**
 * The generated cover as the stores' JPEG, kept in the build cache by what it is drawn from (the
 * title, subtitle and authors, the face's bytes, this folder's code and the installed packages):
 * a rebuild neither draws the SVG (which loads fontkit) nor renders it. The same bytes as
 * jpegCover(typographicCover(…)), which makes it when it is not kept.
 */
export async function generatedJpegCover(text: CoverText, fontFile: string): Promise<CoverImage> {
  coverCode ??= codeVersion(['cover']);
  const wanted: CoverText = { title: text.title, ...(text.subtitle ? { subtitle: text.subtitle } : {}), authors: text.authors };
  const name = `generated-cover-${digest(JSON.stringify(wanted), readFileSync(fontFile), JSON.stringify(ENCODING), coverCode)}.jpg`;
  const data = await keptBytes(COVERS, name, async () => (await jpegCover(typographicCover(wanted, fontFile))).data);
  // Always rendered at the stores' size (see jpegCover).
  return { data, mediaType: 'image/jpeg', width: STORE_COVER.width, height: STORE_COVER.height, alt: generatedCoverAlt(wanted), generated: true };
}
