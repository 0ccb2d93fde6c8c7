import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatedJpegCover, jpegCover, STORE_COVER } from '../../src/cover/raster.ts';
import { typographicCover } from '../../src/cover/typographic.ts';
import { inspectImage } from '../../src/manuscript/image-file.ts';
import { bundledFontFiles } from '../../src/typeset/fonts.ts';

const text = { title: 'The Long Way Home', subtitle: 'A Novel', authors: ['Jane Roe'] };

describe('the generated cover', () => {
  const cover = typographicCover(text, bundledFontFiles().regular);
  const svg = new TextDecoder().decode(cover.data);

  it('draws title and author as outlines in the book’s face', () => {
    assert.match(svg, /viewBox="0 0 1600 2560"/);
    assert.ok((svg.match(/<path /g) ?? []).length >= 3, 'title, subtitle and author drawn as outlines');
    assert.equal(cover.alt, 'Cover: The Long Way Home: A Novel, by Jane Roe');
  });

  it('sets the author large enough to read in a store’s 120-pixel thumbnail', () => {
    // The author's line is the last path; its capitals' height from the path's extent.
    const author = [...svg.matchAll(/<path fill="[^"]+" d="([^"]+)"/g)].at(-1)![1]!;
    const ys = [...author.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])).filter((_, i) => i % 2 === 1);
    const capHeight = Math.max(...ys) - Math.min(...ys);
    // Seven pixels of capital at 120 pixels wide is the least a reader makes out.
    assert.ok((capHeight * 120) / 1600 >= 7, `capitals ${capHeight.toFixed(0)} units tall: ${((capHeight * 120) / 1600).toFixed(1)} px in a thumbnail`);
  });

  it('is rendered as a JPEG at the stores’ size, the same bytes every time (and from the build cache)', async () => {
    const first = await jpegCover(cover);
    const second = await jpegCover(cover);
    assert.equal(first.mediaType, 'image/jpeg');
    assert.deepEqual([first.width, first.height], [STORE_COVER.width, STORE_COVER.height]);
    const inspected = inspectImage(Buffer.from(first.data), 'cover.jpg');
    assert.deepEqual([inspected.mediaType, inspected.width, inspected.height], ['image/jpeg', 1600, 2560]);
    assert.ok(Buffer.from(first.data).equals(Buffer.from(second.data)));
    assert.equal(first.alt, cover.alt);
  });

  it('leaves a JPEG cover as given', async () => {
    const jpeg = await jpegCover(cover);
    assert.equal(await jpegCover(jpeg), jpeg);
  });
});

describe('the cover file beside the book', () => {
  it('is written as <name>-cover.jpg with the ebooks, for the stores’ upload forms', async () => {
    const { build } = await import('../../src/build.ts');
    const { ROOT, tempDir } = await import('../helpers/tools.ts');
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const result = await build({ config: path.join(ROOT, 'book.config.json'), out: tempDir(), formats: ['epub'], now: new Date(0) });
    const cover = result.files.find((file) => file.format === 'cover');
    assert.ok(cover && path.basename(cover.path) === 'crait-cover.jpg', JSON.stringify(result.files));
    assert.deepEqual(inspectImage(readFileSync(cover.path), 'crait-cover.jpg'), { mediaType: 'image/jpeg', width: 1600, height: 2560 });
    assert.equal(result.files[0]!.format, 'epub');
  });

  it('is kept in the build cache by what it is drawn from: the same JPEG as drawing and rendering it, without drawing it again', async () => {
    const drawn = await jpegCover(typographicCover(text, bundledFontFiles().regular));
    const kept = await generatedJpegCover(text, bundledFontFiles().regular);
    assert.ok(Buffer.from(kept.data).equals(Buffer.from(drawn.data)));
    assert.deepEqual([kept.width, kept.height, kept.mediaType, kept.alt, kept.generated], [drawn.width, drawn.height, drawn.mediaType, drawn.alt, true]);
    const again = await generatedJpegCover({ ...text }, bundledFontFiles().regular);
    assert.ok(Buffer.from(again.data).equals(Buffer.from(kept.data)));
    const other = await generatedJpegCover({ ...text, title: 'Another Title' }, bundledFontFiles().regular);
    assert.ok(!Buffer.from(other.data).equals(Buffer.from(kept.data)), 'another title, another cover');
  });
});
