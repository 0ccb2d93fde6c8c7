import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { RootContent } from 'mdast';

// GFM: tables, ~~strikethrough~~ (a single tilde is pandoc's subscript, not strikethrough),
// autolinks, task lists, footnotes. Front matter is split off before parsing (front-matter.ts).
const extensions = [gfm({ singleTilde: false })];
const mdastExtensions = [gfmFromMarkdown()];

/** CommonMark with GitHub's extensions, as the micromark family reads it. */
export function parseMdast(source: string): RootContent[] {
  return fromMarkdown(source, { extensions, mdastExtensions }).children;
}
