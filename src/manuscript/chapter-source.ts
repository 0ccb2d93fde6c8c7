import type { ImageLibrary } from './images.ts';
import * as markdown from './markdown.ts';
import type { ParsedChapter } from './markdown.ts';
import { parseChapterSourceWith } from './read.ts';

/**
 * A chapter file's text as the chapters it holds, as a build reads it: for tests and tools, which
 * load the Markdown reader up front (a build loads it only for a book with Markdown in it).
 */
export function parseChapterSource(source: string, file: string, images?: ImageLibrary, txtAsMarkdown = false): ParsedChapter[] {
  return parseChapterSourceWith(markdown, source, file, images, txtAsMarkdown);
}
