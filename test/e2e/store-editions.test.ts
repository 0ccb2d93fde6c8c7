import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import sharp from 'sharp';
import { build, type BuildResult } from '../../src/build.ts';
import { inspectImage } from '../../src/manuscript/image-file.ts';
import { epubcheck, missingTool, SHARED, tempDir } from '../helpers/tools.ts';

// One book, an edition for each store: links to the author's other books go to that store, images
// keep to the store's limits, every edition valid.
const LINKS = { amazon: 'B0C1234567', apple: '1234567890', kobo: 'the-salt-road', google: 'AbCdEf_1', bn: '9781234567897', universal: 'https://books2read.com/salt-road' };
const EXPECTED = {
  kindle: 'https://www.amazon.com/dp/B0C1234567',
  apple: 'https://books.apple.com/book/id1234567890',
  kobo: 'https://www.kobo.com/ebook/the-salt-road',
  google: 'https://play.google.com/store/books/details?id=AbCdEf_1',
  bn: 'https://www.barnesandnoble.com/w/?ean=9781234567897',
  generic: 'https://books2read.com/salt-road',
} as const;

const OWN_LINKS = { amazon: 'B0CRAIT000', apple: '9876543210', kobo: 'crait', google: 'CrAiT_9', bn: '2940000000017' };
const OWN_EXPECTED: Partial<Record<string, string>> = {
  kindle: 'https://www.amazon.com/dp/B0CRAIT000',
  apple: 'https://books.apple.com/book/id9876543210',
  kobo: 'https://www.kobo.com/ebook/crait',
  google: 'https://play.google.com/store/books/details?id=CrAiT_9',
  bn: 'https://www.barnesandnoble.com/w/?ean=2940000000017',
};

describe('store editions', () => {
  let result: BuildResult;
  const dir = tempDir('book-stores-');
  before(async () => {
    mkdirSync(path.join(dir, 'manuscript'));
    writeFileSync(path.join(dir, 'manuscript/01-crait.txt'), readFileSync(path.join(SHARED, 'manuscript/01-crait.txt')));
    writeFileSync(path.join(dir, 'manuscript/02-map.md'), '# The Map\n\nThe coast, drawn large.\n\n![The coast](big.png)\n\nAnd the shoals, as photographed.\n\n![The shoals](noisy.png)\n');
    // 6 megapixels (over Apple's 5.6), and a file over Kobo's 5 MB.
    await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#8a7' } }).png().toFile(path.join(dir, 'manuscript/big.png'));
    await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png({ compressionLevel: 0 }).toFile(path.join(dir, 'manuscript/noisy.png'));
    const config = {
      title: 'Crait',
      author: 'A. Writer',
      language: 'en',
      chapters: ['manuscript/*.txt', 'manuscript/*.md'],
      alsoBy: [{ title: 'The Salt Road', links: LINKS }, 'A Book Nowhere Yet', { title: 'Only on Kindle', links: { amazon: 'B0C7654321' } }],
      // This book in four stores, with no universal address: the plain and generic editions have nowhere to send a review.
      links: OWN_LINKS,
      askForReview: true,
      formats: ['epub', 'kindle', 'apple', 'kobo', 'google', 'bn', 'generic', 'text'],
    };
    writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify(config));
    result = await build({ config: path.join(dir, 'book.config.json'), now: new Date(0) });
  });

  const epubOf = (format: string) => result.files.find((file) => file.format === format)!.path;
  const entries = async (format: string) => JSZip.loadAsync(readFileSync(epubOf(format)));

  it('writes <name>.<store>.epub for each store asked for', () => {
    assert.deepEqual(result.files.map((file) => path.basename(file.path)), ['crait.txt', 'crait.epub', 'crait.kindle.epub', 'crait.apple.epub', 'crait.kobo.epub', 'crait.google.epub', 'crait.bn.epub', 'crait.generic.epub', 'crait-cover.jpg']);
  });

  for (const [store, address] of Object.entries(EXPECTED)) {
    it(`${store}: the also-by page links to ${new URL(address).host}, and only there`, async () => {
      // The kepub's sentence spans taken out.
      const page = (await (await entries(store)).file('OEBPS/also-by.xhtml')!.async('string')).replace(/<span class="koboSpan" id="[^"]+">|<\/span>/g, '');
      const hrefs = [...page.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      assert.equal(hrefs[0], address);
      if (store === 'kindle') assert.deepEqual(hrefs, [address, 'https://www.amazon.com/dp/B0C7654321']);
      else assert.deepEqual(hrefs, [address], 'a title only another store sells is not linked');
      assert.match(page, /<em>A Book Nowhere Yet<\/em>/);
    });
  }

  it('the plain EPUB links to the universal address; the text edition has the titles alone', async () => {
    const page = await (await entries('epub')).file('OEBPS/also-by.xhtml')!.async('string');
    assert.deepEqual([...page.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]), ['https://books2read.com/salt-road']);
    const text = readFileSync(result.files.find((file) => file.format === 'text')!.path, 'utf8');
    assert.match(text, /\nThe Salt Road\n/);
    assert.doesNotMatch(text, /https:/);
  });

  it('keeps each store’s image limits, and says what it reduced', async () => {
    for (const store of Object.keys(EXPECTED)) {
      const zip = await entries(store);
      for (const name of Object.keys(zip.files).filter((n) => /images\/img-/.test(n))) {
        const data = await zip.file(name)!.async('nodebuffer');
        const { width, height } = inspectImage(data, name);
        if (store === 'apple') assert.ok(width * height <= 5_600_000, `${store} ${name}: ${width} × ${height}`);
        if (store === 'kobo') assert.ok(data.length <= 5_000_000, `${store} ${name}: ${data.length} bytes`);
      }
    }
    const messages = result.warnings.map((w) => `${w.file}: ${w.message}`);
    assert.ok(messages.some((m) => /02-map\.md: .*3000 × 2000.*apple edition: Apple Books takes at most 5\.6 megapixels/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /02-map\.md: .*kobo edition: Kobo takes files of at most 5 MB/.test(m)), messages.join('\n'));
  });

  it('asks for a review on a last page linked to this book in each store, where the edition has a link for it', async () => {
    for (const store of ['epub', ...Object.keys(EXPECTED)]) {
      const zip = await entries(store);
      const page = await zip.file('OEBPS/review.xhtml')?.async('string');
      const address = OWN_EXPECTED[store];
      if (!address) {
        assert.equal(page, undefined, `${store}: no review page without an address for the book`);
        continue;
      }
      assert.ok(page, `${store}: a review page`);
      const hrefs = [...page.replace(/<span class="koboSpan" id="[^"]+">|<\/span>/g, '').matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      assert.deepEqual(hrefs, [address], store);
      assert.match(page, /Enjoyed This Book\?/);
      const opf = await zip.file('OEBPS/content.opf')!.async('string');
      const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]!);
      assert.match(spine.at(-1)!, /review/, `${store}: the review page comes last`);
    }
    const text = readFileSync(result.files.find((file) => file.format === 'text')!.path, 'utf8');
    assert.doesNotMatch(text, /review/i, 'the text edition has no review page');
  });

  it('the Kindle edition links to sections, never to a <body> (KDP drops such targets)', async () => {
    const zip = await entries('kindle');
    const documents = Object.keys(zip.files).filter((name) => name.endsWith('.xhtml'));
    for (const name of documents) assert.doesNotMatch(await zip.file(name)!.async('string'), /<body[^>]*\sid=/, `${name} gives its <body> an id`);
    // And every link inside the book finds its target.
    const ids = new Map<string, Set<string>>();
    for (const name of documents) ids.set(path.posix.basename(name), new Set([...(await zip.file(name)!.async('string')).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    for (const name of documents) {
      for (const [, file, id] of (await zip.file(name)!.async('string')).matchAll(/<a [^>]*href="([^"#:]*\.xhtml)?#([^"]+)"/g)) {
        const target = file ? path.posix.basename(file) : path.posix.basename(name);
        assert.ok(ids.get(target)?.has(id!), `${name}: a link to ${target}#${id} finds nothing`);
      }
    }
  });

  it('the Kobo edition is a kepub', async () => {
    assert.match(await (await entries('kobo')).file('OEBPS/ch01.xhtml')!.async('string'), /class="koboSpan"/);
  });

  it('passes EPUBCheck 5, every edition', { skip: missingTool('java', ['-version']) }, async () => {
    for (const store of Object.keys(EXPECTED)) assert.deepEqual((await epubcheck(epubOf(store))).messages, [], store);
  });
});
