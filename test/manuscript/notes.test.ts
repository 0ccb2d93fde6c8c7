import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkdownChapter, parseMarkdownChapters } from '../../src/manuscript/markdown.ts';
import type { Block, Inline } from '../../src/model/index.ts';
import { plainText } from '../../src/model/plain-text.ts';
import { normalizeChapter, passesFor } from '../../src/normalize/index.ts';

const refs = (inlines: readonly Inline[]): string[] => inlines.flatMap((n) => (n.kind === 'noteRef' ? [n.id] : 'children' in n ? refs(n.children) : []));
const blockText = (blocks: readonly Block[]) => blocks.map((b) => ('content' in b ? plainText(b.content) : '')).join('\n');

describe('notes in Markdown', () => {
  it('reads `[^id]` references and their indented, several-paragraph definitions into the chapter’s notes', () => {
    const chapter = parseMarkdownChapter('Salt pans,[^salt] and walls.[^walls]\n\n[^walls]: Built by *Philip III*,\n    around 1300.\n\n    See [the history](https://example.org/h).\n\n[^salt]: White by `October`.\n');
    const paragraph = chapter.blocks[0]!;
    assert.equal(chapter.blocks.length, 1, 'the definitions are not text');
    assert.deepEqual(refs((paragraph as { content: Inline[] }).content), ['salt', 'walls']);
    // In the order of first reference, whatever the order of the definitions.
    assert.deepEqual(chapter.notes!.map((n) => n.id), ['salt', 'walls']);
    const walls = chapter.notes![1]!;
    assert.equal(walls.blocks.length, 2);
    assert.equal(blockText(walls.blocks), 'Built by Philip III,\naround 1300.\nSee the history.');
    assert.ok(JSON.stringify(walls.blocks).includes('"kind":"emphasis"'));
    assert.ok(JSON.stringify(walls.blocks).includes('"href":"https://example.org/h"'));
    assert.ok(JSON.stringify(chapter.notes![0]!.blocks).includes('"kind":"code"'));
    assert.equal(chapter.warnings, undefined);
  });

  it('reads pandoc’s inline notes with their Markdown, brackets balanced', () => {
    const chapter = parseMarkdownChapter('She wrote weekly.^[Her letters are in the *Archives* [série J].] Then ^[a second] and ^[ unclosed.');
    const content = (chapter.blocks[0] as { content: Inline[] }).content;
    assert.equal(plainText(content), 'She wrote weekly. Then  and ^[ unclosed.');
    assert.equal(chapter.notes!.length, 2);
    assert.equal(blockText(chapter.notes![0]!.blocks), 'Her letters are in the Archives [série J].');
    assert.equal(blockText(chapter.notes![1]!.blocks), 'a second');
  });

  it('warns of a reference with no note, a note never referred to, and a note defined twice, naming the line; none is printed raw', () => {
    const chapter = parseMarkdownChapter('Text[^gone] and[^a].\n\n[^a]: One.\n[^a]: Two.\n\n[^spare]: Unused.\n');
    const text = plainText((chapter.blocks[0] as { content: Inline[] }).content);
    assert.equal(text, 'Text and.');
    const messages = (chapter.warnings ?? []).map((w) => `${w.line}: ${w.message}`);
    assert.ok(messages.some((m) => /^1: the note reference \[\^gone\] was left out: it has no note/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^4: the note \[\^a\] is defined twice \(first on line 3\)/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^6: the note \[\^spare\] is never referred to/.test(m)), messages.join('\n'));
    assert.equal(blockText(chapter.notes![0]!.blocks), 'One.');
    // pandoc leaves a label with a space as text; it is told and left out.
    const spaced = parseMarkdownChapter('Because it contains a space.[^my note] Done.');
    assert.equal(plainText((spaced.blocks[0] as { content: Inline[] }).content), 'Because it contains a space. Done.');
    assert.match(spaced.warnings![0]!.message, /\[\^my note\] was left out: a note's label cannot hold spaces/);
  });

  it('gives each chapter of a split file the notes it refers to, wherever they are defined', () => {
    const chapters = parseMarkdownChapters('# One\n\nA[^1] and b.[^both]\n\n# Two\n\nC.[^2] D.[^both]\n\n[^1]: First.\n[^2]: Second.\n[^both]: Shared.\n');
    assert.deepEqual(chapters.map((c) => c.notes?.map((n) => n.id)), [['1', 'both'], ['2', 'both']]);
    assert.equal(chapters[1]!.blocks.length, 1);
  });

  it('runs the typography passes inside notes, and a mark does not change the quotes beside it', () => {
    const parsed = parseMarkdownChapter('"Hello."[^q] -- she said.\n\n[^q]: "It\'s a quote" -- with dashes... here.\n');
    const chapter = normalizeChapter({ id: 'ch01', role: 'chapter', matter: 'body', title: [{ kind: 'text', value: 'One' }], blocks: parsed.blocks, notes: parsed.notes, source: 'x.md' }, passesFor({ language: 'en', quotes: true, dashes: true, ellipses: true, spaces: true }));
    assert.equal(plainText((chapter.blocks[0] as { content: Inline[] }).content), '“Hello.”—she said.');
    assert.equal(blockText(chapter.notes![0]!.blocks), '“It’s a quote”—with dashes… here.');
  });
});
