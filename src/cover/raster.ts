import path from 'node:path';
import { CACHE_ROOT, digest, pruneStale, readSealed, writeSealed } from '../cache/files.ts';
import type { CoverImage } from '../model/index.ts';

/** What stores ask of a cover file: KDP recommends 1600 × 2560; Apple wants at least 1400 pixels wide. */
export const STORE_COVER = { width: 1600, height: 2560 } as const;

// How the JPEG is made; part of the cache key, so a change here renders afresh.
const ENCODING = { quality: 90, mozjpeg: false, chromaSubsampling: '4:4:4' } as const;
const COVERS = path.join(CACHE_ROOT, 'covers');

async function encode(cover: CoverImage): Promise<{ data: Buffer; width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  const image = cover.mediaType === 'image/svg+xml' ? sharp(cover.data, { density: 72 * (STORE_COVER.width / cover.width) }).resize(STORE_COVER.width, STORE_COVER.height, { fit: 'fill' }) : sharp(cover.data);
  const { data, info } = await image.flatten({ background: '#ffffff' }).jpeg(ENCODING).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

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
  const file = path.join(COVERS, `cover-${digest(cover.data, cover.mediaType, JSON.stringify(ENCODING), sharp.versions.vips, sharp.versions.sharp ?? '')}.jpg`);
  const kept = readSealed(file);
  if (kept && kept.length > 8) {
    const width = kept.readUInt32BE(kept.length - 8);
    const height = kept.readUInt32BE(kept.length - 4);
    return { ...cover, data: new Uint8Array(kept.subarray(0, kept.length - 8)), mediaType: 'image/jpeg', width, height };
  }
  const { data, width, height } = await encode(cover);
  const size = Buffer.alloc(8);
  size.writeUInt32BE(width, 0);
  size.writeUInt32BE(height, 4);
  if (writeSealed(file, () => Buffer.concat([data, size]))) pruneStale(COVERS);
  return { ...cover, data: new Uint8Array(data), mediaType: 'image/jpeg', width, height };
}
