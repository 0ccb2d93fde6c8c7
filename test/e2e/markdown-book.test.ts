import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';
import { epubcheck, missingTool, pdfBodyText, ROOT, run, tempDir } from '../helpers/tools.ts';

// A book written the way writers keep Markdown: front matter, comments, lists, links, HTML
// images, code, a pipe table, spans, fenced divs, verse, a one-file pair of chapters and a
// Leanpub-style .txt chapter with its images in resources/.
const CONFIG = path.join(ROOT, 'test/fixtures/writers-markdown/book.config.json');
const SOURCE_MARKUP = /<!--|-->|\]\{|\{\.|:::|~~|\^\w+\^|^\| The Owl|^---$|title:|<\/?(?:span|div|img|u|iframe|script)\b/m;

describe('a book written with every Markdown construct', () => {
  const out = tempDir();
  const warnings: string[] = [];
  before(async () => {
    const result = await build({ config: CONFIG, out, formats: ['epub', 'pdf', 'text'], now: new Date(1700000000000) });
    warnings.push(...result.warnings.map((w) => [w.file, w.location, w.message].filter(Boolean).join(': ')));
  });

  it('prints nothing that is source markup in the text output, and keeps every construct’s words', () => {
    const text = readFileSync(path.join(out, 'salt-and-lantern.txt'), 'utf8');
    assert.doesNotMatch(text, SOURCE_MARKUP);
    for (const words of ['Chapter 1: Before Departure', 'In which the harbour is left', '1. A lantern', '3.', '• salt', '  • hemp', '“Not yet,”', 'H2O', 'Anno Domini', 'Port\tMiles\tDays', '  |  CHART  |', 'The tide tables are for illustration only.', '   In a beautiful pea-green boat,', 'Songs of the Crossing', 'Landfall', 'Afterword', 'Leanpub keeps its Markdown in .txt files.']) {
      assert.ok(text.includes(words), `text lacks: ${words}`);
    }
    assert.doesNotMatch(text, /TODO|ask Sam|alert|%%|Obsidian comment|inline aside|\[\[|width=|custom-style|\*\*|aliases/);
    // Obsidian's note and the Word export: task boxes, a bold first line as the title, Word's quote style.
    for (const words of ['The Keeper', 'the storm report twice', 'The lighthouse at night', '☒ trim the wick', '☐ wind the clock', 'CHAPTER FIVE', 'Come home. The boat is sold.']) assert.ok(text.includes(words), `text lacks: ${words}`);
  });

  it('warns once of the HTML it dropped and of the overlong code line, naming file and line', () => {
    assert.ok(warnings.some((w) => /01-arrival\.md: line \d+: HTML .*<iframe>, <script>/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /01-arrival\.md.*preformatted text \(line 37\)/.test(w)), warnings.join('\n'));
  });

  it('has each construct as XHTML, links resolved across files, sections in the nav, and passes EPUBCheck 5', { skip: missingTool('java', ['-version']) }, async () => {
    const file = path.join(out, 'salt-and-lantern.epub');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const ch1 = await zip.file('OEBPS/ch01.xhtml')!.async('string');
    for (const element of ['<ol>', '<li></li>', '<ul>', '<a href="https://tides.example.org/harbour?day=1">', '<a href="mailto:harbourmaster@example.org">', '<a href="ch01.xhtml#ch01-the-storm">', '<sub>2</sub>', '<sup>th</sup>', '<s>lost</s>', '<span class="smallcaps">Anno Domini</span>', '<u>underlined</u>', '<pre><code>  +---------+', '<th class="align-right">Miles</th>', '<div class="disclaimer">', '<div class="center">', '<h2 id="ch01-the-storm">', '<p class="chapter-subtitle">', '<p class="byline">Mara Quill</p>', 'alt="The harbour at dawn"', '<em>qu’</em>est-ce']) {
      assert.ok(ch1.includes(element), `ch01.xhtml lacks ${element}`);
    }
    assert.doesNotMatch(ch1, /<iframe|<script|TODO|&lt;/);
    const ch3 = await zip.file('OEBPS/ch03.xhtml')!.async('string');
    assert.match(ch3, /<a href="ch01\.xhtml#ch01">the first chapter<\/a>/);
    const ch2 = await zip.file('OEBPS/ch02.xhtml')!.async('string');
    assert.match(ch2, /<div class="verse">[\s\S]*<p class="line" style="margin-left: 3.5em">In a beautiful pea-green boat,<\/p>/);
    const keeper = await zip.file('OEBPS/ch04.xhtml')!.async('string');
    assert.match(keeper, /<a href="ch01\.xhtml#ch01-the-storm">the storm report<\/a>/);
    assert.match(keeper, /<ul class="tasks">/);
    const word = await zip.file('OEBPS/ch05.xhtml')!.async('string');
    assert.match(word, /<h1 id="ch05-title">CHAPTER FIVE<\/h1>/);
    assert.match(word, /<blockquote>\s*<p>Come home\. The boat is sold\.<\/p>/);
    assert.doesNotMatch(word, /width=|\{/);
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    assert.match(nav, /<a href="ch01\.xhtml#ch01-the-storm">The Storm<\/a>/);
    assert.match(nav, /<a href="ch01\.xhtml#ch01-aftermath">Aftermath<\/a>/);
    assert.deepEqual((await epubcheck(file)).messages, []);
  });

  it('sets every word in order in the PDF, with no markup characters', { skip: missingTool('pdftotext') }, async () => {
    const text = (await pdfBodyText(path.join(out, 'salt-and-lantern.pdf'))).replace(/\s+/g, ' ');
    assert.doesNotMatch(text, /<!--|\]\{|:::|~~|\^th\^|title:/);
    let at = 0;
    for (const word of ['Before Departure', 'A lantern', 'bone', 'salt', 'hemp', 'Not yet', 'tide tables', 'H₂O', '19ᵗʰ', 'Anno Domini', 'The Storm', 'CHART', 'Dunmore', 'illustration only', 'Centred words', 'Songs of the Crossing', 'pea-green boat', 'The lantern burned', 'Landfall', 'Afterword']) {
      const found = text.indexOf(word.replace(/\s+/g, ' '), at);
      assert.ok(found >= 0, `PDF lacks, or has out of order: ${word}`);
      at = found;
    }
    assert.doesNotMatch(text, /https:\/\/tides/, 'a link prints its words, not its address');
    // The contents lists the sections (print.contents.depth 2), and code is in the monospace face.
    assert.match(text, /Contents Chapter 1: Before Departure \d+ The Storm \d+ Songs of the Crossing/);
    const fonts = await run('pdffonts', [path.join(out, 'salt-and-lantern.pdf')]);
    assert.match(fonts.stdout, /SourceCodePro-Regular +CID TrueType +Identity-H +yes yes yes/);
  });
});

describe('a whole book in one Markdown file, with pandoc’s front matter', () => {
  const out = tempDir();
  before(async () => {
    await build({ config: path.join(ROOT, 'test/fixtures/one-file-book/book.config.json'), out, formats: ['epub', 'pdf', 'text'], now: new Date(1700000000000) });
  });

  it('is split into chapters at its top-level headings, each its own XHTML document, the book’s front matter no chapter', { skip: missingTool('java', ['-version']) }, async () => {
    const file = path.join(out, 'the-tide-clock.epub');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const titles = await Promise.all(['ch01', 'ch02', 'ch03'].map(async (id) => /<h1 id="[^"]+">([^<]+)<\/h1>/.exec(await zip.file(`OEBPS/${id}.xhtml`)!.async('string'))?.[1]));
    assert.deepEqual(titles, ['Prologue', 'The First Tide', 'The Second Tide']);
    assert.equal(zip.file('OEBPS/ch04.xhtml'), null);
    assert.match(await zip.file('OEBPS/ch02.xhtml')!.async('string'), /<a href="ch01\.xhtml#ch01">the prologue<\/a>/);
    // The back matter's headings get ids of their own too, distinct though their words repeat, and its links lead into the book.
    const afterword = await zip.file('OEBPS/afterword.xhtml')!.async('string');
    assert.match(afterword, /<h2 id="afterword-a-note-on-the-tides">[\s\S]*<h2 id="afterword-a-note-on-the-tides-1">/);
    assert.match(afterword, /<a href="ch02\.xhtml#ch02">the first tide<\/a>/);
    assert.deepEqual((await epubcheck(file)).messages, []);
  });

  it('opens each chapter on a new page in print, with its sections in the contents', { skip: missingTool('pdftotext') }, async () => {
    const pdf = path.join(out, 'the-tide-clock.pdf');
    const pages = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.split('\f');
    const opening = (title: string) => pages.findIndex((page) => page.trimStart().startsWith(title) || new RegExp(`^\\s*${title}\\s*$`, 'm').test(page.split('\n').slice(0, 14).join('\n')));
    const first = opening('The First Tide');
    const second = opening('The Second Tide');
    assert.ok(first > 0 && second > first, `chapter openers on pages ${first} and ${second}`);
    const contents = pages.find((page) => /Contents/.test(page))!;
    assert.match(contents.replace(/\s+/g, ' '), /Prologue 1 The First Tide 3 Morning 3 Evening 3 The Second Tide 5/);
  });
});
