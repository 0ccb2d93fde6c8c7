import { realpathSync } from 'node:fs';
import path from 'node:path';

/** True when `target` lies inside `root` (or is root), after resolving symlinks where the file exists. */
export function isInside(root: string, target: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const relative = path.relative(real(root), real(target));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A path as the user should see it in a message: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && relative.length < file.length ? relative : file;
}

/** Natural order, so "2" sorts before "10". */
export const naturalCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** A file-name-safe slug of a title: "The Hound of the Baskervilles" → "the-hound-of-the-baskervilles". */
// A file name holds 255 bytes; the outputs add ".kepub.epub" and the temporary names a dot and a
// process id. A title's first words name the book well enough.
const MAX_SLUG_BYTES = 120;

/** The slug cut at the last hyphen that keeps it within MAX_SLUG_BYTES of UTF-8. */
function shortened(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug;
  const chars = [...slug];
  while (Buffer.byteLength(chars.join('')) > MAX_SLUG_BYTES) chars.pop();
  const cut = chars.join('');
  const word = cut.lastIndexOf('-');
  return word > MAX_SLUG_BYTES / 2 ? cut.slice(0, word) : cut.replace(/-+$/, '');
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return shortened(slug) || 'book';
}
