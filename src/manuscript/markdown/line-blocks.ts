import type { PhrasingContent } from 'mdast';

/**
 * pandoc's line blocks: every line of the paragraph begins with `|` and a space (or is `|` alone),
 * and each is a line of verse, its leading spaces kept as indentation. Returns the lines as
 * phrasing content with their indents, or null when the paragraph is not a line block.
 */
export function lineBlockLines(children: readonly PhrasingContent[]): { indent: number; nodes: PhrasingContent[] }[] | null {
  const first = children[0];
  if (first?.type !== 'text' || !/^\|(?: |$)/m.test(first.value)) return null;
  const lines = splitLines(children);
  const out: { indent: number; nodes: PhrasingContent[] }[] = [];
  for (const nodes of lines) {
    const head = nodes[0];
    if (head?.type !== 'text') return null;
    const m = /^\|(?= |$)( *)/.exec(head.value);
    if (!m) return null;
    const rest = head.value.slice(1 + m[1]!.length);
    const indent = Math.max(0, m[1]!.length - 1);
    out.push({ indent, nodes: [...(rest ? [{ ...head, value: rest }] : []), ...nodes.slice(1)] });
  }
  return out;
}

/** Phrasing content cut at its soft and hard line breaks. */
export function splitLines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const node of children) {
    if (node.type === 'break') lines.push([]);
    else if (node.type === 'text' && node.value.includes('\n')) {
      node.value.split('\n').forEach((piece, i) => {
        if (i > 0) lines.push([]);
        if (piece) lines.at(-1)!.push({ ...node, value: piece });
      });
    } else lines.at(-1)!.push(node);
  }
  return lines;
}
