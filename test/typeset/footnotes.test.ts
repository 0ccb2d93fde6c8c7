import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SetLine } from '../../src/typeset/lines.ts';
import { paginate, type FlowElement, type FlowParagraph, type FootnoteBody, type Page } from '../../src/typeset/paginate.ts';

// Pages of notes laid out without a PDF: the paginator sees lines, their heights and the notes
// each line refers to, and places text and notes together.

const line = (label: string, notes?: number[]): SetLine => ({ runs: [{ x: 0, text: label, style: 'regular', size: 10, smallCaps: false, wordSpacing: 0, width: 10 }], ratio: 0, hyphenated: false, width: 10, ...(notes ? { notes } : {}) });
const NOTE_HEIGHT = 0.8;

function note(lines: number, paragraphs = 1): FootnoteBody {
  return { lines: Array.from({ length: lines }, (_, i) => ({ line: line(`note line ${i}`), x: 12, height: NOTE_HEIGHT, space: paragraphs > 1 && i === Math.floor(lines / paragraphs) ? 0.2 : 0 })) };
}

let counter = 0;
function paragraph(n: number, refs: Record<number, number[]> = {}, options: Partial<FlowParagraph> = {}): FlowParagraph {
  const id = ++counter;
  return { kind: 'paragraph', lines: Array.from({ length: n }, (_, i) => line(`${id}.${i}`, refs[i])), x: 0, height: 1, keepWithNext: false, ...options };
}

/** Each note's page, each note line's page, and whether any page holds more than its lines. */
function audit(pages: Page[], perPage: number, notes: FootnoteBody[]) {
  const referencedOn = new Map<number, number>();
  const startsOn = new Map<number, number>();
  const linesSet = new Map<number, number>();
  pages.forEach((page, p) => {
    for (const placed of page.lines) for (const n of placed.line.notes ?? []) if (!referencedOn.has(n)) referencedOn.set(n, p);
    page.footnotes?.notes.forEach((n, k) => {
      if (!startsOn.has(n)) startsOn.set(n, p);
      linesSet.set(n, (linesSet.get(n) ?? 0) + 1);
      if (k === 0 && page.footnotes!.continued) assert.ok(startsOn.get(n)! < p, `note ${n} is marked continued on its first page`);
    });
    const textBottom = Math.max(0, ...page.lines.map((l) => l.top + l.height));
    const notesTop = page.footnotes ? page.footnotes.top : perPage;
    assert.ok(textBottom <= notesTop + 1e-9, `page ${p}: text runs into its notes (${textBottom} > ${notesTop})`);
    const last = page.footnotes?.lines.at(-1);
    if (last) assert.ok(Math.abs(last.top + last.height - perPage) < 1e-9 || !page.full, `page ${p}: notes do not end at the foot`);
    for (const l of page.footnotes?.lines ?? []) assert.ok(l.top + l.height <= perPage + 1e-9, `page ${p} overflows`);
  });
  return { referencedOn, startsOn, linesSet };
}

describe('footnotes on the page', () => {
  it('sets a note at the foot of the page that refers to it, under the text', () => {
    const notes = [note(2)];
    const flow: FlowElement[] = [paragraph(30, { 4: [0] })];
    const pages = paginate(flow, 20, notes);
    const { referencedOn, startsOn, linesSet } = audit(pages, 20, notes);
    assert.equal(referencedOn.get(0), 0);
    assert.equal(startsOn.get(0), 0);
    assert.equal(linesSet.get(0), 2);
    // Two note lines and the space above them take three lines of text: 17 are left.
    assert.equal(pages[0]!.lines.length, 17);
    assert.equal(pages[0]!.footnotes!.continued, false);
  });

  it('runs a long note on to the next page, under a rule marked as continued, and starts it on its reference’s page', () => {
    const notes = [note(30)];
    const flow: FlowElement[] = [paragraph(60, { 15: [0] })];
    const pages = paginate(flow, 20, notes);
    const { referencedOn, startsOn, linesSet } = audit(pages, 20, notes);
    assert.equal(startsOn.get(0), referencedOn.get(0));
    assert.equal(linesSet.get(0), 30, 'every line of the note is set');
    assert.equal(pages[1]!.footnotes!.continued, true);
    assert.ok(pages[0]!.footnotes!.lines.length >= 2);
  });

  it('moves a line to the next page when its note cannot start beside it', () => {
    // The reference falls on the page's last line, with no room below it for two lines of its note.
    const notes = [note(3)];
    const flow: FlowElement[] = [paragraph(40, { 19: [0] })];
    const pages = paginate(flow, 20, notes);
    const { referencedOn, startsOn } = audit(pages, 20, notes);
    assert.equal(startsOn.get(0), referencedOn.get(0));
    assert.ok(pages[0]!.lines.length < 20);
  });

  it('places every note of a corpus of pages on its reference’s page, continued notes on the next, and never overfills a page', () => {
    // A chapter with a note near every page's foot: short, long, several paragraphs, two on one line.
    const notes: FootnoteBody[] = [];
    const refs: Record<number, number[]> = {};
    for (let i = 0; i < 120; i++) {
      const at = 3 + i * 7 + (i % 5);
      const size = i % 11 === 0 ? 18 : i % 4 === 0 ? 6 : 1 + (i % 3);
      notes.push(note(size, i % 4 === 0 ? 2 : 1));
      (refs[at] ??= []).push(notes.length - 1);
      if (i % 13 === 0) {
        notes.push(note(1));
        refs[at]!.push(notes.length - 1);
      }
    }
    const flow: FlowElement[] = [];
    let remaining = 900;
    let offset = 0;
    while (remaining > 0) {
      const n = Math.min(remaining, 3 + (offset % 9));
      const own: Record<number, number[]> = {};
      for (let l = 0; l < n; l++) if (refs[offset + l]) own[l] = refs[offset + l]!;
      flow.push(paragraph(n, own, { vary: undefined }), { kind: 'space', height: 0, keepAtTop: false });
      offset += n;
      remaining -= n;
    }
    const pages = paginate(flow, 30, notes);
    const { referencedOn, startsOn, linesSet } = audit(pages, 30, notes);
    assert.equal(startsOn.size, notes.length, 'every note is set');
    for (const [n, page] of referencedOn) assert.equal(startsOn.get(n), page, `note ${n} starts on page ${startsOn.get(n)}, its reference is on ${page}`);
    notes.forEach((body, n) => assert.equal(linesSet.get(n), body.lines.length, `note ${n} lost lines`));
    // A note that runs on goes on at the top of the very next page's notes.
    pages.forEach((page, p) => {
      if (!page.footnotes?.continued) return;
      const first = page.footnotes.notes[0]!;
      assert.equal(pages[p - 1]!.footnotes?.notes.at(-1), first, `page ${p} continues a note the page before did not end with`);
    });
    // Every line of text is set once.
    assert.equal(pages.reduce((n, page) => n + page.lines.length, 0), 900);
  });

  it('keeps a heading off the foot of a page when notes take the room under it', () => {
    const notes = [note(4)];
    const heading = paragraph(1, {}, { keepWithNext: true });
    const flow: FlowElement[] = [paragraph(13, { 2: [0] }), { kind: 'space', height: 1, keepAtTop: false }, heading, paragraph(10)];
    const pages = paginate(flow, 20, notes);
    audit(pages, 20, notes);
    const lastOfFirst = pages[0]!.lines.at(-1)!;
    assert.notEqual(lastOfFirst.line, heading.lines[0], 'a heading ended the page');
  });

  it('sets lines whose notes are set elsewhere (endnotes) as if they had none', () => {
    // The same flow twice: once with references to notes the paginator does not hold.
    const flow = (refs: Record<number, number[]>): FlowElement[] => [paragraph(33, refs), { kind: 'space', height: 1, keepAtTop: false }, paragraph(21, refs)];
    const tops = (pages: Page[]) => pages.map((p) => p.lines.map((l) => l.top));
    const withReferences = paginate(flow({ 3: [0], 19: [1, 2] }), 20, []);
    assert.deepEqual(tops(withReferences), tops(paginate(flow({}), 20, [])));
    assert.ok(withReferences.every((page) => page.footnotes === undefined));
    // And a note the paginator holds does change the pages.
    assert.notDeepEqual(tops(paginate(flow({ 3: [0] }), 20, [note(3)])), tops(withReferences));
  });
});
