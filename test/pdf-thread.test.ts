import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PrintOptions } from '../src/config/schema.ts';
import { BookError } from '../src/errors.ts';
import type { Metadata } from '../src/model/index.ts';
import { PdfThread, WordNumbers } from '../src/pdf-thread.ts';
import { describeError, reviveError } from '../src/threads.ts';
import { pageDesign } from '../src/typeset/design.ts';
import { bundledFallbackFiles, bundledFontFiles, FontSet } from '../src/typeset/fonts.ts';
import type { DrawnPage } from '../src/typeset/index.ts';
import { missingTool, run, tempDir } from './helpers/tools.ts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const print: PrintOptions = { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } };
const metadata = { title: 'Threads', authors: ['A. Writer'], language: 'en', modified: '2023-11-14T22:13:20Z' } as Metadata;
const design = pageDesign(print, 10);
const page = (text: string): DrawnPage => ({ lines: [{ x: design.inner, baseline: design.top + 20, runs: [{ x: 0, text, style: 'regular', size: 11, smallCaps: false, wordSpacing: 0, width: 100 }] }] });

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const file = path.join(tempDir(), 'thread.pdf');
  writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.split('\f').slice(0, -1).map((p) => p.trim());
}

describe('the PDF thread', () => {
  it('puts the front matter, drawn last, before the body, and keeps only the last layout', { skip: missingTool('pdftotext') }, async () => {
    const thread = new PdfThread({ fonts: bundledFontFiles(), fallbacks: bundledFallbackFiles() });
    thread.describe(metadata);
    thread.start(design);
    thread.body([page('discarded one'), page('discarded two')]);
    // The layout began again: what was drawn before is dropped.
    thread.start(design);
    thread.body([page('body one')]);
    thread.body([page('body two'), page('body three')]);
    const { pdf } = await thread.finish([page('title page'), { lines: [] }], [{ title: 'Threads', pageIndex: 0 }, { title: 'Body', pageIndex: 2 }]);
    assert.deepEqual(await pdfPages(pdf), ['title page', '', 'body one', 'body two', 'body three']);
  });

  it('hands back what it shaped that no cache held, for the typesetting cache to keep', async () => {
    // A ligature makes the piece shaped whole; the digits make it new to any cache on this machine.
    const piece = `fi${Date.now()}`;
    const thread = new PdfThread({ fonts: bundledFontFiles(), fallbacks: bundledFallbackFiles() });
    thread.describe(metadata);
    thread.start(design);
    thread.body([page(piece)]);
    const { learned } = await thread.finish([], []);
    const fonts = FontSet.load(bundledFontFiles());
    const regular = fonts.face('regular');
    const shapedHere = regular.shapeWord(piece);
    const taught = FontSet.load(bundledFontFiles());
    taught.absorb(learned);
    assert.equal(taught.face('regular').learnedSomething, true, 'absorbed shapings are new to remember');
    assert.ok(learned.some(({ face, memory }) => face === regular.key && memory.laidOut.some(([text]) => text === piece)));
    const recalled = FontSet.load(bundledFontFiles());
    recalled.face('regular').recall(learned.find(({ face }) => face === regular.key)!.memory);
    const plain = (run: typeof shapedHere) => [run.advanceWidth, run.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]), run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])];
    assert.deepEqual(plain(recalled.face('regular').shapeWord(piece)), plain(shapedHere));
    assert.equal(recalled.face('regular').learnedSomething, false, 'the piece was not shaped again');
  });

  it('hands back a failure while drawing as an error with the thread’s message', async () => {
    const thread = new PdfThread({ fonts: bundledFontFiles(), fallbacks: bundledFallbackFiles() });
    thread.describe(metadata);
    thread.start(design);
    const image = { data: new Uint8Array([1, 2, 3, 4]), x: 0, width: 10, height: 10 };
    thread.body([{ lines: [{ x: 0, baseline: 100, runs: [], image }] }]);
    await assert.rejects(thread.finish([], []), (error: Error) => !(error instanceof BookError) && /image/i.test(error.message));
  });

  it('numbers each distinct piece once, run by run, as the drawing thread will read them', () => {
    const numbering = new WordNumbers();
    const run = (text: string, smallCaps = false, wordSpacing = 0.5) => ({ x: 0, text, style: 'regular' as const, size: 11, smallCaps, wordSpacing, width: 100 });
    const first = numbering.number([{ lines: [{ x: 0, baseline: 0, runs: [run('the cat and the hat'), run(''), run('A Title', true, 0)] }] }]);
    assert.deepEqual([...first.numbers], [5, 0, 1, 2, 0, 3, 1, 4]);
    assert.deepEqual(first.newWords, ['the', 'cat', 'and', 'hat', 'A Title']);
    const second = numbering.number([{ lines: [{ x: 0, baseline: 0, runs: [run('the  dog')] }] }]);
    assert.deepEqual([...second.numbers], [3, 0, 5, 6]);
    assert.deepEqual(second.newWords, ['', 'dog'], 'numbers carry over between batches; only new pieces are sent');
  });

  it('carries an author’s mistake across as a BookError with its fields', () => {
    const original = new BookError('manuscript/01.md', 'line 3', 'the image "x.png" is missing', 'add it');
    const crossed = reviveError(structuredClone(describeError(original)));
    assert.ok(crossed instanceof BookError);
    assert.deepEqual([crossed.file, crossed.location, crossed.problem, crossed.hint, crossed.message], [original.file, original.location, original.problem, original.hint, original.message]);
  });
});
