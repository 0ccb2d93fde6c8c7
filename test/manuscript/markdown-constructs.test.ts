import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkdownChapter, parseMarkdownChapters } from '../../src/manuscript/markdown.ts';
import { tokenizeHtml } from '../../src/manuscript/markdown/html.ts';
import { escapeListsInParagraphs } from '../../src/manuscript/markdown/lazy-lists.ts';
import { markFencedDivs } from '../../src/manuscript/markdown/fenced-divs.ts';
import { splitFrontMatter } from '../../src/manuscript/markdown/front-matter.ts';
import type { Block, ImageData, Inline } from '../../src/model/index.ts';
import { plainText } from '../../src/model/plain-text.ts';

const image = (src: string): ImageData => ({ id: src, data: new Uint8Array(), mediaType: 'image/png', width: 10, height: 10 });
const kinds = (blocks: readonly Block[]) => blocks.map((b) => b.kind);
const content = (block: Block | undefined) => (block as { content: Inline[] }).content;
// What a reader would see of the chapter as text: markup characters must never show up here.
const allText = (blocks: readonly Block[]): string => [...JSON.stringify(blocks).matchAll(/"value":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string).join(' ');

describe('front matter', () => {
  it('gives the title, subtitle and byline, and is never text', () => {
    const [chapter] = parseMarkdownChapters('---\ntitle: "Chapter 3: Farther and Fainter"\nshort: Farther\nsubtitle: A sub\nauthor: [Ann, {name: Bo}]\ntags: [x]\n---\n\nText.\n');
    assert.equal(plainText(chapter!.title!), 'Chapter 3: Farther and Fainter');
    assert.equal(chapter!.shortTitle, 'Farther', 'the running heads’ title');
    assert.equal(plainText(chapter!.subtitle!), 'A sub');
    assert.deepEqual(chapter!.byline, ['Ann', 'Bo']);
    assert.deepEqual(kinds(chapter!.blocks), ['paragraph']);
    assert.doesNotMatch(allText(chapter!.blocks), /title|tags/);
  });
  it('keeps the lines of the rest where they were', () => {
    const split = splitFrontMatter('---\na: 1\n---\nline four');
    assert.equal(split.body.split('\n').indexOf('line four'), 3);
  });
  it('leaves a thematic break that is not front matter alone', () => {
    assert.equal(splitFrontMatter('Text\n---\n').matter, null);
  });
});

describe('raw HTML', () => {
  it('never prints comments, and maps the tags writers use', () => {
    const { blocks, warnings } = parseMarkdownChapter('<!-- a note\nto self -->\n\nA <span class="smallcaps">Name</span>, <sup>1</sup>, <em>it</em>, <a href="https://x.org">x</a>, <br> end.\n');
    assert.deepEqual(kinds(blocks), ['paragraph']);
    const nodes = content(blocks[0]);
    assert.ok(nodes.some((n) => n.kind === 'styled' && n.style === 'smallCaps'));
    assert.ok(nodes.some((n) => n.kind === 'styled' && n.style === 'superscript'));
    assert.ok(nodes.some((n) => n.kind === 'emphasis'));
    assert.ok(nodes.some((n) => n.kind === 'link' && n.href === 'https://x.org'));
    assert.ok(nodes.some((n) => n.kind === 'lineBreak'));
    assert.doesNotMatch(allText(blocks), /note|<|>/);
    assert.equal(warnings, undefined);
  });
  it('drops scripts, frames and unknown tags with one warning naming the first line and the tags, keeping text', () => {
    const { blocks, warnings } = parseMarkdownChapter('Intro.\n\n<script>alert(1)</script>\n\n<marquee>Moving words</marquee> and <a href="javascript:x()">a link</a>.\n');
    assert.doesNotMatch(allText(blocks), /alert|javascript|<|>/);
    assert.match(allText(blocks), /Moving words/);
    assert.equal(warnings?.length, 1);
    assert.equal(warnings![0]!.line, 3);
    assert.match(warnings![0]!.message, /<script>.*<marquee>/);
  });
  it('centres a centred div, reads its Markdown, and makes an <img> a figure', () => {
    const { blocks } = parseMarkdownChapter('<div align="center">Some *words*</div>\n\n<img src="a.png" alt="A map">\n', (src) => image(src));
    assert.deepEqual(kinds(blocks), ['division', 'figure']);
    assert.equal((blocks[0] as { align?: string }).align, 'center');
    assert.ok(content((blocks[0] as { blocks: Block[] }).blocks[0]).some((n) => n.kind === 'emphasis'));
    assert.equal(plainText((blocks[1] as { caption: Inline[] }).caption), 'A map');
  });
  it('tokenizes tags, attributes, comments and entities', () => {
    assert.deepEqual(tokenizeHtml('<p class="a b" align=center>x &amp; &#8212;</p><!--c-->'), [
      { type: 'open', name: 'p', attributes: { class: 'a b', align: 'center' }, selfClosing: false },
      { type: 'text', value: 'x & —' },
      { type: 'close', name: 'p' },
      { type: 'comment', value: 'c' },
    ]);
  });
});

describe('lists', () => {
  it('keeps the start number, nesting and an empty item', () => {
    const { blocks } = parseMarkdownChapter('Text.\n\n3. three\n4.\n5. five\n   - nested\n');
    const list = blocks[1] as Extract<Block, { kind: 'list' }>;
    assert.equal(list.ordered, true);
    assert.equal(list.start, 3);
    assert.equal(list.items.length, 3);
    assert.deepEqual(list.items[1], []);
    assert.equal(list.items[2]![1]!.kind, 'list');
  });
  it('needs a blank line before it, as in pandoc: a hard-wrapped line starting with a dash stays text', () => {
    const { blocks } = parseMarkdownChapter('She wrote,\n- "Not yet," and went on.\n\n- a real\n- list\n');
    assert.deepEqual(kinds(blocks), ['paragraph', 'list']);
    assert.match(plainText(content(blocks[0])), /wrote,\s+- "Not yet," and went on\./);
    assert.equal(escapeListsInParagraphs('- a\n- b'), '- a\n- b');
  });
});

describe('links, code, tables', () => {
  it('keeps the address of links', () => {
    const { blocks } = parseMarkdownChapter('See [the site](https://example.org/x "T") and [ch](02.md#storm).');
    const links = content(blocks[0]).filter((n) => n.kind === 'link');
    assert.deepEqual(links.map((l) => l.href), ['https://example.org/x', '02.md#storm']);
  });
  it('keeps code blocks whole, their indentation and language', () => {
    const { blocks } = parseMarkdownChapter('Text.\n\n```python\n  if x:\n      y()\n```\n\n    indented\n      more\n');
    assert.deepEqual(blocks.slice(1), [
      { kind: 'codeBlock', value: '  if x:\n      y()', language: 'python', line: 3 },
      { kind: 'codeBlock', value: 'indented\n  more', line: 8 },
    ]);
  });
  it('reads pipe tables with their alignment', () => {
    const { blocks } = parseMarkdownChapter('| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* | 3 |\n');
    const table = blocks[0] as Extract<Block, { kind: 'table' }>;
    assert.deepEqual(table.align, ['left', 'center', 'right']);
    assert.equal(plainText(table.head[1]!), 'b');
    assert.equal(table.rows[0]![1]![0]!.kind, 'emphasis');
  });
});

describe('inline extras and spans', () => {
  it('reads ^sup^, ~sub~, ~~strike~~, bracketed spans and underline', () => {
    const { blocks } = parseMarkdownChapter('H~2~O, 2^10^, ~~no~~, [Anno]{.smallcaps}, [u]{.underline}, [w]{.aside}.');
    const styles = content(blocks[0]).flatMap((n) => (n.kind === 'styled' ? [n.style] : n.kind === 'span' ? [`span:${n.classes.join(' ')}`] : []));
    assert.deepEqual(styles, ['subscript', 'superscript', 'strikethrough', 'smallCaps', 'underline', 'span:aside']);
    assert.doesNotMatch(allText(blocks), /[~^{}]|\]/);
  });
  it('reads emphasis that ends on an apostrophe inside a word, as pandoc does', () => {
    for (const source of ['*qu’*est-ce', '*L’*image', "*j'*en", '_L’_image']) {
      const nodes = content(parseMarkdownChapter(`Dit ${source} ici.`).blocks[0]);
      assert.equal(nodes[1]!.kind, 'emphasis', source);
      assert.doesNotMatch(plainText(nodes), /[*_]/, source);
    }
  });
  it('keeps a fenced div’s content and class, never its colons', () => {
    const { blocks } = parseMarkdownChapter('Before.\n\n::: {.disclaimer}\nAll *fiction*.\n:::\n\nAfter.');
    assert.deepEqual(kinds(blocks), ['paragraph', 'division', 'paragraph']);
    assert.deepEqual((blocks[1] as { classes: string[] }).classes, ['disclaimer']);
    assert.doesNotMatch(allText(blocks), /:::/);
    assert.equal(markFencedDivs('```\n:::\n```'), '```\n:::\n```');
  });
});

describe('verse', () => {
  it('reads line blocks with their indentation, stanza by stanza', () => {
    const { blocks } = parseMarkdownChapter('| The Owl\n|    In a boat,\n|\n| Second stanza\n');
    const verse = blocks[0] as Extract<Block, { kind: 'verse' }>;
    assert.equal(verse.kind, 'verse');
    assert.deepEqual(verse.stanzas.map((s) => s.map((l) => [l.indent, plainText(l.content)])), [[[0, 'The Owl'], [3, 'In a boat,']], [[0, 'Second stanza']]]);
  });
  it('reads a .poem div and a verse chapter line by line', () => {
    const poem = parseMarkdownChapter('::: poem\nOne line\nanother\n\nNext\n:::\n').blocks[0] as Extract<Block, { kind: 'verse' }>;
    assert.deepEqual(poem.stanzas.map((s) => s.map((l) => plainText(l.content))), [['One line', 'another'], ['Next']]);
    const chapter = parseMarkdownChapter('---\nverse: true\n---\n\nA line\nand its *next*\n').blocks[0] as Extract<Block, { kind: 'verse' }>;
    assert.deepEqual(chapter.stanzas[0]!.map((l) => plainText(l.content)), ['A line', 'and its next']);
  });
});

describe('chapter titles and splitting', () => {
  const title = (source: string) => plainText(parseMarkdownChapters(source)[0]!.title ?? []);
  it('takes the first heading at any level when only comments or an attribute line stand before it', () => {
    assert.equal(title('<!-- draft -->\n\n## Chapter 1: Before Departure\n\nText.\n\n### Sub\n'), 'Chapter 1: Before Departure');
    assert.equal(title('{id: ch1}\n# The Storm\n\nText.'), 'The Storm');
    assert.equal(title('{#storm}\n\n# The Storm\n\nText.'), 'The Storm');
    assert.equal(parseMarkdownChapters('{id: ch1}\n# The Storm\n\nText.')[0]!.anchor, 'ch1');
    assert.equal(title('Text first.\n\n## Later'), '');
  });
  it('makes the headings below the title sections, from level 2', () => {
    const [chapter] = parseMarkdownChapters('## Title\n\n### Section\n\n#### Sub {#sub}\n');
    assert.deepEqual(chapter!.blocks.map((b) => [(b as { level: number }).level, (b as { id?: string }).id]), [[2, 'section'], [3, 'sub']]);
  });
  it('splits a file at its top-level headings into chapters', () => {
    const chapters = parseMarkdownChapters('# One\n\nA.\n\n## Part of one\n\n# Two\n\nB.\n\n# Three\n\nC.');
    assert.deepEqual(chapters.map((c) => plainText(c.title!)), ['One', 'Two', 'Three']);
    assert.deepEqual(kinds(chapters[0]!.blocks), ['paragraph', 'heading']);
  });
  it('reads the front matter of a whole book in one file as the book’s, not a chapter', () => {
    const chapters = parseMarkdownChapters('---\ntitle: The Tide Clock\nauthor: R. Weaver\n---\n\n# Prologue\n\nA.\n\n# One\n\nB.');
    assert.deepEqual(chapters.map((c) => plainText(c.title!)), ['Prologue', 'One']);
    assert.equal(chapters[0]!.byline, undefined);
  });
  it('prefers the front matter’s title, and drops a first heading that repeats it', () => {
    const [chapter] = parseMarkdownChapters('---\ntitle: Night\n---\n\n# Night\n\nText.');
    assert.equal(plainText(chapter!.title!), 'Night');
    assert.deepEqual(kinds(chapter!.blocks), ['paragraph']);
  });
});

describe('Obsidian notes and Word exports', () => {
  it('never prints %% comments %%, keeping line numbers and code', () => {
    const { blocks } = parseMarkdownChapter('Before %%aside%% after.\n\n%%\nwhole\nblock\n%%\n\n`%%kept%%`\n');
    assert.doesNotMatch(allText(blocks), /aside|whole|block/);
    assert.match(allText(blocks), /%%kept%%/);
  });
  it('reads wiki links as links to the book’s notes, and ![[embeds]] as figures', () => {
    const { blocks } = parseMarkdownChapter('See [[02 Storm#The Wreck|the wreck]] and [[Notes]].\n\n![[harbour.png|The harbour]]\n', (src) => image(src));
    const links = content(blocks[0]).filter((n) => n.kind === 'link');
    assert.deepEqual(links.map((l) => [l.href, plainText(l.children)]), [['02%20Storm.md#the-wreck', 'the wreck'], ['Notes.md', 'Notes']]);
    assert.equal(blocks[1]!.kind, 'figure');
    assert.equal((blocks[1] as { alt: string }).alt, 'The harbour');
  });
  it('keeps task lists’ boxes in the model', () => {
    const list = parseMarkdownChapter('- [x] done\n- [ ] not yet\n').blocks[0] as Extract<Block, { kind: 'list' }>;
    assert.deepEqual(list.tasks, [true, false]);
    assert.doesNotMatch(allText([list]), /\[/);
  });
  it('takes a bold first line as the title, a custom-style quote as a quotation, and drops image attributes', () => {
    const [chapter] = parseMarkdownChapters('**CHAPTER FIVE**\n\n::: {custom-style="Intense Quote"}\nCome home.\n:::\n\n![A boat](media/image1.jpeg){width="4.5in" height="3in"}\n', (src) => image(src));
    assert.equal(plainText(chapter!.title!), 'CHAPTER FIVE');
    assert.deepEqual(kinds(chapter!.blocks), ['blockQuote', 'figure']);
    assert.doesNotMatch(allText(chapter!.blocks), /width/);
    assert.deepEqual((chapter!.blocks[1] as Extract<Block, { kind: 'figure' }>).width, { inches: 4.5 }, 'the width is kept as the figure’s');
    assert.equal(parseMarkdownChapters('**She ran, and ran.**\n\nText.')[0]!.title, undefined, 'a bold sentence is not a title');
  });
});

describe('an image’s width and line', () => {
  const figureOf = (source: string) => parseMarkdownChapter(source, (src) => image(src)).blocks.find((b) => b.kind === 'figure') as Extract<Block, { kind: 'figure' }>;
  it('reads the widths pandoc, HTML and Obsidian write, in the model’s terms', () => {
    assert.deepEqual(figureOf('![A](a.png){width=50%}').width, { share: 0.5 });
    assert.deepEqual(figureOf('![A](a.png){#fig:a width="8cm"}').width!, { inches: 8 / 2.54 });
    assert.deepEqual(figureOf('![A](a.png){width=288pt}').width, { inches: 4 });
    assert.deepEqual(figureOf('![A](a.png){width=192}').width, { inches: 2 }, 'a bare number is CSS pixels');
    assert.deepEqual(figureOf('<img src="a.png" alt="A" width="96">').width, { inches: 1 });
    assert.deepEqual(figureOf('<img src="a.png" alt="A" style="border: 0; width: 75%">').width, { share: 0.75 });
    assert.deepEqual(figureOf('![[a.png|480]]').width, { inches: 5 });
    assert.deepEqual(figureOf('![A](a.png){width=150%}').width, { share: 1 }, 'never wider than the text');
    assert.equal(figureOf('![A](a.png){height=3in}').width, undefined);
    assert.equal(figureOf('![A](a.png){width=wide}').width, undefined);
    assert.equal(figureOf('![A](a.png)').width, undefined);
  });
  it('records the line the image stands on', () => {
    assert.equal(figureOf('---\ntitle: T\n---\n\nSome text.\n\n![A](a.png)\n').line, 7);
  });
});

describe('.txt chapters', () => {
  it('are Markdown when the config says so, and otherwise warn once when they look like it', async () => {
    const { parseChapterSource } = await import('../../src/manuscript/chapter-source.ts');
    const source = '# Afterword\n\nLeanpub keeps *Markdown* in .txt files.\n';
    const asMarkdown = parseChapterSource(source, 'book/afterword.txt', undefined, true);
    assert.equal(plainText(asMarkdown[0]!.title!), 'Afterword');
    assert.equal(content(asMarkdown[0]!.blocks[0])[1]!.kind, 'emphasis');
    const asText = parseChapterSource(source, 'book/afterword.txt');
    assert.equal(asText[0]!.warnings?.length, 1);
    assert.match(asText[0]!.warnings![0]!.message, /txtAsMarkdown/);
    assert.equal(parseChapterSource('CHAPTER ONE\nIt was late.\n', 'x.txt')[0]!.warnings, undefined);
    assert.equal(plainText(parseChapterSource('CHAPTER ONE\nIt was late.\n', 'x.txt')[0]!.title!), 'CHAPTER ONE', 'a title line directly above the text');
  });
});

describe('a paragraph with more Markdown marks than any paragraph holds', () => {
  it('is read as plain text, its marks kept as typed, with a warning naming its line', () => {
    const dense = '[a]('.repeat(400);
    const chapter = parseMarkdownChapter(`# T\n\nA *normal* paragraph.\n\n${dense}\n\n\`\`\`\n${'`a` '.repeat(600)}\n\`\`\`\n`);
    assert.deepEqual(kinds(chapter.blocks), ['paragraph', 'paragraph', 'codeBlock']);
    assert.equal(content(chapter.blocks[0])[1]!.kind, 'emphasis', 'other paragraphs are read as Markdown');
    assert.deepEqual(content(chapter.blocks[1]), [{ kind: 'text', value: dense }]);
    assert.equal((chapter.blocks[2] as { value: string }).value, '`a` '.repeat(600), 'code is never touched');
    assert.deepEqual(chapter.warnings?.map((w) => w.line), [5]);
    assert.match(chapter.warnings![0]!.message, /more than 1000 Markdown marks/);
  });
});
