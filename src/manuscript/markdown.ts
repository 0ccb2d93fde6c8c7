import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes as MdNode, PhrasingContent, RootContent } from 'mdast';
import type { Block, ImageData, Inline } from '../model/index.ts';
import { protectEscapedQuotes, restoreInCode, textWithLiterals } from './escapes.ts';
import { isSceneBreakOrnament } from './ornament.ts';

export interface ParsedChapter {
  title?: Inline[];
  blocks: Block[];
}

/** Finds the image a Markdown `![alt](src "caption")` names; `line` is where it is written. */
export type ImageResolver = (src: string, line: number, alt: string) => ImageData;

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

function inlines(nodes: readonly PhrasingContent[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(...textWithLiterals(node.value));
        break;
      case 'emphasis':
        out.push({ kind: 'emphasis', children: inlines(node.children) });
        break;
      case 'strong':
        out.push({ kind: 'strong', children: inlines(node.children) });
        break;
      case 'inlineCode':
        out.push({ kind: 'code', value: restoreInCode(node.value) });
        break;
      case 'break':
        out.push({ kind: 'lineBreak' });
        break;
      case 'link':
      case 'linkReference':
        // A link's words are the words of the book; an autolink's text is its URL, kept as typed.
        if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text' && node.children[0]!.value === node.url) {
          out.push({ kind: 'literal', value: node.url });
        } else out.push(...inlines(node.children));
        break;
      case 'html':
        out.push({ kind: 'literal', value: restoreInCode(node.value) });
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) out.push(...inlines((node as { children: PhrasingContent[] }).children));
    }
  }
  return out;
}

/** A paragraph's images become figures of their own; the words around them stay paragraphs. */
function paragraphBlocks(children: readonly PhrasingContent[], resolveImage: ImageResolver | undefined, out: Block[]): void {
  let words: PhrasingContent[] = [];
  const flush = () => {
    const content = inlines(words);
    if (content.some((inline) => inline.kind !== 'text' || inline.value.trim() !== '')) out.push({ kind: 'paragraph', content });
    words = [];
  };
  for (const child of children) {
    if (child.type === 'image' && resolveImage) {
      flush();
      const image = resolveImage(child.url, child.position?.start.line ?? 0, child.alt ?? '');
      out.push({ kind: 'figure', image, alt: child.alt ?? '', caption: child.title ? textWithLiterals(child.title) : undefined });
    } else if (child.type !== 'break' || words.length > 0) words.push(child);
  }
  flush();
}

function blocks(nodes: readonly RootContent[], resolveImage?: ImageResolver): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        paragraphBlocks(node.children, resolveImage, out);
        break;
      case 'heading':
        if (node.children.length === 0) out.push({ kind: 'sceneBreak' });
        else out.push({ kind: 'heading', level: Math.max(2, node.depth), content: inlines(node.children) });
        break;
      case 'thematicBreak':
        out.push({ kind: 'sceneBreak' });
        break;
      case 'blockquote':
        out.push({ kind: 'blockQuote', blocks: blocks(node.children, resolveImage) });
        break;
      case 'list':
        for (const item of node.children) out.push(...blocks(item.children, resolveImage));
        break;
      case 'code':
        out.push({ kind: 'paragraph', content: restoreInCode(node.value).split('\n').flatMap((line, i): Inline[] => (i ? [{ kind: 'lineBreak' }, { kind: 'code', value: line }] : [{ kind: 'code', value: line }])) });
        break;
      case 'html':
        out.push({ kind: 'paragraph', content: [{ kind: 'literal', value: restoreInCode(node.value) }] });
        break;
      default:
        if ('children' in node) out.push(...blocks((node as { children: RootContent[] }).children, resolveImage));
    }
  }
  return out;
}

/** A stretch of the chapter: a paragraph of plain words, or Markdown parsed by the CommonMark parser. */
type Segment = { plain: Inline[] } | { parsed: RootContent[] };

// Anything in a document that can reach across blank lines (code fences, HTML blocks, link
// reference definitions, which hold for the whole document): such a document is parsed whole.
const REACHES_ACROSS_BLANK_LINES = /^ {0,3}(?:```|~~~|<)|\]:/m;
// Characters that may begin Markdown syntax inside a paragraph, and line starts that may begin a
// block or end a paragraph (headings, quotes, lists, thematic breaks, setext underlines).
const INLINE_SYNTAX = /[_`[\]<>&\\\t\r\0]|[ ]\n|[ ]$/;
const BLOCK_START = /^(?:[\s#>+\-*=_`~<|]|\d{1,9}[.)])/m;

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
  if (REACHES_ACROSS_BLANK_LINES.test(source)) return [{ parsed: fromMarkdown(source).children }];
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
  for (const node of fromMarkdown(compact).children) {
    if (node.type === 'html' && node.value === SEPARATOR) parsed.push([]);
    else parsed.at(-1)!.push(node);
  }
  // Every separator must have come back as itself; should one not, read the document whole.
  if (parsed.length !== groups.length) return [{ parsed: fromMarkdown(source).children }];
  parsed.forEach((nodes, i) => nodes.forEach((node) => shiftLines(node, offsets[i]!)));
  return out.map((part) => ('group' in part ? { parsed: parsed[part.group]! } : part));
}

/** Moves a parsed node's line numbers (images report theirs) by `by` lines. */
function shiftLines(node: MdNode, by: number): void {
  if (by === 0) return;
  if (node.position) node.position = { start: { ...node.position.start, line: node.position.start.line + by }, end: { ...node.position.end, line: node.position.end.line + by } };
  if ('children' in node) for (const child of node.children) shiftLines(child as MdNode, by);
}

/** A Markdown chapter: its leading "# Heading" is the title; the rest are blocks. */
export function parseMarkdownChapter(source: string, resolveImage?: ImageResolver): ParsedChapter {
  const parts = segments(ornamentsToThematicBreaks(protectEscapedQuotes(source)));
  let title: Inline[] | undefined;
  const first = parts[0] && 'parsed' in parts[0] ? (parts[0].parsed[0] as MdNode | undefined) : undefined;
  if (first?.type === 'heading' && first.depth === 1 && first.children.length > 0) {
    title = inlines(first.children);
    (parts[0] as { parsed: RootContent[] }).parsed = (parts[0] as { parsed: RootContent[] }).parsed.slice(1);
  }
  const out: Block[] = [];
  for (const part of parts) {
    if ('plain' in part) out.push({ kind: 'paragraph', content: part.plain });
    else out.push(...blocks(part.parsed, resolveImage));
  }
  return { title, blocks: out };
}

/** The same chapter read by the CommonMark parser alone, for tests that hold the fast path to it. */
export function parseMarkdownChapterWhole(source: string, resolveImage?: ImageResolver): ParsedChapter {
  const children = [...fromMarkdown(ornamentsToThematicBreaks(protectEscapedQuotes(source))).children] as RootContent[];
  const first = children[0] as MdNode | undefined;
  let title: Inline[] | undefined;
  if (first?.type === 'heading' && first.depth === 1 && first.children.length > 0) {
    title = inlines(first.children);
    children.shift();
  }
  return { title, blocks: blocks(children, resolveImage) };
}
