import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build, compile } from '../../src/build.ts';
import { loadConfig } from '../../src/config/load.ts';
import { renderText } from '../../src/text/write.ts';
import { epubcheck, firstMissingInOrder, pdfBodyText, missingTool, ROOT, run, runCli, SHARED, tempDir, words } from '../helpers/tools.ts';

const HOUND = path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles/book.config.json');
const EPOCH = new Date(1700000000 * 1000);

describe('building the sample book', () => {
  const out = tempDir();
  let files: Record<string, string> = {};
  before(async () => {
    const result = await build({ config: path.join(ROOT, 'book.config.json'), out, formats: ['epub', 'pdf', 'text'], now: EPOCH });
    files = Object.fromEntries(result.files.map((f) => [f.format, f.path]));
  });

  it('writes dist/<name>.epub, .pdf and .txt, and the cover for the stores', () => {
    assert.deepEqual(Object.values(files).map((f) => path.basename(f)).sort(), ['crait-cover.jpg', 'crait.epub', 'crait.pdf', 'crait.txt']);
  });

  it('passes EPUBCheck 5 with no errors and no warnings', { skip: missingTool('java', ['-version']) }, async () => {
    const report = await epubcheck(files.epub!);
    assert.deepEqual(report.messages, []);
    assert.equal(report.fatals + report.errors + report.warnings, 0);
  });

  it('gives a PDF that qpdf finds sound', { skip: missingTool('qpdf', ['--version']) }, async () => {
    const { code, stdout } = await run('qpdf', ['--check', files.pdf!]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /No syntax or stream encoding errors/);
  });

  it('embeds every font', { skip: missingTool('pdffonts') }, async () => {
    const { stdout } = await run('pdffonts', [files.pdf!]);
    const rows = stdout.trim().split('\n').slice(2);
    assert.ok(rows.length >= 1, 'the PDF uses fonts');
    for (const row of rows) assert.match(row, /\s+yes\s+yes\s+yes\s+/, `not embedded: ${row}`);
    assert.doesNotMatch(stdout, /Times|Helvetica/);
  });

  it('prints every word of the manuscript, in order', { skip: missingTool('pdftotext') }, async () => {
    const stdout = await pdfBodyText(files.pdf!);
    const expected = words(readFileSync(files.text!, 'utf8'));
    const missing = firstMissingInOrder(expected, words(stdout));
    assert.equal(missing, -1, `missing from the PDF: "${expected.slice(missing, missing + 8).join(' ')}"`);
  });

  it('sets the sample’s interrupted speech, hyphen-dash and ellipses right', () => {
    const text = readFileSync(files.text!, 'utf8');
    assert.match(text, /now th—\n/);
    assert.match(text, /Ben—No, Kylo Ren/);
    assert.doesNotMatch(text, /\.\.\./);
    assert.doesNotMatch(text, /["']/);
  });

  it('puts the metadata in the PDF', { skip: missingTool('pdfinfo') }, async () => {
    const { stdout } = await run('pdfinfo', [files.pdf!]);
    assert.match(stdout, /Title:\s+Crait/);
    assert.match(stdout, /Author:\s+Anonymous/);
    assert.match(stdout, /Page size:\s+396 x 612 pts/);
  });

  it('is reproducible: the same input and SOURCE_DATE_EPOCH give identical bytes, from the CLI in another folder too', async () => {
    const other = tempDir();
    const { code, stderr } = await runCli(['build', '--config', path.join(ROOT, 'book.config.json'), '--out', other], { cwd: tempDir(), env: { SOURCE_DATE_EPOCH: String(EPOCH.getTime() / 1000) } });
    assert.equal(code, 0, stderr);
    for (const name of ['crait.epub', 'crait.pdf']) {
      assert.ok(readFileSync(path.join(other, name)).equals(readFileSync(path.join(out, name))), `${name} differs`);
    }
  });
});

describe('reproducible builds', () => {
  it('gives identical bytes for the same book built in two different folders with the same SOURCE_DATE_EPOCH', async () => {
    const outputs: Buffer[][] = [];
    for (let i = 0; i < 2; i++) {
      const project = path.join(tempDir(), `copy-${i}`);
      cpSync(path.join(ROOT, 'manuscript'), path.join(project, 'manuscript'), { recursive: true });
      cpSync(path.join(ROOT, 'book.config.json'), path.join(project, 'book.config.json'));
      const { code, stderr } = await runCli(['build', '--format', 'epub,pdf'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1600000000' } });
      assert.equal(code, 0, stderr);
      outputs.push(['crait.epub', 'crait.pdf'].map((name) => readFileSync(path.join(project, 'dist', name))));
    }
    assert.ok(outputs[0]![0]!.equals(outputs[1]![0]!), 'EPUBs differ');
    assert.ok(outputs[0]![1]!.equals(outputs[1]![1]!), 'PDFs differ');
  });
});

describe('building a corpus book', () => {
  const out = tempDir();
  let files: Record<string, string> = {};
  before(async () => {
    const { code, stdout, stderr } = await runCli(['build', '--config', HOUND, '--out', out, '--format', 'epub,pdf,text'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /wrote .*\.epub/);
    files = { epub: path.join(out, 'the-hound-of-the-baskervilles.epub'), pdf: path.join(out, 'the-hound-of-the-baskervilles.pdf'), text: path.join(out, 'the-hound-of-the-baskervilles.txt') };
  });

  it('passes EPUBCheck 5 with no errors and no warnings', { skip: missingTool('java', ['-version']) }, async () => {
    const report = await epubcheck(files.epub!);
    assert.deepEqual(report.messages, []);
  });

  it('prints every word of every chapter, in order', { skip: missingTool('pdftotext') }, async () => {
    const stdout = await pdfBodyText(files.pdf!);
    const expected = words(renderText(await compile(loadConfig(HOUND), EPOCH)));
    const missing = firstMissingInOrder(expected, words(stdout));
    assert.equal(missing, -1, `missing from the PDF: "${expected.slice(missing, missing + 8).join(' ')}"`);
  });

  it('gives pdftotext the words whole: a word hyphenated at a line end comes out rejoined', { skip: missingTool('pdftotext') }, async () => {
    const layout = (await run('pdftotext', ['-layout', files.pdf!, '-'])).stdout;
    // Pairs "exam-" / "ple" around a line end, as printed.
    const split = [...layout.matchAll(/([\p{L}]+)-\n\s*([\p{Ll}]+)/gu)].map((m) => `${m[1]}${m[2]}`);
    assert.ok(split.length > 50, `${split.length} hyphenated line ends`);
    const text = (await run('pdftotext', [files.pdf!, '-'])).stdout;
    const found = split.filter((word) => text.includes(word));
    // Compounds typed with a hyphen ("twenty-four") are kept as typed, so almost all, not all.
    assert.ok(found.length >= split.length * 0.95, `rejoined ${found.length} of ${split.length}: missing ${split.filter((w) => !text.includes(w)).slice(0, 5).join(', ')}`);
  });

  it('gives a PDF that qpdf finds sound', { skip: missingTool('qpdf', ['--version']) }, async () => {
    const { code } = await run('qpdf', ['--check', files.pdf!]);
    assert.equal(code, 0);
  });

  it('has an EPUB page list whose pages begin where the PDF’s pages do', { skip: missingTool('pdftotext') }, async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(files.epub!));
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    const labels = [...nav.matchAll(/<a href="(ch\d+)\.xhtml#page-(\d+)">/g)].map((m) => ({ chapter: m[1]!, label: Number(m[2]) }));
    assert.ok(labels.length > 100, `${labels.length} pages listed`);
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    assert.match(opf, /accessibilityFeature">pageNavigation/);
    const pdfPages = (await run('pdftotext', [files.pdf!, '-'])).stdout.split('\f');
    const first = pdfPages.findIndex((text, i) => i > 3 && /Chapter I: Mr\. Sherlock Holmes/.test(text));
    let checked = 0;
    for (const { chapter, label } of labels.filter((_, i) => i % 10 === 0)) {
      const xhtml = await zip.file(`OEBPS/${chapter}.xhtml`)!.async('string');
      const after = new RegExp(`id="page-${label}"[^>]*></span>\\s*<p>([^<]{30,})`).exec(xhtml);
      if (!after) continue;
      const opening = words(after[1]!).slice(0, 4).join(' ');
      assert.ok(words(pdfPages[first + label - 1] ?? '').join(' ').includes(opening), `page ${label} does not begin "${opening}"`);
      checked++;
    }
    assert.ok(checked >= 5, `checked ${checked} pages`);
  });
});

describe('every corpus book as an EPUB', () => {
  const books = readdirSync(path.join(SHARED, 'corpus'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(SHARED, 'corpus', entry.name, 'book.config.json')));
  for (const { name } of books) {
    it(`${name}: passes EPUBCheck 5 with no errors and no warnings`, { skip: missingTool('java', ['-version']) }, async () => {
      const out = tempDir();
      const result = await build({ config: path.join(SHARED, 'corpus', name, 'book.config.json'), out, formats: ['epub'], now: EPOCH });
      const report = await epubcheck(result.files[0]!.path);
      assert.deepEqual(report.messages, []);
    });
  }
});
