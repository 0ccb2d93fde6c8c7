import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';
import { pngGreyLevels, pngImage } from '../helpers/images.ts';
import { ROOT, tempDir } from '../helpers/tools.ts';

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((command) => !spawnSync(command, ['--version'], { stdio: 'ignore' }).error);

/** Unpacks the EPUB and screenshots one of its documents in headless Chromium, with the book's CSS. */
async function screenshot(epub: string, document: string, size = { width: 600, height: 900 }): Promise<Buffer> {
  const dir = tempDir('book-render-');
  const zip = await JSZip.loadAsync(readFileSync(epub));
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), await entry.async('nodebuffer'));
  }
  const png = path.join(dir, 'shot.png');
  const result = spawnSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--allow-file-access-from-files', `--window-size=${size.width},${size.height}`, `--screenshot=${png}`, `file://${path.join(dir, 'OEBPS', document)}`], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  return readFileSync(png);
}

/** Share of pixels darker than mid-grey: text on a white page. */
function inkShare(png: Buffer): { ink: number; width: number; height: number } {
  const { width, height, grey } = pngGreyLevels(png);
  let dark = 0;
  for (const level of grey) if (level < 128) dark++;
  return { ink: dark / grey.length, width, height };
}

describe('the EPUB in a browser engine', { skip: CHROMIUM ? undefined : 'chromium is not installed (apt-get install chromium)' }, () => {
  const epub = (async () => {
    const out = tempDir();
    const result = await build({ config: path.join(ROOT, 'book.config.json'), out, formats: ['epub'], now: new Date(1700000000000) });
    return result.files[0]!.path;
  })();

  it('renders the first chapter as a page of text, not a blank page', async () => {
    const shot = await screenshot(await epub, 'ch01.xhtml');
    if (process.env.BOOK_KEEP_SCREENSHOT) writeFileSync(process.env.BOOK_KEEP_SCREENSHOT, shot);
    const { ink, width, height } = inkShare(shot);
    assert.deepEqual([width, height], [600, 900]);
    // A page of body text covers roughly 5–15 % of the area with ink; a blank or unstyled error page does not.
    assert.ok(ink > 0.03 && ink < 0.3, `ink covers ${(ink * 100).toFixed(1)} % of the page`);
  });

  // Ink's bounding box: rows and columns with any pixel darker than mid-grey.
  const inkBox = (png: Buffer) => {
    const { width, height, grey } = pngGreyLevels(png);
    let top = height;
    let bottom = -1;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (grey[y * width + x]! < 128) (top = Math.min(top, y)), (bottom = Math.max(bottom, y));
    return { top, bottom, height };
  };
  for (const size of [{ width: 600, height: 800 }, { width: 800, height: 400 }, { width: 1280, height: 800 }]) {
    it(`shows the cover, title, copyright and contents pages and a chapter whole at ${size.width} × ${size.height}`, async () => {
      for (const document of ['cover.xhtml', 'titlepage.xhtml', 'copyright.xhtml', 'toc.xhtml', 'ch01.xhtml']) {
        const shot = await screenshot(await epub, document, size);
        const box = inkBox(shot);
        assert.ok(box.bottom >= 0, `${document}: nothing on the page`);
        if (document === 'cover.xhtml') {
          // The whole cover on the page: a margin of page below it, none of it cut off.
          assert.ok(box.bottom < size.height - 2, `${document}: the cover runs off the page (ink to row ${box.bottom} of ${size.height})`);
        } else if (document !== 'ch01.xhtml') {
          // Front matter in the upper part of the page, well clear of its foot.
          assert.ok(box.bottom < size.height * 0.75, `${document}: text reaches row ${box.bottom} of ${size.height}`);
        }
      }
    });
  }

  it('renders the generated cover', async () => {
    const { ink } = inkShare(await screenshot(await epub, 'cover.xhtml', { width: 400, height: 640 }));
    assert.ok(ink > 0.5, `the dark cover fills the page (${(ink * 100).toFixed(1)} % dark)`);
  });
});

describe('the PNG decoder the render test relies on', () => {
  it('reads grey levels back', () => {
    const { width, height, grey } = pngGreyLevels(pngImage(3, 2));
    assert.deepEqual([width, height, [...grey]], [3, 2, [128, 128, 128, 128, 128, 128]]);
  });
});
