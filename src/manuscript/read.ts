import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BookConfig, MatterKind, MatterSource } from '../config/load.ts';
import { matterTitle, reviewRequest } from '../locale.ts';
import { displayPath } from '../config/paths.ts';
import { BookError, type Warning } from '../errors.ts';
import { readCover, readImage } from './cover.ts';
import type { Block, Book, Chapter, DivisionRole, Inline } from '../model/index.ts';
import { hasFigure } from '../model/figures.ts';
import { plainText } from '../model/plain-text.ts';
import { decodeManuscript } from './decode.ts';
import { ImageLibrary } from './images.ts';
import type { ParsedChapter } from './markdown.ts';
import { resolveLinks, type ChapterAnchors } from './links.ts';
import { parsePlainTextChapter } from './plaintext.ts';
import { convertWordDocument } from './docx/convert.ts';
import type { WordDocument } from './docx/read.ts';
import { unsupportedWordFormat } from './docx/unpack.ts';
import { MAX_NESTING, tooDeep } from './markdown/nesting.ts';

const MAX_CHAPTER_BYTES = 50 * 1024 * 1024;

function readBytes(file: string, name: string): Buffer {
  try {
    const size = statSync(file).size;
    if (size > MAX_CHAPTER_BYTES) throw new BookError(name, '', `is ${Math.round(size / 1048576)} MB, too large for a chapter`, 'split it into several chapters');
    return readFileSync(file);
  } catch (error) {
    if (error instanceof BookError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new BookError(name, '', 'cannot be read: permission denied', `fix its permissions (chmod a+r ${name})`);
    if (code === 'EISDIR') throw new BookError(name, '', 'is a folder, not a chapter file', 'list the files inside it instead');
    if (code === 'ENOENT') throw new BookError(name, '', 'does not exist', 'check the chapters list in the config');
    throw new BookError(name, '', `cannot be read (${code ?? String(error)})`);
  }
}

/** Quotations or lists nested deeper than a book can set are an error naming the line, not a crash. */
function checkNesting(text: string, name: string): void {
  const deep = tooDeep(text);
  if (deep) throw new BookError(name, `line ${deep.line}`, `quotations or lists are nested ${deep.depth} deep, more than the ${MAX_NESTING} a book can set`, 'take out the extra > marks or indentation');
}

function matterSource(file: string, name: string, context: ReadContext): ParsedChapter {
  const unsupported = unsupportedWordFormat(path.extname(file), name);
  if (unsupported) throw unsupported;
  if (chapterSyntax(file) === 'docx') {
    // A piece of matter is one division, whatever its Word headings.
    const [first, ...rest] = readChapterSource(file, name, context);
    return { ...first!, blocks: [...first!.blocks, ...rest.flatMap((c) => [...(c.title ? [{ kind: 'heading' as const, level: 2, content: c.title }] : []), ...c.blocks])], notes: [...(first!.notes ?? []), ...rest.flatMap((c) => c.notes ?? [])] };
  }
  const text = decodeManuscript(readBytes(file, name), name);
  if (chapterSyntax(file, context.txtAsMarkdown) === 'markdown') checkNesting(text, name);
  const parsed = chapterSyntax(file, context.txtAsMarkdown) === 'markdown' ? markdownOf(context).parseMarkdownChapter(text, context.images.resolverFor(file)) : parsePlainTextChapter(text);
  tell(parsed, name, context);
  return parsed;
}

/** "03-the-dark-tower.md" → "The Dark Tower", for a chapter that names no title of its own. */
function titleFromFileName(file: string): string {
  const stem = path.basename(file, path.extname(file)).replace(/^[\d\s._-]+/, '').replace(/[-_]+/g, ' ').trim();
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : '';
}

/**
 * Chapters parsed by earlier builds, by the bytes they were parsed from. A chapter with
 * illustrations is never remembered: its images are read, numbered and checked as the book is.
 */
export interface ParseMemo {
  recall(source: Uint8Array, file: string, syntax: ChapterSyntax): ParsedChapter[] | undefined;
  remember(source: Uint8Array, file: string, syntax: ChapterSyntax, parsed: ParsedChapter[]): void;
}

export type ChapterSyntax = 'markdown' | 'text' | 'docx';

/** Word documents read ahead (their reader is asynchronous), by absolute path. */
export type WordDocuments = ReadonlyMap<string, WordDocument>;

/** The Markdown reader (see needsMarkdown). */
export type MarkdownReader = typeof import('./markdown.ts');

interface ReadContext {
  /** Loaded only for a book that has Markdown to read (see needsMarkdown). */
  markdown: MarkdownReader | undefined;
  images: ImageLibrary;
  memo: ParseMemo | undefined;
  warnings: Warning[];
  txtAsMarkdown: boolean;
  word: WordDocuments;
}

function readChapterSource(file: string, name: string, context: ReadContext): ParsedChapter[] {
  const unsupported = unsupportedWordFormat(path.extname(file), name);
  if (unsupported) throw unsupported;
  const bytes = readBytes(file, name);
  const syntax = chapterSyntax(file, context.txtAsMarkdown);
  let parsed = context.memo?.recall(bytes, file, syntax);
  if (!parsed && syntax === 'docx') {
    const document = context.word.get(file);
    if (!document) throw new BookError(name, '', 'was not read ahead as a Word document', 'build the book with build(), which reads Word files first');
    parsed = convertWordDocument(document, (data, alt, type) => context.images.embedded(file, data, alt, type));
    if (context.memo && !parsed.some((chapter) => hasFigure(chapter.blocks))) context.memo.remember(bytes, file, syntax, parsed);
  }
  if (!parsed) {
    const text = decodeManuscript(bytes, name);
    if (syntax === 'markdown') checkNesting(text, name);
    parsed = parseChapterSourceWith(context.markdown, text, file, context.images, context.txtAsMarkdown);
    if (context.memo && !parsed.some((chapter) => hasFigure(chapter.blocks))) context.memo.remember(bytes, file, syntax, parsed);
  }
  for (const chapter of parsed) tell(chapter, name, context);
  return parsed;
}

/** What a reader could not render in a chapter, told as the build's warnings. */
function tell(parsed: ParsedChapter, name: string, context: ReadContext): void {
  for (const w of parsed.warnings ?? []) context.warnings.push({ file: name, location: w.line > 0 ? `line ${w.line}` : undefined, message: w.message });
}

/** How a chapter file is written, by its name: Markdown, or plain text (Markdown too, when the config says .txt is). */
export function chapterSyntax(file: string, txtAsMarkdown = false): ChapterSyntax {
  if (/\.docx$/i.test(file)) return 'docx';
  return /\.(md|markdown|mdown|mkd|mdx)$/i.test(file) || (txtAsMarkdown && /\.txt$/i.test(file)) ? 'markdown' : 'text';
}

// What a plain-text chapter typed as Markdown shows: headings, setext underlines, quotes, emphasis, front matter.
const LOOKS_LIKE_MARKDOWN = /^#{1,6} \S|^\S[^\n]*\n(?:=+|-{2,})[ \t]*$|^> \S|(?<![\w*])\*\*?[^\s*][^*\n]*\*(?![\w*])|^---[ \t]*\n[\w-]+:/m;

/** A chapter file's text as the chapters it holds, read with the Markdown reader given (see chapter-source.ts, which gives it). */
export function parseChapterSourceWith(markdown: MarkdownReader | undefined, source: string, file: string, images?: ImageLibrary, txtAsMarkdown = false): ParsedChapter[] {
  if (chapterSyntax(file, txtAsMarkdown) === 'markdown') return markdownOf({ markdown }).parseMarkdownChapters(source, images?.resolverFor(file));
  const parsed = parsePlainTextChapter(source);
  if (LOOKS_LIKE_MARKDOWN.test(source)) {
    const line = source.slice(0, source.search(LOOKS_LIKE_MARKDOWN)).split('\n').length;
    parsed.warnings = [{ line, message: 'this plain-text chapter looks like Markdown and its marks will print as typed; set "manuscript": { "txtAsMarkdown": true } in the config to read .txt chapters as Markdown' }];
  }
  return [parsed];
}

const MATTER_ROLES: Record<MatterKind, { role: DivisionRole; id: string; matter: 'front' | 'back' }> = {
  dedication: { role: 'dedication', id: 'dedication', matter: 'front' },
  epigraph: { role: 'epigraph', id: 'epigraph', matter: 'front' },
  afterword: { role: 'afterword', id: 'afterword', matter: 'back' },
  acknowledgements: { role: 'acknowledgments', id: 'acknowledgements', matter: 'back' },
  aboutAuthor: { role: 'aboutAuthor', id: 'about-author', matter: 'back' },
};

/** A piece of front or back matter from the config: its own Markdown, or a file. */
function readMatter(kind: MatterKind, source: MatterSource, config: BookConfig, context: ReadContext): ChapterAnchors {
  const { role, id, matter } = MATTER_ROLES[kind];
  const name = source.file ? displayPath(source.file) : `${displayPath(config.configFile)} (${kind})`;
  // A piece of matter is one division whatever its headings; a file of it is read afresh (it is short).
  const parsed = source.file ? matterSource(source.file, name, context) : markdownOf(context).parseMarkdownChapter(source.text!, context.images.resolverFor(config.configFile));
  if (parsed.blocks.length === 0) throw new BookError(name, '', `the ${kind} is empty`, `write it, or remove "${kind}" from the config`);
  const title: Inline[] = source.title ? [{ kind: 'text', value: source.title }] : parsed.title ?? [{ kind: 'text', value: matterTitle(role, config.language, config.authors) }];
  // The config names it: the file's own first heading, when it says something else, stays as its first section.
  const blocks: Block[] = source.title && parsed.title && plainText(parsed.title) !== source.title ? [{ kind: 'heading', level: 2, content: parsed.title, ...(parsed.anchor ? { id: parsed.anchor } : {}) }, ...parsed.blocks] : parsed.blocks;
  return { chapter: { id, role, matter, title, blocks, ...(parsed.notes ? { notes: parsed.notes } : {}), source: name }, file: source.file ?? config.configFile, anchor: parsed.anchor };
}

/**
 * Whether a book may have Markdown to read: a Markdown chapter, or any front or back matter, back
 * cover or author's bio (which may be Markdown). The Markdown reader is loaded only then:
 * micromark and its extensions take about 10 ms of every build of a book of plain text to load.
 */
export function needsMarkdown(config: BookConfig): boolean {
  const txtAsMarkdown = config.manuscript?.txtAsMarkdown ?? false;
  return config.chapters.some((entry) => chapterSyntax(entry.file, txtAsMarkdown) === 'markdown') || Object.values(config.matter).some(Boolean) || config.backCover !== undefined || Boolean(config.print.cover?.authorBio);
}

function markdownOf(context: Pick<ReadContext, 'markdown'>): MarkdownReader {
  if (!context.markdown) throw new Error('the Markdown reader was not loaded for a book with Markdown in it (see needsMarkdown)');
  return context.markdown;
}

/** Reads every chapter the config lists, and the cover, into the document model (text not yet normalized). */
export async function readBook(config: BookConfig, now: Date, warnings: Warning[] = [], memo?: ParseMemo, word: WordDocuments = new Map()): Promise<Book> {
  const images = new ImageLibrary(config.projectDir, warnings, config.manuscript?.resources ?? []);
  const markdown = needsMarkdown(config) ? await import('./markdown.ts') : undefined;
  const context: ReadContext = { markdown, images, memo, warnings, txtAsMarkdown: config.manuscript?.txtAsMarkdown ?? false, word };
  // A file may hold several chapters (split at its top-level headings): all are read before any is numbered.
  const read = config.chapters.map((entry) => {
    const name = displayPath(entry.file);
    const parsed = readChapterSource(entry.file, name, context);
    if (parsed.every((chapter) => chapter.blocks.length === 0 && !chapter.title)) {
      throw new BookError(name, '', 'is empty', 'write the chapter, or remove it from the chapters list');
    }
    return { entry, name, parsed };
  });
  const count = read.reduce((n, r) => n + r.parsed.length, 0);
  const digits = Math.max(2, String(count).length);
  const body: Chapter[] = [];
  const anchors: ChapterAnchors[] = [];
  let part: string | undefined;
  let number = 0;
  let fileParts = 0;
  read.forEach(({ entry, name, parsed }) => {
    let partId = entry.part ? `part${entry.part.index + 1}` : undefined;
    if (entry.part && partId !== part) {
      body.push({ id: partId!, role: 'part', matter: 'body', title: [{ kind: 'text', value: entry.part.title }], blocks: [], source: displayPath(config.configFile) });
    }
    part = partId;
    parsed.forEach((chapter, i) => {
      if (chapter.part && !entry.part) {
        // A part the file itself opens ("Part Two" in a Word book): its chapters follow it.
        partId = `file-part${++fileParts}`;
        part = partId;
        body.push({ id: partId, role: 'part', matter: 'body', title: chapter.part, blocks: [], source: name });
      }
      number++;
      const fallback = (parsed.length === 1 && titleFromFileName(entry.file)) || `Chapter ${number}`;
      const title: Inline[] = i === 0 && entry.title ? [{ kind: 'text', value: entry.title }] : chapter.title ?? [{ kind: 'text', value: fallback }];
      const id = `ch${String(number).padStart(digits, '0')}`;
      const made: Chapter = { id, role: 'chapter', matter: 'body', part: partId, title, blocks: chapter.blocks, source: name };
      if (chapter.subtitle) made.subtitle = chapter.subtitle;
      if (chapter.byline) made.byline = chapter.byline;
      const short = i === 0 && entry.short ? entry.short : chapter.shortTitle;
      if (short) made.shortTitle = short;
      if (chapter.notes) made.notes = chapter.notes;
      body.push(made);
      anchors.push({ chapter: made, file: entry.file, anchor: chapter.anchor });
    });
  });
  const matterRead: ChapterAnchors[] = [];
  const matter = (kinds: MatterKind[]) =>
    kinds.flatMap((kind) => {
      if (!config.matter[kind]) return [];
      const read = readMatter(kind, config.matter[kind]!, config, context);
      matterRead.push(read);
      return [read.chapter];
    });
  const back = matter(['afterword', 'acknowledgements', 'aboutAuthor']);
  if (config.alsoBy.length > 0) {
    back.push({
      id: 'also-by',
      role: 'alsoBy',
      matter: 'back',
      title: [{ kind: 'text', value: matterTitle('alsoBy', config.language, config.authors) }],
      blocks: config.alsoBy.map(({ title, links }) => {
        const name: Inline = { kind: 'emphasis', children: [{ kind: 'text', value: title }] };
        // Linked in each store's edition to that store (and in every edition to a universal address).
        return { kind: 'paragraph', content: [links ? { kind: 'link', href: links.universal ?? '', stores: links, children: [name] } : name] };
      }),
      source: displayPath(config.configFile),
    });
  }
  if (config.askForReview) {
    const review = reviewPage(config);
    if (review) back.push(review);
    else warnings.push({ file: displayPath(config.configFile), location: 'askForReview', message: 'the page asking for a review needs the book\'s store links: add "links": { "amazon": …, "apple": …, "kobo": …, "google": …, "bn": … }; it was left out' });
  }
  const chapters = [...matter(['dedication', 'epigraph']), ...body, ...back];
  const backCover = readBackCover(config, context);
  const authorCard = readAuthorCard(config, context);
  // Every division's headings get book-wide ids, and links anywhere may lead to any of them.
  resolveLinks([...anchors, ...matterRead], warnings);
  return {
    metadata: {
      title: config.title,
      subtitle: config.subtitle,
      ...(config.shortTitle ? { shortTitle: config.shortTitle } : {}),
      authors: config.authors,
      authorsFileAs: config.authorsFileAs,
      contributors: config.contributors,
      language: config.language,
      identifier: config.identifier,
      publisher: config.publisher,
      rights: config.rights,
      description: config.description,
      date: config.date,
      isbn: config.isbn,
      edition: config.edition,
      credits: config.credits,
      series: config.series,
      subjects: config.subjects,
      alsoBy: config.alsoBy.map((entry) => entry.title),
      modified: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      cover: config.cover ? readCover(config.cover, displayPath(config.cover), displayPath(config.configFile), config.coverAlt ?? `Cover of ${config.title}`, warnings) : undefined,
    },
    chapters,
    ...(backCover ? { backCover } : {}),
    ...(authorCard ? { authorCard } : {}),
  };
}

/** The author's photograph and lines for the print cover's back, where the config gives them. */
function readAuthorCard(config: BookConfig, context: ReadContext): Book['authorCard'] {
  const bioText = config.print.cover?.authorBio;
  if (!config.authorPhoto && !bioText) return undefined;
  const configName = displayPath(config.configFile);
  const photo = config.authorPhoto ? readImage(config.authorPhoto, displayPath(config.authorPhoto), configName, 'print.cover.authorPhoto', `Photograph of ${config.authors.join(' and ')}`) : undefined;
  const bio = bioText ? markdownOf(context).parseMarkdownChapter(bioText, context.images.resolverFor(config.configFile)) : undefined;
  const bioBlocks: Block[] | undefined = bio && (bio.title ? [{ kind: 'paragraph', content: bio.title }, ...bio.blocks] : bio.blocks);
  return { ...(photo ? { photo } : {}), ...(bioBlocks && bioBlocks.length > 0 ? { bio: bioBlocks } : {}) };
}

/** The print cover's back text: the config's Markdown or file, else the description's paragraphs (its blank lines part them). */
function readBackCover(config: BookConfig, context: ReadContext): Block[] | undefined {
  const source = config.backCover;
  if (!source) {
    const paragraphs = (config.description ?? '').split(/\n\s*\n/).map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return paragraphs.length > 0 ? paragraphs.map((value): Block => ({ kind: 'paragraph', content: [{ kind: 'text', value }] })) : undefined;
  }
  const name = source.file ? displayPath(source.file) : `${displayPath(config.configFile)} (backCover)`;
  const parsed = source.file ? matterSource(source.file, name, context) : markdownOf(context).parseMarkdownChapter(source.text!, context.images.resolverFor(config.configFile));
  // A heading opening the text is the reader's chapter title: on a back cover it stays a heading.
  const blocks: Block[] = parsed.title ? [{ kind: 'heading', level: 2, content: parsed.title }, ...parsed.blocks] : parsed.blocks;
  if (blocks.length === 0) throw new BookError(name, '', 'the back cover text is empty', 'write it, or remove "backCover" from the config');
  return blocks;
}

/**
 * The last page of the ebooks, asking for a review: the author's sentence or the standard one,
 * and a link that each store's edition sends to this book in that store (see storeAddress).
 * Null without the book's links: a request with nowhere to go.
 */
function reviewPage(config: BookConfig): Chapter | null {
  const links = config.links;
  if (!links || Object.keys(links).length === 0) return null;
  const words = reviewRequest(config.language);
  const request = typeof config.askForReview === 'string' ? config.askForReview : words.request;
  return {
    id: 'review',
    role: 'review',
    matter: 'back',
    ebookOnly: true,
    title: [{ kind: 'text', value: matterTitle('review', config.language, config.authors) }],
    blocks: [
      { kind: 'paragraph', content: [{ kind: 'text', value: request }] },
      { kind: 'paragraph', content: [{ kind: 'link', href: links.universal ?? '', stores: links, children: [{ kind: 'text', value: words.link }] }] },
    ],
    source: displayPath(config.configFile),
  };
}
