import { BookError } from '../errors.ts';

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Manuscript bytes to text: UTF-8 only, BOM dropped, line ends made "\n". */
export function decodeManuscript(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new BookError(name, `line ${lineAt(bytes, nul)}`, 'looks like a binary file, not text', 'chapters must be plain text or Markdown saved as UTF-8');
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    throw new BookError(name, `line ${lineAt(bytes, invalid)}`, `is not valid UTF-8 (byte 0x${bytes[invalid]!.toString(16).padStart(2, '0')} at offset ${invalid})`, 'save the file as UTF-8 in your editor');
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
