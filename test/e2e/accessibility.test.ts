import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { ROOT, run, SHARED, tempDir } from '../helpers/tools.ts';

// DAISY Ace, the accessibility checker publishers and stores run, on our EPUBs. It drives a browser
// through puppeteer; we give it Debian's Chromium (.puppeteerrc.cjs keeps puppeteer from ever
// downloading one).
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((file) => existsSync(file) && !spawnSync(file, ['--version'], { stdio: 'ignore' }).error);
const ACE = path.join(ROOT, 'node_modules/.bin/ace-cli');

interface Violation {
  impact: string;
  rule: string;
  document: string;
}

async function aceViolations(epub: string): Promise<Violation[]> {
  const out = tempDir('book-ace-');
  const result = await run(ACE, ['--silent', '--force', '--outdir', out, epub], { env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM } });
  assert.ok(existsSync(path.join(out, 'report.json')), `Ace wrote no report for ${epub}: ${result.stderr.slice(-500)}`);
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { assertions: { 'earl:testSubject': { url: string }; assertions: { 'earl:test': { 'earl:impact': string; 'dct:title': string } }[] }[] };
  return report.assertions.flatMap((document) => document.assertions.map((a) => ({ impact: a['earl:test']['earl:impact'], rule: a['earl:test']['dct:title'], document: document['earl:testSubject'].url })));
}

function storeBook(): string {
  const dir = tempDir('book-ace-stores-');
  mkdirSync(path.join(dir, 'manuscript'));
  writeFileSync(path.join(dir, 'manuscript/01-crait.txt'), readFileSync(path.join(SHARED, 'manuscript/01-crait.txt')));
  const links = { amazon: 'B0C1234567', apple: '1234567890', kobo: 'the-salt-road', google: 'AbCdEf', bn: '9781234567897', universal: 'https://books2read.com/salt-road' };
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ title: 'Crait', author: 'A. Writer', language: 'en', chapters: ['manuscript/*.txt'], alsoBy: [{ title: 'The Salt Road', links }, 'Another'] }));
  return path.join(dir, 'book.config.json');
}

const skip = !CHROMIUM ? 'chromium is not installed (apt-get install chromium)' : !existsSync(ACE) ? 'DAISY Ace is not installed (npm ci)' : undefined;

describe('DAISY Ace finds nothing to report', { skip }, () => {
  const books = [
    { name: 'the sample', config: path.join(ROOT, 'book.config.json'), formats: ['epub', 'kepub', 'pdf'] as const },
    { name: 'the notes book', config: path.join(ROOT, 'test/fixtures/notes-book/book.config.json'), formats: ['epub', 'kepub', 'pdf'] as const },
    { name: 'the Markdown book', config: path.join(ROOT, 'test/fixtures/writers-markdown/book.config.json'), formats: ['epub', 'kepub', 'pdf'] as const },
    // Every store's edition of a book whose also-by page links to the stores.
    { name: 'the store editions', config: storeBook(), formats: ['kindle', 'apple', 'kobo', 'google', 'bn', 'generic'] as const },
    // With the PDF, so the EPUB carries the print edition's page list.
    { name: 'The Hound of the Baskervilles', config: path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles/book.config.json'), formats: ['epub', 'pdf'] as const },
    ...readdirSync(path.join(SHARED, 'corpus'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.includes('hound') && existsSync(path.join(SHARED, 'corpus', entry.name, 'book.config.json')))
      .map((entry) => ({ name: entry.name, config: path.join(SHARED, 'corpus', entry.name, 'book.config.json'), formats: ['epub'] as const })),
  ];
  for (const book of books) {
    it(`${book.name}: no violation of any impact`, async () => {
      const out = tempDir('book-ace-build-');
      const result = await build({ config: book.config, out, formats: [...book.formats], now: new Date(0) });
      for (const file of result.files.filter((f) => f.path.endsWith('.epub'))) {
        assert.deepEqual(await aceViolations(file.path), [], path.basename(file.path));
      }
    });
  }
});
