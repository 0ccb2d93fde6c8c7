import type { Inline, InlineStyle } from '../../model/index.ts';
import { attributeClasses } from './fenced-divs.ts';
import { slug } from './slug.ts';

/**
 * pandoc's inline syntax that CommonMark leaves as text, read from the text of converted inlines:
 * bracketed spans `[words]{.smallcaps}`, `^superscript^`, `~subscript~`, and emphasis that ends on
 * an apostrophe inside a word (`*qu’*est-ce`, `*L’*image`), which CommonMark's flanking rules miss.
 */
export function inlineExtras(inlines: readonly Inline[]): Inline[] {
  let nodes = inlines.map((node): Inline => ('children' in node ? { ...node, children: inlineExtras(node.children) } : node));
  nodes = bracketedSpans(nodes);
  return nodes.flatMap((node) => (node.kind === 'text' ? textExtras(node.value) : [node]));
}

/** The class that names a style the model knows, else none. */
const STYLE_CLASSES: Record<string, InlineStyle> = { smallcaps: 'smallCaps', 'small-caps': 'smallCaps', underline: 'underline', ul: 'underline', mark: 'underline', strikethrough: 'strikethrough', strike: 'strikethrough' };

export function spanOf(classes: string[], children: Inline[]): Inline {
  const styled = classes.map((c) => STYLE_CLASSES[c.toLowerCase()]).find(Boolean);
  const rest = classes.filter((c) => !STYLE_CLASSES[c.toLowerCase()]);
  let node: Inline = styled ? { kind: 'styled', style: styled, children } : { kind: 'span', classes: rest, children };
  if (styled && rest.length > 0) node = { kind: 'span', classes: rest, children: [node] };
  return node;
}

const SPAN_END = /\]\{([^{}\n]*)\}/;

function bracketedSpans(nodes: Inline[]): Inline[] {
  for (;;) {
    // The first `]{…}`, and the last `[` before it at the same level: the innermost span first.
    const end = nodes.findIndex((n) => n.kind === 'text' && SPAN_END.test(n.value));
    if (end < 0) return nodes;
    const endText = (nodes[end] as { value: string }).value;
    const close = SPAN_END.exec(endText)!;
    let start = -1;
    let at = -1;
    for (let i = end; i >= 0 && start < 0; i--) {
      const n = nodes[i]!;
      if (n.kind !== 'text') continue;
      const limit = i === end ? close.index : n.value.length;
      const open = n.value.lastIndexOf('[', limit - 1);
      if (open >= 0 && n.value[open - 1] !== '!') {
        start = i;
        at = open;
      }
    }
    const attributes = close[1]!;
    if (start < 0) {
      // A `]{` with no `[`: text, left as it is (split off so the search moves on).
      nodes = [...nodes.slice(0, end), { kind: 'text', value: endText.slice(0, close.index + 2) } as Inline, { kind: 'text', value: endText.slice(close.index + 2) } as Inline, ...nodes.slice(end + 1)].filter((n) => n.kind !== 'text' || n.value);
      if (!nodes.some((n) => n.kind === 'text' && SPAN_END.test(n.value) && n.value.indexOf(']{') > 0)) return nodes;
      continue;
    }
    const startText = (nodes[start] as { value: string }).value;
    const inner: Inline[] =
      start === end
        ? [{ kind: 'text', value: startText.slice(at + 1, close.index) }]
        : [{ kind: 'text', value: startText.slice(at + 1) }, ...nodes.slice(start + 1, end), { kind: 'text', value: endText.slice(0, close.index) }];
    const span = spanOf(attributeClasses(attributes), inner.filter((n) => n.kind !== 'text' || n.value));
    const before: Inline = { kind: 'text', value: startText.slice(0, at) };
    const after: Inline = { kind: 'text', value: endText.slice(close.index + close[0].length) };
    nodes = [...nodes.slice(0, start), before, span, after, ...nodes.slice(end + 1)].filter((n) => n.kind !== 'text' || n.value);
  }
}

// ^super^ and ~sub~ hold no unescaped spaces (pandoc); a doubled tilde is strikethrough, not this.
const SCRIPT = /\^((?:[^\s^\\]|\\.)+)\^|(?<!~)~((?:[^\s~\\]|\\.)+)~(?!~)/g;
// Emphasis closed right after an apostrophe and followed by a letter of the same word.
const APOSTROPHE_EMPHASIS = /(?<![\p{L}\p{N}*_])([*_])(?=[^\s*_])([^*_\n]*?[’'])\1(?=\p{L})/gu;

// Obsidian's wiki links: [[Note]], [[Note#Heading]], [[Note|shown words]]; a link to a note of the book, or its words.
const WIKILINK = /(?<!!)\[\[([^[\]|#\n]*)(#[^[\]|\n]*)?(?:\|([^[\]\n]+))?\]\]/g;

function wikiLinks(value: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of value.matchAll(WIKILINK)) {
    if (m.index > last) out.push(...textExtras(value.slice(last, m.index)));
    last = m.index + m[0].length;
    const target = m[1]!.trim();
    const heading = m[2] ? m[2].slice(1).trim() : '';
    const words = (m[3] ?? (target || heading)).trim();
    const file = target && !/\.[a-z0-9]+$/i.test(target) ? `${target}.md` : target;
    const anchor = heading ? `#${slug(heading)}` : '';
    out.push({ kind: 'link', href: encodeURI(file) + anchor, children: [{ kind: 'text', value: words }] });
  }
  if (last < value.length) out.push(...textExtras(value.slice(last)));
  return out;
}

function textExtras(value: string): Inline[] {
  if (value.includes('[[') && new RegExp(WIKILINK.source).test(value)) return wikiLinks(value);
  if (!/[\^~]|[’']\*|[’']_/.test(value)) return value ? [{ kind: 'text', value }] : [];
  const out: Inline[] = [];
  const push = (text: string) => {
    if (text) out.push({ kind: 'text', value: text });
  };
  const pattern = new RegExp(`${SCRIPT.source}|${APOSTROPHE_EMPHASIS.source.replace('\\1', '\\3')}`, 'gu');
  let last = 0;
  for (const m of value.matchAll(pattern)) {
    push(value.slice(last, m.index));
    last = m.index + m[0].length;
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    if (m[1] !== undefined) out.push({ kind: 'styled', style: 'superscript', children: [{ kind: 'text', value: unescape(m[1]) }] });
    else if (m[2] !== undefined) out.push({ kind: 'styled', style: 'subscript', children: [{ kind: 'text', value: unescape(m[2]) }] });
    else out.push({ kind: 'emphasis', children: [{ kind: 'text', value: m[4]! }] });
  }
  push(value.slice(last));
  return out;
}
