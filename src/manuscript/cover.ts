import { readFileSync } from 'node:fs';
import type { CoverImage } from '../model/index.ts';
import type { Warning } from '../errors.ts';
import { BookError } from '../errors.ts';
import { inspectImage } from './image-file.ts';

/** Reads and checks the cover: a JPEG or PNG whose size stores accept. */
export function readCover(file: string, name: string, configName: string, alt: string, warnings: Warning[]): CoverImage {
  const cover = readImage(file, name, configName, 'cover', alt, 'the cover');
  const { width, height } = cover;
  if (width < 1600 || height < 2560) warnings.push({ file: name, message: `the cover is ${width} × ${height} pixels; stores ask for at least 1600 × 2560` });
  if (width * height > 5_600_000) warnings.push({ file: name, message: `the cover is ${(width * height / 1e6).toFixed(1)} megapixels; some stores reject more than 5.6` });
  return cover;
}

/** Reads a picture the config names under `key`: a JPEG or PNG, or a one-line error naming the key. */
export function readImage(file: string, name: string, configName: string, key: string, alt: string, what = 'the picture'): CoverImage {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new BookError(configName, key, `"${name}" cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path');
  }
  const { mediaType, width, height } = inspectImage(data, name, what);
  return { data, mediaType, width, height, alt };
}
