import type { Inline } from '../../model/index.ts';

const OPENING = '^[';

/**
 * pandoc's inline notes, `text^[the note's words]`, which CommonMark leaves as text: read from
 * converted inlines, so the note may hold emphasis, links and code. The brackets balance across
 * the nodes between them (`^[see [the map]]`); `addNote` files the note's words and returns its id.
 * An opening without its closing bracket stays as typed.
 */
export function inlineNotes(inlines: readonly Inline[], addNote: (content: Inline[]) => string): Inline[] {
  const nodes = inlines.map((node): Inline => ('children' in node ? ({ ...node, children: inlineNotes(node.children, addNote) } as Inline) : node));
  const out: Inline[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const at = node.kind === 'text' ? node.value.indexOf(OPENING) : -1;
    if (at < 0) {
      out.push(node);
      continue;
    }
    const value = (node as { value: string }).value;
    const close = closingBracket(nodes, i, at + OPENING.length);
    if (!close) {
      // Not a note: keep the text up to and including the caret, and look again after it.
      out.push({ kind: 'text', value: value.slice(0, at + 1) });
      nodes[i] = { kind: 'text', value: value.slice(at + 1) };
      i--;
      continue;
    }
    if (at > 0) out.push({ kind: 'text', value: value.slice(0, at) });
    const content: Inline[] = [];
    const piece = (text: string) => text && content.push({ kind: 'text', value: text });
    if (close.node === i) piece(value.slice(at + OPENING.length, close.offset));
    else {
      piece(value.slice(at + OPENING.length));
      content.push(...nodes.slice(i + 1, close.node));
      piece((nodes[close.node] as { value: string }).value.slice(0, close.offset));
    }
    out.push({ kind: 'noteRef', id: addNote(trimmed(content)) });
    const rest = (nodes[close.node] as { value: string }).value.slice(close.offset + 1);
    // What follows the note may open another.
    nodes[close.node] = { kind: 'text', value: rest };
    i = close.node - 1;
    if (!rest) i++;
  }
  return out.filter((node) => node.kind !== 'text' || node.value !== '');
}

/** The `]` that closes a bracket opened before `from` in text node `start`, counting brackets in the text nodes after it. */
function closingBracket(nodes: readonly Inline[], start: number, from: number): { node: number; offset: number } | null {
  let depth = 1;
  for (let n = start; n < nodes.length; n++) {
    const node = nodes[n]!;
    if (node.kind !== 'text') continue;
    for (let c = n === start ? from : 0; c < node.value.length; c++) {
      const char = node.value[c];
      if (char === '[') depth++;
      else if (char === ']' && --depth === 0) return { node: n, offset: c };
    }
  }
  return null;
}

function trimmed(content: Inline[]): Inline[] {
  const first = content[0];
  if (first?.kind === 'text') content[0] = { kind: 'text', value: first.value.trimStart() };
  const last = content.at(-1);
  if (last?.kind === 'text') content[content.length - 1] = { kind: 'text', value: last.value.trimEnd() };
  return content.filter((node) => node.kind !== 'text' || node.value !== '');
}
