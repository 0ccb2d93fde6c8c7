import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { missingTool, ROOT, run, tempDir } from '../helpers/tools.ts';

// An anthology of three pieces by three authors: continuous openings, running heads naming each
// piece and its author, a long book title and a long piece title.
const FIXTURE = path.join(ROOT, 'test/fixtures/anthology');

describe('the printed pages of an anthology (chapter starts, running heads, contents)', { skip: missingTool('pdftotext') }, () => {
  const out = tempDir();
  const pdf = path.join(out, 'tide-tables-and-other-small-weathers-an-anthology-of-coastal-writing.pdf');
  let pages: string[][] = [];
  before(async () => {
    await build({ config: path.join(FIXTURE, 'book.config.json'), out, formats: ['pdf'], now: new Date(1700000000000) });
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    pages = stdout.replace(/\f$/, '').split('\f').map((page) => page.split('\n').filter((line) => line.trim()));
  });
  const body = () => pages.slice(4).filter((lines) => lines.length > 0);
  const head = (lines: readonly string[]) => lines[0]!.trim().replace(/\s{2,}/g, ' | ');

  it('sets each piece below the one before: no blank page between them, two pieces sharing a page', () => {
    assert.equal(pages.slice(4).filter((lines) => lines.length === 0).length, 0, 'no blank page in the body');
    const shared = body().find((lines) => lines.some((l) => l.includes('After he died')) && lines.some((l) => l.trim() === 'Gulls'));
    assert.ok(shared, 'the end of the first piece and the poem on one page');
    assert.ok(shared.some((l) => /^\s+They stand on the harbour wall facing the wind,$/.test(l)), 'the poem keeps its lines');
  });

  it('names the piece over right-hand pages and its author over left-hand ones', () => {
    const [opener, verso, recto] = body();
    assert.ok(!/^\s*\d+\s*$/.test(opener![0]!) && opener!.at(-1)!.trim() === '1', 'the first page opens the book: its folio at the foot, no head');
    assert.equal(head(verso!), '2 | Mara Quill', 'the verso names the author of the piece it begins in, though another opens lower down');
    assert.equal(head(recto!), 'The Ferry Crossing in November | 3', 'the recto names the piece');
  });

  it('wraps a long title in the contents, the page number on its last line, and on the title page', () => {
    const contents = pages.find((lines) => lines.some((l) => l.trim() === 'Contents'))!;
    const at = contents.findIndex((l) => l.startsWith('Low Water at the Old Harbour'));
    assert.ok(at >= 0, contents.join('\n'));
    assert.doesNotMatch(contents[at]!, /\d\s*$/, 'no number on the first line of a wrapped entry');
    assert.match(contents[at + 1]!, /^\s+Tide Tables My Grandfather Kept\s+1$/, 'the rest hangs under it with the number');
    assert.match(contents[at + 2]!, /^Gulls\s+2$/);
    const title = pages[0]!.map((l) => l.trim()).join(' ');
    assert.match(title, /Tide Tables and Other Small Weathers: An Anthology of Coastal Writing/, 'the whole title on the title page');
    assert.match(title, /Mara Quill, Jon Abernethy and Ines Okafor/);
  });
});
