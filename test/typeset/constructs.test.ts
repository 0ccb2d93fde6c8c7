import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PrintOptions } from '../../src/config/schema.ts';
import type { Block, Book, Inline } from '../../src/model/index.ts';
import { typesetBook, type DrawnLine } from '../../src/typeset/index.ts';
import { fonts } from './helpers.ts';

const print: PrintOptions = { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } };
const text = (value: string): Inline => ({ kind: 'text', value });
const para = (value: string): Block => ({ kind: 'paragraph', content: [text(value)] });

async function lines(blocks: Block[], options: Partial<PrintOptions> = {}): Promise<{ lines: DrawnLine[]; textRight: number; textLeft: number }> {
  const book: Book = {
    metadata: { title: 'T', authors: ['A'], language: 'en', identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' },
    chapters: [{ id: 'ch1', role: 'chapter', matter: 'body', source: 'c.md', title: [text('One')], blocks }],
  };
  const set = await typesetBook(book, { print: { ...print, ...options }, fonts });
  const body = set.pages.slice(set.frontPages).flatMap((page) => page.lines.slice(0, page.lines.length - (page.furniture ?? 0)));
  const left = set.pages.length > set.frontPages ? set.design.inner : 0;
  return { lines: body, textLeft: left, textRight: left + set.design.textWidth };
}
const find = (all: DrawnLine[], word: string) => all.find((line) => line.runs.some((run) => run.text.includes(word)))!;
const runOf = (line: DrawnLine, word: string) => line.runs.find((run) => run.text.includes(word))!;

describe('typesetting the constructs of the model', () => {
  it('hangs list markers in the list’s indent, numbers kept from the start', async () => {
    const { lines: all } = await lines([{ kind: 'list', ordered: true, start: 7, items: [[para('seventh item')], [], [para('ninth item')]] }]);
    const seventh = find(all, 'seventh');
    const marker = runOf(seventh, '7.');
    assert.ok(seventh.x + marker.x + marker.width < seventh.x + runOf(seventh, 'seventh').x, 'the marker stands before the text');
    assert.ok(find(all, '8.'), 'an empty item keeps its number');
    assert.ok(find(all, '9.'));
  });

  it('sets code in the monospace face, spaces kept as indentation, nothing past the measure', async () => {
    const long = 'x'.repeat(30) + ' ' + 'y'.repeat(120);
    const { lines: all, textRight } = await lines([{ kind: 'codeBlock', value: `def f():\n    return 1\n${long}` }]);
    const ret = find(all, 'return');
    const def = find(all, 'def');
    assert.equal(runOf(ret, 'return').style, 'mono');
    assert.ok(runOf(ret, 'return').x > runOf(def, 'def').x, 'the indentation is kept');
    for (const line of all) for (const run of line.runs) assert.ok(line.x + run.x + run.width <= textRight + 0.01, `${run.text} overflows`);
    assert.ok(all.some((line) => line.runs.some((run) => run.text === '→')), 'a continuation is marked');
  });

  it('sets any code the bundled face is given (fontkit fails on some faces’ ligature or kerning tables)', async () => {
    const code = 'if (a <= b && c != d) { return -1; } // -> => == === !== ... :: ## </a> || |  CHART  | é ü ß → «»';
    const { lines: all } = await lines([{ kind: 'codeBlock', value: code }, { kind: 'paragraph', content: [text('Inline '), { kind: 'code', value: code }] }]);
    assert.ok(all.some((line) => line.runs.some((run) => run.style === 'mono' && run.text.includes('<='))));
  });

  it('rules a table, the header in bold, columns aligned', async () => {
    const { lines: all } = await lines([{ kind: 'table', align: ['left', 'right'], head: [[text('Port')], [text('Miles')]], rows: [[[text('Dunmore')], [text('40')]], [[text('Saltcombe')], [text('112')]]] }]);
    assert.equal(runOf(find(all, 'Port'), 'Port').style, 'bold');
    assert.equal(all.flatMap((line) => line.rules ?? []).length, 3);
    const right = (word: string) => {
      const line = find(all, word);
      const run = runOf(line, word);
      return line.x + run.x + run.width;
    };
    assert.ok(Math.abs(right('40') - right('112')) < 0.01, 'a right-aligned column ends on one edge');
  });

  it('repeats a long table’s header on the next page', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [[text(`Port${i}`)], [text(String(i))]]);
    const { lines: all } = await lines([{ kind: 'table', align: [null, 'right'], head: [[text('Harbour')], [text('Miles')]], rows }]);
    assert.ok(all.filter((line) => line.runs.some((run) => run.text === 'Harbour')).length >= 2);
  });

  it('sets verse line by line with its indentation, and turns over a long line with a hanging indent', async () => {
    const long = 'and the long line goes on and on past the edge of any page that a book could have';
    const { lines: all } = await lines([{ kind: 'verse', stanzas: [[{ indent: 0, content: [text('The Owl')] }, { indent: 4, content: [text('In a boat')] }, { indent: 0, content: [text(long)] }]] }]);
    const owl = find(all, 'Owl');
    const boat = find(all, 'boat');
    assert.ok(boat.x + boat.runs[0]!.x > owl.x + owl.runs[0]!.x);
    const start = all.indexOf(find(all, 'long'));
    const next = all[start + 1];
    assert.ok(next && !next.runs.some((run) => run.text.includes('long')), 'the long line is turned over');
    assert.ok(next.x + next.runs[0]!.x > owl.x + owl.runs[0]!.x, 'with a hanging indent');
  });

  it('sets a section, a sub-section and a lower heading each its own way', async () => {
    const heading = (level: number, value: string): Block => ({ kind: 'heading', level, content: [text(value)] });
    const { lines: all, textLeft } = await lines([para('Opening words.'), heading(2, 'Section'), para('Some words.'), heading(3, 'Subsection'), para('More words.'), heading(4, 'Minor'), para('Last words.')]);
    const section = runOf(find(all, 'Section'), 'Section');
    const subsection = runOf(find(all, 'Subsection'), 'Subsection');
    const minor = find(all, 'Minor');
    assert.ok(section.smallCaps && section.style === 'regular', 'a section in small capitals');
    assert.ok(!subsection.smallCaps && subsection.style === 'italic', 'a sub-section in italic');
    assert.ok(section.size > subsection.size, 'the section larger');
    assert.ok(Math.abs(minor.x + runOf(minor, 'Minor').x - textLeft) < 0.01, 'a lower heading flush left');
    const gapAbove = (word: string) => {
      const at = all.indexOf(find(all, word));
      return find(all, word).baseline - all[at - 1]!.baseline;
    };
    assert.ok(gapAbove('Section') > gapAbove('Subsection') && gapAbove('Subsection') > gapAbove('Minor'), 'more space above a higher heading');
  });

  it('prints superscripts and small caps with the face’s own forms, and links as their words', async () => {
    const { lines: all } = await lines([{ kind: 'paragraph', content: [text('The 19'), { kind: 'styled', style: 'superscript', children: [text('th')] }, text(' century, '), { kind: 'styled', style: 'smallCaps', children: [text('Anno Domini')] }, text(', '), { kind: 'link', href: 'https://x.org', children: [text('the site')] }, text('.')] }]);
    const joined = all.flatMap((line) => line.runs.map((run) => run.text)).join(' ');
    assert.match(joined, /19ᵗʰ/);
    assert.match(joined, /the site/);
    assert.doesNotMatch(joined, /x\.org/);
    assert.ok(all.some((line) => line.runs.some((run) => run.smallCaps && /Anno/.test(run.text))));
  });

  it('breaks a long address after its separators and never past the measure', async () => {
    const { lines: all, textRight } = await lines([{ kind: 'paragraph', content: [text('See '), { kind: 'literal', value: 'https://www.example.org/a/very/long/path/to-some-document/that-never-ends/index.html?query=value&other=thing' }, text(' now.')] }]);
    for (const line of all) for (const run of line.runs) assert.ok(line.x + run.x + run.width <= textRight + 3, `${run.text} overflows`);
    assert.ok(all.length >= 2);
  });
});
