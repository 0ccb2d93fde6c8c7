import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chapterBodyXhtml, inlineXhtml } from '../../src/epub/xhtml.ts';
import { tocTree, ncxPoints, navList } from '../../src/epub/navigation.ts';
import type { Block, Chapter, Inline } from '../../src/model/index.ts';
import { renderText } from '../../src/text/write.ts';

const text = (value: string): Inline => ({ kind: 'text', value });
const para = (value: string): Block => ({ kind: 'paragraph', content: [text(value)] });
const chapter = (blocks: Block[], extra: Partial<Chapter> = {}): Chapter => ({ id: 'ch01', role: 'chapter', matter: 'body', title: [text('One')], blocks, source: 'one.md', ...extra });

const BLOCKS: Block[] = [
  { kind: 'list', ordered: true, start: 3, items: [[para('three')], [], [para('five'), { kind: 'list', ordered: false, start: 1, items: [[para('inner')]] }]] },
  { kind: 'codeBlock', value: '  if (a < b)\n    go();', language: 'js' },
  { kind: 'table', align: ['left', 'right'], head: [[text('Port')], [text('Miles')]], rows: [[[text('Dunmore')], [text('40')]]] },
  { kind: 'division', classes: ['disclaimer'], blocks: [para('Fiction.')] },
  { kind: 'division', classes: [], align: 'center', blocks: [para('Centred')] },
  { kind: 'verse', stanzas: [[{ indent: 0, content: [text('The Owl')] }, { indent: 3, content: [text('In a boat')] }], [{ indent: 0, content: [text('Again')] }]] },
  { kind: 'heading', level: 2, id: 'ch01-storm', content: [text('Storm')] },
];

describe('EPUB writer: the constructs of the model', () => {
  it('writes lists, code, tables, divisions, verse and heading ids as XHTML', () => {
    const xhtml = chapterBodyXhtml(chapter(BLOCKS));
    for (const part of ['<ol start="3">', '<li></li>', '<ul>', '<pre><code class="language-js">  if (a &lt; b)\n    go();</code></pre>', '<th class="align-right">Miles</th>', '<td class="align-left">Dunmore</td>', '<div class="disclaimer">', '<div class="center">', '<div class="verse">', '<p class="line" style="margin-left: 3.5em">In a boat</p>', '<h2 id="ch01-storm">Storm</h2>']) {
      assert.ok(xhtml.includes(part), part);
    }
  });
  it('writes links (into the book through the document that holds the id), styles and spans', () => {
    const links = new Map([['ch02-storm', 'ch02.xhtml']]);
    const inlines: Inline[] = [
      { kind: 'link', href: 'https://x.org/?a=1&b=2', children: [text('web')] },
      { kind: 'link', href: '#ch02-storm', children: [text('storm')] },
      { kind: 'link', href: '#nowhere', children: [text('lost')] },
      { kind: 'styled', style: 'superscript', children: [text('th')] },
      { kind: 'styled', style: 'smallCaps', children: [text('Anno')] },
      { kind: 'styled', style: 'strikethrough', children: [text('no')] },
      { kind: 'span', classes: ['aside'], children: [text('w')] },
    ];
    assert.equal(inlineXhtml(inlines, { links }), '<a href="https://x.org/?a=1&amp;b=2">web</a><a href="ch02.xhtml#ch02-storm">storm</a>lost<sup>th</sup><span class="smallcaps">Anno</span><s>no</s><span class="aside">w</span>');
  });
  it('puts the subtitle and byline under the title', () => {
    const xhtml = chapterBodyXhtml(chapter([para('x')], { subtitle: [text('Sub')], byline: ['Ann', 'Bo'] }));
    assert.match(xhtml, /<h1 id="ch01-title">One<\/h1>\n    <p class="chapter-subtitle">Sub<\/p>\n    <p class="byline">Ann and Bo<\/p>/);
  });
  it('lists sections in the nav to depth 3 and in the NCX to depth 2', () => {
    const toc = tocTree([chapter([{ kind: 'heading', level: 2, id: 'ch01-a', content: [text('A')] }, { kind: 'heading', level: 3, id: 'ch01-b', content: [text('B')] }, { kind: 'heading', level: 2, id: 'ch01-c', content: [text('C')] }])]);
    assert.deepEqual(toc[0]!.children.map((c) => [c.title, c.href, c.children.map((g) => g.title)]), [['A', 'ch01.xhtml#ch01-a', ['B']], ['C', 'ch01.xhtml#ch01-c', []]]);
    assert.match(navList(toc), /ch01-b/);
    const ncx = ncxPoints(toc);
    assert.equal(ncx.depth, 2);
    assert.doesNotMatch(ncx.xml, /ch01-b/);
  });
});

describe('text writer: the constructs of the model', () => {
  it('writes markers, code as typed, rows and verse lines', () => {
    const out = renderText({ metadata: { title: 'T', authors: ['A'], language: 'en', identifier: 'x', modified: '2024-01-01T00:00:00Z' }, chapters: [chapter(BLOCKS, { subtitle: [text('Sub')] })] });
    assert.equal(out, ['One', 'Sub', '3. three', '4.', '5. five', '   • inner', '  if (a < b)', '    go();', 'Port\tMiles', 'Dunmore\t40', 'Fiction.', 'Centred', 'The Owl', '   In a boat', '', 'Again', 'Storm', ''].join('\n'));
  });
});
