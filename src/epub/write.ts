import JSZip from 'jszip';
import { loadEpubGen } from './no-fetch.ts';
import { contentsHeading, matterTitle } from '../locale.ts';
import type { Book, Chapter, ImageData, Store } from '../model/index.ts';
import { plainText } from '../model/plain-text.ts';
import { copyrightPageXhtml, titlePageXhtml } from './front-pages.ts';
import { navList, ncxPoints, tocTree } from './navigation.ts';
import { allBlocks } from '../model/walk.ts';
import { packageMetadataXml } from './package-metadata.ts';
import { fontFaceRules, STYLESHEET } from './stylesheet.ts';
import { CHAPTER_XHTML, CONTENT_OPF, NAV_XHTML, TOC_NCX } from './templates.ts';
import { zipArchive, type ZipEntry } from './zip.ts';
import { chapterBodyXhtml, escapeXml, figuresOf, imageHref, KoboSpans, pageId, type XhtmlContext } from './xhtml.ts';
import { EpubNotes, ENDNOTES_ID } from './notes.ts';
import { endnotesPosition } from '../model/notes.ts';
import { NOTE_DEFAULTS, type NoteOptions } from '../config/schema.ts';

// Loaded so that node-fetch, and what it would look for outside the project, never is.
const EPub = await loadEpubGen();

export interface EpubVariant {
  /** Kobo's kepub: every sentence in a numbered span, the body in Kobo's column wrappers. */
  kobo?: boolean;
  /** How notes are numbered and where they are set; each chapter's notes at its end by default. */
  notes?: NoteOptions;
  /** A store's edition: links to books go to that store. */
  store?: Store;
}

interface EpubDocument {
  title: string;
  filename: string;
  id: string;
  content: string;
  xhtml: string;
  bodyType: string;
  kobo: boolean;
  beforeToc?: boolean;
}

const MEDIA_EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' } as const;

// Apple Books shows embedded fonts only when told the book specifies its own.
const APPLE_DISPLAY_OPTIONS = `<?xml version="1.0" encoding="UTF-8"?>
<display_options>
  <platform name="*">
    <option name="specified-fonts">true</option>
  </platform>
</display_options>
`;

/** Re-packs the archive so the same book gives the same bytes: mimetype first, then a fixed entry order and timestamp. */
async function reproducibleZip(source: JSZip, modified: Date, extra: Record<string, Uint8Array | string>): Promise<Buffer> {
  for (const [name, data] of Object.entries(extra)) source.file(name, data);
  const names = Object.keys(source.files)
    .filter((name) => name !== 'mimetype' && !source.files[name]!.dir)
    .sort((a, b) => (a.startsWith('META-INF/') === b.startsWith('META-INF/') ? (a < b ? -1 : 1) : a.startsWith('META-INF/') ? -1 : 1));
  const entries: ZipEntry[] = [{ name: 'mimetype', data: Buffer.from('application/epub+zip'), store: true }];
  for (const name of names) entries.push({ name, data: await source.files[name]!.async('uint8array') });
  return zipArchive(entries, modified);
}

const BODY_TYPES = { front: 'frontmatter', body: 'bodymatter', back: 'backmatter' } as const;

/** The document each chapter and heading id lives in. */
function linkTargets(chapters: readonly Chapter[]): Map<string, string> {
  const targets = new Map<string, string>();
  for (const chapter of chapters) {
    targets.set(chapter.id, `${chapter.id}.xhtml`);
    for (const block of allBlocks(chapter.blocks)) if (block.kind === 'heading' && block.id) targets.set(block.id, `${chapter.id}.xhtml`);
  }
  return targets;
}

/** The book as an EPUB 3 archive (or, with `kobo`, a Kobo kepub). */
export async function renderEpub(book: Book, variant: EpubVariant = {}): Promise<Buffer> {
  const m = book.metadata;
  const language = m.language;
  const kobo = variant.kobo ?? false;
  const label = (role: string) => matterTitle(role, language, m.authors);
  const cover = m.cover ? { href: `images/cover.${MEDIA_EXTENSIONS[m.cover.mediaType]}`, mediaType: m.cover.mediaType, alt: m.cover.alt } : null;
  const links = linkTargets(book.chapters);
  const notesTitle = label('notes');
  const notes = new EpubNotes(book.chapters, variant.notes ?? NOTE_DEFAULTS, notesTitle);
  const division = (chapter: Chapter, index: number): EpubDocument => {
    const context: XhtmlContext = { kobo: kobo ? new KoboSpans() : undefined, links, notes: notes.references(index), language, store: variant.store };
    const pages = (book.printPages ?? []).filter((page) => page.chapter === index);
    return {
      title: plainText(chapter.title),
      filename: `${chapter.id}.xhtml`,
      id: chapter.id,
      content: '',
      xhtml: chapterBodyXhtml(chapter, pages, context, () => notes.chapterNotesXhtml(index, context)),
      bodyType: BODY_TYPES[chapter.matter],
      kobo,
      beforeToc: chapter.matter === 'front',
    };
  };
  const endnotesKobo = kobo ? new KoboSpans() : undefined;
  const endnotes = notes.endnotesXhtml(() => ({ kobo: endnotesKobo, links, language, store: variant.store }));
  const endnotesAt = endnotes === undefined ? -1 : endnotesPosition(book.chapters);
  const endnotesDocument: EpubDocument[] = endnotes === undefined ? [] : [{ title: notesTitle, filename: `${ENDNOTES_ID}.xhtml`, id: ENDNOTES_ID, content: '', xhtml: endnotes, bodyType: 'backmatter', kobo }];
  const divisions = book.chapters.map(division);
  // The pages the builder adds before the author's own: no Kobo spans, before the contents.
  const framing = (id: string, title: string, xhtml: string, bodyType = 'frontmatter'): EpubDocument => ({ title, filename: `${id}.xhtml`, id, content: '', xhtml, bodyType, kobo: false, beforeToc: true });
  const documents: EpubDocument[] = [
    ...(cover ? [framing('cover', label('cover'), `  <section class="cover" epub:type="cover" aria-label="${escapeXml(label('cover'))}">\n    <img src="${cover.href}" alt="${escapeXml(cover.alt)}"/>\n  </section>`, 'cover')] : []),
    framing('titlepage', m.title, titlePageXhtml(m, label('titlepage'))),
    framing('copyright', label('copyright'), copyrightPageXhtml(m, label('copyright'))),
    ...divisions.slice(0, Math.max(0, endnotesAt)),
    ...endnotesDocument,
    ...divisions.slice(Math.max(0, endnotesAt)),
  ];
  const toc = tocTree(book.chapters);
  if (endnotes !== undefined) {
    // At the top level, after the last entry of a division before it.
    const before = new Set(book.chapters.slice(0, endnotesAt).flatMap((c) => [c.id, ...(c.part ? [c.part] : [])]));
    const at = toc.findIndex((entry) => !before.has(entry.id));
    toc.splice(at < 0 ? toc.length : at, 0, { title: notesTitle, href: `${ENDNOTES_ID}.xhtml`, id: ENDNOTES_ID, children: [] });
  }
  const ncx = ncxPoints(toc);
  const firstBody = book.chapters.find((chapter) => chapter.matter === 'body');
  const landmarks = [
    ...(cover ? [{ type: 'cover', href: 'cover.xhtml', title: label('cover') }] : []),
    { type: 'titlepage', href: 'titlepage.xhtml', title: label('titlepage') },
    { type: 'toc', href: 'toc.xhtml', title: contentsHeading(language) },
    ...(firstBody ? [{ type: 'bodymatter', href: `${firstBody.id}.xhtml`, title: plainText(firstBody.title) }] : []),
    ...(endnotes !== undefined ? [{ type: 'endnotes', href: `${ENDNOTES_ID}.xhtml`, title: notesTitle }] : []),
  ];
  const GUIDE_TYPES: Record<string, string> = { cover: 'cover', titlepage: 'title-page', toc: 'toc', bodymatter: 'text' };
  const guide = landmarks.filter((mark) => GUIDE_TYPES[mark.type]).map((mark) => ({ ...mark, type: GUIDE_TYPES[mark.type]! }));
  const fonts = (book.embeddedFonts ?? []).map((font, i) => ({
    ...font,
    id: `font-${i + 1}`,
    href: `fonts/${font.weight === 700 ? 'bold' : 'regular'}${font.style === 'italic' ? '-italic' : ''}.${font.format}`,
    mediaType: font.format === 'otf' ? 'font/otf' : 'font/ttf',
  }));
  const figures = new Map<string, { image: ImageData; alt: string }>();
  for (const chapter of book.chapters) figuresOf(chapter.blocks, figures);
  const images = [...figures.values()].map(({ image }) => ({ id: image.id, href: imageHref(image), mediaType: image.mediaType, data: image.data }));
  const undescribed = [...figures.values()].filter((figure) => !figure.alt.trim()).length;
  const pageList = (book.printPages ?? []).map((page) => ({ label: page.label, href: `${book.chapters[page.chapter]!.id}.xhtml#${pageId(page.label)}` }));
  const options = {
    title: m.title,
    author: m.authors,
    lang: language,
    tocTitle: contentsHeading(language),
    css: STYLESHEET + fontFaceRules(fonts),
    version: 3 as const,
    verbose: false,
    date: m.modified,
    contentOPF: CONTENT_OPF,
    tocXHTML: NAV_XHTML,
    tocNCX: TOC_NCX,
    chapterXHTML: CHAPTER_XHTML,
    book: m,
    metadataXml: packageMetadataXml(m, { hasCover: Boolean(cover), coverGenerated: m.cover?.generated ?? false, hasPageList: pageList.length > 0, images: figures.size, undescribedImages: undescribed }),
    coverImage: cover,
    embeddedFonts: fonts,
    illustrations: images,
    tocList: navList(toc),
    ncxPoints: ncx.xml,
    ncxDepth: ncx.depth,
    landmarks,
    guide,
    pageList,
  };
  const epub = new EPub(options as ConstructorParameters<typeof EPub>[0], documents);
  await epub.render();
  const extra: Record<string, Uint8Array | string> = {};
  if (cover && m.cover) extra[`OEBPS/${cover.href}`] = m.cover.data;
  for (const font of fonts) extra[`OEBPS/${font.href}`] = font.data;
  for (const image of images) extra[`OEBPS/${image.href}`] = image.data;
  if (fonts.length > 0) extra['META-INF/com.apple.ibooks.display-options.xml'] = APPLE_DISPLAY_OPTIONS;
  return reproducibleZip((epub as unknown as { zip: JSZip }).zip, new Date(m.modified), extra);
}
