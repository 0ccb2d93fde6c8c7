import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { build, type BuildResult } from '../../src/build.ts';
import { checkBook } from '../../src/check.ts';
import { wrapGeometry } from '../../src/cover/wrap.ts';
import { missingTool, ROOT, run, runCli, SHARED, tempDir } from '../helpers/tools.ts';

const HOUND = path.join(SHARED, 'corpus/arthur-conan-doyle_the-hound-of-the-baskervilles');
const NOW = new Date(1700000000000);

/** A copy of a book folder with its config changed, so a test may add print settings to a book it does not own. */
function bookCopy(from: string, change: (config: Record<string, unknown>) => void): string {
  const dir = tempDir('book-paperback-');
  cpSync(from, dir, { recursive: true });
  const file = path.join(dir, 'book.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(config);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** pdfinfo -box of one page: its boxes as [x0, y0, x1, y1] in points. */
async function boxes(pdf: string, page = 1): Promise<Record<string, number[]>> {
  const { stdout } = await run('pdfinfo', ['-box', '-f', String(page), '-l', String(page), pdf]);
  const found: Record<string, number[]> = {};
  for (const match of stdout.matchAll(/^Page\s+\d+\s+(MediaBox|TrimBox|BleedBox):\s+([\d.\s]+)$/gm)) found[match[1]!] = match[2]!.trim().split(/\s+/).map(Number);
  return found;
}

const pageCount = async (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [pdf])).stdout)![1]);

/** Every object of a PDF as qpdf --json gives them, by "obj:N 0 R". */
async function pdfObjects(pdf: string): Promise<{ objects: Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>; trailer: Record<string, string> }> {
  const { stdout } = await run('qpdf', ['--json', pdf]);
  const json = JSON.parse(stdout) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>] };
  const objects = json.qpdf[1];
  return { objects, trailer: objects.trailer!.value as Record<string, string> };
}

const tools = missingTool('qpdf', ['--version']) ?? missingTool('pdfinfo') ?? missingTool('pdffonts') ?? missingTool('pdftotext');

describe('a paperback for KDP: interior and full-wrap cover, PDF/X-1a', { skip: tools }, () => {
  let config: string;
  let result: BuildResult;
  let out: string;
  const file = (format: string) => result.files.find((f) => f.format === format)!.path;
  before(async () => {
    config = bookCopy(HOUND, (c) => {
      c.isbn = '9780306406157';
      c.description = 'Sherlock Holmes and Dr. Watson are called to Dartmoor, where the heir of the Baskervilles is said to be haunted by a spectral hound.\n\nThe third of the four Holmes novels, first published in The Strand in 1901–02.';
      c.print = { trim: '6x9', pod: { printer: 'kdp', paper: 'cream' }, pdfx: 'x-1a' };
    });
    out = tempDir();
    result = await build({ config, out, formats: ['pdf'], now: NOW, guides: true });
  });

  it('writes the interior, the cover and the guides copy, and qpdf finds no fault in them', async () => {
    assert.deepEqual(result.files.map((f) => path.basename(f.path)).sort(), ['the-hound-of-the-baskervilles-cover-guides.pdf', 'the-hound-of-the-baskervilles-cover.pdf', 'the-hound-of-the-baskervilles.pdf']);
    for (const format of ['pdf', 'print-cover', 'cover-guides']) {
      const checked = await run('qpdf', ['--check', file(format)]);
      assert.equal(checked.code, 0, checked.stdout + checked.stderr);
    }
  });

  it('makes the cover as wide as the interior’s page count makes the spine: bleed + 6 + pages × 0.0025 + 6 + bleed by 9.25 in', async () => {
    const pages = await pageCount(file('pdf'));
    assert.equal(pages, result.pages);
    const cover = await boxes(file('print-cover'));
    const width = (0.125 + 6 + pages * 0.0025 + 6 + 0.125) * 72;
    assert.ok(Math.abs(cover.MediaBox![2]! - width) < 0.01, `cover ${cover.MediaBox![2]} pt wide, ${width} by the formula for ${pages} pages`);
    assert.ok(Math.abs(cover.MediaBox![3]! - 9.25 * 72) < 0.01);
    // Trim inside the bleed on every side; the bleed box the whole sheet.
    assert.deepEqual(cover.TrimBox, [9, 9, Number((width - 9).toFixed(2)), 657]);
    assert.deepEqual(cover.BleedBox, cover.MediaBox);
    for (const page of [1, Math.ceil(pages / 2), pages]) {
      const interior = await boxes(file('pdf'), page);
      assert.deepEqual(interior.TrimBox, [0, 0, 432, 648], `page ${page}`);
    }
  });

  it('embeds every font in both files', async () => {
    for (const format of ['pdf', 'print-cover']) {
      const rows = (await run('pdffonts', [file(format)])).stdout.split('\n').slice(2).filter((line) => line.trim());
      assert.ok(rows.length > 0);
      for (const row of rows) assert.match(row, /\s+yes\s+yes\s+yes\s+/, `${format}: ${row}`);
    }
  });

  it('writes PDF/X-1a:2001: version keys, Trapped /False, an output intent with a CMYK profile, XMP, PDF 1.3, no RGB', async () => {
    for (const format of ['pdf', 'print-cover']) {
      const pdf = file(format);
      assert.ok(readFileSync(pdf).subarray(0, 8).toString('latin1') === '%PDF-1.3', `${format} is PDF 1.3`);
      const { objects, trailer } = await pdfObjects(pdf);
      const object = (ref: unknown) => objects[`obj:${String(ref)}`]!;
      const value = (ref: unknown) => (typeof ref === 'string' && ref.endsWith(' R') ? object(ref).value : ref);
      const info = value(trailer['/Info']) as Record<string, unknown>;
      assert.equal(value(info['/GTS_PDFXVersion']), 'u:PDF/X-1:2001');
      assert.equal(value(info['/GTS_PDFXConformance']), 'u:PDF/X-1a:2001');
      assert.equal(value(info['/Trapped']), '/False', 'Trapped is the name /False');
      const root = value(trailer['/Root']) as Record<string, unknown>;
      const intent = value((root['/OutputIntents'] as string[])[0]) as Record<string, unknown>;
      assert.equal(intent['/S'], '/GTS_PDFX');
      assert.equal(intent['/OutputConditionIdentifier'], 'u:CGATS TR 005');
      assert.equal(object(intent['/DestOutputProfile']).stream!.dict['/N'], 4);
      const xmp = object(root['/Metadata']).stream!.dict;
      assert.equal(xmp['/Subtype'], '/XML');
      for (const [key, entry] of Object.entries(objects)) {
        const dict = entry.stream?.dict ?? entry.value;
        if (!dict || typeof dict !== 'object') continue;
        assert.ok(!('/Annots' in dict), `${format} ${key} has annotations`);
        if (dict['/Subtype'] === '/Image') assert.match(String(dict['/ColorSpace']), /DeviceGray|DeviceCMYK/, `${format} ${key}`);
        if ('/SMask' in dict) assert.fail(`${format} ${key} has a soft mask`);
      }
      const uncompressed = path.join(out, `${format}-qdf.pdf`);
      await run('qpdf', ['--qdf', '--object-streams=disable', pdf, uncompressed]);
      const text = readFileSync(uncompressed).toString('latin1');
      assert.doesNotMatch(text, /\/DeviceRGB|\s(rg|RG)\n/, `${format} has RGB`);
    }
  });

  it('sets the title, author and ISBN on the cover, the spine’s title turned to read top to bottom', async () => {
    const text = (await run('pdftotext', [file('print-cover'), '-'])).stdout;
    assert.match(text, /The Hound of/);
    assert.match(text, /Arthur Conan Doyle/i);
    assert.match(text, /ISBN 9780306406157/);
    assert.match(text, /spectral hound/);
    // pdftotext -bbox gives the rotated spine words tall, narrow boxes in the spine's strip.
    const bbox = (await run('pdftotext', ['-bbox', file('print-cover'), '-'])).stdout;
    const g = wrapGeometry({ trimWidth: 432, trimHeight: 648, pages: result.pages!, printer: 'kdp', paper: 'cream' })!;
    const spineWords = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<\/word>/g)].filter((m) => Number(m[1]) >= g.spine.x - 0.5 && Number(m[3]) <= g.spine.x + g.spine.width + 0.5);
    assert.ok(spineWords.some((m) => m[5] === 'Baskervilles'), `spine words: ${spineWords.map((m) => m[5]).join(' ')}`);
    for (const m of spineWords.filter((word) => word[5]!.length >= 4)) assert.ok(Number(m[4]) - Number(m[2]) > Number(m[3]) - Number(m[1]), `"${m[5]}" is turned`);
  });

  it('passes book check --print', async () => {
    const checked = await checkBook(config, { print: true });
    assert.deepEqual(checked.preflight, []);
  });

  it('makes the same cover bytes twice', async () => {
    const again = tempDir();
    const second = await build({ config, out: again, formats: ['pdf'], now: NOW });
    const cover = second.files.find((f) => f.format === 'print-cover')!.path;
    assert.ok(readFileSync(cover).equals(readFileSync(file('print-cover'))));
  });
});

describe('the sample as a KDP paperback', { skip: tools }, () => {
  it('builds an interior and a cover of the formula’s size that qpdf passes; check --print names the page count alone', async () => {
    const dir = tempDir('book-sample-');
    cpSync(path.join(ROOT, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
    const config = path.join(dir, 'book.config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(path.join(ROOT, 'book.config.json'), 'utf8')), $schema: undefined, print: { pod: { printer: 'kdp', paper: 'white' } } }));
    const out = tempDir();
    const result = await build({ config, out, formats: ['pdf'], now: NOW });
    const cover = result.files.find((f) => f.format === 'print-cover')!.path;
    for (const file of [cover, result.files.find((f) => f.format === 'pdf')!.path]) assert.equal((await run('qpdf', ['--check', file])).code, 0);
    const media = (await boxes(cover)).MediaBox!;
    // 5.5 × 8.5 in: 0.125 + 5.5 + pages × 0.002252 + 5.5 + 0.125 by 8.75 in.
    assert.ok(Math.abs(media[2]! - (11.25 + result.pages! * 0.002252) * 72) < 0.01);
    assert.ok(Math.abs(media[3]! - 8.75 * 72) < 0.01);
    const checked = await checkBook(config, { print: true });
    assert.deepEqual(checked.preflight!.map((f) => f.message.replace(/\d+ pages/, 'N pages')), ['crait.pdf: N pages; KDP prints paperbacks of 24 to 828 pages (rule: page count); add pages (front or back matter) or choose a smaller trim or a larger type size']);
  });
});

describe('book check --print on files a printer would refuse', { skip: missingTool('pdfinfo') }, () => {
  it('names the trim, the page count and the low-resolution cover image, one line each, and exits 1', async () => {
    const dir = tempDir('book-refused-');
    cpSync(path.join(ROOT, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
    await sharp({ create: { width: 400, height: 640, channels: 3, background: '#336699' } }).jpeg().toFile(path.join(dir, 'cover.jpg'));
    writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ title: 'Crait', author: 'Anonymous', language: 'en', chapters: ['manuscript/*.txt'], cover: 'cover.jpg', print: { trim: 'A5', pod: { printer: 'kdp' } } }));
    const { code, stdout, stderr } = await runCli(['check', '--print'], { cwd: dir });
    assert.equal(code, 1, stdout + stderr);
    const lines = stderr.split('\n').filter((line) => line.startsWith('print: '));
    assert.equal(lines.length, 3, stderr);
    assert.match(lines[0]!, /^print: crait\.pdf: the trim 5\.827 in × 8\.268 in is not one KDP prints .*rule: the printer's trim sizes.*set print\.trim/);
    assert.match(lines[1]!, /^print: crait\.pdf: \d+ pages; KDP prints paperbacks of 24 to 828 pages \(rule: page count\)/);
    assert.match(lines[2]!, /^print: crait-cover\.pdf: the cover image prints at 67 pixels to the inch on the front \(rule: at least 300\); use one of at least \d+ × \d+ pixels/);
    assert.match(stderr, /error: book check --print: 3 rule\(s\) of the printer broken/);
    assert.doesNotMatch(stderr, /at .*\.ts:\d+/, 'no stack trace');
  });

  it('asks for a printer when the config names none', async () => {
    const { code, stderr } = await runCli(['check', '--print'], { cwd: ROOT });
    assert.equal(code, 1);
    assert.match(stderr, /print\.pod.*names no printer/);
  });

  it('asks IngramSpark books for the spine width of its template', async () => {
    const dir = tempDir('book-ingram-');
    cpSync(path.join(ROOT, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
    writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ title: 'Crait', author: 'Anonymous', language: 'en', chapters: ['manuscript/*.txt'], print: { pod: { printer: 'ingramspark' } } }));
    const { code, stderr } = await runCli(['build'], { cwd: dir });
    assert.equal(code, 1);
    assert.match(stderr, /print\.pod\.spine.*IngramSpark publishes no per-page spine figure/);
  });
});

describe('pictures in a PDF/X-1a interior', { skip: missingTool('pdfimages') }, () => {
  it('are grey for a black-and-white interior, at the pixel size they came in', async () => {
    const config = bookCopy(path.join(ROOT, 'test/fixtures/photos'), (c) => {
      c.print = { pdfx: 'x-1a' };
    });
    const out = tempDir();
    const result = await build({ config, out, formats: ['pdf'], now: NOW });
    const { stdout } = await run('pdfimages', ['-list', result.files[0]!.path]);
    const rows = stdout.split('\n').slice(2).filter((line) => line.trim()).map((line) => line.trim().split(/\s+/));
    assert.equal(rows.length, 3);
    for (const cells of rows) {
      assert.equal(cells[5], 'gray', `an image in ${cells[5]}`);
      assert.equal(cells[2], 'image', 'no soft mask');
    }
  });
});
