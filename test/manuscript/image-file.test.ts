import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { inspectImage } from '../../src/manuscript/image-file.ts';
import { BookError } from '../../src/errors.ts';
import { pngImage } from '../helpers/images.ts';

// Issue 24, item 13: a 3.5 MB PNG of 30000 × 30000 pixels took 13.8 GB; a PNG with bad zlib data or
// cut short crashed the PDF writer; a fake JPEG built a PDF that poppler and qpdf reject.

function crc(data: Buffer): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, tail]);
}
function png(width: number, height: number, idat: Buffer, end = true): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', idat), ...(end ? [chunk('IEND', Buffer.alloc(0))] : [])]);
}

const refused = (data: Buffer, pattern: RegExp) => assert.throws(() => inspectImage(data, 'art/x.png'), (error: unknown) => error instanceof BookError && pattern.test(error.message));

describe('an image file', () => {
  it('is measured from its header, and a good PNG passes', () => {
    assert.deepEqual(inspectImage(pngImage(40, 30), 'a.png'), { mediaType: 'image/png', width: 40, height: 30 });
  });

  it('is refused before decoding when its header claims more pixels than any page can use (a decompression bomb)', () => {
    // Thirty thousand pixels square, in a few kilobytes of zeros.
    const started = Date.now();
    refused(png(30000, 30000, deflateSync(Buffer.alloc(1 << 20))), /is 30000 × 30000 pixels \(900 megapixels\), more than any page can use/);
    assert.ok(Date.now() - started < 5000, 'told from the header, not after unpacking');
  });

  it('is refused when its PNG data does not unpack, or the file is cut short', () => {
    refused(png(40, 30, Buffer.from('not zlib at all')), /damaged PNG image/);
    const good = pngImage(40, 30);
    refused(good.subarray(0, good.length - 20), /damaged PNG image/);
  });

  it('is refused when a JPEG has a size but no picture data', () => {
    // Start of image, a frame header of 40 × 30, and nothing after.
    const fake = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x1e, 0x00, 0x28, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    assert.throws(() => inspectImage(fake, 'art/x.jpg'), (error: unknown) => error instanceof BookError && /damaged JPEG image/.test(error.message));
  });
});
