import type { PhrasingContent } from 'mdast';

// Obsidian's embedded images: ![[harbour.png]], ![[harbour.png|The harbour at dawn]] (a number after the bar is a width).
const EMBED = /!\[\[([^\]|\n]+\.(?:png|jpe?g|gif|webp|svg))(?:\|([^\]\n]*))?\]\]/gi;

/**
 * Text nodes cut at Obsidian image embeds, each embed an image node as Markdown's `![alt](src)`
 * makes; and pandoc's image attributes (`![](media/image1.jpeg){width="5in"}`, as its Word reader
 * writes them) taken off the text after an image.
 */
export function imageEmbeds(children: readonly PhrasingContent[]): readonly PhrasingContent[] {
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
      const alt = m[2] && !/^\d+(?:x\d+)?$/.test(m[2].trim()) ? m[2].trim() : '';
      out.push({ type: 'image', url: encodeURI(m[1]!.trim()), alt, title: null, position: node.position });
    }
    if (last < node.value.length) out.push({ ...node, value: node.value.slice(last) });
    return out;
  });
}
