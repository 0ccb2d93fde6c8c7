import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { build, type Format } from '../../src/build.ts';
import { inspectImage } from '../../src/manuscript/image-file.ts';
import { pngImage } from '../helpers/images.ts';
import { epubcheck, missingTool, tempDir } from '../helpers/tools.ts';

async function epubOf(config: Record<string, unknown>, chapters: Record<string, string>, formats: Format[] = ['epub']): Promise<string> {
  return (await buildOf(config, chapters, formats))[0]!;
}

async function buildOf(config: Record<string, unknown>, chapters: Record<string, string>, formats: Format[]): Promise<string[]> {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'manuscript'));
  writeFileSync(path.join(dir, 'cover.png'), pngImage(160, 256));
  writeFileSync(path.join(dir, 'map.png'), pngImage(600, 400));
  for (const [name, text] of Object.entries(chapters)) writeFileSync(path.join(dir, 'manuscript', name), text);
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ chapters: ['manuscript/*'], ...config }));
  const result = await build({ config: path.join(dir, 'book.config.json'), formats, now: new Date(1700000000000) });
  return formats.map((format) => result.files.find((file) => file.format === format)!.path);
}

/** Everything a small press puts around a novel: parts, front and back matter, series, roles, ISBN, embedded faces. */
const FULL_CONFIG = {
  title: 'The Long Way Home',
  subtitle: 'A Novel',
  author: ['Jane Roe', { name: 'Ann Other', role: 'translator', fileAs: 'Other, Ann' }, { name: 'Cy Design', role: 'cover designer' }],
  language: 'en',
  isbn: '978-3-16-148410-0',
  edition: 'First edition',
  credits: ['Typeset in EB Garamond'],
  series: { name: 'The Sea Books', position: 2 },
  subjects: ['Fiction / Literary', 'Sea stories'],
  publisher: 'Small Press',
  dedication: 'For *Ann*, who waited.',
  epigraph: 'The sea is everything.\n\n— Jules Verne',
  acknowledgements: 'Thanks to everyone who read the drafts.',
  aboutAuthor: { file: 'manuscript/about.md' },
  alsoBy: ['The Short Way Out', 'Harbour Lights'],
  epub: { embedFonts: true },
  chapters: [
    { part: 'Part One', chapters: ['manuscript/01.md', 'manuscript/02.md'] },
    { part: 'Part Two', chapters: [{ file: 'manuscript/03.md', title: 'Homecoming' }] },
  ],
};
const FULL_CHAPTERS = {
  '01.md': '# Leaving\n\n"We go at dawn," she said. It was late. Was it?\n\nThe boat waited.\n',
  '02.md': '# At Sea\n\nWaves, and more waves.\n',
  '03.md': '# Draft title\n\nThe harbour lights came up at last.\n',
  'about.md': 'Jane Roe lives by the sea.\n',
};

describe('EPUBs of other configurations', () => {
  const configurations: [string, Record<string, unknown>, Record<string, string>][] = [
    [
      'several authors, subtitle and full metadata',
      { title: 'Two Hands & One <Pen>', subtitle: 'A Novel', author: ['Ann One', 'Bo Two'], language: 'en-GB', publisher: 'Small Press', rights: '© 2024 Ann One and Bo Two', description: 'A story "told" twice.', date: '2024-05-01', identifier: 'urn:isbn:9780000000002' },
      { '01.md': '# One\n\n"Yes," said *she*.\n\n* * *\n\n> A letter.\n', '02.txt': 'Chapter 2.\n\nPlain text.' },
    ],
    ['a cover image', { title: 'Covered', author: 'A', language: 'en', cover: 'cover.png', coverAlt: 'A grey field' }, { '01.md': '# One\n\nText.\n' }],
    ['a non-Latin title in Russian', { title: 'Война и мир', author: 'Лев Толстой', language: 'ru' }, { '01.md': '# Глава первая\n\n"Ну, князь," сказала она...\n' }],
    ['a Japanese title', { title: '吾輩は猫である', author: '夏目漱石', language: 'ja' }, { '01.md': '# 一\n\n吾輩は猫である。名前はまだ無い。\n' }],
    ['parts, front and back matter, series, roles, ISBN and embedded faces', FULL_CONFIG, FULL_CHAPTERS],
    ['illustrations with alt text and captions', { title: 'Maps', author: 'A', language: 'en' }, { '01.md': '# One\n\nHere is the map.\n\n![The valley, river to the north](../map.png "The valley")\n\nAnd on.\n' }],
  ];
  for (const [name, config, chapters] of configurations) {
    it(`${name}: passes EPUBCheck 5 with no errors and no warnings`, { skip: missingTool('java', ['-version']) }, async () => {
      const report = await epubcheck(await epubOf(config, chapters));
      assert.deepEqual(report.messages, []);
    });
  }

  it('marks the cover image and links its page from the landmarks', async () => {
    const zip = await JSZip.loadAsync(readFileSync(await epubOf(configurations[1]![1], configurations[1]![2])));
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    assert.match(opf, /<item id="cover-image" href="images\/cover\.png" media-type="image\/png" properties="cover-image"\/>/);
    assert.match(opf, /<itemref idref="cover"\/>/);
    assert.match(opf, /accessibilityFeature">alternativeText/);
    assert.match(await zip.file('OEBPS/toc.xhtml')!.async('string'), /<a epub:type="cover" href="cover\.xhtml">/);
    assert.match(await zip.file('OEBPS/cover.xhtml')!.async('string'), /<img src="images\/cover\.png" alt="A grey field"\/>/);
    assert.ok(zip.file('OEBPS/images/cover.png'));
  });

  it('declares accessibility, landmarks and every author in the package document', async () => {
    const file = await epubOf(configurations[0]![1], configurations[0]![2]);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    for (const meta of ['schema:accessMode">textual', 'schema:accessModeSufficient">textual', 'schema:accessibilityFeature">structuralNavigation', 'schema:accessibilityFeature">tableOfContents', 'schema:accessibilityFeature">readingOrder', 'schema:accessibilityHazard">none', 'schema:accessibilitySummary">']) {
      assert.ok(opf.includes(meta), meta);
    }
    assert.match(opf, /<dc:creator id="creator-1">Ann One<\/dc:creator>/);
    assert.match(opf, /<dc:creator id="creator-2">Bo Two<\/dc:creator>/);
    assert.match(opf, /<dc:title id="title">Two Hands &amp; One &lt;Pen&gt;<\/dc:title>/);
    assert.match(opf, /<dc:identifier id="book-id">urn:isbn:9780000000002<\/dc:identifier>/);
    assert.match(opf, /<meta property="dcterms:modified">2023-11-14T22:13:20Z<\/meta>/);
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    assert.match(nav, /epub:type="landmarks"/);
    assert.match(nav, /<a epub:type="toc" href="toc.xhtml">/);
    assert.match(nav, /<a epub:type="bodymatter" href="ch01.xhtml">/);
    const chapter = await zip.file('OEBPS/ch01.xhtml')!.async('string');
    assert.match(chapter, /epub:type="chapter"/);
    assert.match(chapter, /<hr class="scene-break"\/>/);
    assert.match(chapter, /xml:lang="en-GB" lang="en-GB"/);
  });

  it('puts illustrations in the package, described, and in the PDF', { skip: missingTool('pdfimages', ['-v']) }, async () => {
    const [epub, pdf] = await buildOf(configurations[5]![1], configurations[5]![2], ['epub', 'pdf']);
    const zip = await JSZip.loadAsync(readFileSync(epub!));
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    assert.match(opf, /<item id="img-1" href="images\/img-1.png" media-type="image\/png"\/>/);
    assert.match(opf, /accessibilityFeature">alternativeText/);
    assert.match(opf, /accessModeSufficient">textual</);
    assert.match(await zip.file('OEBPS/ch01.xhtml')!.async('string'), /<figure class="figure">\s*<img src="images\/img-1.png" alt="The valley, river to the north"\/>\s*<figcaption>The valley<\/figcaption>\s*<\/figure>/);
    assert.ok(zip.file('OEBPS/images/img-1.png'));
    const list = execFileSync('pdfimages', ['-list', pdf!], { encoding: 'utf8' });
    assert.match(list, /\bimage\s+600\s+400\b/);
    assert.match(execFileSync('pdftotext', [pdf!, '-'], { encoding: 'utf8' }), /Here is the map\.\s+The valley\s+And on\./);
  });

  describe('a book with parts, front and back matter', () => {
    const files = buildOf(FULL_CONFIG, FULL_CHAPTERS, ['epub', 'kepub', 'pdf']);
    const entry = async (name: string, which = 0) => (await JSZip.loadAsync(readFileSync((await files)[which]!))).file(name)!.async('string');

    it('describes series, subjects, roles and the ISBN in the package document', async () => {
      const opf = await entry('OEBPS/content.opf');
      assert.match(opf, /<dc:identifier id="book-id">urn:isbn:9783161484100<\/dc:identifier>/);
      assert.match(opf, /<meta refines="#book-id" property="identifier-type" scheme="onix:codelist5">15<\/meta>/);
      assert.match(opf, /<meta property="belongs-to-collection" id="series">The Sea Books<\/meta>/);
      assert.match(opf, /<meta refines="#series" property="collection-type">series<\/meta>/);
      assert.match(opf, /<meta refines="#series" property="group-position">2<\/meta>/);
      assert.match(opf, /<dc:subject>Fiction \/ Literary<\/dc:subject>/);
      assert.match(opf, /<dc:creator id="creator-1">Jane Roe<\/dc:creator>/);
      assert.match(opf, /<dc:contributor id="contributor-1">Ann Other<\/dc:contributor>\s*<meta refines="#contributor-1" property="role" scheme="marc:relators">trl<\/meta>\s*<meta refines="#contributor-1" property="file-as">Other, Ann<\/meta>/);
      assert.match(opf, /property="role" scheme="marc:relators">cov</);
      assert.doesNotMatch(opf, /<dc:creator[^>]*>Ann Other/);
    });

    it('puts every division in reading order with its semantics', async () => {
      const opf = await entry('OEBPS/content.opf');
      const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(spine, ['cover', 'titlepage', 'copyright', 'dedication', 'epigraph', 'nav', 'part1', 'ch01', 'ch02', 'part2', 'ch03', 'acknowledgements', 'about-author', 'also-by']);
      const types: Record<string, RegExp> = {
        'copyright.xhtml': /epub:type="copyright-page"/,
        'dedication.xhtml': /<section id="dedication" class="dedication" epub:type="dedication" role="doc-dedication" aria-label="Dedication">/,
        'epigraph.xhtml': /epub:type="epigraph"/,
        'part1.xhtml': /<section id="part1" class="part" epub:type="part" role="doc-part" aria-labelledby="part1-title">[\s\S]*?<h1 id="part1-title">Part One<\/h1>/,
        'acknowledgements.xhtml': /epub:type="acknowledgments"/,
        'about-author.xhtml': /<h1 id="about-author-title">About the Author<\/h1>\s*<p>Jane Roe lives by the sea.<\/p>/,
        'also-by.xhtml': /<h1 id="also-by-title">Also by Jane Roe<\/h1>\s*<p><em>The Short Way Out<\/em><\/p>/,
      };
      for (const [file, pattern] of Object.entries(types)) assert.match(await entry(`OEBPS/${file}`), pattern, file);
      assert.match(await entry('OEBPS/dedication.xhtml'), /<body epub:type="frontmatter">/);
      assert.match(await entry('OEBPS/acknowledgements.xhtml'), /<body epub:type="backmatter">/);
      const copyright = await entry('OEBPS/copyright.xhtml');
      for (const line of ['ISBN 9783161484100', 'First edition', 'Published by Small Press', 'Cover by Cy Design', 'Typeset in EB Garamond']) assert.ok(copyright.includes(`<p>${line}</p>`), line);
      const title = await entry('OEBPS/titlepage.xhtml');
      assert.match(title, /<p class="contributor">Translated by Ann Other<\/p>/);
      assert.match(title, /<p class="series">Book 2 of The Sea Books<\/p>/);
    });

    it('nests chapters under their parts in the nav and the NCX', async () => {
      const nav = await entry('OEBPS/toc.xhtml');
      assert.match(nav, /<li><a href="part1.xhtml">Part One<\/a>\s*<ol>\s*<li><a href="ch01.xhtml">Leaving<\/a><\/li>\s*<li><a href="ch02.xhtml">At Sea<\/a><\/li>\s*<\/ol>\s*<\/li>/);
      assert.match(nav, /<li><a href="part2.xhtml">Part Two<\/a>\s*<ol>\s*<li><a href="ch03.xhtml">Homecoming<\/a><\/li>/);
      assert.doesNotMatch(nav, /href="dedication.xhtml"/, 'a dedication has no heading to show in the contents');
      assert.match(nav, /<a epub:type="bodymatter" href="part1.xhtml">/);
      const ncx = await entry('OEBPS/toc.ncx');
      assert.match(ncx, /<meta name="dtb:depth" content="2"\/>/);
      assert.match(ncx, /<navPoint id="nav-part1" playOrder="1">[\s\S]*?<navPoint id="nav-ch01" playOrder="2">/);
      const orders = [...ncx.matchAll(/playOrder="(\d+)"/g)].map((m) => Number(m[1]));
      assert.deepEqual(orders, orders.map((_, i) => i + 1));
    });

    it('draws a typographic cover when none is given, and embeds the faces for Apple Books', async () => {
      const opf = await entry('OEBPS/content.opf');
      // As a JPEG at the stores' size, which every reading system and Kindle's converters find.
      assert.match(opf, /<item id="cover-image" href="images\/cover.jpg" media-type="image\/jpeg" properties="cover-image"\/>/);
      const zip = await JSZip.loadAsync(readFileSync((await files)[0]!));
      const jpeg = await zip.file('OEBPS/images/cover.jpg')!.async('nodebuffer');
      assert.deepEqual(inspectImage(jpeg, 'cover.jpg'), { mediaType: 'image/jpeg', width: 1600, height: 2560 });
      assert.match(await entry('OEBPS/cover.xhtml'), /alt="Cover: The Long Way Home: A Novel, by Jane Roe"/);
      assert.match(opf, /href="fonts\/regular.ttf" media-type="font\/ttf"/);
      // Only the styles the book sets, each cut down to the characters it shows.
      assert.match(opf, /href="fonts\/regular-italic.ttf"/);
      assert.doesNotMatch(opf, /bold-italic\.ttf/, 'no strong text in italic: no bold italic face');
      const regular = await zip.file('OEBPS/fonts/regular.ttf')!.async('nodebuffer');
      assert.ok(regular.length < 200_000, `the regular face is cut down (${regular.length} bytes)`);
      assert.match(await entry('OEBPS/style.css'), /@font-face \{\s*font-family: "Book Text";\s*font-style: italic;/);
      assert.match(await entry('META-INF/com.apple.ibooks.display-options.xml'), /<option name="specified-fonts">true<\/option>/);
    });

    it('makes a Kobo kepub with every sentence in a numbered span', { skip: missingTool('java', ['-version']) }, async () => {
      const chapter = await entry('OEBPS/ch01.xhtml', 1);
      assert.match(chapter, /<div id="book-columns"><div id="book-inner">/);
      assert.match(chapter, /<h1 id="ch01-title"><span class="koboSpan" id="kobo.1.1">Leaving<\/span><\/h1>/);
      assert.match(chapter, /<span class="koboSpan" id="kobo.2.1">“We go at dawn,” she said. <\/span><span class="koboSpan" id="kobo.2.2">It was late. <\/span><span class="koboSpan" id="kobo.2.3">Was it\?<\/span>/);
      assert.doesNotMatch(await entry('OEBPS/ch01.xhtml', 0), /koboSpan/, 'the standard EPUB has no Kobo spans');
      assert.deepEqual((await epubcheck((await files)[1]!)).messages, []);
    });

    it('sets part pages, dedication, epigraph and back matter in the PDF', { skip: missingTool('pdftotext', ['-v']) }, async () => {
      const text = execFileSync('pdftotext', ['-layout', (await files)[2]!, '-'], { encoding: 'utf8' });
      const pages = text.split('\f');
      const pageOf = (needle: string) => pages.findIndex((page) => page.includes(needle));
      const pageAlone = (title: string) => pages.findIndex((page) => page.trim() === title);
      assert.ok(pageOf('For Ann, who waited.') > pageOf('ISBN 9783161484100'), 'the dedication follows the copyright page');
      assert.equal(pageOf('For Ann, who waited.') % 2, 0, 'the dedication is on a right-hand page');
      assert.equal(pageOf('Contents') % 2, 0, 'the contents open on a right-hand page');
      assert.match(pages[pageOf('Contents')]!, /Part One\s+1\n/);
      assert.ok(pageAlone('Part One') > pageOf('Contents'));
      assert.equal(pageAlone('Part One') % 2, 0, 'a part opens on a right-hand page');
      assert.ok(pageAlone('Part Two') > pageOf('At Sea'), 'a part page shows its title alone, without folio or running head');
      assert.ok(pages.findLastIndex((page) => page.includes('Also by Jane Roe')) > pages.findLastIndex((page) => page.includes('About the Author')));
      assert.match(pages[pageOf('Translated by Ann Other')]!, /Book 2 of The Sea Books/);
    });
  });
});
