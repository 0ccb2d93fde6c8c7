import type { Block, Book, Chapter } from '../model/index.ts';
import { dashes, type DashStyle } from './dashes.ts';
import { ellipses } from './ellipses.ts';
import { eachBlock, mapChapterText, type TextBlock } from './flatten.ts';
import { typographyFor } from './languages.ts';
import { curlQuotes, punctuationSpaces } from './quotes.ts';
import { bindAbbreviations, collapseSpaces } from './spaces.ts';
import { composeUnicode } from './unicode.ts';

export interface NormalizeOptions {
  language: string;
  quotes: boolean;
  dashes: boolean;
  ellipses: boolean;
  spaces: boolean;
  /** The config's dash; the language's when it names none. */
  dash?: DashStyle;
  singleQuotesFirst?: boolean;
}

type Pass = (blocks: TextBlock[]) => string[];

/** The passes, in order: each sees the text the one before it left. */
export function passesFor(options: NormalizeOptions): Pass[] {
  const marks = typographyFor(options.language);
  const passes: Pass[] = [eachBlock(composeUnicode)];
  if (options.spaces) passes.push(eachBlock(collapseSpaces));
  if (options.ellipses) passes.push(eachBlock(ellipses));
  if (options.dashes) passes.push(eachBlock((text) => dashes(text, options.dash ?? marks.dash)));
  if (options.quotes) passes.push((blocks) => curlQuotes(blocks, marks, { singleQuotesFirst: options.singleQuotesFirst }));
  if (options.spaces) passes.push(eachBlock((text) => bindAbbreviations(punctuationSpaces(text, marks))));
  return passes;
}

export function normalizeChapter(chapter: Chapter, passes: readonly Pass[]): Chapter {
  return passes.reduce((current, pass) => mapChapterText(current, pass), chapter);
}

/** Chapters normalized by earlier builds, by the chapter as read and the options. */
export interface NormalizeMemo {
  recall(chapter: Chapter, options: NormalizeOptions): Chapter | undefined;
  remember(chapter: Chapter, options: NormalizeOptions, normalized: Chapter): void;
}

/** The book with its typography made right; the input is not changed. */
export function normalizeBook(book: Book, options: Omit<NormalizeOptions, 'language'>, memo?: NormalizeMemo): Book {
  const all = { ...options, language: book.metadata.language };
  const passes = passesFor(all);
  const normalize = (chapter: Chapter): Chapter => {
    const remembered = memo?.recall(chapter, all);
    if (remembered) return remembered;
    const normalized = normalizeChapter(chapter, passes);
    memo?.remember(chapter, all, normalized);
    return normalized;
  };
  // The print cover's back and the author's lines are set like a chapter's text, so they are normalized
  // like one (never memoized: they are short).
  const blocksOf = (blocks: Block[]) => normalizeChapter({ id: 'cover-text', role: 'chapter', matter: 'back', title: [{ kind: 'text', value: 'Cover' }], blocks, source: '' }, passes).blocks;
  const backCover = book.backCover && blocksOf(book.backCover);
  const bio = book.authorCard?.bio && blocksOf(book.authorCard.bio);
  const authorCard = book.authorCard && { ...book.authorCard, ...(bio ? { bio } : {}) };
  return { ...book, chapters: book.chapters.map(normalize), ...(backCover ? { backCover } : {}), ...(authorCard ? { authorCard } : {}) };
}
