import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { PrintOptions } from '../../src/config/schema.ts';
import type { Book, Inline } from '../../src/model/index.ts';
import { typesetBook, type TypesetBook } from '../../src/typeset/index.ts';
import { ParagraphMemo, paragraphKey } from '../../src/typeset/paragraph-memo.ts';
import { recallParagraphMemo, rememberTypesetting } from '../../src/typeset/typesetting-cache.ts';
import { tempDir } from '../helpers/tools.ts';
import { fonts, PARAGRAPH } from './helpers.ts';

const print: PrintOptions = { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } };
const words = PARAGRAPH.split(' ');

/** Paragraphs of many lengths, so that pagination mends widows and orphans by setting some a line longer or shorter. */
function book(extra: string[] = []): Book {
  const paragraphs = Array.from({ length: 60 }, (_, i) => words.slice(i % 7, 12 + ((i * 17) % 70)).join(' '));
  return {
    metadata: { title: 'T', authors: ['A'], language: 'en', identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' },
    chapters: [0, 1].map((c) => ({
      id: `ch${c}`,
      role: 'chapter' as const,
      matter: 'body' as const,
      source: `c${c}.md`,
      title: [{ kind: 'text' as const, value: `Chapter ${c + 1}` }],
      blocks: [...paragraphs, ...extra].map((value, i) => ({ kind: 'paragraph' as const, content: i % 9 === 4 ? [{ kind: 'text' as const, value: 'So ' }, { kind: 'emphasis' as const, children: [{ kind: 'text' as const, value }] }] : [{ kind: 'text' as const, value }] })),
    })),
  };
}

/** Typesets with the paragraph memos kept in `dir`, as a build does; returns the memos it was handed too, and whether each had to set anything. */
async function typesetWithMemo(b: Book, dir: string): Promise<{ set: TypesetBook; memos: ParagraphMemo[]; grew: boolean }> {
  const memos: ParagraphMemo[] = [];
  const set = await typesetBook(b, { print, fonts, paragraphMemo: (key) => {
    const memo = recallParagraphMemo(key, dir);
    memos.push(memo);
    return memo;
  } });
  const grew = memos.some((memo) => memo.grown);
  await rememberTypesetting(fonts, 'en', print, dir);
  return { set, memos, grew };
}

/** A later build: the files of `dir` in a folder of their own, which this process has not read yet. */
function later(dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  return copy;
}

const text = (value: string): Inline[] => [{ kind: 'text', value }];

describe('paragraphs remembered between builds', () => {
  it('sets a book from remembered paragraphs exactly as afresh, variants for pagination included', async () => {
    const fresh = await typesetBook(book(), { print, fonts });
    const dir = tempDir();
    const first = await typesetWithMemo(book(), dir);
    assert.deepEqual(first.set.pages, fresh.pages);
    assert.ok(readdirSync(dir).some((f) => f.startsWith('paragraphs-')), 'the memo was written');
    const again = await typesetWithMemo(book(), later(dir));
    assert.deepEqual(again.set.pages, fresh.pages);
    assert.deepEqual(again.set.bodyLines, fresh.bodyLines);
    assert.ok(first.grew);
    assert.ok(again.memos.length > 0 && !again.grew && again.memos.every((memo) => memo.size > 0), 'every paragraph and variant came from the memo');
    assert.ok(again.memos.some((memo) => memo.variants > 0), 'pagination asked for a paragraph set a line longer or shorter, and that was remembered too');
  });

  it('reports a paragraph’s problems on every build: such paragraphs are not remembered', async () => {
    const problems = ['A cat 猫 sat.', 'x'.repeat(2000)];
    const dir = tempDir();
    const first = await typesetWithMemo(book(problems), dir);
    // The word too wide, in each of two chapters; the missing glyph once for the book.
    assert.equal(first.set.warnings.length, 3, JSON.stringify(first.set.warnings));
    const again = await typesetWithMemo(book(problems), later(dir));
    assert.deepEqual(again.set.warnings, first.set.warnings);
    assert.deepEqual(again.set.pages, first.set.pages);
  });

  it('recalls what it remembers: lines, demerits and variants', async () => {
    const dir = tempDir();
    const { memos } = await typesetWithMemo(book(), dir);
    for (const memo of memos) {
      const recalled = ParagraphMemo.recall([memo.remember()]);
      assert.equal(recalled.size, memo.size);
      assert.equal(recalled.variants, memo.variants);
      assert.deepEqual(recalled.remember(), memo.remember());
    }
  });

  it('keeps only the paragraphs the last build asked for', async () => {
    const dir = tempDir();
    await typesetWithMemo(book(['An early draft of the closing paragraph.']), dir);
    const edited = await typesetWithMemo(book(['The closing paragraph as it now reads.']), later(dir));
    assert.ok(edited.grew);
    const fresh = await typesetWithMemo(book(['The closing paragraph as it now reads.']), tempDir());
    assert.deepEqual(edited.memos.map((memo) => memo.size), fresh.memos.map((memo) => memo.size), 'the draft was forgotten');
  });

  it("appends an edit's paragraphs to the memo's file, which a later build reads whole", async () => {
    const dir = tempDir();
    await typesetWithMemo(book(), dir);
    const files = () => new Map(readdirSync(dir).filter((f) => f.startsWith('paragraphs-')).map((f) => [f, readFileSync(path.join(dir, f))]));
    const before = files();
    const afterEdit = await typesetWithMemo(book(['A paragraph the writer added.']), dir);
    assert.ok(afterEdit.grew);
    const appended = [...files()].filter(([name, bytes]) => bytes.length > before.get(name)!.length);
    assert.ok(appended.length > 0, 'a file grew');
    for (const [name, bytes] of appended) assert.ok(bytes.subarray(0, before.get(name)!.length).equals(before.get(name)!), `${name}: what was there is left as it was`);
    const again = await typesetWithMemo(book(['A paragraph the writer added.']), later(dir));
    assert.equal(again.grew, false, 'the appended paragraphs are read back');
    assert.deepEqual(again.set.pages, afterEdit.set.pages);
  });

  it('keys a paragraph by its text, faces, indent and opening small capitals', () => {
    const base = paragraphKey(text('Some words here.'), 12, 0);
    assert.equal(paragraphKey(text('Some words here.'), 12, 0), base);
    assert.notEqual(paragraphKey(text('Some words here!'), 12, 0), base);
    assert.notEqual(paragraphKey(text('Some words here.'), 0, 0), base);
    assert.notEqual(paragraphKey(text('Some words here.'), 12, 3), base);
    assert.notEqual(paragraphKey([{ kind: 'text', value: 'Some ' }, { kind: 'emphasis', children: text('words') }, { kind: 'text', value: ' here.' }], 12, 0), base);
    assert.notEqual(paragraphKey([{ kind: 'text', value: 'Some words' }, { kind: 'lineBreak' }, { kind: 'text', value: ' here.' }], 12, 0), base);
  });

  it('ignores a cut or foreign memo file', async () => {
    const dir = tempDir();
    await typesetWithMemo(book(), dir);
    const name = readdirSync(dir).filter((f) => f.startsWith('paragraphs-')).sort((a, b) => readFileSync(path.join(dir, b)).length - readFileSync(path.join(dir, a)).length)[0]!;
    const whole = readFileSync(path.join(dir, name));
    for (const [label, damaged] of [['cut', whole.subarray(0, whole.length - 6)], ['foreign', Buffer.from('not a memo at all, but even length')]] as const) {
      const copy = later(dir);
      writeFileSync(path.join(copy, name), damaged);
      const { grew } = await typesetWithMemo(book(), copy);
      assert.ok(grew, `${label}: set afresh`);
    }
    const { grew } = await typesetWithMemo(book(), later(dir));
    assert.equal(grew, false, 'an intact copy is read');
  });
});
