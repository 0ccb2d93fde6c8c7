import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { settleCacheWrites } from '../../src/cache/files.ts';
import type { PrintOptions } from '../../src/config/schema.ts';
import type { Metadata } from '../../src/model/index.ts';
import { PageCache, pageKey, type PageRecord } from '../../src/pdf/page-cache.ts';
import { pageCacheFile, PdfThread } from '../../src/pdf-thread.ts';
import { pageDesign } from '../../src/typeset/design.ts';
import { bundledFallbackFiles, bundledFontFiles } from '../../src/typeset/fonts.ts';
import type { DrawnPage } from '../../src/typeset/index.ts';
import { missingTool, run, tempDir } from '../helpers/tools.ts';

const print: PrintOptions = { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } };
const metadata = { title: 'Pages', authors: ['A. Writer'], language: 'en', modified: '2023-11-14T22:13:20Z' } as Metadata;
const design = pageDesign(print, 10);
const VERSION = 'v'.repeat(24);

/** A page of a few lines; `italic` sets its second line in italic, so pages meet the faces in different orders. */
function page(text: string, italic = false): DrawnPage {
  return {
    lines: [0, 1, 2].map((i) => ({
      x: design.inner,
      baseline: design.top + 20 + 14 * i,
      runs: [{ x: 0, text: `${text} line ${i}, fine “quotes” — and flourishes`, style: italic && i === 1 ? ('italic' as const) : ('regular' as const), size: 11, smallCaps: false, wordSpacing: 0.5 * i, width: 200 }],
    })),
  };
}

/** The PDF of these pages (body, then front matter), drawn with the page cache in `file` when given; and how many pages were recalled. */
async function drawn(body: DrawnPage[][], front: DrawnPage[], file?: string): Promise<{ pdf: Buffer; recalled: number }> {
  const thread = new PdfThread({ fonts: bundledFontFiles(), fallbacks: bundledFallbackFiles() });
  thread.describe(metadata);
  if (file) thread.cachePages(file, 'faces');
  thread.start(design);
  for (const batch of body) thread.body(batch);
  const { pdf } = await thread.finish(front, [{ title: 'Body', pageIndex: front.length }]);
  // The page cache is written while the build goes on; a build waits for it before it returns.
  await settleCacheWrites();
  return { pdf, recalled: thread.pagesRecalled };
}

describe('page keys', () => {
  it('name what is drawn where, and the design', () => {
    const key = pageKey(page('a'), 'design');
    assert.match(key!, /^[0-9a-f]{40}$/);
    assert.equal(pageKey(page('a'), 'design'), key);
    assert.notEqual(pageKey(page('b'), 'design'), key);
    assert.notEqual(pageKey(page('a', true), 'design'), key);
    assert.notEqual(pageKey(page('a'), 'other design'), key);
    const moved = page('a');
    moved.lines[1]!.baseline += 0.01;
    assert.notEqual(pageKey(moved, 'design'), key);
    const spaced = page('a');
    spaced.lines[2]!.runs[0]!.wordSpacing += 0.001;
    assert.notEqual(pageKey(spaced, 'design'), key);
  });

  it('leave out pages with illustrations', () => {
    const illustrated = page('a');
    illustrated.lines[0]!.image = { data: new Uint8Array([1, 2, 3]), x: 0, width: 10, height: 10 };
    assert.equal(pageKey(illustrated, 'design'), undefined);
  });
});

describe('page cache files', () => {
  const record = (key: string, stream: number[], faces: number[], claims: number[]): PageRecord => ({ key: key.repeat(40), stream: new Uint8Array(stream), faces, claims: Uint32Array.from(claims) });

  it('give back the pages written, each key once', () => {
    const pages = [record('a', [1, 2, 3], [0, 1], [0, 5, 1, 102, 1, 9, 2, 102, 105]), record('b', [], [], []), record('a', [9], [0], [0])];
    const cache = PageCache.read(PageCache.write(pages, VERSION), VERSION);
    assert.equal(cache.size, 2);
    const keys = cache.keys();
    assert.deepEqual([...keys.keys()], ['a'.repeat(40), 'b'.repeat(40)]);
    const first = cache.page(keys.get('a'.repeat(40))!);
    assert.deepEqual([first.key, [...first.stream], first.faces, [...first.claims]], ['a'.repeat(40), [1, 2, 3], [0, 1], [0, 5, 1, 102, 1, 9, 2, 102, 105]]);
  });

  it('read a damaged or foreign file as empty', () => {
    const bytes = PageCache.write([record('a', [1, 2, 3], [0], [0, 5, 1, 102])], VERSION);
    assert.equal(PageCache.read(bytes.subarray(0, bytes.length - 1), VERSION).size, 0);
    assert.equal(PageCache.read(Buffer.concat([bytes, Buffer.from([0])]), VERSION).size, 0);
    assert.equal(PageCache.read(Buffer.from('not a page cache at all'), VERSION).size, 0);
    assert.equal(PageCache.read(new Uint8Array(0), VERSION).size, 0);
    assert.equal(PageCache.read(bytes, VERSION).size, 1);
    assert.equal(PageCache.read(bytes, 'w'.repeat(24)).size, 0, 'drawn by another version');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 6]! ^= 1;
    assert.equal(PageCache.read(flipped, VERSION).size, 0, 'a byte of an entry damaged');
  });
});

describe('the PDF thread with a page cache', () => {
  it('draws the same bytes whether pages are recalled or drawn, and recalls only pages it has met', async () => {
    const file = path.join(tempDir(), 'pages.bin');
    // The italic face is first met on the second page, and a mark (drawn by pdfkit itself) on the third.
    const body = [[page('one'), page('two', true)], [page('thre\u0308e'), page('four')]];
    const front = [page('title'), { lines: [] }];
    const cold = await drawn(body, front, file);
    assert.equal(cold.recalled, 0);
    assert.ok(existsSync(file));
    assert.deepEqual(cold.pdf, (await drawn(body, front)).pdf, 'a page cache changes nothing drawn');
    const warm = await drawn(body, front, file);
    assert.equal(warm.recalled, 6);
    assert.ok(warm.pdf.equals(cold.pdf), 'recalled pages give the same bytes');
    // An edit: the first page now starts in italic; pages before and after it are recalled.
    const edited = [[page('one', true), page('two', true)], [page('thre\u0308e'), page('four'), page('five')]];
    const partly = await drawn(edited, front, file);
    assert.equal(partly.recalled, 5);
    assert.ok(partly.pdf.equals((await drawn(edited, front)).pdf), 'recalled and drawn pages together give the bytes of a fresh drawing');
  });

  it('recalls the text of pages whose page numbers alone changed, drawing their furniture afresh', async () => {
    const file = path.join(tempDir(), 'pages.bin');
    const numbered = (text: string, folio: number): DrawnPage => {
      const body = page(text);
      const head = { x: design.inner, baseline: design.top - 10, runs: [{ x: 0, text: `${folio}`, style: 'regular' as const, size: 11, smallCaps: false, wordSpacing: 0, width: 10 }, { x: 100, text: 'Running Head', style: 'italic' as const, size: 10, smallCaps: false, wordSpacing: 0, width: 60 }] };
      return { lines: [...body.lines, head], folio, furniture: 1 };
    };
    const book = (first: number) => [[numbered('one', first), numbered('two', first + 1)], [numbered('three', first + 2)]];
    await drawn(book(1), [], file);
    const shifted = await drawn(book(3), [], file);
    assert.equal(shifted.recalled, 3);
    const fresh = await drawn(book(3), []);
    assert.ok(shifted.pdf.equals(fresh.pdf), 'recalled text and new furniture give the bytes of a fresh drawing');
    const out = path.join(tempDir(), 'shifted.pdf');
    writeFileSync(out, shifted.pdf);
    if (!missingTool('pdftotext')) {
      const { stdout } = await run('pdftotext', [out, '-']);
      assert.match(stdout, /^3\s+Running Head\s+one line 0, fine “quotes” — and flourishes/);
      assert.match(stdout, /\f5\s+Running Head\s+three line 0/);
    }
  });

  it('keeps recalling pages when the layout starts again', async () => {
    const file = path.join(tempDir(), 'pages.bin');
    const body = [[page('one'), page('two', true)]];
    const cold = await drawn(body, [], file);
    const thread = new PdfThread({ fonts: bundledFontFiles(), fallbacks: bundledFallbackFiles() });
    thread.describe(metadata);
    thread.cachePages(file, 'faces');
    thread.start(design);
    thread.body([page('one'), page('discarded')]);
    // The page count called for another gutter: the thread starts again, its page cache kept.
    thread.start(design);
    for (const batch of body) thread.body(batch);
    const { pdf } = await thread.finish([], [{ title: 'Body', pageIndex: 0 }]);
    assert.equal(thread.pagesRecalled, 2);
    assert.ok(pdf.equals(cold.pdf));
  });

  it('ignores a damaged page cache', async () => {
    const file = path.join(tempDir(), 'pages.bin');
    const body = [[page('one'), page('two')]];
    const cold = await drawn(body, [], file);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    const again = await drawn(body, [], file);
    assert.equal(again.recalled, 0);
    assert.ok(again.pdf.equals(cold.pdf));
  });

  it('gives text that copies as written, from recalled pages too', { skip: missingTool('pdftotext') }, async () => {
    const file = path.join(tempDir(), 'pages.bin');
    const body = [[page('one'), page('two', true)]];
    await drawn(body, [], file);
    const { pdf, recalled } = await drawn(body, [], file);
    assert.equal(recalled, 2);
    const out = path.join(tempDir(), 'recalled.pdf');
    writeFileSync(out, pdf);
    const { stdout } = await run('pdftotext', [out, '-']);
    assert.match(stdout, /two line 1, fine “quotes” — and flourishes/);
  });
});

describe('building a book again', () => {
  it('gives the bytes of a first build, unchanged or with a paragraph rewritten', async () => {
    const dir = tempDir();
    const project = path.join(dir, 'book');
    cpSync(path.resolve(import.meta.dirname, '../../manuscript'), path.join(project, 'manuscript'), { recursive: true });
    cpSync(path.resolve(import.meta.dirname, '../../book.config.json'), path.join(project, 'book.config.json'));
    const now = new Date('2024-01-01T00:00:00Z');
    const pdfOf = async (config: string, out: string) => {
      await build({ config, out, formats: ['pdf'], now });
      return readFileSync(path.join(out, 'crait.pdf'));
    };
    const config = path.join(project, 'book.config.json');
    const first = await pdfOf(config, path.join(dir, 'first'));
    assert.ok((await pdfOf(config, path.join(dir, 'second'))).equals(first), 'unchanged book');
    const chapter = path.join(project, 'manuscript', readdirSync(path.join(project, 'manuscript')).filter((name) => name.endsWith('.txt')).sort()[0]!);
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace(/\n\n([^\n#]{40,})\n/, '\n\nA new opening sentence, long enough to move every line after it. $1\n'));
    const edited = await pdfOf(config, path.join(dir, 'edited'));
    assert.ok(!edited.equals(first));
    // The same edited book in another folder: no page, chapter or memo of the first is found there.
    const copy = path.join(dir, 'copy');
    cpSync(project, copy, { recursive: true });
    assert.ok((await pdfOf(path.join(copy, 'book.config.json'), path.join(dir, 'fresh'))).equals(edited), 'edited book');
  });
});

const LATIN_MODERN = '/usr/share/texmf/fonts/opentype/public/lm';

describe('a book set in CFF-flavoured OpenType faces', () => {
  const missing = existsSync(path.join(LATIN_MODERN, 'lmroman10-regular.otf')) ? missingTool('pdffonts') : 'Latin Modern is not installed (apt-get install fonts-lmodern)';
  it('is embedded as pdfkit embeds it, builds the same bytes again, and keeps no pages', { skip: missing }, async () => {
    const dir = tempDir();
    const project = path.join(dir, 'book');
    cpSync(path.resolve(import.meta.dirname, '../../manuscript'), path.join(project, 'manuscript'), { recursive: true });
    const faces = { regular: 'lmroman10-regular', italic: 'lmroman10-italic', bold: 'lmroman10-bold', boldItalic: 'lmroman10-bolditalic' };
    for (const file of Object.values(faces)) cpSync(path.join(LATIN_MODERN, `${file}.otf`), path.join(project, 'fonts', `${file}.otf`));
    const config = path.join(project, 'book.config.json');
    const font = Object.fromEntries(Object.entries(faces).map(([style, file]) => [style, `fonts/${file}.otf`]));
    writeFileSync(config, JSON.stringify({ title: 'Crait', author: 'Anonymous', language: 'en', chapters: ['manuscript/*.txt'], print: { font } }));
    const now = new Date('2024-01-01T00:00:00Z');
    const pdfs = [];
    for (const out of ['first', 'second']) {
      await build({ config, out: path.join(dir, out), formats: ['pdf'], now });
      pdfs.push(readFileSync(path.join(dir, out, 'crait.pdf')));
    }
    assert.ok(pdfs[0]!.equals(pdfs[1]!));
    assert.equal(existsSync(pageCacheFile(config)), false);
    const { stdout } = await run('pdffonts', [path.join(dir, 'first', 'crait.pdf')]);
    assert.match(stdout, /LMRoman10-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const text = await run('pdftotext', [path.join(dir, 'first', 'crait.pdf'), '-']);
    assert.match(text.stdout, /“It’s okay, come on\.” Rey said/);
  });
});
