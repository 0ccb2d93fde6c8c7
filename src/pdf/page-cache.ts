import { createHash } from 'node:crypto';
import { STYLES, type Style } from '../typeset/fonts.ts';
import type { DrawnLine, DrawnPage } from '../typeset/index.ts';

/**
 * A page's text as the PDF writer drew it, for drawing it again when a later build sets the same
 * text on a page (its furniture, page numbers and running heads, is drawn afresh every time):
 * its content stream as written (deflated), the faces it uses in the order it first used them (so
 * the font objects are numbered as a fresh drawing numbers them), and its glyph claims (see
 * GlyphClaims).
 */
export interface PageRecord {
  /** See pageKey: 40 hex digits. */
  key: string;
  stream: Uint8Array;
  faces: number[];
  claims: Uint32Array;
}

/**
 * Names what a page's text draws (its furniture, drawn apart, aside): every line's place and every
 * run's text, face, size and spacing, and the page's design. Undefined for a page with an
 * illustration, whose image objects are the document's and are always drawn afresh.
 */
export function pageKey(page: DrawnPage, design: string): string | undefined {
  const lines = textLines(page);
  // Numbers as their bytes (no formatting: a novel has some 400,000 of them), texts joined apart.
  let count = 0;
  for (const line of lines) {
    if (line.image) return undefined;
    count += 3 + 7 * line.runs.length + (line.rules ? 2 + 3 * line.rules.length : 0);
  }
  if (numbers.length < count) numbers = new Float64Array(count * 2);
  const texts: string[] = [];
  let at = 0;
  for (const line of lines) {
    numbers[at++] = line.x;
    numbers[at++] = line.baseline;
    numbers[at++] = line.runs.length;
    for (const run of line.runs) {
      numbers[at++] = STYLE_NUMBERS[run.style];
      numbers[at++] = run.size;
      numbers[at++] = run.smallCaps ? 1 : 0;
      numbers[at++] = run.wordSpacing;
      numbers[at++] = run.x;
      numbers[at++] = run.text.length;
      numbers[at++] = run.actualText?.length ?? -1;
      texts.push(run.text);
      if (run.actualText) texts.push(run.actualText);
    }
    if (line.rules) {
      numbers[at++] = NaN;
      numbers[at++] = line.rules.length;
      for (const rule of line.rules) {
        numbers[at++] = rule.x;
        numbers[at++] = rule.width;
        numbers[at++] = rule.rise;
      }
    }
  }
  return createHash('sha1').update(`${design.length}:${design}`).update(new Uint8Array(numbers.buffer, 0, at * 8)).update(texts.join('')).digest('hex');
}

let numbers = new Float64Array(1024);

/** The page's lines but its furniture (see DrawnPage.furniture). */
export function textLines(page: DrawnPage): DrawnLine[] {
  return page.furniture ? page.lines.slice(0, page.lines.length - page.furniture) : page.lines;
}

/** The page's furniture lines alone. */
export function furnitureLines(page: DrawnPage): DrawnLine[] {
  return page.furniture ? page.lines.slice(page.lines.length - page.furniture) : [];
}
const STYLE_NUMBERS = Object.fromEntries(STYLES.map((style, i) => [style, i])) as Record<Style, number>;

const MAGIC = 0x42_4b_50_47; // "BKPG"
const FORMAT = 1;
const KEY_BYTES = 20;
/** The version of what drew the pages (see pageCacheVersion in pdf-thread): 24 hex digits after the format. */
const VERSION_BYTES = 24;
/** A digest of the entries follows the count: a stream recalled is copied into the PDF as it is, so a damaged file must not be read. */
const CHECK_AT = 8 + VERSION_BYTES + 4;
const CHECK_BYTES = 20;
const HEAD = CHECK_AT + CHECK_BYTES;

const checksum = (entries: Uint8Array) => createHash('sha1').update(entries).digest();

/** The pages a page-cache file holds, each found by its key; a file that is not one, is damaged, or is of another version, holds none. */
export class PageCache {
  private constructor(
    private readonly bytes: Uint8Array,
    /** For each entry: the offset of its key. */
    private readonly offsets: number[],
  ) {}

  static readonly empty = new PageCache(new Uint8Array(0), []);

  static read(bytes: Uint8Array, version: string): PageCache {
    try {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (view.getUint32(0) !== MAGIC || view.getUint32(4) !== FORMAT) return PageCache.empty;
      if (Buffer.from(bytes.buffer, bytes.byteOffset + 8, VERSION_BYTES).toString('latin1') !== version) return PageCache.empty;
      const count = view.getUint32(8 + VERSION_BYTES);
      if (!checksum(bytes.subarray(HEAD)).equals(bytes.subarray(CHECK_AT, HEAD))) return PageCache.empty;
      const offsets: number[] = [];
      let at = HEAD;
      for (let i = 0; i < count; i++) {
        offsets.push(at);
        const streamLength = view.getUint32(at + KEY_BYTES);
        const claimCount = view.getUint32(at + KEY_BYTES + 4);
        const faceCount = view.getUint8(at + KEY_BYTES + 8);
        at += KEY_BYTES + 9 + faceCount + streamLength + claimCount * 4;
      }
      if (at !== bytes.byteLength) return PageCache.empty;
      return new PageCache(bytes, offsets);
    } catch {
      return PageCache.empty; // shorter than its counts say
    }
  }

  get size(): number {
    return this.offsets.length;
  }

  /** Entry numbers by key. */
  keys(): Map<string, number> {
    const keys = new Map<string, number>();
    this.offsets.forEach((at, entry) => keys.set(Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at, KEY_BYTES).toString('hex'), entry));
    return keys;
  }

  /** An entry; its stream is a view of the file's bytes. */
  page(entry: number): PageRecord {
    const at = this.offsets[entry]!;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const streamLength = view.getUint32(at + KEY_BYTES);
    const claimCount = view.getUint32(at + KEY_BYTES + 4);
    const faceCount = view.getUint8(at + KEY_BYTES + 8);
    let from = at + KEY_BYTES + 9;
    const faces = [...this.bytes.subarray(from, from + faceCount)];
    from += faceCount;
    const stream = this.bytes.subarray(from, from + streamLength);
    from += streamLength;
    const claims = new Uint32Array(claimCount);
    for (let i = 0; i < claimCount; i++) claims[i] = view.getUint32(from + i * 4, true);
    return { key: Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at, KEY_BYTES).toString('hex'), stream, faces, claims };
  }

  /** The file holding the pages, each key once, in the order given. */
  static write(pages: readonly PageRecord[], version: string): Buffer {
    if (version.length !== VERSION_BYTES) throw new Error(`a page cache's version is ${VERSION_BYTES} characters`);
    const seen = new Set<string>();
    const unique = pages.filter((page) => !seen.has(page.key) && seen.add(page.key));
    const size = HEAD + unique.reduce((sum, page) => sum + KEY_BYTES + 9 + page.faces.length + page.stream.byteLength + page.claims.length * 4, 0);
    const out = Buffer.alloc(size);
    out.writeUInt32BE(MAGIC, 0);
    out.writeUInt32BE(FORMAT, 4);
    out.write(version, 8, VERSION_BYTES, 'latin1');
    out.writeUInt32BE(unique.length, 8 + VERSION_BYTES);
    let at = HEAD;
    for (const page of unique) {
      at += out.write(page.key, at, KEY_BYTES, 'hex');
      out.writeUInt32BE(page.stream.byteLength, at);
      out.writeUInt32BE(page.claims.length, at + 4);
      out.writeUInt8(page.faces.length, at + 8);
      at += 9;
      for (const face of page.faces) out[at++] = face;
      out.set(page.stream, at);
      at += page.stream.byteLength;
      for (const claim of page.claims) {
        out.writeUInt32LE(claim, at);
        at += 4;
      }
    }
    out.set(checksum(out.subarray(HEAD)), CHECK_AT);
    return out;
  }
}
