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
  return { mediaType: isPng ? 'image/png' : 'image/jpeg', width: size[0], height: size[1] };
}
