import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { configSchema } from '../../src/config/schema.ts';
import { fileProblems, preflight } from '../../src/pdf/preflight.ts';
import { pageDesign } from '../../src/typeset/design.ts';

/** A PDF as pdfkit makes it with `draw`: what a careless tool hands a printer. */
function pdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: [432, 648], compress: true, pdfVersion: '1.7', info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('preflight of a PDF’s bytes', () => {
  it('finds a standard font not embedded, a link, transparency and RGB text, each once', async () => {
    const bytes = await pdf((doc) => {
      doc.font('Helvetica').fillColor('#cc2200').text('Chapter One', 72, 72);
      doc.link(72, 100, 100, 20, 'https://example.org/');
      doc.fillOpacity(0.5).rect(72, 200, 100, 100).fill('#000000');
    });
    const problems = fileProblems('careless.pdf', bytes, false, true);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0]!, /^careless\.pdf: the font Helvetica is not embedded \(rule: every font embedded\)/);
    assert.match(problems[1]!, /has annotations or links/);
    assert.match(problems[2]!, /uses transparency/);
    assert.match(problems[3]!, /has RGB colour/);
  });

  it('finds RGB in a compressed content stream only where the printer takes no RGB', async () => {
    const bytes = await pdf((doc) => doc.rect(0, 0, 10, 10).fill('#3366cc'));
    assert.ok(fileProblems('a.pdf', bytes, false, true).some((p) => p.includes('RGB')));
    assert.ok(!fileProblems('a.pdf', bytes, false, false).some((p) => p.includes('RGB')), 'KDP takes RGB');
  });

  it('passes grey and CMYK drawing, and asks a PDF/X file for its version keys and PDF 1.3', async () => {
    const bytes = await pdf((doc) => doc.rect(0, 0, 10, 10).fill([0, 0, 0, 100]));
    assert.deepEqual(fileProblems('b.pdf', bytes, false, true), []);
    const pdfx = fileProblems('b.pdf', bytes, true, true);
    assert.deepEqual(pdfx.map((p) => p.replace(/ \(rule.*/, '')), ['b.pdf: is not PDF 1.3', 'b.pdf: has no PDF/X version key or output intent', 'b.pdf: has no TrimBox']);
  });
});

describe('preflight of the interior’s design', () => {
  const design = (print: object) => pageDesign(configSchema.parse({ title: 'T', author: 'A', language: 'en', chapters: ['x.md'], print }).print, 400);
  const interior = async () => ({ name: 'book.pdf', bytes: await pdf((doc) => doc.rect(0, 0, 1, 1).fill([0, 0, 0, 100])) });

  it('names a gutter too narrow for the page count, a thin outer margin and a picture under 300 ppi, with the fix', async () => {
    const failures = preflight({ printer: 'kdp', paper: 'white', pdfx: false, design: design({ trim: '6x9', margins: { inner: '0.5in', outer: '0.2in' } }), pages: 400, images: [{ page: 37, ppi: 150 }], interior: await interior() });
    const messages = failures.map((f) => f.message);
    assert.deepEqual(messages, [
      'book.pdf: the inside margin is 0.5 in; KDP asks 0.625 in for 400 pages (rule: gutter by page count); set print.margins.inner to "0.625in" or remove it',
      'book.pdf: the outer margin is 0.2 in; KDP asks at least 0.25 in (rule: margins); set print.margins.outer to "0.25in" or more',
      'book.pdf, page 37: a picture prints at 150 pixels to the inch (rule: at least 300); use a larger image or set it smaller',
    ]);
  });

  it('passes the default design at a KDP trim', async () => {
    assert.deepEqual(preflight({ printer: 'kdp', paper: 'white', pdfx: false, design: design({ trim: '6x9' }), pages: 400, images: [], interior: await interior() }), []);
  });
});
