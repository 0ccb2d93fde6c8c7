import type { ListItem, PhrasingContent, RootContent, TableCell } from 'mdast';
import type { Block, ColumnAlignment, FigureWidth, ImageData, Inline, Note, VerseLine } from '../../model/index.ts';
import { blockNoteIds } from '../../model/notes.ts';
import { plainText } from '../../model/plain-text.ts';
import { restoreInCode, textWithLiterals } from '../escapes.ts';
import { attributeClasses, attributeId, DIV_CLOSE, DIV_OPEN } from './fenced-divs.ts';
import { classesOf, HiddenElements, isCentred, isSafeHref, tokenizeHtml, VOID_ELEMENTS, type HtmlToken } from './html.ts';
import { inlineExtras, spanOf } from './inline-extras.ts';
import { inlineNotes } from './inline-notes.ts';
import { asBlock, BlockBuilder } from './block-builder.ts';
import { figureWidth, imageEmbeds } from './image-embeds.ts';
import { lineBlockLines, splitLines } from './line-blocks.ts';
import { parseMdast } from './parse.ts';

/** Finds the image a Markdown `![alt](src "caption")` or an `<img>` names; `line` is where it is written. */
export type ImageResolver = (src: string, line: number, alt: string) => ImageData;

/** A heading as read, before the chapter decides which heading is its title. */
export interface ReadHeading {
  kind: 'heading';
  level: number;
  content: Inline[];
  id?: string;
  /** The heading's level in the file (`#` is 1), which decides titles and splitting. */
  depth: number;
}

/**
 * Turns a chapter's mdast into model blocks. One converter per chapter: it collects the HTML it
 * had to drop (told once, as one warning) and the notes its text defines, for the chapters that
 * refer to them (see notesOf).
 */
export class MdastConverter {
  readonly warnings: { line: number; message: string }[] = [];
  private readonly dropped = new Set<string>();
  private droppedLine = 0;
  /** Each note defined (`[^id]: …`) or written inline (`^[…]`), with the line it is defined on. */
  private readonly notes = new Map<string, { blocks: Block[]; line: number }>();
  private readonly referred = new Set<string>();
  private inlineNotes = 0;

  constructor(
    private readonly resolveImage: ImageResolver | undefined,
    /** The whole chapter is verse (front matter `verse: true`). */
    private readonly verse = false,
  ) {}

  private drop(tag: string, line: number): void {
    if (this.dropped.size === 0) this.droppedLine = line;
    this.dropped.add(tag);
  }

  /** Warnings for the chapter, the dropped HTML told once. */
  finish(): { line: number; message: string }[] {
    if (this.dropped.size > 0) {
      const tags = [...this.dropped].map((t) => `<${t}>`).join(', ');
      this.warnings.unshift({ line: this.droppedLine, message: `HTML the book cannot show was left out (${tags}); the text inside it is kept` });
      this.dropped.clear();
    }
    return this.warnings;
  }

  /** The notes some blocks refer to, in the order of their first reference. */
  notesOf(blocks: readonly Block[]): Note[] {
    const ids = [...new Set(blockNoteIds(blocks))];
    for (const id of ids) this.referred.add(id);
    return ids.flatMap((id) => {
      const note = this.notes.get(id);
      return note ? [{ id, blocks: note.blocks }] : [];
    });
  }

  /** Warns of each note no chapter referred to (see notesOf): it has no place in the book. */
  unreferencedNotes(): void {
    for (const [id, note] of this.notes) {
      if (!this.referred.has(id)) this.warnings.push({ line: note.line, message: `the note [^${id}] is never referred to in the text; it was left out` });
    }
  }

  /** Text with each `[^id]` that names no note taken out, and a warning for it. */
  private withoutMissingNotes(text: string, line: number): string {
    if (!text.includes('[^')) return text;
    return text.replace(/\[\^([^[\]\n]+)\]/g, (_, id: string) => {
      const why = /\s/.test(id) ? 'a note\'s label cannot hold spaces' : `it has no note ([^${id}]: …) in its file`;
      this.warnings.push({ line, message: `the note reference [^${id}] was left out: ${why}` });
      return '';
    });
  }

  // ——— inlines ———

  inlines(nodes: readonly PhrasingContent[]): Inline[] {
    const line = nodes[0]?.position?.start.line ?? 0;
    return inlineExtras(
      inlineNotes(this.rawInlines(nodes), (content) => {
        // An id no label can have: labels never start with a space.
        const id = ` inline-${++this.inlineNotes}`;
        this.notes.set(id, { blocks: [{ kind: 'paragraph', content }], line });
        return id;
      }),
    );
  }

  private rawInlines(nodes: readonly PhrasingContent[]): Inline[] {
    // Inline HTML comes as one node per tag: the tags are matched up across their siblings.
    const frames: { token: Extract<HtmlToken, { type: 'open' }> | null; out: Inline[] }[] = [{ token: null, out: [] }];
    const out = () => frames.at(-1)!.out;
    const close = (name: string) => {
      const at = frames.findLastIndex((f) => f.token?.name === name);
      if (at <= 0) return;
      while (frames.length > at) {
        const frame = frames.pop()!;
        out().push(...this.htmlInline(frame.token!, frame.out));
      }
    };
    const hidden = new HiddenElements();
    for (const node of nodes) {
      if (node.type === 'html') {
        const line = node.position?.start.line ?? 0;
        for (const token of tokenizeHtml(restoreInCode(node.value))) {
          if (token.type === 'comment' || !hidden.admits(token, (name) => this.drop(name, line))) continue;
          if (token.type === 'text') out().push(...textWithLiterals(token.value));
          else if (token.type === 'close') close(token.name);
          else if (token.name === 'br') out().push({ kind: 'lineBreak' });
          else if (token.name === 'img') out().push(...this.htmlImageAlt(token.attributes));
          else if (VOID_ELEMENTS.has(token.name) || token.selfClosing) {
            if (token.name !== 'wbr') this.drop(token.name, line);
          } else {
            if (!INLINE_TAGS.has(token.name)) this.drop(token.name, line);
            frames.push({ token, out: [] });
          }
        }
        continue;
      }
      if (hidden.inside) continue;
      out().push(...this.inline(node));
    }
    while (frames.length > 1) {
      const frame = frames.pop()!;
      out().push(...this.htmlInline(frame.token!, frame.out));
    }
    return frames[0]!.out;
  }

  /** An `<img>` inside running text cannot be a figure there: its alt text stands in, as text. */
  private htmlImageAlt(attributes: Record<string, string>): Inline[] {
    return attributes.alt ? [{ kind: 'text', value: attributes.alt }] : [];
  }

  private htmlInline(token: Extract<HtmlToken, { type: 'open' }>, children: Inline[]): Inline[] {
    const a = token.attributes;
    switch (token.name) {
      case 'em':
      case 'i':
      case 'cite':
      case 'dfn':
      case 'var':
        return [{ kind: 'emphasis', children }];
      case 'strong':
      case 'b':
        return [{ kind: 'strong', children }];
      case 'u':
      case 'ins':
        return [{ kind: 'styled', style: 'underline', children }];
      case 's':
      case 'del':
      case 'strike':
        return [{ kind: 'styled', style: 'strikethrough', children }];
      case 'sup':
        return [{ kind: 'styled', style: 'superscript', children }];
      case 'sub':
        return [{ kind: 'styled', style: 'subscript', children }];
      case 'small':
        return [spanOf(['small', ...classesOf(a)], children)];
      case 'code':
      case 'kbd':
      case 'samp':
      case 'tt':
        return [{ kind: 'code', value: plainText(children) }];
      case 'a':
        return a.href && isSafeHref(a.href) ? [{ kind: 'link', href: a.href, children }] : children;
      case 'span': {
        const classes = classesOf(a);
        if (isCentred(a)) classes.push('center');
        return classes.length > 0 ? [spanOf(classes, children)] : children;
      }
      default:
        return children;
    }
  }

  private inline(node: PhrasingContent): Inline[] {
    switch (node.type) {
      case 'text':
        return textWithLiterals(this.withoutMissingNotes(node.value, node.position?.start.line ?? 0));
      case 'emphasis':
        return [{ kind: 'emphasis', children: this.rawInlines(node.children) }];
      case 'strong':
        return [{ kind: 'strong', children: this.rawInlines(node.children) }];
      case 'delete':
        return [{ kind: 'styled', style: 'strikethrough', children: this.rawInlines(node.children) }];
      case 'inlineCode':
        return [{ kind: 'code', value: restoreInCode(node.value) }];
      case 'break':
        return [{ kind: 'lineBreak' }];
      case 'link': {
        // An autolink's text is its address, kept as typed.
        const only = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0]!.value : undefined;
        const typedAddress = only !== undefined && ['', 'mailto:', 'http://', 'https://'].some((scheme) => scheme + only === node.url);
        const children = typedAddress ? [{ kind: 'literal' as const, value: only! }] : this.rawInlines(node.children);
        return isSafeHref(node.url) && node.url ? [{ kind: 'link', href: node.url, children }] : children;
      }
      case 'linkReference':
        // A reference with no definition is text as typed: `[words]` (pandoc's bracketed spans start so).
        return [{ kind: 'text', value: '[' }, ...this.rawInlines(node.children), { kind: 'text', value: node.referenceType === 'full' ? `][${node.label ?? ''}]` : node.referenceType === 'collapsed' ? '][]' : ']' }];
      case 'footnoteReference':
        return [{ kind: 'noteRef', id: node.identifier }];
      case 'image':
      case 'imageReference':
        // Images inside running text are split off as figures by paragraphBlocks; in a heading or link, the alt stands in.
        return node.alt ? [{ kind: 'text', value: node.alt }] : [];
      case 'html':
        return this.rawInlines([node]);
      default:
        return 'children' in node ? this.rawInlines((node as { children: PhrasingContent[] }).children) : [];
    }
  }

  // ——— blocks ———

  /** A paragraph's images become figures of their own; the words around them stay paragraphs. */
  private paragraph(paragraphChildren: readonly PhrasingContent[], out: Block[]): void {
    let children = paragraphChildren;
    if (this.verse) {
      out.push({ kind: 'verse', stanzas: [this.verseLines(splitLines(children).map((nodes) => ({ indent: 0, nodes })))] });
      return;
    }
    const lines = lineBlockLines(children);
    if (lines) {
      // Blank `|` lines divide stanzas; a line block beside another is the poem's next stanza.
      const stanzas: VerseLine[][] = [[]];
      for (const line of this.verseLines(lines)) {
        if (line.content.length === 0) stanzas.push([]);
        else stanzas.at(-1)!.push(line);
      }
      const verse = stanzas.filter((s) => s.length > 0);
      const previous = out.at(-1);
      if (previous?.kind === 'verse') previous.stanzas.push(...verse);
      else out.push({ kind: 'verse', stanzas: verse });
      return;
    }
    let words: PhrasingContent[] = [];
    children = imageEmbeds(children);
    const flush = () => {
      const content = this.inlines(trimBreaks(words));
      if (content.some((inline) => inline.kind !== 'text' || inline.value.trim() !== '')) out.push({ kind: 'paragraph', content });
      words = [];
    };
    for (const child of children) {
      const image = this.figureOf(child);
      if (image) {
        flush();
        out.push(image);
      } else words.push(child);
    }
    flush();
  }

  private verseLines(lines: { indent: number; nodes: PhrasingContent[] }[]): VerseLine[] {
    return lines.map(({ indent, nodes }) => ({ indent, content: this.inlines(nodes) }));
  }

  private figureOf(node: PhrasingContent): Block | null {
    if (!this.resolveImage) return null;
    if (node.type === 'image') {
      const line = node.position?.start.line ?? 0;
      const image = this.resolveImage(node.url, line, node.alt ?? '');
      return figure(image, node.alt ?? '', node.title, line, figureWidth(node.data?.width));
    }
    if (node.type === 'html') {
      const img = tokenizeHtml(node.value).find((t): t is Extract<HtmlToken, { type: 'open' }> => t.type === 'open' && t.name === 'img');
      if (img && img.attributes.src && tokenizeHtml(node.value).every((t) => t === img || t.type === 'comment' || (t.type === 'text' && !t.value.trim()))) {
        const alt = img.attributes.alt ?? '';
        const line = node.position?.start.line ?? 0;
        return figure(this.resolveImage(img.attributes.src, line, alt), alt, img.attributes.title, line, htmlImageWidth(img.attributes));
      }
    }
    return null;
  }

  blocks(nodes: readonly RootContent[]): (Block | ReadHeading)[] {
    const builder = new BlockBuilder();
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph': {
          const out: Block[] = [];
          const last = builder.current.at(-1);
          if (last?.kind === 'verse') out.push(last);
          this.paragraph(node.children, out);
          if (last?.kind === 'verse' && out[0] === last) out.shift();
          for (const block of out) builder.push(block);
          break;
        }
        case 'heading': {
          if (node.children.length === 0) {
            builder.push({ kind: 'sceneBreak' });
            break;
          }
          const { children, id } = headingAttributes(node.children);
          builder.push({ kind: 'heading', level: Math.max(2, node.depth), depth: node.depth, content: this.inlines(children), ...(id ? { id } : {}) });
          break;
        }
        case 'thematicBreak':
          builder.push({ kind: 'sceneBreak' });
          break;
        case 'blockquote':
          builder.push({ kind: 'blockQuote', blocks: this.innerBlocks(node.children) });
          break;
        case 'list':
          builder.push({
            kind: 'list',
            ordered: Boolean(node.ordered),
            start: node.start ?? 1,
            items: node.children.map((item: ListItem) => this.innerBlocks(item.children)),
            ...(node.children.some((item) => typeof item.checked === 'boolean') ? { tasks: node.children.map((item) => (typeof item.checked === 'boolean' ? item.checked : null)) } : {}),
          });
          break;
        case 'code':
          builder.push({ kind: 'codeBlock', value: restoreInCode(node.value), ...(node.lang ? { language: node.lang } : {}), line: node.position?.start.line ?? 0 });
          break;
        case 'table': {
          const align: ColumnAlignment[] = (node.align ?? []).map((a) => a ?? null);
          const cells = (row: { children: TableCell[] }) => row.children.map((cell) => this.inlines(cell.children));
          const [head, ...rows] = node.children;
          builder.push({ kind: 'table', align, head: head ? cells(head) : [], rows: rows.map(cells), line: node.position?.start.line });
          break;
        }
        case 'html':
          this.htmlBlock(node.value, node.position?.start.line ?? 0, builder);
          break;
        case 'footnoteDefinition': {
          const line = node.position?.start.line ?? 0;
          const blocks = this.innerBlocks(node.children);
          if (this.notes.has(node.identifier)) this.warnings.push({ line, message: `the note [^${node.label ?? node.identifier}] is defined twice (first on line ${this.notes.get(node.identifier)!.line}); this second definition was left out` });
          else this.notes.set(node.identifier, { blocks, line });
          break;
        }
        case 'definition':
        case 'yaml' as never:
          break;
        default:
          if ('children' in node) for (const block of this.blocks((node as { children: RootContent[] }).children)) builder.push(block);
      }
    }
    return builder.finish();
  }

  /** Blocks inside a quote, list item or note: their headings are only bold lines of text. */
  private innerBlocks(nodes: readonly RootContent[]): Block[] {
    return this.blocks(nodes).map((block) => (block.kind === 'heading' ? asBlock(block) : block));
  }

  /** An HTML block: its comments vanish, the tags the model knows become blocks, the rest is dropped with its text kept. */
  private htmlBlock(html: string, line: number, builder: BlockBuilder): void {
    let inline: Inline[] = [];
    let pending: PhrasingContent[] = [];
    const flush = () => {
      if (pending.length > 0) {
        inline.push(...this.rawInlines(pending));
        pending = [];
      }
      const content = inlineExtras(trimInline(inline));
      if (content.some((n) => n.kind !== 'text' || n.value.trim())) builder.push({ kind: 'paragraph', content });
      inline = [];
    };
    const hidden = new HiddenElements();
    for (const token of tokenizeHtml(restoreInCode(html))) {
      if (token.type === 'comment') {
        const marker = token.value.trim();
        if (marker.startsWith(DIV_OPEN + ' ') || marker === DIV_OPEN) {
          flush();
          builder.open('division', attributeClasses(marker.slice(DIV_OPEN.length).replace(/(\S+)/g, '.$1')));
        } else if (marker === DIV_CLOSE) {
          flush();
          builder.close();
        }
        continue;
      }
      if (!hidden.admits(token, (name) => this.drop(name, line))) continue;
      const name = token.type === 'text' ? '' : token.name;
      if (token.type === 'open' && BLOCK_CONTAINERS.has(name)) {
        flush();
        const a = token.attributes;
        const classes = classesOf(a);
        if (name === 'blockquote') builder.open('blockQuote', classes);
        else if (name === 'center' || isCentred(a)) builder.open('division', classes, 'center');
        else if (name === 'div' || name === 'section' || name === 'aside' || name === 'figure' || name === 'article') builder.open('division', classes);
        else builder.open('paragraph', classes);
        if (!['div', 'center', 'blockquote', 'p', 'section', 'aside', 'figure', 'article', 'figcaption'].includes(name)) this.drop(name, line);
      } else if (token.type === 'close' && BLOCK_CONTAINERS.has(name)) {
        flush();
        builder.close();
      } else if (token.type === 'open' && name === 'hr') {
        flush();
        builder.push({ kind: 'sceneBreak' });
      } else if (token.type === 'open' && name === 'img' && this.resolveImage && token.attributes.src) {
        flush();
        const alt = token.attributes.alt ?? '';
        builder.push(figure(this.resolveImage(token.attributes.src, line, alt), alt, token.attributes.title, line, htmlImageWidth(token.attributes)));
      } else if (token.type === 'text') {
        // Text inside HTML is text, its line breaks spaces (the HTML's own whitespace).
        const value = token.value.replace(/\s+/g, ' ');
        if (value.trim() || pending.length > 0) pending.push(...markdownInHtml(value));
      } else {
        // An inline tag: gathered with its text, matched up by the inline reader.
        pending.push({ type: 'html', value: token.type === 'open' ? `<${token.name}${Object.entries(token.attributes).map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('')}${token.selfClosing ? '/' : ''}>` : `</${token.name}>`, position: { start: { line, column: 1 }, end: { line, column: 1 } } });
      }
    }
    flush();
  }
}

const INLINE_TAGS: ReadonlySet<string> = new Set(['em', 'i', 'strong', 'b', 'u', 'ins', 's', 'del', 'strike', 'sup', 'sub', 'small', 'span', 'a', 'code', 'kbd', 'samp', 'tt', 'cite', 'dfn', 'var', 'abbr', 'font', 'mark', 'q', 'time']);
const BLOCK_CONTAINERS: ReadonlySet<string> = new Set(['div', 'center', 'blockquote', 'p', 'section', 'aside', 'figure', 'figcaption', 'article', 'header', 'footer', 'main', 'nav', 'body', 'html', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'dl', 'dt', 'dd']);

/** Text inside an HTML block read as Markdown's inline syntax, as pandoc reads it (`<div>*words*</div>`). */
function markdownInHtml(value: string): PhrasingContent[] {
  const nodes = value.trim() ? parseMdast(value) : [];
  if (nodes.length !== 1 || nodes[0]!.type !== 'paragraph') return [{ type: 'text', value }];
  const children = [...nodes[0]!.children];
  // The paragraph's reading trims the text: its edges' spaces still separate it from the tags around.
  if (/^\s/.test(value)) children.unshift({ type: 'text', value: ' ' });
  if (/\s$/.test(value)) children.push({ type: 'text', value: ' ' });
  return children;
}

/** An `<img>`'s width, from its width attribute (CSS pixels) or its style. */
function htmlImageWidth(attributes: Record<string, string | undefined>): FigureWidth | undefined {
  return figureWidth(attributes.width ?? /(?:^|;)\s*width\s*:\s*([^;]+)/i.exec(attributes.style ?? '')?.[1]);
}

function figure(image: ImageData, alt: string, title: string | null | undefined, line: number, width: FigureWidth | undefined): Block {
  // An image's alt text is its caption when it has no title, as pandoc makes it; an image with neither has none.
  const caption = title ? textWithLiterals(title) : alt ? textWithLiterals(alt) : undefined;
  return { kind: 'figure', image, alt, ...(caption ? { caption } : {}), ...(width ? { width } : {}), ...(line > 0 ? { line } : {}) };
}

function trimBreaks(nodes: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && nodes[start]!.type === 'break') start++;
  while (end > start && nodes[end - 1]!.type === 'break') end--;
  return nodes.slice(start, end);
}

function trimInline(nodes: Inline[]): Inline[] {
  const out = [...nodes];
  while (out[0]?.kind === 'lineBreak') out.shift();
  while (out.at(-1)?.kind === 'lineBreak') out.pop();
  const first = out[0];
  if (first?.kind === 'text') out[0] = { kind: 'text', value: first.value.trimStart() };
  const last = out.at(-1);
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', value: last.value.trimEnd() };
  return out.filter((n) => n.kind !== 'text' || n.value);
}

/** pandoc's heading attributes: `# The Storm {#storm .unnumbered}` → the words, and the id. */
function headingAttributes(children: PhrasingContent[]): { children: PhrasingContent[]; id?: string } {
  const last = children.at(-1);
  if (last?.type !== 'text') return { children };
  const m = /\s*\{([^{}]*)\}\s*$/.exec(last.value);
  if (!m || !/^\s*(?:[#.][\w:.-]+|[\w-]+=\S+)(?:\s+(?:[#.][\w:.-]+|[\w-]+=\S+))*\s*$/.test(m[1]!)) return { children };
  const value = last.value.slice(0, m.index);
  return { children: [...children.slice(0, -1), ...(value ? [{ ...last, value }] : [])], id: attributeId(m[1]!) };
}
