import type { PhrasingContent } from 'mdast';
import type { FigureWidth } from '../../model/index.ts';

declare module 'mdast' {
  interface ImageData {
    /** The width the author asked for, as written (`5in`, `50%`, `300px`, `300`). */
    width?: string;
  }
}

const UNIT_INCHES: Record<string, number> = { in: 1, cm: 1 / 2.54, mm: 1 / 25.4, pt: 1 / 72, pc: 1 / 6, px: 1 / 96 };

/** A width as pandoc and HTML write it, in the model's terms; a bare number is CSS pixels. Undefined for what is not a width. */
export function figureWidth(written: string | undefined): FigureWidth | undefined {
  const m = written ? /^(\d+(?:\.\d+)?|\.\d+)\s*(%|in|cm|mm|pt|pc|px)?$/i.exec(written.trim()) : null;
  if (!m) return undefined;
  const value = Number(m[1]);
  if (!(value > 0)) return undefined;
  const unit = (m[2] ?? 'px').toLowerCase();
  return unit === '%' ? { share: Math.min(1, value / 100) } : { inches: value * UNIT_INCHES[unit]! };
}

// Obsidian's embedded images: ![[harbour.png]], ![[harbour.png|The harbour at dawn]] (a number after the bar is a width).
const EMBED = /!\[\[([^[\]|\n]+\.(?:png|jpe?g|gif|webp|svg))(?:\|([^\]\n]*))?\]\]/gi;

/**
 * Text nodes cut at Obsidian image embeds, each embed an image node as Markdown's `![alt](src)`
 * makes; and pandoc's image attributes (`![](media/image1.jpeg){width="5in"}`, as its Word reader
 * writes them) taken off the text after an image.
 */
export function imageEmbeds(children: readonly PhrasingContent[]): readonly PhrasingContent[] {
  children = children.map((node, i) => {
    const next = children[i + 1];
    if (node.type !== 'image' || next?.type !== 'text') return node;
    const width = /^\{[^{}\n]*?\bwidth\s*=\s*"?([^"\s}]+)"?[^{}\n]*\}/.exec(next.value)?.[1];
    return width ? { ...node, data: { ...node.data, width } } : node;
  });
  children = children.map((node, i) => {
    const before = children[i - 1];
    if (node.type !== 'text' || before?.type !== 'image') return node;
    const m = /^\{[^{}\n]*\}/.exec(node.value);
    return m ? { ...node, value: node.value.slice(m[0].length) } : node;
  });
  if (!children.some((c) => c.type === 'text' && c.value.includes('![['))) return children;
  return children.flatMap((node): PhrasingContent[] => {
    if (node.type !== 'text' || !node.value.includes('![[')) return [node];
    const out: PhrasingContent[] = [];
    let last = 0;
    for (const m of node.value.matchAll(EMBED)) {
      if (m.index > last) out.push({ ...node, value: node.value.slice(last, m.index) });
      last = m.index + m[0].length;
      const size = m[2] ? /^(\d+)(?:x\d+)?$/.exec(m[2].trim()) : null;
      const alt = m[2] && !size ? m[2].trim() : '';
      // Obsidian's width is in CSS pixels.
      out.push({ type: 'image', url: encodeURI(m[1]!.trim()), alt, title: null, position: node.position, ...(size ? { data: { width: `${size[1]}px` } } : {}) });
    }
    if (last < node.value.length) out.push({ ...node, value: node.value.slice(last) });
    return out;
  });
}
