import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';
import { epubcheck, firstMissingInOrder, missingTool, pdfBodyText, ROOT, tempDir, words } from '../helpers/tools.ts';

// A book of two Word files written by LibreOffice (test/fixtures/docx/sources): a whole book with
// a title page, parts, Heading 1 chapters and a chapter titled only by a bold centred line, notes,
// a comment, tracked changes, hidden text, an image; and a short story with a Title.
const FIXTURE = path.join(ROOT, 'test/fixtures/docx');
const mammoth = createRequire(import.meta.url)('mammoth') as { extractRawText(input: { path: string }): Promise<{ value: string }> };

/** The document's words as mammoth's plain-text reading gives them, less what Word itself never shows. */
async function documentWords(file: string, leftOut: readonly RegExp[]): Promise<string[]> {
  let { value } = await mammoth.extractRawText({ path: path.join(FIXTURE, file) });
  for (const pattern of leftOut) value = value.replace(pattern, ' ');
  return words(value);
}

/** The EPUB's words in reading order (the spine's), without the notes: they are read where they are referred to. */
async function epubWords(file: string): Promise<{ words: string[]; xhtml: Record<string, string> }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const opf = await zip.file('OEBPS/content.opf')!.async('string');
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]!).filter((id) => /^(?:ch|file-part)/.test(id));
  const xhtml: Record<string, string> = {};
  const out: string[] = [];
  for (const id of spine) {
    const text = await zip.file(`OEBPS/${id}.xhtml`)!.async('string');
    xhtml[`${id}.xhtml`] = text;
    const body = text
      .replace(/<head>[\s\S]*?<\/head>/, '')
      .replace(/<section class="footnotes"[\s\S]*?<\/section>\s*<\/section>/g, '</section>')
      .replace(/<a class="noteref"[\s\S]*?<\/a>/g, '')
      // Inline markup sits inside words (H<sub>2</sub>O); block markup between them.
      .replace(/<\/?(?:em|strong|sup|sub|span|a|s|u|code)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ');
    out.push(...words(body.replace(/&amp;/g, '&').replace(/&[a-z]+;/g, ' ')));
  }
  return { words: out, xhtml };
}

// The title page (the config names the book), Word's table of contents (the book makes its own), hidden text.
const LEFT_OUT = [/The Salt Road\s+A Memoir of the Camargue\s+Hélène Marsh/, /Contents\s+Arrival\t3\s+Letters\t7\s+Chapter Three\t9/, /DELETE THIS PARAGRAPH BEFORE SENDING/];
const allDocumentWords = async () => [...(await documentWords('the-salt-road.docx', LEFT_OUT)), ...(await documentWords('the-tide-clock.docx', []))];

describe('a book written in Word', () => {
  const out = tempDir();
  const warnings: string[] = [];
  let files: Record<string, string> = {};
  before(async () => {
    const result = await build({ config: path.join(FIXTURE, 'book.config.json'), out, now: new Date(1700000000000) });
    warnings.push(...result.warnings.map((w) => [w.file, w.location, w.message].filter(Boolean).join(': ')));
    files = Object.fromEntries(result.files.map((f) => [f.format, f.path]));
  });

  it('tells of the title page, the comment and the tracked changes it handled, and of nothing else', () => {
    assert.deepEqual(warnings.map((w) => w.replace(/^.*?\.docx: /, '')), [
      'the title page before the first chapter ("The Salt Road", "A Memoir of the Camargue", "Hélène Marsh") was left out: the config names the book',
      '1 comment ignored',
      'has tracked changes: 1 insertion accepted, 1 deletion dropped; review them in Word',
    ]);
  });

  it('passes EPUBCheck 5 with no message, the EPUB and the kepub', { skip: missingTool('java', ['-version']) }, async () => {
    for (const format of ['epub', 'kepub']) {
      const report = await epubcheck(files[format]!);
      assert.equal(report.messages.length, 0, `${format}: ${JSON.stringify(report.messages.slice(0, 3))}`);
    }
  });

  it('has every word of the documents in order in the EPUB, and nothing else: hidden and deleted text and the comment left out', async () => {
    const expected = await allDocumentWords();
    const { words: actual, xhtml } = await epubWords(files.epub!);
    assert.equal(firstMissingInOrder(expected, actual), -1, 'a word of the document is missing from the EPUB');
    assert.deepEqual(actual, expected);
    assert.doesNotMatch(Object.values(xhtml).join(''), /DELETE THIS|never went back|Check the date/);
  });

  it('sets each italic run of the documents in italics in the EPUB', async () => {
    const { xhtml } = await epubWords(files.epub!);
    const all = Object.values(xhtml).join('');
    for (const file of ['the-salt-road.docx', 'the-tide-clock.docx']) {
      const document = await (await JSZip.loadAsync(readFileSync(path.join(FIXTURE, file)))).file('word/document.xml')!.async('string');
      const italic = [...document.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:i\/>(?:(?!<\/w:r>)[\s\S])*?<w:t[^>]*>([^<]+)<\/w:t>/g)].map((m) => m[1]!);
      assert.ok(italic.length > 0, `${file} has italic runs`);
      // The run's words inside an <em>, perhaps with an adjacent run of the same formatting before them.
      for (const run of italic) assert.match(all, new RegExp(`<em>[^<]*${run.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `“${run}” is not italic in the EPUB`);
    }
  });

  it('splits chapters, parts and scenes where the documents have them', async () => {
    const { xhtml } = await epubWords(files.epub!);
    const titles = Object.entries(xhtml).map(([name, x]) => [name, /<h1[^>]*>([^<]*)<\/h1>/.exec(x)?.[1]]);
    assert.deepEqual(titles, [['file-part1.xhtml', 'Part One: The Marsh'], ['ch01.xhtml', 'Arrival'], ['ch02.xhtml', 'Letters'], ['ch03.xhtml', 'Chapter Three'], ['ch04.xhtml', 'The Tide Clock']]);
    const breaks = (name: string) => (xhtml[name]!.match(/<hr class="scene-break"\/>/g) ?? []).length;
    assert.deepEqual(['ch01.xhtml', 'ch02.xhtml', 'ch03.xhtml', 'ch04.xhtml'].map(breaks), [2, 0, 1, 1]);
    assert.match(xhtml['ch01.xhtml']!, /<aside id="fn-ch01-1"[\s\S]*Phoenicopterus roseus/);
    assert.match(xhtml['ch01.xhtml']!, /<img src="images\/img-1\.png" alt="Salt pans at dawn, with the Salins tower behind them"\/>/);
    assert.match(xhtml['ch01.xhtml']!, /<span class="smallcaps">Salins du Midi<\/span>/);
  });

  it('prints every word of the documents in order in the PDF', { skip: missingTool('pdftotext') }, async () => {
    const expected = await allDocumentWords();
    // The face's superior letters (1ˢᵗ, H₂O) read as the letters, struck words (w̶e̶) as the words; note marks (¹ ²) are not words.
    const printed = words((await pdfBodyText(files.pdf!)).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '').replace(/\u0336/g, '').normalize('NFKC'));
    const missing = firstMissingInOrder(expected, printed);
    assert.equal(missing, -1, `missing from the PDF: ${expected.slice(missing, missing + 5).join(' ')}`);
  });
});
