import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { build, type BuildResult } from '../../src/build.ts';
import { epubcheck, missingTool, ROOT, run, tempDir } from '../helpers/tools.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/photos');
const CHAPTER = path.join(FIXTURE, 'manuscript/01-the-harbour.md');
const sourceLine = (text: string) => readFileSync(CHAPTER, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;

/** pdfimages -list: each image's page and pixels per inch as placed. */
async function placedImages(pdf: string): Promise<{ page: number; width: number; ppi: number }[]> {
  const { stdout } = await run('pdfimages', ['-list', pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .map((cells) => ({ page: Number(cells[0]), width: Number(cells[3]), ppi: Number(cells[12]) }));
}

const pageText = async (pdf: string, page: number) => (await run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'])).stdout;

describe('photographs in print', () => {
  const out = tempDir();
  let result: BuildResult;
  const pdf = path.join(out, 'a-summer-by-the-sea.pdf');
  before(async () => {
    result = await build({ config: path.join(FIXTURE, 'book.config.json'), out, formats: ['epub', 'pdf'], now: new Date(1700000000000) });
  });

  it('places an image at 300 pixels to the inch or more unless the author asks for it larger', { skip: missingTool('pdfimages') }, async () => {
    const images = await placedImages(pdf);
    assert.equal(images.length, 3);
    for (const image of images.filter((i) => i.width !== 600)) assert.ok(image.ppi >= 300, `an image prints at ${image.ppi} ppi`);
    // The 600-pixel postcard asked for the text's whole width: 145 ppi.
    assert.ok(images.find((i) => i.width === 600)!.ppi < 160);
  });

  it('warns of an image printed below 300 ppi, naming its file, its line and its ppi', () => {
    const warnings = result.warnings.filter((w) => w.message.includes('pixels per inch'));
    assert.equal(warnings.length, 1, JSON.stringify(result.warnings));
    assert.match(warnings[0]!.file, /01-the-harbour\.md$/);
    assert.match(warnings[0]!.message, new RegExp(`^an image \\(line ${sourceLine('postcard.png')}\\) prints at 14\\d pixels per inch .*use one at least 1\\d{3} pixels wide`));
  });

  it('floats a figure that does not fit to the top of the next page while the text goes on', { skip: missingTool('pdfimages') }, async () => {
    const postcard = (await placedImages(pdf)).find((i) => i.width === 600)!;
    const before = await pageText(pdf, postcard.page - 1);
    assert.match(before, /There were other pictures/, 'the paragraph after the figure is set on the page before it');
    const lines = (await pageText(pdf, postcard.page)).split('\n').filter((line) => line.trim() && !/^(A Summer by the Sea|\d+)$/.test(line.trim()));
    assert.equal(lines[0], 'The cousin’s postcard, 1938', 'the figure, then its caption, open the next page');
  });

  it('gives the EPUB the width the author asked for, and passes EPUBCheck', { skip: missingTool('java', ['-version']) }, async () => {
    const epub = path.join(out, 'a-summer-by-the-sea.epub');
    const zip = await JSZip.loadAsync(readFileSync(epub));
    const chapter = await zip.file('OEBPS/ch01.xhtml')!.async('string');
    assert.match(chapter, /<img src="[^"]+" alt="The cousin's postcard, 1938" style="width: 100%"\/>/);
    assert.equal(chapter.match(/style="width/g)?.length, 1, 'only the image that asked for a width has one');
    assert.deepEqual((await epubcheck(epub)).messages, []);
  });
});
