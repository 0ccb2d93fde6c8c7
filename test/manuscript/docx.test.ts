import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { AlignmentType, Document, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { convertWordDocument } from '../../src/manuscript/docx/convert.ts';
import { readWordDocument } from '../../src/manuscript/docx/read.ts';
import { MAX_UNPACKED_BYTES, unsupportedWordFormat } from '../../src/manuscript/docx/unpack.ts';
import { BookError } from '../../src/errors.ts';
import type { Block, ImageData, Inline } from '../../src/model/index.ts';
import { plainText } from '../../src/model/plain-text.ts';
import type { ParsedChapter } from '../../src/manuscript/markdown.ts';
import { wordBook } from '../helpers/word.ts';

const images: Buffer[] = [];
const resolve = (data: Buffer, alt: string): ImageData => {
  images.push(data);
  return { id: `img-${images.length}`, data, mediaType: 'image/png', width: 40, height: 30 };
};

async function chapters(bytes: Buffer): Promise<ParsedChapter[]> {
  return convertWordDocument(await readWordDocument(bytes, 'book.docx'), resolve);
}

const text = (blocks: readonly Block[]) => blocks.map((b) => ('content' in b ? plainText(b.content) : b.kind)).join('\n');
const find = (inlines: readonly Inline[], kind: string): Inline[] => inlines.flatMap((n) => [...(n.kind === kind || (n.kind === 'styled' && n.style === kind) ? [n] : []), ...('children' in n ? find(n.children, kind) : [])]);
const words = (chapter: ParsedChapter) => chapter.blocks.flatMap((b) => ('content' in b ? b.content : []));

async function single(...paragraphs: Paragraph[]): Promise<ParsedChapter[]> {
  return chapters(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

describe('Word documents', () => {
  it('splits a whole book at Heading 1, leaving out the title page with a warning', async () => {
    const book = await chapters(await wordBook());
    assert.deepEqual(book.map((c) => plainText(c.title!)), ['Chapter One', 'Chapter Two']);
    const messages = book[0]!.warnings!.map((w) => w.message);
    assert.ok(messages.some((m) => /title page before the first chapter \("The Salt Road", "Hélène Marsh"\) was left out/.test(m)), messages.join('\n'));
  });

  it('splits at a bold centred title line after a page break when the writer used no heading styles', async () => {
    const book = await chapters(await wordBook({ headings: false }));
    assert.deepEqual(book.map((c) => plainText(c.title!)), ['Chapter One', 'Chapter Two']);
  });

  it('reads direct formatting: italic, bold, small caps, sub- and superscript', async () => {
    const [first] = await chapters(await wordBook());
    const all = words(first!);
    assert.deepEqual(find(all, 'emphasis').map((n) => plainText([n])), ['Phoenicopterus roseus']);
    assert.deepEqual(find(all, 'smallCaps').map((n) => plainText([n])), ['Guide Bleu']);
    assert.deepEqual(find(all, 'subscript').map((n) => plainText([n])), ['2']);
    assert.deepEqual(find(all, 'superscript').map((n) => plainText([n])), ['st']);
  });

  it('makes centred ornaments and three empty paragraphs scene breaks, keeps quotes, lists, tables, links, line breaks and images', async () => {
    const [first] = await chapters(await wordBook());
    const kinds = first!.blocks.map((b) => b.kind);
    assert.equal(kinds.filter((k) => k === 'sceneBreak').length, 2);
    for (const kind of ['blockQuote', 'list', 'table', 'figure', 'heading']) assert.ok(kinds.includes(kind as Block['kind']), `no ${kind}`);
    const figure = first!.blocks.find((b) => b.kind === 'figure') as Extract<Block, { kind: 'figure' }>;
    assert.equal(figure.alt, 'Salt pans at dawn');
    assert.ok(find(words(first!), 'link').some((n) => n.kind === 'link' && n.href === 'https://example.org/camargue'));
    assert.ok(words(first!).some((n) => n.kind === 'lineBreak'));
    const table = first!.blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
    assert.deepEqual(table.head.map((cell) => plainText(cell)), ['Year', 'Tonnes']);
  });

  it('keeps footnotes as the model’s notes, several paragraphs and formatting included', async () => {
    const [first] = await chapters(await wordBook());
    assert.deepEqual(first!.notes!.map((n) => text(n.blocks)), ['Louis IX sailed from here in 1248.', 'The greater flamingo winters in North Africa.\nA few hundred stay.']);
    assert.ok(JSON.stringify(first!.notes![0]!.blocks).includes('"kind":"strong"'));
  });

  it('never prints comments, deleted or hidden text; accepts insertions; counts what it dropped in one warning each', async () => {
    const book = await chapters(await wordBook());
    const all = book.map((c) => text(c.blocks)).join('\n');
    assert.doesNotMatch(all, /Check this date|Too long|struck words|SECRET/);
    assert.match(all, /After the ornament, newly written the text went on\./);
    const messages = book[0]!.warnings!.map((w) => w.message);
    assert.ok(messages.includes('2 comments ignored'), messages.join('\n'));
    assert.ok(messages.includes('has tracked changes: 1 insertion accepted, 1 deletion dropped; review them in Word'), messages.join('\n'));
  });

  it('makes Word’s ‘ before an elision straight again, for the quote passes to decide', async () => {
    const [, second] = await chapters(await wordBook());
    assert.equal(text(second!.blocks), "Letters came every week, 'tis true, since the '90s.");
  });

  it('makes a section break inside a chapter a scene break, and a section break before a title a chapter', async () => {
    const document = new Document({
      sections: [
        { children: [new Paragraph({ children: [new TextRun({ text: 'Chapter 1', bold: true })], alignment: AlignmentType.CENTER }), new Paragraph('First scene.')] },
        { children: [new Paragraph('Second scene, after a section break.')] },
        { children: [new Paragraph({ children: [new TextRun({ text: 'Chapter 2', bold: true })], alignment: AlignmentType.CENTER }), new Paragraph('Its text.')] },
      ],
    });
    const book = await chapters(await Packer.toBuffer(document));
    assert.deepEqual(book.map((c) => plainText(c.title!)), ['Chapter 1', 'Chapter 2']);
    assert.deepEqual(book[0]!.blocks.map((b) => b.kind), ['paragraph', 'sceneBreak', 'paragraph']);
  });

  it('keeps a short centred line that is not an ornament centred, and takes a Title as a single chapter’s title', async () => {
    const [story] = await single(new Paragraph({ text: 'The Tide Clock', style: 'Title' }), new Paragraph('The clock told the tide.'), new Paragraph({ text: 'CLOSED ON SUNDAYS', alignment: AlignmentType.CENTER }), new Paragraph({ text: '⁂', alignment: AlignmentType.CENTER }), new Paragraph('Later.'));
    assert.equal(plainText(story!.title!), 'The Tide Clock');
    assert.deepEqual(story!.blocks.map((b) => b.kind), ['paragraph', 'division', 'sceneBreak', 'paragraph']);
  });

  it('keeps a Heading 2 after a page break a section of its chapter, and a line in capitals mid-text a paragraph', async () => {
    const book = await single(
      new Paragraph({ text: 'Chapter 1', heading: 'Heading1' }),
      new Paragraph('Text.'),
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({ text: 'The Storm', heading: 'Heading2' }),
      new Paragraph('More.'),
      new Paragraph('NO ENTRY'),
      new Paragraph('The sign said so.'),
    );
    assert.equal(book.length, 1);
    assert.deepEqual(book[0]!.blocks.map((b) => b.kind), ['paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('opens a part at a Part title before a chapter title', async () => {
    const book = await single(new Paragraph({ text: 'Part Two', heading: 'Heading1' }), new Paragraph({ text: 'Chapter 7', heading: 'Heading1' }), new Paragraph('Text.'), new Paragraph({ text: 'Chapter 8', heading: 'Heading1' }), new Paragraph('More.'));
    assert.deepEqual(book.map((c) => [c.part ? plainText(c.part) : null, plainText(c.title!)]), [['Part Two', 'Chapter 7'], [null, 'Chapter 8']]);
  });
});

describe('Word files the book cannot read', () => {
  const refused = async (bytes: Uint8Array, pattern: RegExp) => {
    await assert.rejects(readWordDocument(bytes, 'book.docx'), (error: unknown) => error instanceof BookError && pattern.test(error.message) && !error.message.includes('\n'));
  };

  it('names the format and what to do for .doc, .odt, .rtf and .pages chapters', () => {
    for (const [extension, words] of [['.doc', /old Word 97–2003/], ['.odt', /OpenDocument/], ['.rtf', /RTF/], ['.pages', /Apple Pages/]] as const) {
      const error = unsupportedWordFormat(extension, `ch1${extension}`)!;
      assert.match(error.message, words);
      assert.match(error.message, /save it as a Word Document \(\.docx\)/);
    }
    assert.equal(unsupportedWordFormat('.docx', 'ch1.docx'), undefined);
  });

  it('refuses encrypted, renamed, damaged, non-Word and oversized files in one line', async () => {
    await refused(Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(64), 'hex'), /password-protected/);
    await refused(Buffer.from('{\\rtf1\\ansi hello}'), /RTF file renamed/);
    await refused(Buffer.from('just some text'), /not a zip archive/);
    const good = await wordBook();
    await refused(Buffer.concat([good.subarray(0, 200), Buffer.alloc(100)]), /damaged/);
    const notWord = new JSZip();
    notWord.file('hello.txt', 'hi');
    await refused(await notWord.generateAsync({ type: 'nodebuffer' }), /no word\/document\.xml/);
    // A zip bomb: an entry whose directory says it unpacks to far more than any book.
    const bomb = new JSZip();
    bomb.file('word/document.xml', '<w:document/>');
    bomb.file('word/media/huge.bin', Buffer.alloc(1024), { compression: 'DEFLATE' });
    const packed = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    for (let at = packed.indexOf('PK\u0001\u0002'); at >= 0; at = packed.indexOf('PK\u0001\u0002', at + 4)) packed.writeUInt32LE(MAX_UNPACKED_BYTES, at + 24);
    await refused(packed, /unpacks to \d+ MB/);
  });
});
