import type { Block, Inline } from '../model/index.ts';
import { textWithLiterals } from './escapes.ts';
import type { ParsedChapter } from './markdown.ts';
import { isSceneBreakOrnament } from './ornament.ts';
import { protectEscapedQuotes } from './escapes.ts';

const HEADING_WORDS =
  /^(chapter|part|book|volume|act|section|prologue|epilogue|interlude|preface|foreword|introduction|afterword|appendix|postscript|coda|kapitel|teil|chapitre|partie|capítulo|capitolo|hoofdstuk|rozdział|kapitola|глава)\b/iu;
const NUMBER_ONLY = /^(?:[0-9]{1,4}|[IVXLCDM]{1,8})\.?$/u;

/** A line that starts with a word such as "Chapter", "Part", "Prologue", or is only a number ("7", "XII"). */
export function namesAHeading(line: string): boolean {
  return HEADING_WORDS.test(line.trim()) || NUMBER_ONLY.test(line.trim());
}

/**
 * A plain-text chapter's first paragraph is its title when it reads as a heading: one line of at
 * most 80 characters that starts with a word such as "Chapter", "Part" or "Prologue", or is only a
 * number, or is written in capitals — and does not end like a sentence of speech (?, !, quotes).
 */
export function readsAsHeading(paragraph: string): boolean {
  const text = paragraph.trim();
  if (!text || text.includes('\n') || text.length > 80) return false;
  if (/["“”'‘’]|[?!,;]$/u.test(text)) return false;
  if (namesAHeading(text)) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && text.length <= 60;
}

function paragraphInlines(text: string): Inline[] {
  return textWithLiterals(text.replace(/\s*\n\s*/g, ' ').trim());
}

/** A plain-text chapter: paragraphs separated by blank lines. */
export function parsePlainTextChapter(source: string): ParsedChapter {
  const paragraphs = protectEscapedQuotes(source)
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  let title: Inline[] | undefined;
  // A title line typed directly above the text, with no blank line between.
  const firstLine = paragraphs[0]?.split('\n')[0];
  if (paragraphs.length > 0 && paragraphs[0]!.includes('\n') && firstLine !== undefined && readsAsHeading(firstLine)) {
    paragraphs.splice(0, 1, firstLine, paragraphs[0]!.slice(firstLine.length + 1));
  }
  if (paragraphs.length > 1 && readsAsHeading(paragraphs[0]!)) {
    // "Chapter 1." is a heading typed like a sentence; the period is not part of the title.
    title = paragraphInlines(paragraphs.shift()!.replace(/(?<![.\s][A-Za-z])\.$/, ''));
  }
  const blocks: Block[] = paragraphs.map((p) => (isSceneBreakOrnament(p) ? { kind: 'sceneBreak' } : { kind: 'paragraph', content: paragraphInlines(p) }));
  return { title, blocks };
}
