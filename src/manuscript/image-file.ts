import { inflateSync } from 'node:zlib';
import { BookError } from '../errors.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): [number, number] | null {
  if (data.length < 24 || data.toString('latin1', 12, 16) !== 'IHDR') return null;
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

/** Width and height from a JPEG's start-of-frame segment. */
function jpegSize(data: Buffer): [number, number] | null {
  let i = 2;
  while (i + 9 < data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = data.readUInt16BE(i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return [data.readUInt16BE(i + 7), data.readUInt16BE(i + 5)];
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

/** The type and pixel size of a JPEG or PNG, or a BookError naming it. */
export function inspectImage(data: Buffer, name: string, what = 'the image'): { mediaType: 'image/png' | 'image/jpeg'; width: number; height: number } {
  const isPng = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  if (!isPng && !isJpeg) throw new BookError(name, '', 'is not a JPEG or PNG image', `export ${what} as JPEG or PNG`);
  const size = isPng ? pngSize(data) : jpegSize(data);
  if (!size || size[0] === 0 || size[1] === 0) throw new BookError(name, '', `is a corrupt ${isPng ? 'PNG' : 'JPEG'} image (no size found)`, `export ${what} again`);
  // Told from the header, before anything is decoded: a few megabytes of PNG can unpack to gigabytes.
  const megapixels = (size[0] * size[1]) / 1e6;
  if (megapixels > MAX_MEGAPIXELS) throw new BookError(name, '', `is ${size[0]} × ${size[1]} pixels (${Math.round(megapixels)} megapixels), more than any page can use`, `scale ${what} down to under ${MAX_MEGAPIXELS} megapixels (4000 × 6000 prints a full page at 600 ppi)`);
  if (isPng) checkPngData(data, size[0], size[1], name, what);
  else if (!hasJpegScan(data)) throw new BookError(name, '', 'is a damaged JPEG image (its picture data is missing or cut short)', `export ${what} again`);
  return { mediaType: isPng ? 'image/png' : 'image/jpeg', width: size[0], height: size[1] };
}

/** Larger than any print page or screen needs at any resolution a printer asks for. */
export const MAX_MEGAPIXELS = 100;

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** A PNG's image data must unpack, to no more than its size says: a damaged or cut file is told here, not met by the PDF writer. */
function checkPngData(data: Buffer, width: number, height: number, name: string, what: string): void {
  const bitDepth = data[24]!;
  const channels = PNG_CHANNELS[data[25]!] ?? 4;
  const interlaced = data[28] === 1;
  const rowBytes = Math.ceil((width * channels * bitDepth) / 8) + 1;
  // Interlacing adds a filter byte to each row of each of its seven passes.
  const expected = rowBytes * height + (interlaced ? 7 * height + 7 : 0);
  const chunks: Buffer[] = [];
  let ended = false;
  for (let at = 8; at + 8 <= data.length; ) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > data.length) break;
    if (type === 'IDAT') chunks.push(data.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  let unpacked = 0;
  try {
    if (chunks.length > 0) unpacked = inflateSync(Buffer.concat(chunks), { maxOutputLength: expected + 1024 }).length;
  } catch {
    unpacked = -1;
  }
  if (!ended || unpacked < rowBytes) throw new BookError(name, '', 'is a damaged PNG image (its picture data does not unpack, or the file is cut short)', `export ${what} again`);
}

/** A JPEG holds a scan (SOS) and ends with its end-of-image mark (allowing trailing padding). */
function hasJpegScan(data: Buffer): boolean {
  const tail = data.subarray(Math.max(0, data.length - 4096));
  return data.includes(Buffer.from([0xff, 0xda])) && tail.includes(Buffer.from([0xff, 0xd9]));
}
