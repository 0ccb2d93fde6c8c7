import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTE_DEFAULTS, type NoteOptions, type PrintOptions } from '../../src/config/schema.ts';
import type { Block, Book, Inline } from '../../src/model/index.ts';
import { typesetBook, type DrawnPage } from '../../src/typeset/index.ts';
import { fonts } from './helpers.ts';

// The typesetter's notes without a PDF: drawn lines, their runs and their baselines.

const print: PrintOptions = { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } };
const text = (value: string): Inline => ({ kind: 'text', value });
const SENTENCE = 'The wind came off the lagoon in long grey gusts that bent the reeds flat while the workers walked the dykes.';

function book(notesPerParagraph: number): Book {
  const blocks: Block[] = [];
  const notes: { id: string; blocks: Block[] }[] = [];
  for (let p = 0; p < 30; p++) {
    const content: Inline[] = [text(`${SENTENCE} ${SENTENCE}`)];
    for (let k = 0; k < notesPerParagraph; k++) {
      const id = `n${p}-${k}`;
      content.push({ kind: 'noteRef', id }, text(` ${SENTENCE}`));
      notes.push({ id, blocks: [{ kind: 'paragraph', content: [text(`Note ${id}: the register of the Salins records it so.`)] }] });
    }
    blocks.push({ kind: 'paragraph', content });
  }
  return {
    metadata: { title: 'T', authors: ['A'], language: 'en', identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' },
    chapters: [{ id: 'ch1', role: 'chapter', matter: 'body', source: 'c.md', title: [text('One')], blocks, notes }],
  };
}

const words = (page: DrawnPage) => page.lines.flatMap((line) => line.runs.map((run) => run.text)).join(' ');

async function pages(notes: Partial<NoteOptions>, perParagraph = 1) {
  const set = await typesetBook(book(perParagraph), { print, fonts, notes: { ...NOTE_DEFAULTS, ...notes } });
  return { set, body: set.pages.slice(set.frontPages) };
}

describe('notes in the typeset book', () => {
  it('sets each footnote on its reference’s page, smaller, under a rule, its last line on the text block’s last baseline', async () => {
    const { set, body } = await pages({});
    const d = set.design;
    const lastBaseline = d.top + d.topSkip + (d.linesPerPage - 1) * d.leading;
    let seen = 0;
    for (const page of body) {
      const all = words(page);
      for (const match of all.matchAll(/Note (n\d+-\d)/g)) {
        seen++;
        const number = Number(/^\D*(\d+)/.exec(page.lines.find((l) => l.runs.some((r) => r.text.includes(match[1]!)))!.runs[0]!.text)?.[1]);
        assert.ok(number > 0, 'the note begins with its number');
      }
      const noteLines = page.lines.filter((line) => line.runs.some((run) => run.size < d.fontSize * 0.85 && run.size > d.fontSize * 0.75));
      if (noteLines.length === 0) continue;
      assert.ok(Math.abs(noteLines.at(-1)!.baseline - lastBaseline) < 0.01, 'the last note line sits on the last baseline');
      assert.ok(noteLines[0]!.rules?.length, 'a rule above the notes');
      // Every superscript mark in the text has its note on this page.
      const marks = all.match(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g) ?? [];
      for (const mark of marks) {
        const n = Number([...mark].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join(''));
        assert.ok(noteLines.some((line) => line.runs[0]!.text === `${n}.`), `note ${n} is on its reference's page`);
      }
    }
    assert.equal(seen, 30);
  });

  it('restarts the symbols on every page', async () => {
    const { body } = await pages({ marker: 'symbol' }, 2);
    const firsts = body.filter((page) => /Note/.test(words(page))).map((page) => page.lines.find((line) => line.runs.some((run) => /^[*†‡§‖¶]+$/.test(run.text)))!.runs.find((run) => /^[*†‡§‖¶]+$/.test(run.text))!.text);
    assert.ok(firsts.length > 2);
    assert.deepEqual(new Set(firsts), new Set(['*']));
  });

  it('collects endnotes at the back under the chapter’s title, numbers hanging, each with its reference’s page', async () => {
    const { set, body } = await pages({ print: 'endnotes', numbering: 'book' });
    const notesPage = body.findIndex((page) => page.lines.some((line) => line.runs.some((run) => run.text === 'Notes')));
    assert.ok(notesPage > 0);
    const back = body.slice(notesPage);
    const first = back.flatMap((page) => page.lines).find((line) => line.runs.some((run) => run.text.includes('Note n0-0')))!;
    assert.equal(first.runs[0]!.text, '1.');
    assert.ok(first.runs[0]!.x < 0, 'the number hangs before the note');
    assert.match(words(back[0]!), /Note n0-0: the register of the Salins records it so\. page 1 /);
    // No footnotes in the text pages.
    assert.ok(body.slice(0, notesPage).every((page) => !/Note n/.test(words(page))));
    assert.equal(set.outline.at(-1)!.title, 'Notes');
  });
});
