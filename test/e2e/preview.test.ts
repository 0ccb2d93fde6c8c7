import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { build } from '../../src/build.ts';
import { startPreview, type Preview } from '../../src/preview/index.ts';
import { previewState } from '../../src/preview/server.ts';
import { missingTool, ROOT, runCli, tempDir } from '../helpers/tools.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file));
const noBrowser = CHROMIUM ? undefined : 'Chromium is not installed (apt-get install chromium)';

/** The sample book in a folder of its own, so a test may edit its chapter. */
function sampleCopy(): { config: string; chapter: string } {
  const dir = tempDir('book-preview-');
  cpSync(path.join(ROOT, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
  const config = path.join(dir, 'book.config.json');
  const { $schema: _, ...sample } = JSON.parse(readFileSync(path.join(ROOT, 'book.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(config, JSON.stringify(sample));
  return { config, chapter: path.join(dir, 'manuscript/01-crait.txt') };
}

/** A raw GET of a path as written (no normalizing of "..", as a browser would do). */
function status(url: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path: rawPath }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

/** Letters and spaces only: the build curls quotes and sets dashes, which the comparison need not know. */
const letters = (text: string) => text.replace(/[^\p{L}\s]/gu, '').replace(/\s+/g, ' ').trim();
const firstWords = (text: string) => letters(text.split('\n').find((line) => line.trim().length > 40)!).split(' ').slice(0, 8).join(' ');

describe('book preview in a browser', { skip: noBrowser }, () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  let sample: { config: string; chapter: string };
  const shots = tempDir('book-preview-shots-');
  before(async () => {
    sample = sampleCopy();
    preview = await startPreview({ config: sample.config });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
    await page.goto(preview.url);
    await page.waitForFunction(() => (globalThis as unknown as { bookPreview?: { version(): number } }).bookPreview?.version() === 1, null, { timeout: 30000 });
    await page.evaluate(() => (globalThis as unknown as { bookPreview: { ready(): Promise<number> } }).bookPreview.ready());
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  const api = <T>(fn: string, ...args: unknown[]) => page.evaluate(([name, values]) => (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).bookPreview![name as string]!(...(values as unknown[])), [fn, args] as const) as Promise<T>;

  it('is served on 127.0.0.1 only, at a free port', () => {
    assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('shows the first chapter’s text in the reading engine at the phone, e-reader and tablet sizes', async () => {
    const opening = firstWords(readFileSync(sample.chapter, 'utf8'));
    for (const [device, width] of [['phone', 390], ['ereader', 758], ['tablet', 820]] as const) {
      await page.selectOption('#device', device);
      await page.waitForFunction((w) => {
        const { document } = globalThis as unknown as { document: { querySelector(s: string): unknown; getElementById(id: string): { style: { width: string } } } };
        return document.querySelector('#reader iframe') !== null && document.getElementById('screen').style.width === `${w}px`;
      }, width);
      await api('goToChapter', 'ch01.xhtml');
      await page.waitForFunction((words) => (globalThis as unknown as { bookPreview: { ebookText(): string } }).bookPreview.ebookText().replace(/[^\p{L}\s]/gu, '').replace(/\s+/g, ' ').includes(words), opening, { timeout: 10000 });
      const box = await page.locator('#screen').boundingBox();
      assert.equal(Math.round(box!.width), width, `${device} is ${width} pixels wide`);
    }
    await page.selectOption('#device', 'phone');
    await page.selectOption('#theme', 'sepia');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, 'ebook.png') });
  });

  it('shows the print edition’s pages with their text from pdf.js’s text layer', async () => {
    await api('goToPage', 1);
    await page.waitForFunction(() => (globalThis as unknown as { bookPreview: { printText(): string } }).bookPreview.printText().includes('Crait'), null, { timeout: 10000 });
    await api('goToPage', 2);
    await page.waitForFunction(() => (globalThis as unknown as { bookPreview: { printText(): string } }).bookPreview.printText().includes('©'), null, { timeout: 10000 });
    const pages = await page.locator('#spread .page[data-page]').evaluateAll((boxes) => boxes.map((box) => (box as unknown as { dataset: Record<string, string> }).dataset.page));
    assert.deepEqual(pages, ['2', '3'], 'verso and recto side by side');
    await page.screenshot({ path: path.join(shots, 'print.png') });
  });

  it('shows an edited chapter within seconds, without a reload, in the same chapter', async () => {
    await page.selectOption('#view', 'ebook');
    await api('goToChapter', 'ch01.xhtml');
    const before = await page.evaluate(() => performance.timeOrigin);
    appendFileSync(sample.chapter, '\n\nThe salt flats were silent, and the preview saw it.\n');
    await page.waitForFunction(() => (globalThis as unknown as { bookPreview: { ebookText(): string } }).bookPreview.ebookText().includes('the preview saw it'), null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => performance.timeOrigin), before, 'the page was not reloaded');
    assert.ok((await api<number>('version')) >= 2);
  });

  it('refuses every path outside the built files, and lists no folder', async () => {
    for (const raw of ['/../package.json', '/files/../book.config.json', '/files/..%2Fbook.config.json', '/files/book.config.json', '/files/', '/app/', '/manuscript/01-crait.txt', '/%2e%2e/package.json']) {
      assert.equal(await status(preview.url, raw), 404, raw);
    }
    assert.equal(await status(preview.url, '/files/crait.epub'), 200);
  });

  it('says in one line when the port is taken', async () => {
    const port = Number(new URL(preview.url).port);
    await assert.rejects(startPreview({ config: sample.config, port }), /port \d+ is in use/);
  });
});

describe('the preview’s warnings', () => {
  it('link each warning to its chapter in the ebook and its page in print', async () => {
    const { config, chapter } = sampleCopy();
    // A plain-text chapter typed as Markdown: a warning naming the file and line.
    appendFileSync(chapter, '\n\n# A heading typed as Markdown\n');
    const result = await build({ config, out: tempDir(), formats: ['epub', 'pdf'] });
    const state = previewState(result, 1);
    assert.ok(result.warnings.length > 0);
    const warning = state.warnings.find((w) => w.text.includes('looks like Markdown'))!;
    assert.match(warning.text, /01-crait\.txt: line \d+: /);
    assert.equal(warning.epub, 'ch01.xhtml');
    assert.equal(warning.page, result.contents.find((entry) => entry.epub === 'ch01.xhtml')!.page);
    assert.deepEqual(state.files, { epub: 'crait.epub', pdf: 'crait.pdf', cover: undefined });
  });
});

describe('book preview from the command line', { skip: noBrowser }, () => {
  it('prints the address and stops cleanly on Ctrl-C', async () => {
    const { config } = sampleCopy();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/book.js'), 'preview', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address in: ${output}`)), 60000);
      child.stdout.on('data', () => {
        const match = /preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    assert.equal(await status(url, '/'), 200);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, output);
    assert.match(output, /preview stopped/);
  });

  it('names a port in use in one line and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const { config } = sampleCopy();
    const { code, stderr } = await runCli(['preview', '--config', config, '--port', String(port)]);
    blocker.close();
    assert.equal(code, 1);
    assert.equal(stderr.trim(), `error: --port: port ${port} is in use (choose another with --port, or leave --port out for a free one)`);
  });
});

describe('book proof', { skip: missingTool('pdftoppm') }, () => {
  it('writes a contact sheet of the spreads whose size and inked share are those of the pages asked for', async () => {
    const { config } = sampleCopy();
    const png = path.join(tempDir(), 'proof.png');
    const { code, stdout, stderr } = await runCli(['proof', '--config', config, '--pages', '1-6', '--out', png]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /wrote .*proof\.png \(\d+ × \d+ pixels, pages 1–6 of \d+\)/);
    const { width, height } = await sharp(png).metadata();
    // 5.5 × 8.5 in pages at 50 pixels to the inch (275 × 425), spreads [–, 1] [2, 3] [4, 5] [6, –] four to a row, 24 pixels apart.
    assert.equal(width, 24 + 4 * (2 * 275 + 24));
    assert.equal(height, 24 + 425 + 24);
    const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    let paper = 0;
    let ink = 0;
    for (let i = 0; i < data.length; i += 3) {
      const grey = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      if (grey > 250) paper++;
      else if (grey < 160) ink++;
    }
    const pixels = data.length / 3;
    // Six white pages of the eight slots, and text on them.
    assert.ok(paper / pixels > 0.35 && paper / pixels < 0.75, `paper ${(paper / pixels).toFixed(2)}`);
    assert.ok(ink / pixels > 0.002, `ink ${(ink / pixels).toFixed(4)}`);
  });

  it('refuses a range outside the book in one line', async () => {
    const { config } = sampleCopy();
    const { code, stderr } = await runCli(['proof', '--config', config, '--pages', '90-95']);
    assert.equal(code, 1);
    assert.match(stderr.trim(), /^error: --pages: "90-95" is outside the book's pages \(1–\d+\) \(give pages from 1 to \d+\)$/);
  });
});
