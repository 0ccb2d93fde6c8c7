import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { configSchema } from '../../src/config/schema.ts';
import { layOutWrap } from '../../src/cover/print-wrap.ts';
import { overlaps } from '../../src/cover/wrap.ts';
import type { Block, Book } from '../../src/model/index.ts';
import { bundledFallbackFiles, bundledFontFiles, FontSet } from '../../src/typeset/fonts.ts';

const fonts = FontSet.load(bundledFontFiles(), undefined, bundledFallbackFiles());
const print = (pod: object, cover?: object) => configSchema.parse({ title: 'T', author: 'A', language: 'en', chapters: ['x.md'], print: { trim: '6x9', pod, ...(cover ? { cover } : {}) } }).print;
const paragraph = (value: string): Block => ({ kind: 'paragraph', content: [{ kind: 'text', value }] });
const blurb = 'Sherlock Holmes and Dr. Watson are called to Dartmoor, where the heir of the Baskervilles is said to be haunted by a spectral hound that has followed his family for generations.';

function book(extra: Partial<Book> = {}, isbn?: string): Book {
  return { metadata: { title: 'The Hound of the Baskervilles', authors: ['Arthur Conan Doyle'], language: 'en', identifier: 'x', modified: '2026-01-01T00:00:00Z', ...(isbn ? { isbn } : {}) }, chapters: [], backCover: [paragraph(blurb), paragraph(blurb)], ...extra };
}

const lay = (b: Book, pages: number, pod: object = { printer: 'kdp' }, cover?: object) => layOutWrap(b, { print: print(pod, cover), fonts, pages, trimWidth: 432, trimHeight: 648 })!;

describe('the paperback cover’s layout', () => {
  it('keeps everything but the barcode out of the barcode area, with the blurb, a photograph, lines and an ISBN', async () => {
    const photo = { data: new Uint8Array(await sharp({ create: { width: 400, height: 500, channels: 3, background: '#777777' } }).jpeg().toBuffer()), mediaType: 'image/jpeg' as const, width: 400, height: 500, alt: 'A' };
    const long = Array.from({ length: 6 }, () => paragraph(blurb));
    const sheet = lay(book({ backCover: long, authorCard: { photo, bio: [paragraph('Arthur Conan Doyle was a doctor in Southsea before he was a writer.')] } }, '9780306406157'), 300);
    assert.ok(sheet.occupied.length >= 5, sheet.occupied.map((o) => o.what).join(', '));
    for (const thing of sheet.occupied) assert.ok(!overlaps(thing.rect, sheet.geometry.barcode), `${thing.what} runs into the barcode area`);
    // Every text line on the back stays inside the back panel's safe area.
    const g = sheet.geometry;
    for (const group of sheet.text.filter((t) => !t.transform)) {
      for (const line of group.lines.filter((l) => l.x < g.spine.x)) {
        assert.ok(line.x >= g.back.x + g.safe && line.x + line.runs.reduce((w, r) => Math.max(w, r.x + r.width), 0) <= g.spine.x - g.safe + 0.5, 'inside the back');
        assert.ok(line.baseline <= g.back.y + g.back.height - g.safe, 'above the bottom safe edge');
      }
    }
    // And not only as declared (the barcode's own black digits are the one group allowed there): no drawn line's ink (baseline less its ascent, to a descender below) crosses the barcode box.
    const box = g.barcode;
    for (const group of sheet.text.filter((t) => !t.transform && t.colour[3] !== 1)) {
      for (const line of group.lines) {
        const right = line.x + line.runs.reduce((w, r) => Math.max(w, r.x + r.width), 0);
        const size = line.runs[0]?.size ?? 0;
        const crosses = line.x < box.x + box.width && right > box.x && line.baseline - size < box.y + box.height && line.baseline + size * 0.3 > box.y;
        assert.ok(!crosses, `"${line.runs.map((r) => r.text).join('')}" crosses the barcode area`);
      }
    }
    assert.ok(sheet.photo && sheet.photo.ppi > 300);
    assert.deepEqual(sheet.warnings, []);
  });

  it('shrinks a long blurb to fit above the barcode, and says what it left off when even 8 pt is too large', () => {
    const fitting = lay(book({ backCover: Array.from({ length: 16 }, () => paragraph(blurb)) }), 300);
    assert.deepEqual(fitting.warnings, []);
    const backText = fitting.text.find((t) => t.lines.some((l) => l.runs.some((r) => r.text.includes('Dartmoor'))))!;
    assert.ok(backText.lines[0]!.runs[0]!.size < 13, 'set smaller than 13 pt to fit');
    const tooLong = lay(book({ backCover: Array.from({ length: 40 }, () => paragraph(blurb)) }), 300);
    assert.match(tooLong.warnings.join('\n'), /does not fit above the barcode area even at 8 pt: \d+ of its \d+ lines were left off/);
  });

  it('puts text on the spine only where the printer allows it and the spine holds 6 pt type', () => {
    assert.equal(lay(book(), 79).spineText, false);
    assert.match(lay(book(), 79).warnings.join('\n'), /KDP allows it from 80 pages, and the book has 79/);
    // 80 pages of white paper: 0.18 in, too thin for legible type.
    assert.equal(lay(book(), 80).spineText, false);
    assert.match(lay(book(), 80).warnings.join('\n'), /too narrow for legible text/);
    const thick = lay(book(), 300);
    assert.equal(thick.spineText, true);
    const spine = thick.text.find((t) => t.transform)!;
    assert.deepEqual(spine.transform!.slice(0, 4), [0, 1, -1, 0], 'turned a quarter clockwise: read top to bottom');
  });

  it('warns of a front picture below 300 pixels to the inch, naming the size it needs', () => {
    const cover = { data: new Uint8Array(0), mediaType: 'image/jpeg' as const, width: 1000, height: 1500, alt: 'c' };
    const b = book();
    b.metadata.cover = cover;
    const sheet = lay(b, 300);
    assert.ok(sheet.image && sheet.image.ppi < 300);
    assert.match(sheet.warnings.join('\n'), /the cover image prints at 16\d pixels to the inch .*use one of at least 1838 × 2775 pixels/);
  });

  it('takes the colours of print.cover, as CMYK', () => {
    const sheet = lay(book(), 300, { printer: 'kdp' }, { background: '#000000', text: '#ffffff' });
    assert.deepEqual(sheet.fills[0]!.colour, [0, 0, 0, 1]);
    assert.deepEqual(sheet.text[0]!.colour, [0, 0, 0, 0]);
  });

  it('names the cover’s characters no face has, once', () => {
    const b = book();
    b.metadata.title = '\u{16A0}\u{16A2} Runes';
    const sheet = lay(b, 300);
    assert.equal(sheet.warnings.filter((w) => w.includes('no face has a glyph')).length, 1);
    assert.match(sheet.warnings.join('\n'), /2 characters of the cover's text, which print as empty boxes: "ᚠ" U\+16A0, "ᚢ" U\+16A2/);
  });
});
