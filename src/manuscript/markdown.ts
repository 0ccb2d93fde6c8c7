import type { Nodes as MdNode, RootContent } from 'mdast';
import type { Block, Inline, Note } from '../model/index.ts';
import { protectEscapedQuotes, textWithLiterals } from './escapes.ts';
import { isSceneBreakOrnament } from './ornament.ts';
import { MdastConverter, type ImageResolver, type ReadHeading } from './markdown/convert.ts';
import { attributeId, markFencedDivs } from './markdown/fenced-divs.ts';
import { splitFrontMatter } from './markdown/front-matter.ts';
import { escapeListsInParagraphs } from './markdown/lazy-lists.ts';
import { MAX_MARKS, neutralizeDenseMarks, restoreMarks } from './markdown/dense-marks.ts';
import { removeObsidianComments } from './markdown/obsidian-comments.ts';
import { parseMdast } from './markdown/parse.ts';
import { slug } from './markdown/slug.ts';
import { plainText } from '../model/plain-text.ts';
import { readsAsHeading } from './plaintext.ts';

export type { ImageResolver } from './markdown/convert.ts';

/**
 * A line that is only an ornament, between blank lines, is a scene break. CommonMark would read
 * some of them otherwise ("#" is an empty heading, "~~~" opens a code fence), so they are made
 * thematic breaks before parsing.
 */
function ornamentsToThematicBreaks(source: string): string {
  const lines = source.split('\n');
  let inFence = false;
  return lines
    .map((line, i) => {
      if (/^\s{0,3}(```|~~~)/.test(line) && !isStandaloneOrnament(lines, i)) inFence = !inFence;
      return !inFence && isStandaloneOrnament(lines, i) ? '* * *' : line;
    })
    .join('\n');
}

function isStandaloneOrnament(lines: readonly string[], i: number): boolean {
  const blank = (line: string | undefined) => line === undefined || line.trim() === '';
  return isSceneBreakOrnament(lines[i]!) && blank(lines[i - 1]) && blank(lines[i + 1]);
}

/** A stretch of the chapter: a paragraph of plain words, or Markdown parsed by the CommonMark parser. */
type Segment = { plain: Inline[] } | { parsed: RootContent[] };

// Anything in a document that can reach across blank lines (code fences, HTML blocks, link
// reference definitions, which hold for the whole document): such a document is parsed whole.
const REACHES_ACROSS_BLANK_LINES = /^ {0,3}(?:```|~~~|<)|\]:/m;
// Characters that may begin Markdown syntax inside a paragraph, and line starts that may begin a
// block or end a paragraph (headings, quotes, lists, thematic breaks, setext underlines).
const INLINE_SYNTAX = /[_`[\]<>&\\\t\r\0~^{}|]|[ ]\n|[ ]$|:\/\/|www\.|@/;
const BLOCK_START = /^(?:[\s#>+\-*=_`~<|:{]|\d{1,9}[.)])/m;

/** Blank in CommonMark's sense: spaces and tabs only (a no-break space is text). */
const isBlank = (line: string) => /^[ \t]*$/.test(line);

// Where a single asterisk may open emphasis (CommonMark: left-flanking, not inside a word) and
// where one may close it (right-flanking, followed by a space, punctuation or the end).
const OPENS_AFTER = /[\s"'“‘(\[—–]/u;
const STARTS_EMPHASIS = /[\p{L}\p{N}]/u;
const ENDS_EMPHASIS = /[\p{L}\p{N}.,!?;:'"”’)\]]/u;
const CLOSES_BEFORE = /[\s.,!?;:'"”’)\]—–-]/u;

/**
 * A paragraph whose only syntax is *emphasis* in single asterisks, each pair plainly opening
 * before a word and closing after one: the common italics of a novel, read without the parser.
 * Null for anything less plain (doubled or unpaired asterisks, emphasis inside a word).
 */
function simpleEmphasis(text: string): Inline[] | null {
  const parts = text.split('*');
  if (parts.length % 2 === 0) return null;
  const out: Inline[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) {
      out.push(...textWithLiterals(part));
      continue;
    }
    const before = parts[i - 1]!;
    const after = parts[i + 1]!;
    // An empty piece between asterisks is a doubled asterisk: strong emphasis, or no emphasis at all.
    if ((before === '' && i > 1) || (after === '' && i + 1 < parts.length - 1)) return null;
    const opens = (before === '' || OPENS_AFTER.test(before.at(-1)!)) && STARTS_EMPHASIS.test(part.charAt(0));
    const closes = ENDS_EMPHASIS.test(part.at(-1) ?? '') && (after === '' || CLOSES_BEFORE.test(after.charAt(0)));
    if (!opens || !closes) return null;
    out.push({ kind: 'emphasis', children: textWithLiterals(part) });
  }
  return out;
}

// Stands between two stretches of Markdown given to the parser together: an HTML comment the
// author cannot have typed (a document with HTML at a line's start is parsed whole).
const SEPARATOR = '<!--book:separator-->';

/**
 * The chapter's top-level stretches. Most paragraphs of a novel are plain words, or words with
 * simple italics: those are taken as they are, and only the rest goes through the CommonMark
 * parser (a novel reads several times faster so). A paragraph is plain when no line of it starts
 * a block and it holds no character that begins inline syntax, and then CommonMark's reading of
 * it is its text. The other stretches are parsed in one go, separated as the plain paragraphs
 * between them separated them, and their line numbers are put back to the file's.
 */
function segments(source: string): Segment[] {
  if (REACHES_ACROSS_BLANK_LINES.test(source)) return [{ parsed: parseMdast(source) }];
  const lines = source.split('\n');
  const out: (Segment | { group: number })[] = [];
  // Runs of non-plain paragraphs (with the blank lines between them): [first line, end line).
  const groups: [number, number][] = [];
  let line = 0;
  while (line < lines.length) {
    if (isBlank(lines[line]!)) {
      line++;
      continue;
    }
    let end = line;
    while (end < lines.length && !isBlank(lines[end]!)) end++;
    const text = lines.slice(line, end).join('\n');
    const content = INLINE_SYNTAX.test(text) || BLOCK_START.test(text) ? null : text.includes('*') ? simpleEmphasis(text) : textWithLiterals(text);
    if (content) out.push({ plain: content });
    else if (out.at(-1) && 'group' in out.at(-1)!) groups.at(-1)![1] = end;
    else {
      out.push({ group: groups.length });
      groups.push([line, end]);
    }
    line = end;
  }
  if (groups.length === 0) return out as Segment[];
  // One parse for every group: each starts two lines after the separator that ends the one before.
  let compact = '';
  const offsets: number[] = [];
  let compactLine = 0;
  for (const [from, to] of groups) {
    if (compact) {
      compact += `\n\n${SEPARATOR}\n\n`;
      compactLine += 4;
    }
    offsets.push(from - compactLine);
    compact += lines.slice(from, to).join('\n');
    compactLine += to - from - 1;
  }
  const parsed: RootContent[][] = [[]];
  for (const node of parseMdast(compact)) {
    if (node.type === 'html' && node.value === SEPARATOR) parsed.push([]);
    else parsed.at(-1)!.push(node);
  }
  // Every separator must have come back as itself; should one not, read the document whole.
  if (parsed.length !== groups.length) return [{ parsed: parseMdast(source) }];
  parsed.forEach((nodes, i) => nodes.forEach((node) => shiftLines(node, offsets[i]!)));
  return out.map((part) => ('group' in part ? { parsed: parsed[part.group]! } : part));
}

/** Moves a parsed node's line numbers (images report theirs) by `by` lines. */
function shiftLines(node: MdNode, by: number): void {
  if (by === 0) return;
  if (node.position) node.position = { start: { ...node.position.start, line: node.position.start.line + by }, end: { ...node.position.end, line: node.position.end.line + by } };
  if ('children' in node) for (const child of node.children) shiftLines(child as MdNode, by);
}


export interface ParsedChapter {
  title?: Inline[];
  /** The title's anchor: its `{#id}`, else a slug of its words, for links to the chapter. */
  anchor?: string;
  subtitle?: Inline[];
  byline?: string[];
  /** The title as running heads show it (front matter `short`). */
  shortTitle?: string;
  blocks: Block[];
  /** The notes its title and blocks refer to, in the order of their first reference. */
  notes?: Note[];
  /** The title of a part this chapter opens (a Word book's "Part Two" line before it). */
  part?: Inline[];
  /** What could not be rendered, by source line: told on every build. */
  warnings?: { line: number; message: string }[];
}

// Leanpub's and pandoc's attribute lines before a heading (`{id: storm}`, `{#storm}`) and
// Leanpub's directives (`{pagebreak}`): instructions to the tool, never text.
const ATTRIBUTE_LINE = /^\{\s*(?:#[\w:.-]+(?:\s+[.#]?[\w:.=-]+)*|[\w-]+\s*:\s*[^{}]*|pagebreak|frontmatter|mainmatter|backmatter)\s*\}$/;

function attributeLine(block: Block | ReadHeading): string | undefined {
  if (block.kind !== 'paragraph' || block.content.length !== 1 || block.content[0]!.kind !== 'text') return undefined;
  const text = block.content[0]!.value.trim();
  return ATTRIBUTE_LINE.test(text) ? text : undefined;
}

/** The automatic identifier of a heading's words (see slug). */
const slugOf = (inlines: readonly Inline[]) => slug(plainText(inlines));

const sameWords = (a: readonly Inline[], b: string) => slugOf(a) === slug(b);

/**
 * A Markdown file as chapters. Its title, in order: the front matter's `title`, else its first
 * heading (at any level) when nothing but front matter, comments or an attribute line stands
 * before it. With `split`, a later heading at the title's level (or, in a file that opens with
 * text, a level-1 heading) opens another chapter, as pandoc splits a book into files.
 */
export function parseMarkdownChapters(source: string, resolveImage?: ImageResolver, split = true, whole = false): ParsedChapter[] {
  const front = splitFrontMatter(source);
  const matter = front.matter;
  const converter = new MdastConverter(resolveImage, matter?.verse === true);
  const dense = neutralizeDenseMarks(front.body);
  const prepared = escapeListsInParagraphs(markFencedDivs(ornamentsToThematicBreaks(protectEscapedQuotes(removeObsidianComments(dense.source)))));
  const read: (Block | ReadHeading)[] = [];
  const parts = whole || matter?.verse ? [{ parsed: parseMdast(prepared) }] : segments(prepared);
  for (const part of parts) {
    if ('plain' in part) read.push({ kind: 'paragraph', content: part.plain });
    else read.push(...converter.blocks(part.parsed));
  }
  // Attribute lines give their id to the heading after them, and are never printed.
  const blocks: (Block | ReadHeading)[] = [];
  let pendingId: string | undefined;
  for (const block of read) {
    const attributes = attributeLine(block);
    if (attributes !== undefined) {
      pendingId = attributeId(attributes.slice(1, -1)) ?? pendingId;
      continue;
    }
    if (block.kind === 'heading' && pendingId && !block.id) block.id = pendingId;
    pendingId = undefined;
    blocks.push(block);
  }
  // A Word file exported to Markdown (pandoc, Word's own) has its chapter title as a bold or
  // centred paragraph, not a heading: a short one that opens the file is taken as the title.
  if (!matter?.title && blocks[0]?.kind === 'paragraph' && isDisplayLine(blocks[0].content)) {
    const content = blocks[0].content;
    blocks[0] = { kind: 'heading', level: 1, depth: 1, content: content.length === 1 && 'children' in content[0]! ? content[0].children : content } as ReadHeading;
  }
  const headingAt = (i: number) => (blocks[i]?.kind === 'heading' && 'depth' in blocks[i]! ? (blocks[i] as ReadHeading) : undefined);
  let titleDepth: number | undefined;
  const opening = headingAt(0);
  if (opening && !(matter?.title && !sameWords(opening.content, matter.title))) titleDepth = opening.depth;
  const splitDepth = titleDepth ?? 1;
  const chapters: { heading?: ReadHeading; blocks: (Block | ReadHeading)[] }[] = [{ heading: titleDepth !== undefined ? opening : undefined, blocks: [] }];
  blocks.slice(titleDepth !== undefined ? 1 : 0).forEach((block) => {
    if (split && block.kind === 'heading' && 'depth' in block && block.depth <= splitDepth) chapters.push({ heading: block, blocks: [] });
    else chapters.at(-1)!.blocks.push(block);
  });
  // Nothing before the first of several chapters: a whole book in one file, whose front matter
  // (pandoc's title and author) names the book, which the config names already.
  const wholeBook = chapters.length > 1 && chapters[0]!.heading === undefined && chapters[0]!.blocks.length === 0;
  if (wholeBook) chapters.shift();
  const chapterMatter = wholeBook ? undefined : matter;
  const depthBase = titleDepth ?? 1;
  const out = chapters.map(({ heading, blocks: own }, i): ParsedChapter => {
    const title = i === 0 && chapterMatter?.title ? textWithLiterals(chapterMatter.title) : heading?.content;
    const anchor = heading ? heading.id ?? slugOf(heading.content) : title ? slugOf(title) : undefined;
    const chapter: ParsedChapter = {
      ...(title ? { title } : {}),
      ...(anchor ? { anchor } : {}),
      blocks: own.map((block): Block => {
        if (block.kind !== 'heading' || !('depth' in block)) return block;
        const { depth: _, ...heading } = block;
        return { ...heading, level: Math.max(2, block.depth - depthBase + 1), id: block.id ?? slugOf(block.content) };
      }),
    };
    if (i === 0 && chapterMatter?.subtitle) chapter.subtitle = textWithLiterals(chapterMatter.subtitle);
    if (i === 0 && chapterMatter?.authors) chapter.byline = chapterMatter.authors;
    if (i === 0 && chapterMatter?.short) chapter.shortTitle = chapterMatter.short;
    return chapter;
  });
  // A file's notes may be defined anywhere in it (most often at its end): each goes with the
  // chapters that refer to it.
  for (const chapter of out) {
    const notes = converter.notesOf([...(chapter.title ? [{ kind: 'paragraph' as const, content: chapter.title }] : []), ...chapter.blocks]);
    if (notes.length > 0) chapter.notes = notes;
  }
  converter.unreferencedNotes();
  const warnings = converter.finish();
  if (front.error) warnings.unshift({ line: 1, message: front.error });
  for (const line of dense.lines) warnings.push({ line, message: `a paragraph has more than ${MAX_MARKS} Markdown marks (brackets, asterisks, underscores, backticks…): it was read as plain text, its marks printed as they are` });
  if (warnings.length > 0) out[0]!.warnings = warnings;
  return dense.lines.length > 0 ? restoreMarks(out) : out;
}

/** A paragraph that is all bold (or all bold italic), one short line not ending like a sentence. */
function isDisplayLine(content: readonly Inline[]): boolean {
  const meaningful = content.filter((n) => n.kind !== 'text' || n.value.trim() !== '');
  if (meaningful.length !== 1 || meaningful[0]!.kind !== 'strong') return false;
  const text = plainText(meaningful).trim();
  return /[\p{L}\p{N}]/u.test(text) && text.length <= 80 && !text.includes('\n') && (!/[.,;:!?"“”…]$/.test(text) || readsAsHeading(text));
}

/** One chapter from Markdown that is never split (front and back matter written in the config, tests). */
export function parseMarkdownChapter(source: string, resolveImage?: ImageResolver): ParsedChapter {
  return parseMarkdownChapters(source, resolveImage, false)[0]!;
}

/** The same chapter read by the CommonMark parser alone, for tests that hold the fast path to it. */
export function parseMarkdownChapterWhole(source: string, resolveImage?: ImageResolver): ParsedChapter {
  return parseMarkdownChapters(source, resolveImage, false, true)[0]!;
}
