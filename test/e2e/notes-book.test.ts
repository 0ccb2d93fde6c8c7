import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';
import { epubcheck, missingTool, ROOT, run, tempDir } from '../helpers/tools.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/notes-book');
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((command) => !spawnSync(command, ['--version'], { stdio: 'ignore' }).error);

// Words for a chapter long enough to hold a note near every page's foot, made the same way every run.
const WORDS = 'the salt marsh lay white under a low sky and the wind came off the lagoon in long grey gusts that bent the reeds flat while the workers walked the dykes with rakes over their shoulders talking of the harvest of the price of bread of the new road to Arles and of the flamingos'.split(' ');

function prose(seed: number, words: number): string {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[state % WORDS.length]!);
  }
  const text = out.join(' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

/**
 * A chapter with 110 notes, written as a historian writes: definitions at the end, hard-wrapped,
 * short and long notes, notes of several paragraphs, inline notes, two references on one line.
 */
function seasonChapter(): { source: string; notes: number } {
  const paragraphs: string[] = ['# The Season', ''];
  const definitions: string[] = [];
  let n = 0;
  for (let p = 0; p < 80; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 3; s++) {
      let sentence = `${prose(p * 31 + s, 14 + ((p + s) % 9))}.`;
      if ((p * 3 + s) % 2 === 0) {
        n++;
        sentence += `[^n${n}]`;
        const first = `Register ${n} of the Salins records it so`;
        const kind = n % 10;
        if (kind === 0) definitions.push(`[^n${n}]: ${first}, in a long entry. ${prose(n, 60)}.\n\n    ${prose(n + 500, 50)}.\n\n    ${prose(n + 900, 40)}.`);
        else if (kind === 3) definitions.push(`[^n${n}]: ${first}; see *Annales du Midi*, vol. ${n}.`);
        else if (kind === 6 && n > 1) {
          // An inline note instead of a definition.
          n--;
          sentence = sentence.replace(`[^n${n + 1}]`, '');
          n++;
          sentence += `^[${first}, in a note written inline.]`;
        } else definitions.push(`[^n${n}]: ${first}. ${prose(n + 100, 8 + (n % 20))}.`);
      }
      sentences.push(sentence);
    }
    // Hard-wrapped at about seventy characters, as editors leave Markdown.
    paragraphs.push(sentences.join(' ').replace(/(.{1,70})(\s|$)/g, '$1\n').trim(), '');
  }
  return { source: [...paragraphs, ...definitions.map((d) => d.replace(/(.{1,70})(\s|$)/g, (m, line, space) => `${line}${space ? '\n    ' : ''}`).replace(/\n    \n/g, '\n\n') + '\n')].join('\n'), notes: n };
}

/** The fixture, with the long chapter and the notes config given. */
function notesBook(notes: Record<string, string>, formats = ['epub', 'kepub', 'pdf', 'text']): { config: string; notes: number } {
  const dir = tempDir('book-notes-');
  cpSync(FIXTURE, dir, { recursive: true });
  const season = seasonChapter();
  writeFileSync(path.join(dir, 'manuscript/03-the-season.md'), season.source);
  const config = JSON.parse(readFileSync(path.join(dir, 'book.config.json'), 'utf8'));
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ ...config, notes, formats }, null, 2));
  return { config: path.join(dir, 'book.config.json'), notes: season.notes };
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromSuperscript = (s: string) => Number([...s].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join(''));

describe('a book with more than a hundred notes', () => {
  const footnotes = notesBook({ numbering: 'chapter', ebook: 'chapter', print: 'footnotes' });
  const endnotes = notesBook({ numbering: 'book', ebook: 'book', print: 'endnotes' });
  const built: Record<string, { files: Record<string, string>; warnings: string[] }> = {};
  before(async () => {
    for (const [name, book] of Object.entries({ footnotes, endnotes })) {
      const result = await build({ config: book.config, now: new Date(1700000000000) });
      built[name] = { files: Object.fromEntries(result.files.map((f) => [f.format, f.path])), warnings: result.warnings.map((w) => [w.file, w.location, w.message].filter(Boolean).join(': ')) };
    }
  });

  it('holds its notes in the season chapter and warns only of the fixture’s faulty notes, naming file and line', () => {
    assert.ok(footnotes.notes >= 100, `${footnotes.notes} notes`);
    const warnings = built.footnotes!.warnings;
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings[0]!, /01-arrival\.md: line 58: the note \[\^unused\] is never referred to/);
    assert.match(warnings[1]!, /02-letters\.md: line 27: the note reference \[\^missing\] was left out: it has no note/);
  });

  it('prints no note source in any output', async () => {
    for (const book of Object.values(built)) {
      const text = readFileSync(book.files.text!, 'utf8');
      assert.doesNotMatch(text, /\[\^|\^\[/);
      const zip = await JSZip.loadAsync(readFileSync(book.files.epub!));
      for (const name of Object.keys(zip.files).filter((f) => f.endsWith('.xhtml'))) assert.doesNotMatch(await zip.file(name)!.async('string'), /\[\^|\^\[/, name);
    }
  });

  it('passes EPUBCheck 5 with no message for the EPUB and the kepub, notes at each chapter’s end and at the book’s', { skip: missingTool('java', ['-version']) }, async () => {
    const files = Object.values(built).flatMap((book) => ['epub', 'kepub'].map((format) => book.files[format]!));
    // Two at a time: each check starts a Java machine of its own.
    for (let i = 0; i < files.length; i += 2) {
      const reports = await Promise.all(files.slice(i, i + 2).map((file) => epubcheck(file)));
      reports.forEach((report, k) => assert.equal(report.messages.length, 0, `${files[i + k]}: ${JSON.stringify(report.messages.slice(0, 3))}`));
    }
  });

  it('prints each footnote’s first words on the page that holds its reference', { skip: missingTool('pdftotext') }, async () => {
    const { stdout } = await run('pdftotext', ['-layout', built.footnotes!.files.pdf!, '-']);
    const pages = stdout.split('\f');
    const season = pages.findIndex((page) => /^\s*The Season\s*$/m.test(page));
    assert.ok(season > 0);
    let checked = 0;
    pages.slice(season).forEach((page, i) => {
      // A mark in the text, the digits raised: ends a sentence.
      for (const match of page.matchAll(/\.([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g)) {
        const n = fromSuperscript(match[1]!);
        assert.match(page, new RegExp(`^\\s*${n}\\. Register ${n} of the Salins`, 'm'), `page ${season + i + 1}: note ${n} is not on its reference's page`);
        checked++;
      }
    });
    assert.ok(checked >= 100, `${checked} references checked`);
  });

  it('collects the endnotes at the back under each chapter’s title, each with the page of its reference', { skip: missingTool('pdftotext') }, async () => {
    const { stdout } = await run('pdftotext', ['-layout', built.endnotes!.files.pdf!, '-']);
    const pages = stdout.split('\f');
    const notesStart = pages.findIndex((page) => /^\s*Notes\s*$/m.test(page));
    assert.ok(notesStart > 0, 'a Notes division');
    const back = pages.slice(notesStart).join('\n');
    assert.match(back, /Arrival[\s\S]*Letters[\s\S]*The Season/);
    // Numbered through the book: the season's notes follow the first two chapters' twelve.
    for (const n of [1, 12, 40, 100]) assert.match(back, new RegExp(`(?:^|\\s)${n}\\.\\s`, 'm'), `note ${n}`);
    assert.match(back, /(?:^|\s)13\.\s+Register 1 of the Salins/m, 'the season’s first note is the book’s thirteenth');
    const match = /Register 20 of the Salins[\s\S]*?page\s+(\d+)/.exec(back);
    assert.ok(match, 'a page back-reference');
    const page = pages[Number(match[1]) + pagesBeforeBody(pages) - 1]!;
    assert.match(page, /[⁰¹²³⁴⁵⁶⁷⁸⁹]/, `page ${match[1]} holds a note's mark`);
  });

  it('lands on the note when its reference is clicked, and back on the reference from the note', { skip: CHROMIUM ? undefined : 'chromium is not installed (apt-get install chromium)' }, async () => {
    const dir = tempDir('book-notes-click-');
    for (const [placement, book] of Object.entries(built)) {
      const zip = await JSZip.loadAsync(readFileSync(book.files.epub!));
      const root = path.join(dir, placement);
      for (const [name, entry] of Object.entries(zip.files)) {
        if (entry.dir) continue;
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), await entry.async('nodebuffer'));
      }
      for (const step of ['reference', 'back-link']) {
        const result = clickInChromium(path.join(root, 'OEBPS'), 'ch03.xhtml', step, path.join(dir, `${placement}-${step}.png`));
        assert.equal(result.landed, true, `${placement}, ${step}: ${JSON.stringify(result)}`);
        if (process.env.BOOK_KEEP_SCREENSHOT) cpSync(path.join(dir, `${placement}-${step}.png`), `${process.env.BOOK_KEEP_SCREENSHOT}-${placement}-${step}.png`);
      }
    }
  });
});

/** Pages before body page 1: the front matter (title, copyright, contents). */
function pagesBeforeBody(pages: string[]): number {
  return pages.findIndex((page) => /^\s*Arrival\s*$/m.test(page) && !/Contents/.test(page));
}

/**
 * Opens a chapter in headless Chromium inside a page of our own, clicks its twentieth note
 * reference (and, for the back-link step, then the note's back-link), and reports where the
 * document landed: the element the address names must be at the top of the window.
 */
function clickInChromium(oebps: string, document: string, step: string, screenshot: string): { landed: boolean; hash?: string; top?: number } {
  const harness = path.join(oebps, `click-${step}.html`);
  writeFileSync(
    harness,
    `<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="${document}" style="width:600px;height:800px;border:0"></iframe><pre id="out"></pre><script>
const frame = document.getElementById('f');
let stage = 0;
frame.addEventListener('load', () => {
  const doc = frame.contentDocument;
  if (stage === 0) {
    stage = 1;
    const ref = doc.querySelectorAll('a[epub\\\\:type="noteref"], a.noteref')[19];
    ref.click();
    setTimeout(() => {
      if (${JSON.stringify(step)} === 'back-link') {
        const target = frame.contentDocument.getElementById(decodeURIComponent(frame.contentWindow.location.hash.slice(1)));
        target.querySelector('a[role="doc-backlink"]').click();
      }
      setTimeout(report, 300);
    }, 300);
  } else setTimeout(report, 300);
});
function report() {
  const win = frame.contentWindow;
  const id = decodeURIComponent(win.location.hash.slice(1));
  const el = win.document.getElementById(id);
  const top = el ? el.getBoundingClientRect().top : null;
  const want = ${JSON.stringify(step)} === 'reference' ? /^fn-/ : /^fnref-/;
  document.getElementById('out').textContent = 'RESULT ' + JSON.stringify({ landed: want.test(id) && top !== null && Math.abs(top) < 40, hash: id, top });
}
</script></body></html>`,
  );
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--allow-file-access-from-files', '--virtual-time-budget=5000', '--window-size=600,900'];
  const dom = spawnSync(CHROMIUM!, [...args, '--dump-dom', `file://${harness}`], { encoding: 'utf8', timeout: 60_000 });
  // The picture, to look at, when asked for: each launch of the browser takes seconds.
  if (process.env.BOOK_KEEP_SCREENSHOT) spawnSync(CHROMIUM!, [...args, `--screenshot=${screenshot}`, `file://${harness}`], { encoding: 'utf8', timeout: 60_000 });
  const found = /RESULT (\{.*\})/.exec(dom.stdout);
  return found ? JSON.parse(found[1]!.replace(/&quot;/g, '"')) : { landed: false };
}
