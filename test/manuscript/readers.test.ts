import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { needsMarkdown, readBook } from '../../src/manuscript/read.ts';
import { tempDir } from '../helpers/tools.ts';

/** A book of plain-text chapters (and a Markdown one, if asked), with what else the config gives. */
function plainTextBook(extra: Record<string, unknown> = {}): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'manuscript'));
  writeFileSync(path.join(dir, 'manuscript/01-one.txt'), 'One\n\nIt was *not* Markdown.\n');
  writeFileSync(path.join(dir, 'manuscript/02-two.md'), '# Two\n\nIt *was*.\n');
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ title: 'T', author: 'A', language: 'en', chapters: ['manuscript/*.txt'], ...extra }));
  return path.join(dir, 'book.config.json');
}

describe('the readers a book is read with (the Markdown reader loaded only when there is Markdown)', () => {
  it('loads the Markdown reader only for a book that may have Markdown in it', () => {
    assert.equal(needsMarkdown(loadConfig(plainTextBook())), false);
    assert.equal(needsMarkdown(loadConfig(plainTextBook({ chapters: ['manuscript/*.txt', 'manuscript/*.md'] }))), true, 'a Markdown chapter');
    assert.equal(needsMarkdown(loadConfig(plainTextBook({ manuscript: { txtAsMarkdown: true } }))), true, '.txt read as Markdown');
    assert.equal(needsMarkdown(loadConfig(plainTextBook({ dedication: 'For Ada' }))), true, 'matter written in the config');
    assert.equal(needsMarkdown(loadConfig(plainTextBook({ backCover: 'A *novel*.' }))), true, 'a back cover');
  });

  it('reads a book of plain text as plain text', async () => {
    const book = await readBook(loadConfig(plainTextBook()), new Date(0));
    assert.equal(book.chapters.length, 1);
    assert.match(JSON.stringify(book.chapters[0]!.blocks), /It was \*not\* Markdown\./);
  });

  it('reads the Markdown of the front matter in a book of plain text', async () => {
    const book = await readBook(loadConfig(plainTextBook({ dedication: 'For *Ada*' })), new Date(0));
    const dedication = book.chapters.find((chapter) => chapter.role === 'dedication');
    assert.ok(dedication);
    assert.deepEqual(dedication.blocks[0], { kind: 'paragraph', content: [{ kind: 'text', value: 'For ' }, { kind: 'emphasis', children: [{ kind: 'text', value: 'Ada' }] }] });
  });

  it('reads .txt chapters as Markdown when the config says so', async () => {
    const book = await readBook(loadConfig(plainTextBook({ manuscript: { txtAsMarkdown: true } })), new Date(0));
    assert.match(JSON.stringify(book.chapters[0]!.blocks), /"kind":"emphasis"/);
  });
});
