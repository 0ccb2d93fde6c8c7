import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BookConfig } from '../config/load.ts';
import { displayPath } from '../config/paths.ts';
import { BookError, type Warning } from '../errors.ts';
import { readCover } from './cover.ts';
import type { Book, Chapter, Inline } from '../model/index.ts';
import { decodeManuscript } from './decode.ts';
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

export function parseChapterSource(source: string, file: string): ParsedChapter {
  return /\.(md|markdown)$/i.test(file) ? parseMarkdownChapter(source) : parsePlainTextChapter(source);
}

/** Reads every chapter the config lists, and the cover, into the document model (text not yet normalized). */
export function readBook(config: BookConfig, now: Date, warnings: Warning[] = []): Book {
  const chapters: Chapter[] = config.chapters.map((entry, index) => {
    const name = displayPath(entry.file);
    const parsed = parseChapterSource(decodeManuscript(readBytes(entry.file, name), name), entry.file);
    const fallback = titleFromFileName(entry.file) || `Chapter ${index + 1}`;
    const title: Inline[] = entry.title ? [{ kind: 'text', value: entry.title }] : parsed.title ?? [{ kind: 'text', value: fallback }];
    if (parsed.blocks.length === 0 && !parsed.title) {
      throw new BookError(name, '', 'is empty', 'write the chapter, or remove it from the chapters list');
    }
    return { id: `ch${String(index + 1).padStart(String(config.chapters.length).length < 2 ? 2 : String(config.chapters.length).length, '0')}`, title, blocks: parsed.blocks, source: name };
  });
  return {
    metadata: {
      title: config.title,
      subtitle: config.subtitle,
      authors: config.authors,
      language: config.language,
      identifier: config.identifier,
      publisher: config.publisher,
      rights: config.rights,
      description: config.description,
      date: config.date,
      modified: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      cover: config.cover ? readCover(config.cover, displayPath(config.cover), displayPath(config.configFile), config.coverAlt ?? `Cover of ${config.title}`, warnings) : undefined,
    },
    chapters,
  };
}
