import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { create } from 'fontkit';
import { stylesUsed } from '../../src/ebook-edition.ts';
import { subsetFace } from '../../src/epub/font-subset.ts';
import type { Book, Inline } from '../../src/model/index.ts';
import { bundledFontFiles } from '../../src/typeset/fonts.ts';

interface LaidOutFont {
  directory: { tables: Record<string, unknown> };
  layout(text: string): { glyphs: { id: number }[] };
  glyphForCodePoint(codePoint: number): { id: number };
}

describe('embedded faces cut down to the book', () => {
  const regular = readFileSync(bundledFontFiles().regular);

  it('keeps the glyphs the text needs, ligatures and kerning included, in a fraction of the size', async () => {
    const subset = await subsetFace(regular, 'ttf', 'The office offers fine fish.');
    assert.ok(subset.length < regular.length / 3, `${subset.length} of ${regular.length} bytes`);
    const font = create(Buffer.from(subset)) as unknown as LaidOutFont;
    for (const table of ['GSUB', 'GPOS', 'cmap', 'glyf']) assert.ok(table in font.directory.tables, table);
    assert.equal(font.layout('fi').glyphs.length, 1, 'the fi ligature is still there');
    assert.notEqual(font.glyphForCodePoint('…'.codePointAt(0)!).id, 0, 'punctuation the builder writes is kept');
    assert.ok(Buffer.from(await subsetFace(regular, 'ttf', 'The office offers fine fish.')).equals(Buffer.from(subset)), 'the same bytes again');
  });

  it('embeds bold and bold italic only where the book sets them', () => {
    const book = (inlines: Inline[], notes = false): Book => ({
      metadata: { title: 'T', authors: ['A'], language: 'en', identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' },
      chapters: [{ id: 'ch01', role: 'chapter', matter: 'body', source: 'x', title: [{ kind: 'text', value: 'T' }], blocks: [{ kind: 'paragraph', content: inlines }], notes: notes ? [{ id: 'n', blocks: [] }] : [] }],
    });
    const text = (value: string): Inline => ({ kind: 'text', value });
    assert.deepEqual([...stylesUsed(book([text('plain')]))].sort(), ['italic', 'regular']);
    assert.deepEqual([...stylesUsed(book([{ kind: 'strong', children: [text('loud')] }]))].sort(), ['bold', 'italic', 'regular']);
    assert.deepEqual([...stylesUsed(book([{ kind: 'emphasis', children: [{ kind: 'strong', children: [text('both')] }] }]))].sort(), ['boldItalic', 'italic', 'regular']);
    assert.ok(stylesUsed(book([text('x')], true)).has('bold'), 'note numbers are bold');
  });
});
