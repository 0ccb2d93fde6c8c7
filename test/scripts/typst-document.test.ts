import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { typstDocument, typstInline } from '../../bench/typst-document.ts';
import { pageDesign } from '../../src/typeset/design.ts';

describe("the bench's Typst version of a book", () => {
  it('keeps emphasis and prints every character Typst would read as markup as itself', () => {
    assert.equal(typstInline('She said *no*, and **meant** it.'), 'She said #emph[no], and #strong[meant] it.');
    assert.equal(typstInline('_Bleak House_ at #3 costs $5 <http://x.org> [sic] @home'), '#emph[Bleak House] at \\#3 costs \\$5 \\<http:\\/\\/x.org\\> \\[sic\\] \\@home');
    assert.equal(typstInline('the fog--I say seemed---was\nheavy'), 'the fog—I say seemed—was heavy', 'dashes as our normalizer makes them, hard wraps joined');
    assert.equal(typstInline('snake_case_name and 2*3*4'), 'snake\\_case\\_name and 2\\*3\\*4', 'no emphasis inside words');
  });

  it('sets the chapters in our page design, a page break per chapter', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'typst-doc-'));
    mkdirSync(path.join(dir, 'manuscript'));
    writeFileSync(path.join(dir, 'manuscript/01.md'), '---\ntitle: x\n---\n# Chapter I\n\nIt was *dark*.\n\n***\n\nThen light.\n');
    writeFileSync(path.join(dir, 'manuscript/02.md'), '# Chapter II\n\nMorning.\n');
    const design = pageDesign({ trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } }, 400);
    const doc = typstDocument(path.join(dir, 'manuscript'), design, 'EB Garamond', 'en');
    assert.match(doc, /#set page\(width: 396\.00pt, height: 612\.00pt, margin: \(inside: 54\.00pt, outside: 45\.00pt/);
    assert.match(doc, /#set text\(font: "EB Garamond", size: 11\.00pt, lang: "en", hyphenate: true/);
    assert.match(doc, /linebreaks: "optimized"/);
    assert.match(doc, /pagebreak\(weak: true\)/);
    assert.ok(!doc.includes('title: x'), 'front matter left out');
    const body = doc.split('\n').filter((line) => line && !line.startsWith('#set') && !line.startsWith('#show'));
    assert.deepEqual(body, ['= Chapter I', 'It was #emph[dark].', '#align(center)[\\* #h(1em) \\* #h(1em) \\*]', 'Then light.', '= Chapter II', 'Morning.']);
  });
});
