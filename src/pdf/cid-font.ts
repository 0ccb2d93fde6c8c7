import { createHash } from 'node:crypto';

/**
 * Glyph claims: which glyphs a page uses and the text each stands for, as unsigned numbers, glyph
 * after glyph: face index, glyph id, count of code points, the code points. A page's claims are
 * complete (every glyph it shows, once), so the document's glyph-to-text map can be rebuilt from
 * its pages in order whether each page was drawn afresh or recalled (see PageRecord).
 */
export type GlyphClaims = Uint32Array;

/** The parts of pdfkit's embedded font (EmbeddedFont) that a font with stable CIDs replaces or reads. */
export interface PdfkitEmbeddedFont {
  id: string;
  scale: number;
  subset: { includeGlyph(id: number): number; cff?: unknown };
  widths: number[];
  unicode: number[][];
  dictionary?: PdfkitReference;
  document: { ref(data?: object): PdfkitReference };
  embed(): void;
  ref(): unknown;
  font: FontkitFontFile;
}

interface PdfkitReference {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array | string): void;
}

/** What embedding reads of the fontkit font. */
interface FontkitFontFile {
  postscriptName?: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight?: number;
  xHeight?: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  post?: { isFixedPitch?: number | boolean };
  head: { macStyle: { italic?: boolean } };
  'OS/2'?: { sFamilyClass?: number };
  getGlyph(id: number): { advanceWidth: number };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}

/** TrueType outlines (glyf), which a CIDToGIDMap can address; CFF-flavoured OpenType cannot be. */
export function hasTrueTypeOutlines(data: Uint8Array): boolean {
  const tag = data.length >= 4 ? ((data[0]! << 24) | (data[1]! << 16) | (data[2]! << 8) | data[3]!) >>> 0 : 0;
  return tag === 0x00010000 || tag === 0x74727565; // 1.0, "true"
}

/**
 * Makes the font's CIDs its glyph ids, so that a page's content stream does not depend on the
 * pages drawn before it (pdfkit numbers a subset's glyphs in the order they are first drawn). The
 * subset is made at the end, in glyph-id order, and a CIDToGIDMap leads each CID to its glyph
 * there. Only for TrueType outlines; the font's glyphs are given by `glyphs` before embedding.
 */
export function useStableCids(font: PdfkitEmbeddedFont, id: string, glyphs: () => ReadonlyMap<number, readonly number[]>): void {
  font.id = id;
  font.subset = { includeGlyph: (glyph) => glyph };
  // Read now, while pages are still coming: fontkit parses these tables when first asked.
  const descriptor = fontDescriptor(font);
  font.embed = () => embedCidFont(font, glyphs(), descriptor);
}

/** The font descriptor's entries but the font program and the name, which depend on the subset. */
function fontDescriptor({ font: file, scale }: PdfkitEmbeddedFont): Record<string, unknown> {
  return {
    Flags: descriptorFlags(file),
    FontBBox: [file.bbox.minX * scale, file.bbox.minY * scale, file.bbox.maxX * scale, file.bbox.maxY * scale],
    ItalicAngle: file.italicAngle,
    Ascent: file.ascent * scale,
    Descent: file.descent * scale,
    CapHeight: (file.capHeight || file.ascent) * scale,
    XHeight: (file.xHeight || 0) * scale,
    StemV: 0,
  };
}

/** The glyphs each face shows and the text each stands for, as the pages claim them in drawing order (the first claim of a glyph holds). */
export function glyphsClaimed(pages: readonly GlyphClaims[], faces: number): Map<number, number[]>[] {
  const glyphs = Array.from({ length: faces }, () => new Map<number, number[]>());
  for (const claims of pages) {
    for (let i = 0; i < claims.length; ) {
      const face = claims[i]!;
      const glyph = claims[i + 1]!;
      const count = claims[i + 2]!;
      const map = glyphs[face]!;
      if (!map.has(glyph)) map.set(glyph, Array.from(claims.subarray(i + 3, i + 3 + count)));
      i += 3 + count;
    }
  }
  return glyphs;
}

function embedCidFont(font: PdfkitEmbeddedFont, glyphs: ReadonlyMap<number, readonly number[]>, entries: Record<string, unknown>): void {
  const { document: doc, font: file, scale } = font;
  const cids = [...new Set([0, ...glyphs.keys()])].sort((a, b) => a - b);
  const subset = file.createSubset();
  const gidOf = new Uint8Array(2 * (cids[cids.length - 1]! + 1));
  for (const cid of cids) {
    const gid = subset.includeGlyph(cid);
    gidOf[2 * cid] = gid >> 8;
    gidOf[2 * cid + 1] = gid & 0xff;
  }
  const name = `${subsetTag(cids, file.postscriptName ?? '')}+${(file.postscriptName ?? 'Font').replaceAll(' ', '_')}`;
  const program = doc.ref();
  program.end(subset.encode());
  const descriptor = doc.ref({ Type: 'FontDescriptor', FontName: name, ...entries, FontFile2: program });
  descriptor.end();
  const cidToGid = doc.ref();
  cidToGid.end(gidOf);
  const descendant = doc.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: widthArray(cids, (cid) => file.getGlyph(cid).advanceWidth * scale),
    CIDToGIDMap: cidToGid,
  });
  descendant.end();
  const toUnicode = doc.ref();
  toUnicode.end(toUnicodeCmap(cids, glyphs));
  const dictionary = font.ref() as PdfkitReference;
  dictionary.data = { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: toUnicode };
  dictionary.end();
}

/** Six capital letters naming this subset of the font (PDF 9.6.4), from the glyphs it holds. */
function subsetTag(cids: readonly number[], fontName: string): string {
  const digest = createHash('sha256').update(fontName).update(Uint32Array.from(cids)).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** The font descriptor's flags (PDF 9.8.2): fixed pitch, serif, symbolic (any CID font), script, italic. */
function descriptorFlags(file: FontkitFontFile): number {
  const familyClass = (file['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2;
  if (file.post?.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (file.head.macStyle.italic || file.italicAngle !== 0) flags |= 1 << 6;
  return flags;
}

/** W: each run of consecutive CIDs as [first [widths…]]. */
function widthArray(cids: readonly number[], width: (cid: number) => number): unknown[] {
  const array: unknown[] = [];
  let run: number[] = [];
  cids.forEach((cid, i) => {
    if (i === 0 || cid !== cids[i - 1]! + 1) {
      run = [];
      array.push(cid, run);
    }
    run.push(width(cid));
  });
  return array;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** The text each glyph stands for, so copying and searching give the words (UTF-16, as ToUnicode maps are written). */
function toUnicodeCmap(cids: readonly number[], glyphs: ReadonlyMap<number, readonly number[]>): string {
  const entries: string[] = [];
  for (const cid of cids) {
    const codePoints = glyphs.get(cid);
    if (!codePoints || codePoints.length === 0) continue;
    const text = String.fromCodePoint(...codePoints);
    let utf16 = '';
    for (let i = 0; i < text.length; i++) utf16 += hex4(text.charCodeAt(i));
    entries.push(`<${hex4(cid)}> <${utf16}>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000><ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
