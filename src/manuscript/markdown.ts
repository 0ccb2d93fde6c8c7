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

/** A Markdown chapter: its leading "# Heading" is the title; the rest are blocks. */
export function parseMarkdownChapter(source: string, resolveImage?: ImageResolver): ParsedChapter {
  const tree = fromMarkdown(ornamentsToThematicBreaks(protectEscapedQuotes(source)));
  const children = [...tree.children] as RootContent[];
  const first = children[0] as MdNode | undefined;
  let title: Inline[] | undefined;
  if (first?.type === 'heading' && first.depth === 1 && first.children.length > 0) {
    title = inlines(first.children);
    children.shift();
  }
  return { title, blocks: blocks(children, resolveImage) };
}
