import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { renderEpub } from '../../src/epub/write.ts';
import type { Book, Chapter, Inline } from '../../src/model/index.ts';
import { NOTE_DEFAULTS, type NoteOptions } from '../../src/config/schema.ts';
import { renderText } from '../../src/text/write.ts';

const text = (value: string): Inline => ({ kind: 'text', value });
const ref = (id: string): Inline => ({ kind: 'noteRef', id });
const chapter = (id: string, content: Inline[], notes: Record<string, string>, role: Chapter['role'] = 'chapter'): Chapter => ({
  id,
  role,
  matter: role === 'aboutAuthor' ? 'back' : 'body',
  title: [text(id === 'about-author' ? 'About the Author' : `Chapter ${id}`)],
  blocks: [{ kind: 'paragraph', content }],
  notes: Object.entries(notes).map(([noteId, words]) => ({ id: noteId, blocks: [{ kind: 'paragraph', content: [{ kind: 'emphasis', children: [text(words)] }] }] })),
  source: `${id}.md`,
});

const BOOK: Book = {
  metadata: { title: 'Notes', authors: ['A. Writer'], language: 'en', identifier: 'urn:uuid:00000000-0000-5000-8000-000000000000', modified: '2024-01-01T00:00:00Z' },
  chapters: [
    chapter('ch01', [text('Salt.'), ref('a'), text(' Walls.'), ref('b'), ref('a')], { a: 'The salt pans of the south.', b: 'Ibid.' }),
    chapter('ch02', [text('Letters.'), ref('c')], { c: 'Four hundred of them, in the archive.' }),
    chapter('about-author', [text('She lives by the sea.')], {}, 'aboutAuthor'),
  ],
};

async function files(options: Partial<NoteOptions>, kobo = false) {
  const zip = await JSZip.loadAsync(await renderEpub(BOOK, { kobo, notes: { ...NOTE_DEFAULTS, ...options } }));
  const read = (name: string) => zip.file(`OEBPS/${name}`)?.async('string');
  return { ch01: (await read('ch01.xhtml'))!, ch02: (await read('ch02.xhtml'))!, endnotes: await read('endnotes.xhtml'), nav: (await read('toc.xhtml'))!, ncx: (await read('toc.ncx'))!, opf: (await read('content.opf'))! };
}

describe('EPUB notes', () => {
  it('sets each chapter’s notes at its end as pop-up footnotes, the back-link first', async () => {
    const { ch01, ch02, endnotes } = await files({});
    assert.equal(endnotes, undefined);
    assert.match(ch01, /<a class="noteref" epub:type="noteref" role="doc-noteref" href="#fn-ch01-1" id="fnref-ch01-1"><sup>1<\/sup><\/a>/);
    // A second reference to the same note links to it with an id of its own, after a separator.
    assert.match(ch01, /<sup class="noteref-separator">,<\/sup><a [^>]*href="#fn-ch01-1" id="fnref-ch01-1-2"><sup>1<\/sup><\/a>/);
    assert.match(ch01, /<aside id="fn-ch01-1" class="note" epub:type="footnote" role="doc-footnote">\s*<p><a class="note-number" href="#fnref-ch01-1" role="doc-backlink">1\.<\/a> <em>The salt pans of the south\.<\/em><\/p>/);
    // A note shorter than Kobo's pop-up threshold is padded with no-break spaces.
    assert.match(ch01, /<em>Ibid\.<\/em>\u00A0{4}<\/p>/);
    assert.match(ch02, /href="#fn-ch02-1"[^>]*><sup>1<\/sup>/);
    assert.doesNotMatch(ch01, /doc-endnote"/);
  });

  it('numbers through the book, or marks by symbol', async () => {
    const book = await files({ numbering: 'book' });
    assert.match(book.ch02, /<sup>3<\/sup>/);
    const symbols = await files({ marker: 'symbol' });
    assert.match(symbols.ch01, /<sup>\*<\/sup>[\s\S]*<sup>†<\/sup>/);
    assert.match(symbols.ch01, /role="doc-backlink">†<\/a>/);
  });

  it('collects the notes in an Endnotes division at the end of the book, in the spine, nav, NCX and landmarks, linked both ways across files', async () => {
    const { ch01, endnotes, nav, ncx, opf } = await files({ ebook: 'book', numbering: 'book' });
    assert.ok(endnotes);
    assert.doesNotMatch(ch01, /<aside/);
    assert.match(ch01, /href="endnotes\.xhtml#fn-ch01-1" id="fnref-ch01-1"/);
    assert.match(endnotes!, /<section id="endnotes" class="endnotes" epub:type="endnotes" role="doc-endnotes"/);
    assert.match(endnotes!, /<h2>Chapter ch01<\/h2>/);
    assert.match(endnotes!, /<li id="fn-ch02-1" class="note" epub:type="endnote">\s*<p><a class="note-number" href="ch02\.xhtml#fnref-ch02-1" role="doc-backlink">3\.<\/a>/);
    assert.match(nav, /<a href="endnotes\.xhtml">Notes<\/a>[\s\S]*about-author\.xhtml/);
    assert.match(nav, /epub:type="endnotes" href="endnotes\.xhtml"/);
    assert.match(ncx, /<content src="endnotes\.xhtml"\/>/);
    // After the chapters, before the page about the author.
    assert.match(opf, /idref="ch02"\/>\s*<itemref idref="endnotes"\/>\s*<itemref idref="about-author"\/>/);
  });

  it('keeps the kepub’s sentence spans in reading order, the notes’ after the text’s', async () => {
    const { ch01 } = await files({}, true);
    const ids = [...ch01.matchAll(/id="kobo\.(\d+)\.(\d+)"/g)].map((m) => Number(m[1]) * 1000 + Number(m[2]));
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ch01.indexOf('kobo.') < ch01.indexOf('<aside'));
  });

  it('writes notes in the text output after each chapter, or at the end', () => {
    const perChapter = renderText(BOOK, NOTE_DEFAULTS);
    assert.match(perChapter, /Salt\.\[1\] Walls\.\[2\]\[1\]\n\n\[1\] The salt pans of the south\.\n\[2\] Ibid\.\nChapter ch02/);
    const atEnd = renderText(BOOK, { ...NOTE_DEFAULTS, ebook: 'book', numbering: 'book' });
    // Where the EPUB puts them: after the text, before the page about the author.
    assert.match(atEnd, /Letters\.\[3\]\nNotes\nChapter ch01\n\[1\] The salt pans[\s\S]*\[3\] Four hundred of them, in the archive\.\nAbout the Author\nShe lives by the sea\.\n$/);
  });
});
