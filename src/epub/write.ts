import epubModule from 'epub-gen-memory';
import JSZip from 'jszip';
import { contentsHeading } from '../locale.ts';
import type { Book } from '../model/index.ts';
import { plainText } from '../text/write.ts';
import { STYLESHEET } from './stylesheet.ts';
import { CHAPTER_XHTML, CONTENT_OPF, NAV_XHTML, TOC_NCX } from './templates.ts';
import { chapterBodyXhtml, escapeXml, pageId } from './xhtml.ts';

// The package is CommonJS; from ESM its class sits under the default export.
const { EPub } = epubModule as unknown as { EPub: typeof import('epub-gen-memory').EPub };

interface EpubChapter {
  title: string;
  filename: string;
  id: string;
  content: string;
  xhtml: string;
  bodyType: string;
  beforeToc?: boolean;
  excludeFromToc?: boolean;
}

function titlePage(book: Book): string {
  const m = book.metadata;
  return `  <section class="titlepage" epub:type="titlepage" aria-label="Title page">
    <h1>${escapeXml(m.title)}</h1>
${m.subtitle ? `    <p class="subtitle">${escapeXml(m.subtitle)}</p>\n` : ''}    <p class="author">${m.authors.map(escapeXml).join(', ')}</p>
  </section>`;
}

/** Re-packs the archive so the same book gives the same bytes: fixed entry order and timestamps. */
async function reproducibleZip(source: JSZip, modified: Date, extra: Record<string, Uint8Array>): Promise<Buffer> {
  for (const [name, data] of Object.entries(extra)) source.file(name, data);
  const out = new JSZip();
  out.file('mimetype', 'application/epub+zip', { compression: 'STORE', date: modified });
  const names = Object.keys(source.files)
    .filter((name) => name !== 'mimetype' && !source.files[name]!.dir)
    .sort((a, b) => (a.startsWith('META-INF/') === b.startsWith('META-INF/') ? (a < b ? -1 : 1) : a.startsWith('META-INF/') ? -1 : 1));
  for (const name of names) {
    out.file(name, await source.files[name]!.async('uint8array'), { date: modified, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}

/** The book as an EPUB 3 archive. */
export async function renderEpub(book: Book): Promise<Buffer> {
  const m = book.metadata;
  const language = m.language;
  const cover = m.cover ? { href: `images/cover.${m.cover.mediaType === 'image/png' ? 'png' : 'jpg'}`, mediaType: m.cover.mediaType, alt: m.cover.alt } : null;
  const chapters: EpubChapter[] = [
    ...(cover
      ? [{ title: 'Cover', filename: 'cover.xhtml', id: 'cover', content: '', xhtml: `  <section class="cover" epub:type="cover" aria-label="Cover">\n    <img src="${cover.href}" alt="${escapeXml(cover.alt)}"/>\n  </section>`, bodyType: 'cover', beforeToc: true, excludeFromToc: true }]
      : []),
    { title: m.title, filename: 'titlepage.xhtml', id: 'titlepage', content: '', xhtml: titlePage(book), bodyType: 'frontmatter', beforeToc: true, excludeFromToc: true },
    ...book.chapters.map((chapter, index) => ({
      title: plainText(chapter.title),
      filename: `${chapter.id}.xhtml`,
      id: chapter.id,
      content: '',
      xhtml: chapterBodyXhtml(chapter, (book.printPages ?? []).filter((page) => page.chapter === index)),
      bodyType: 'bodymatter',
    })),
  ];
  const options = {
    title: m.title,
    author: m.authors,
    lang: language,
    tocTitle: contentsHeading(language),
    css: STYLESHEET,
    version: 3 as const,
    verbose: false,
    date: m.modified,
    contentOPF: CONTENT_OPF,
    tocXHTML: NAV_XHTML,
    tocNCX: TOC_NCX,
    chapterXHTML: CHAPTER_XHTML,
    book: m,
    coverImage: cover,
    pageList: (book.printPages ?? []).map((page) => ({ label: page.label, href: `${book.chapters[page.chapter]!.id}.xhtml#${pageId(page.label)}` })),
  };
  const epub = new EPub(options as ConstructorParameters<typeof EPub>[0], chapters);
  await epub.render();
  return reproducibleZip((epub as unknown as { zip: JSZip }).zip, new Date(m.modified), cover && m.cover ? { [`OEBPS/${cover.href}`]: m.cover.data } : {});
}
