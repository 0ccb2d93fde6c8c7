import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeManuscript, firstInvalidUtf8 } from '../../src/manuscript/decode.ts';
import { parseMarkdownChapter } from '../../src/manuscript/markdown.ts';
import { parsePlainTextChapter, readsAsHeading } from '../../src/manuscript/plaintext.ts';
import { BookError } from '../../src/errors.ts';
import type { Block, Inline } from '../../src/model/index.ts';
import { plainText } from '../../src/model/plain-text.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeManuscript', () => {
  it('drops a BOM and turns CRLF and CR into LF', () => {
    assert.equal(decodeManuscript(bytes('\uFEFFone\r\ntwo\rthree'), 'a.txt'), 'one\ntwo\nthree');
  });
  it('names the file and line of invalid UTF-8', () => {
    const data = new Uint8Array([...bytes('ok\nstill ok\nbad '), 0xe9, ...bytes(' here')]);
    assert.throws(() => decodeManuscript(data, 'ch.txt'), (e: BookError) => e.file === 'ch.txt' && e.location === 'line 3' && /not valid UTF-8/.test(e.message));
  });
  it('rejects a binary file', () => {
    assert.throws(() => decodeManuscript(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'x.md'), /binary file/);
  });
  it('finds overlong and truncated sequences', () => {
    assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80])), 1);
    assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82])), 1);
    assert.equal(firstInvalidUtf8(bytes('héllo — “ok” 😀')), -1);
  });
});

describe('plain-text chapters', () => {
  it('reads headings by the documented rule', () => {
    for (const heading of ['Chapter 1.', 'CHAPTER ONE', 'Prologue', 'Part II: The Fall', 'XII', '7', 'THE LONG NIGHT']) assert.ok(readsAsHeading(heading), heading);
    for (const prose of ['"It\'s okay," Rey said.', 'She ran.', 'What now?', 'Chapter and verse were quoted at length by the vicar, who never once looked up from the pulpit.']) assert.ok(!readsAsHeading(prose), prose);
  });
  it('splits paragraphs at blank lines, joins wrapped lines and finds scene breaks', () => {
    const parsed = parsePlainTextChapter('Chapter 1.\n\nFirst line\nwrapped.\n\n* * *\n\nAfter.\n\n#\n\nEnd.');
    assert.deepEqual(parsed.title, [{ kind: 'text', value: 'Chapter 1' }]);
    assert.deepEqual(parsed.blocks.map((b) => b.kind), ['paragraph', 'sceneBreak', 'paragraph', 'sceneBreak', 'paragraph']);
    assert.deepEqual((parsed.blocks[0] as { content: unknown }).content, [{ kind: 'text', value: 'First line wrapped.' }]);
  });
  it('keeps an escaped straight quote as a literal', () => {
    const parsed = parsePlainTextChapter('He said \\"no\\".');
    assert.deepEqual((parsed.blocks[0] as { content: unknown }).content, [
      { kind: 'text', value: 'He said ' },
      { kind: 'literal', value: '"' },
      { kind: 'text', value: 'no' },
      { kind: 'literal', value: '"' },
      { kind: 'text', value: '.' },
    ]);
  });
});

describe('Markdown chapters', () => {
  it('takes the leading # heading as the title and parses emphasis, strong and block quotes', () => {
    const parsed = parseMarkdownChapter('# Chapter I: The Start\n\nShe *never* said **that**.\n\n> A letter,\n> two lines.\n>\n> Yours.\n\n## II\n\nMore.');
    assert.deepEqual(parsed.title, [{ kind: 'text', value: 'Chapter I: The Start' }]);
    const kinds = parsed.blocks.map((b: Block) => b.kind);
    assert.deepEqual(kinds, ['paragraph', 'blockQuote', 'heading', 'paragraph']);
    const first = parsed.blocks[0] as { content: { kind: string }[] };
    assert.deepEqual(first.content.map((i) => i.kind), ['text', 'emphasis', 'text', 'strong', 'text']);
    assert.equal((parsed.blocks[1] as { blocks: Block[] }).blocks.length, 2);
  });
  for (const ornament of ['* * *', '***', '#', '~~~', '---', '⁂']) {
    it(`reads "${ornament}" between blank lines as a scene break`, () => {
      const parsed = parseMarkdownChapter(`# T\n\nBefore.\n\n${ornament}\n\nAfter.`);
      assert.deepEqual(parsed.blocks.map((b) => b.kind), ['paragraph', 'sceneBreak', 'paragraph']);
    });
  }
  it('links web addresses typed in running text, their text kept verbatim', () => {
    const parsed = parseMarkdownChapter('See http://example.org/a--b\'s, or www.x.org/--y. Mail a--b@x.org.');
    const links = (parsed.blocks[0] as { content: Inline[] }).content.filter((i) => i.kind === 'link');
    assert.deepEqual(
      links.map((l) => l.children),
      [[{ kind: 'literal', value: "http://example.org/a--b's" }], [{ kind: 'literal', value: 'www.x.org/--y' }], [{ kind: 'literal', value: 'a--b@x.org' }]],
    );
    assert.deepEqual(links.map((l) => l.href), ["http://example.org/a--b's", 'http://www.x.org/--y', 'mailto:a--b@x.org']);
  });
  it('keeps code spans and autolinks verbatim, and reads the HTML it knows', () => {
    const parsed = parseMarkdownChapter('Use `"x"` at <https://example.org/a--b> and <b>bold</b>.');
    const content = (parsed.blocks[0] as { content: Inline[] }).content;
    assert.ok(content.some((i) => i.kind === 'code' && i.value === '"x"'));
    assert.ok(content.some((i) => i.kind === 'link' && i.href === 'https://example.org/a--b' && i.children[0]!.kind === 'literal'));
    assert.ok(content.some((i) => i.kind === 'strong' && plainText(i.children) === 'bold'));
  });
});
