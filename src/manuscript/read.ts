import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BookConfig, MatterKind, MatterSource } from '../config/load.ts';
import { matterTitle } from '../locale.ts';
import { displayPath } from '../config/paths.ts';
import { BookError, type Warning } from '../errors.ts';
import { readCover } from './cover.ts';
import type { Book, Chapter, DivisionRole, Inline } from '../model/index.ts';
import { hasFigure } from '../model/figures.ts';
import { decodeManuscript } from './decode.ts';
import { ImageLibrary } from './images.ts';
import { parseMarkdownChapter, type ParsedChapter } from './markdown.ts';
import { parsePlainTextChapter } from './plaintext.ts';

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
  recall(source: Uint8Array, file: string): ParsedChapter | undefined;
  remember(source: Uint8Array, file: string, parsed: ParsedChapter): void;
}

function readChapterSource(file: string, name: string, images: ImageLibrary, memo: ParseMemo | undefined): ParsedChapter {
  const bytes = readBytes(file, name);
  const remembered = memo?.recall(bytes, file);
  if (remembered) return remembered;
  const parsed = parseChapterSource(decodeManuscript(bytes, name), file, images);
  if (memo && !hasFigure(parsed.blocks)) memo.remember(bytes, file, parsed);
  return parsed;
}

/** How a chapter file is written, by its name: Markdown, or plain text. */
export function chapterSyntax(file: string): 'markdown' | 'text' {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';
}

export function parseChapterSource(source: string, file: string, images?: ImageLibrary): ParsedChapter {
  return chapterSyntax(file) === 'markdown' ? parseMarkdownChapter(source, images?.resolverFor(file)) : parsePlainTextChapter(source);
}

const MATTER_ROLES: Record<MatterKind, { role: DivisionRole; id: string; matter: 'front' | 'back' }> = {
  dedication: { role: 'dedication', id: 'dedication', matter: 'front' },
  epigraph: { role: 'epigraph', id: 'epigraph', matter: 'front' },
  afterword: { role: 'afterword', id: 'afterword', matter: 'back' },
  acknowledgements: { role: 'acknowledgments', id: 'acknowledgements', matter: 'back' },
  aboutAuthor: { role: 'aboutAuthor', id: 'about-author', matter: 'back' },
};

/** A piece of front or back matter from the config: its own Markdown, or a file. */
function readMatter(kind: MatterKind, source: MatterSource, config: BookConfig, images: ImageLibrary, memo: ParseMemo | undefined): Chapter {
  const { role, id, matter } = MATTER_ROLES[kind];
  const name = source.file ? displayPath(source.file) : `${displayPath(config.configFile)} (${kind})`;
  const parsed = source.file ? readChapterSource(source.file, name, images, memo) : parseMarkdownChapter(source.text!, images.resolverFor(config.configFile));
  if (parsed.blocks.length === 0) throw new BookError(name, '', `the ${kind} is empty`, `write it, or remove "${kind}" from the config`);
  const title: Inline[] = source.title ? [{ kind: 'text', value: source.title }] : parsed.title ?? [{ kind: 'text', value: matterTitle(role, config.language, config.authors) }];
  return { id, role, matter, title, blocks: parsed.blocks, source: name };
}

/** Reads every chapter the config lists, and the cover, into the document model (text not yet normalized). */
export function readBook(config: BookConfig, now: Date, warnings: Warning[] = [], memo?: ParseMemo): Book {
  const digits = Math.max(2, String(config.chapters.length).length);
  const images = new ImageLibrary(config.projectDir, warnings);
  const body: Chapter[] = [];
  let part: string | undefined;
  config.chapters.forEach((entry, index) => {
    const name = displayPath(entry.file);
    const parsed = readChapterSource(entry.file, name, images, memo);
    const fallback = titleFromFileName(entry.file) || `Chapter ${index + 1}`;
    const title: Inline[] = entry.title ? [{ kind: 'text', value: entry.title }] : parsed.title ?? [{ kind: 'text', value: fallback }];
    if (parsed.blocks.length === 0 && !parsed.title) {
      throw new BookError(name, '', 'is empty', 'write the chapter, or remove it from the chapters list');
    }
    const partId = entry.part ? `part${entry.part.index + 1}` : undefined;
    if (entry.part && partId !== part) {
      body.push({ id: partId!, role: 'part', matter: 'body', title: [{ kind: 'text', value: entry.part.title }], blocks: [], source: displayPath(config.configFile) });
    }
    part = partId;
    body.push({ id: `ch${String(index + 1).padStart(digits, '0')}`, role: 'chapter', matter: 'body', part: partId, title, blocks: parsed.blocks, source: name });
  });
  const matter = (kinds: MatterKind[]) => kinds.flatMap((kind) => (config.matter[kind] ? [readMatter(kind, config.matter[kind]!, config, images, memo)] : []));
  const back = matter(['afterword', 'acknowledgements', 'aboutAuthor']);
  if (config.alsoBy.length > 0) {
    back.push({
      id: 'also-by',
      role: 'alsoBy',
      matter: 'back',
      title: [{ kind: 'text', value: matterTitle('alsoBy', config.language, config.authors) }],
      blocks: config.alsoBy.map((title) => ({ kind: 'paragraph', content: [{ kind: 'emphasis', children: [{ kind: 'text', value: title }] }] })),
      source: displayPath(config.configFile),
    });
  }
  const chapters = [...matter(['dedication', 'epigraph']), ...body, ...back];
  return {
    metadata: {
      title: config.title,
      subtitle: config.subtitle,
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
      alsoBy: config.alsoBy,
      modified: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      cover: config.cover ? readCover(config.cover, displayPath(config.cover), displayPath(config.configFile), config.coverAlt ?? `Cover of ${config.title}`, warnings) : undefined,
    },
    chapters,
  };
}
