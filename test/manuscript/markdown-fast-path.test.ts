import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseMarkdownChapter, parseMarkdownChapterWhole } from '../../src/manuscript/markdown.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

// Documents where reading paragraph by paragraph could go wrong if the fast path were careless.
const TRICKY = [
  '# Title\n\nPlain words.\n\n- a list\n- of items\n\n  continued item\n\nAfter the list.',
  'A paragraph\nwith a lazy line.\n\n> A quote\nlazily continued\n\nPlain again.',
  'Text\n\n    indented code\n\n    more code\n\nText after.',
  'Setext heading\n==============\n\nWords.\n\nAnother\n---\n\nWords.',
  'Hard break at the end of this line  \nand the next.\n\nSoft break\nhere.',
  'Uses [a reference][ref] here.\n\nPlain.\n\n[ref]: https://example.org',
  'Before.\n\n```\nfenced\n\ncode\n```\n\nAfter.',
  'Before.\n\n<!--\n\ncomment\n\n-->\n\nAfter.',
  '1. one\n2. two\n\nPlain.\n\n3) three',
  'Ampersand &amp; entity.\n\nA star * alone, an_underscore_, a `tick`.\n\nA back\\slash.',
  'Line with a tab\there.\n\n\u00A0\n\nNo-break-space line above is not blank.',
  'Trailing space at the end \n\nNext.',
  '* * *\n\nAfter an ornament.\n\n#\n\nAfter a hash.',
  'Word\n***\nmore',
  '- item\n\n      code in item\n\nplain\n\n    code after plain',
  '> quote\n\n> another quote\n\nplain',
  'An image ![alt](x.png) inline.\n\nPlain.',
  'She *never* said.\n\n“*Yes*,” he said.\n\na *b* c *d* e',
  'un*frigging*believable\n\n**strong** words\n\n*a **b** c*',
  '5 * 3 * 2\n\n*unclosed\n\nend with *emph*\n\n*start* of it',
  'multi *line\nemphasis* here\n\n(*aside*)\n\n*Hello.*, she said\n\nx *y*z\n\n*y* x*',
  '*—dash*\n\n—*dash*—\n\n*3* times\n\n“*’Tis*” so\n\n*a*\n*b*',
];

describe('Markdown fast path', () => {
  it('reads tricky documents exactly as the CommonMark parser alone does', () => {
    for (const source of TRICKY) assert.deepEqual(parseMarkdownChapter(source), parseMarkdownChapterWhole(source), JSON.stringify(source));
  });
  it('reports the file’s own line numbers for images after plain paragraphs', () => {
    const source = '# Title\n\nPlain one.\n\nPlain\ntwo.\n\n> quote\n\nPlain three.\n\nText ![a map](map.png) here.\n\n![](other.png)';
    const lines = (parse: typeof parseMarkdownChapter) => {
      const seen: [string, number][] = [];
      parse(source, (src, line) => {
        seen.push([src, line]);
        return { id: src, data: new Uint8Array(), mediaType: 'image/png', width: 1, height: 1 } as never;
      });
      return seen;
    };
    assert.deepEqual(lines(parseMarkdownChapter), [['map.png', 12], ['other.png', 14]]);
    assert.deepEqual(lines(parseMarkdownChapterWhole), lines(parseMarkdownChapter));
  });
  it('reads every corpus chapter exactly as the CommonMark parser alone does', () => {
    let chapters = 0;
    for (const book of readdirSync(CORPUS).filter((name) => !name.includes('.'))) {
      const dir = path.join(CORPUS, book, 'manuscript');
      for (const file of readdirSync(dir)) {
        const source = readFileSync(path.join(dir, file), 'utf8');
        assert.deepEqual(parseMarkdownChapter(source), parseMarkdownChapterWhole(source), `${book}/${file}`);
        chapters++;
      }
    }
    assert.ok(chapters > 100, `only ${chapters} chapters read`);
  });
});
