import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PrintOptions } from '../../src/config/schema.ts';
import type { Book } from '../../src/model/index.ts';
import { minimumGutter, pageDesign, type PageDesign } from '../../src/typeset/design.ts';
import { typesetBook, type DrawnPage } from '../../src/typeset/index.ts';
import { fonts } from './helpers.ts';

const print: PrintOptions = { trim: '5.5x8.5', margins: {}, fontSize: 11, hyphenation: { enabled: true, leftMin: 2, rightMin: 3, exceptions: [] } };

function book(paragraphs: string[], chapters = 1): Book {
  return {
    metadata: { title: 'T', authors: ['A'], language: 'en', identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' },
    chapters: Array.from({ length: chapters }, (_, c) => ({ id: `ch${c}`, role: 'chapter' as const, matter: 'body' as const, source: `c${c}.md`, title: [{ kind: 'text' as const, value: `Chapter ${c + 1}` }], blocks: paragraphs.map((value) => ({ kind: 'paragraph' as const, content: [{ kind: 'text' as const, value }] })) })),
  };
}

describe('book design', () => {
  it('knows the trim sizes, in points', () => {
    const sizes: [PrintOptions['trim'], number, number][] = [['5x8', 360, 576], ['5.25x8', 378, 576], ['5.5x8.5', 396, 612], ['6x9', 432, 648], ['A5', 419.53, 595.28], [{ width: '150mm', height: '8in' }, 425.2, 576]];
    for (const [trim, width, height] of sizes) {
      const d = pageDesign({ ...print, trim });
      assert.ok(Math.abs(d.width - width) < 0.1 && Math.abs(d.height - height) < 0.1, JSON.stringify(trim));
    }
  });

  it('widens the gutter with the page count as print-on-demand services require', () => {
    assert.deepEqual([100, 200, 400, 600, 800].map((pages) => minimumGutter(pages) / 72), [0.375, 0.5, 0.625, 0.75, 0.875]);
    assert.equal(pageDesign(print, 800).inner, 0.875 * 72);
    assert.equal(pageDesign(print, 100).inner, 0.75 * 72, 'never less than the default inner margin');
    assert.equal(pageDesign({ ...print, margins: { inner: '0.5in' } }, 800).inner, 36, 'an explicit margin wins');
  });

  it('mirrors margins: text sits toward the spine on both pages of a spread', async () => {
    const long = 'Words upon words fill the page until it turns, and then they go on. '.repeat(60);
    const set = await typesetBook(book([long, long, long]), { print, fonts });
    const d = set.design;
    const opener = set.chapterPages[0]!;
    const recto = set.pages[opener]!;
    const verso = set.pages[opener + 1]!;
    const minX = (lines: { x: number }[]) => Math.min(...lines.map((l) => l.x));
    assert.equal(opener % 2, 0, 'chapters open on a right-hand page');
    assert.ok(Math.abs(minX(recto.lines) - d.inner) < 3, 'recto: inner margin on the left');
    assert.ok(Math.abs(minX(verso.lines) - d.outer) < 3, 'verso: outer margin on the left');
  });

  it('warns about a character the face lacks, naming it and the chapter', async () => {
    const set = await typesetBook(book(['A cat 猫 sat.']), { print, fonts });
    assert.ok(set.warnings.some((w) => w.chapter === 'c0.md' && /猫/.test(w.message) && /U\+732B/.test(w.message)), JSON.stringify(set.warnings));
  });

  it('says when a word is too long for the line and breaks it anyway', async () => {
    const set = await typesetBook(book(['x'.repeat(2000)]), { print, fonts });
    assert.ok(set.warnings.some((w) => /2000 characters\) is wider than the line/.test(w.message)));
    for (const line of set.bodyLines) assert.ok(line.width <= set.design.textWidth + 0.01);
  });

  it('hands each division’s pages over as soon as it is set, exactly as it returns them', async () => {
    const long = 'Words upon words fill the page until it turns, and then they go on. '.repeat(40);
    const starts: PageDesign[] = [];
    let handed: DrawnPage[][] = [];
    const sink = {
      start: (design: PageDesign) => {
        starts.push(design);
        handed = [];
      },
      body: (pages: DrawnPage[]) => handed.push(pages),
    };
    const set = await typesetBook(book([long, long], 3), { print, fonts, pages: sink });
    assert.ok(starts.length >= 1);
    assert.deepEqual(starts.at(-1), set.design, 'the last layout is the one returned');
    assert.equal(handed.length, 3, 'one hand-over per division');
    assert.deepEqual(handed.flat(), set.pages.slice(set.frontPages));
    assert.equal(set.frontPages % 2, 0, 'the front matter ends on a left-hand page');
    assert.equal(set.pages[set.frontPages]!.folio, 1);
  });

  it('lists every chapter in the outline and contents, with body page numbers from 1', async () => {
    const set = await typesetBook(book(['Short.'], 3), { print, fonts });
    assert.deepEqual(set.outline.map((o) => o.title), ['T', 'Chapter 1', 'Chapter 2', 'Chapter 3']);
    assert.equal(set.pages[set.chapterPages[0]!]!.folio, 1);
  });
});

describe('the contents', () => {
  it('wraps a long title under itself with a hanging indent, its page number on the last line, and keeps an entry on one page', async () => {
    const long = 'In Which the Harbourmaster Reads the Storm Report Twice and the Keeper Keeps the Log in a Hand Nobody Else Could Read';
    const base = book(['Short.'], 40);
    base.chapters[1]!.title = [{ kind: 'text', value: long }];
    const set = await typesetBook(base, { print, fonts });
    const contents = set.pages.slice(0, set.frontPages).filter((page) => page.lines.some((line) => line.runs.some((run) => run.text === 'Chapter 1')) || page.lines.some((line) => line.runs.some((run) => run.text === 'Chapter 40')));
    const lines = contents.flatMap((page) => page.lines);
    const words = lines.flatMap((line) => line.runs.map((run) => run.text)).join(' ');
    assert.ok(words.includes(long.split(' ').slice(-4).join(' ')), 'the whole title is listed');
    const at = lines.findIndex((line) => line.runs.some((run) => run.text.startsWith('In Which')));
    const entry = lines.slice(at, lines.findIndex((line, i) => i > at && line.runs.some((run) => run.text === 'Chapter 3')));
    assert.ok(entry.length >= 2, 'the long title takes more than one line');
    assert.ok(entry.slice(0, -1).every((line) => line.runs.length === 1), 'no page number before the last line');
    assert.equal(entry.at(-1)!.runs.length, 2, 'the number on the last line');
    assert.ok(entry[1]!.runs[0]!.x > entry[0]!.runs[0]!.x, 'continuation lines hang under the first');
    assert.ok(contents.length >= 2, 'forty chapters take two contents pages');
    assert.ok(lines.some((line) => line.runs.some((run) => run.text === 'Chapter 40')), 'every chapter listed');
  });
});

describe('running heads', () => {
  const long = 'Words upon words fill the page until it turns, and then they go on. '.repeat(80);
  const headsOf = async (title: string, authors: string[], shortTitle?: string) => {
    const base = book([long, long]);
    const set = await typesetBook({ ...base, metadata: { ...base.metadata, title, authors, ...(shortTitle ? { shortTitle } : {}) } }, { print, fonts });
    // The head is the furniture line with more than the folio: its last run's text.
    return set.pages
      .filter((page) => page.furniture && page.folio !== undefined)
      .flatMap((page) => page.lines.slice(-page.furniture!).flatMap((line) => line.runs.filter((run) => !/^\d+$/.test(run.text)).map((run) => run.text)));
  };

  it('shortens a long title at a word with an ellipsis, and joins several authors as a sentence, or "et al."', async () => {
    const heads = await headsOf('Harry Potter et les Méthodes de la Rationalité: the Complete Edition', ['Ann Lee', 'Bo Chan']);
    const title = heads.find((text) => text.startsWith('Harry'))!;
    assert.ok(title.endsWith('…') && 'Harry Potter et les Méthodes de la Rationalité: the Complete Edition'.startsWith(title.slice(0, -1)), title);
    assert.ok(!/[\s,:]…$/.test(title), `no space or comma before the ellipsis: ${title}`);
    assert.ok(heads.includes('Ann Lee and Bo Chan'), heads.join(' | '));
    const many = await headsOf('T', ['Ann Lee', 'Bo Chan', 'Cy Dee', 'Dora Evans-Fitzgerald', 'Eli Fonseca-Grimaldi', 'Fay Gunnarsdottir']);
    assert.ok(many.includes('Ann Lee et al.'), many.join(' | '));
  });

  it('prints the shortTitle the author gave instead of the whole title', async () => {
    const heads = await headsOf('Harry Potter et les Méthodes de la Rationalité: the Complete Edition', ['Ann Lee'], 'HPMOR');
    assert.ok(heads.includes('HPMOR'), heads.join(' | '));
    assert.ok(!heads.some((text) => text.startsWith('Harry')));
  });
});

describe('running heads by chapter (print.runningHeads, a chapter’s short title and byline)', () => {
  const long = 'Words upon words fill the page until it turns, and then they go on. '.repeat(80);
  const heads = async (runningHeads?: PrintOptions['runningHeads']) => {
    const base = book([long, long], 2);
    const [first, second] = base.chapters;
    const chapters = [
      { ...first!, title: [{ kind: 'text' as const, value: 'The Very Long Title of the First Piece in This Collection of Stories' }] },
      { ...second!, title: [{ kind: 'text' as const, value: 'A Second Piece Whose Title Runs On' }], shortTitle: 'A Second Piece', byline: ['Guest Writer'] },
    ];
    const set = await typesetBook({ ...base, chapters }, { print: { ...print, ...(runningHeads ? { runningHeads } : {}) }, fonts });
    // By page: its side and the head's text, for pages with a running head.
    return set.pages.flatMap((page, index) => {
      if (!page.furniture || page.folio === undefined) return [];
      const text = page.lines.slice(-page.furniture).flatMap((line) => line.runs.filter((run) => !/^\d+$/.test(run.text)).map((run) => run.text)).join(' ');
      return text ? [{ recto: index % 2 === 0, text }] : [];
    });
  };

  it('names the chapter over right-hand pages when asked: its short title, else its title shortened', async () => {
    const set = await heads({ verso: 'title', recto: 'chapter' });
    const rectos = [...new Set(set.filter((h) => h.recto).map((h) => h.text))];
    assert.ok(rectos.includes('A Second Piece'), rectos.join(' | '));
    assert.ok(rectos.some((text) => text.startsWith('The Very Long Title') && text.endsWith('…')), rectos.join(' | '));
    assert.deepEqual([...new Set(set.filter((h) => !h.recto).map((h) => h.text))], ['T']);
  });

  it('names a piece’s own author over left-hand pages, and keeps author and title by default', async () => {
    const set = await heads();
    const versos = [...new Set(set.filter((h) => !h.recto).map((h) => h.text))];
    assert.deepEqual(versos, ['A', 'Guest Writer'], 'the book’s author, then the guest’s over their piece');
    assert.deepEqual([...new Set(set.filter((h) => h.recto).map((h) => h.text))], ['T']);
  });
});

describe('pages only the ebooks carry', () => {
  it('leaves a page asking for a review out of print', async () => {
    const base = book(['Some words of the story.']);
    const review = { id: 'review', role: 'review' as const, matter: 'back' as const, ebookOnly: true as const, source: 'book.config.json', title: [{ kind: 'text' as const, value: 'Enjoyed This Book?' }], blocks: [{ kind: 'paragraph' as const, content: [{ kind: 'text' as const, value: 'Leave a review.' }] }] };
    const set = await typesetBook({ ...base, chapters: [...base.chapters, review] }, { print, fonts });
    const texts = set.pages.flatMap((page) => page.lines.flatMap((line) => line.runs.map((run) => run.text))).join(' ');
    assert.match(texts, /Some words/);
    assert.doesNotMatch(texts, /Enjoyed|review/);
  });
});

describe('where chapters open (print.chapterStart)', () => {
  const short = ['A short piece of a few words, no more than a paragraph or so, set on its own.', 'And a second paragraph to close it.'];
  const blankBody = (set: { pages: DrawnPage[]; frontPages: number }) => set.pages.slice(set.frontPages).filter((p) => p.lines.length === 0).length;

  it('opens every chapter on a right-hand page by default, leaving blank left-hand pages', async () => {
    const set = await typesetBook(book(short, 4), { print, fonts });
    assert.ok(set.chapterPages.every((p) => p % 2 === 0), `openers on ${set.chapterPages}`);
    assert.equal(blankBody(set), 3);
  });

  it('opens each on the next page with "any": no blank pages', async () => {
    const set = await typesetBook(book(short, 4), { print: { ...print, chapterStart: 'any' }, fonts });
    assert.deepEqual(set.chapterPages.map((p) => p - set.frontPages), [0, 1, 2, 3]);
    assert.equal(blankBody(set), 0);
  });

  it('sets each below the one before with "continuous", the contents and outline at the page each title stands on', async () => {
    const set = await typesetBook(book(short, 4), { print: { ...print, chapterStart: 'continuous' }, fonts });
    assert.equal(set.pages.length - set.frontPages, 2, 'four short pieces on two pages');
    assert.equal(new Set(set.chapterPages).size, 2, `pieces share pages: ${set.chapterPages}`);
    const titles = set.pages.slice(set.frontPages).flatMap((page) => page.lines.filter((line) => line.runs.some((run) => /^Chapter/.test(run.text))));
    assert.equal(titles.length, 4, 'every title printed');
    assert.equal(blankBody(set), 0);
    assert.deepEqual(set.outline.slice(1).map((o) => o.pageIndex), set.chapterPages);
  });
});
