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
  if (!nodes.some((node) => node.kind === 'text' && node.value.includes(OPENING))) return nodes;
  const closing = closingBrackets(nodes);
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', value: text });
    text = '';
  };
  // A cursor over the nodes: node i, from offset c of its text.
  let i = 0;
  let c = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (node.kind !== 'text') {
      flush();
      out.push(node);
      i++;
      c = 0;
      continue;
    }
    const at = node.value.indexOf(OPENING, c);
    if (at < 0) {
      text += node.value.slice(c);
      i++;
      c = 0;
      continue;
    }
    const close = closing.get(`${i}:${at + 1}`);
    if (!close) {
      // Not a note: the text stays as typed, and the search goes on after the caret.
      text += node.value.slice(c, at + 1);
      c = at + 1;
      continue;
    }
    text += node.value.slice(c, at);
    flush();
    const content: Inline[] = [];
    const piece = (words: string) => words && content.push({ kind: 'text', value: words });
    if (close.node === i) piece(node.value.slice(at + OPENING.length, close.offset));
    else {
      piece(node.value.slice(at + OPENING.length));
      content.push(...nodes.slice(i + 1, close.node));
      piece((nodes[close.node] as { value: string }).value.slice(0, close.offset));
    }
    out.push({ kind: 'noteRef', id: addNote(trimmed(content)) });
    // What follows the note may open another.
    i = close.node;
    c = close.offset + 1;
  }
  flush();
  return out;
}

/**
 * Where each `[` of the text nodes closes, by node and offset (`node:offset` of the `[`): brackets
 * balance across the nodes between them, matched in one pass, so a line of a thousand unclosed
 * openings costs no more than its length.
 */
function closingBrackets(nodes: readonly Inline[]): Map<string, { node: number; offset: number }> {
  const closing = new Map<string, { node: number; offset: number }>();
  const open: string[] = [];
  nodes.forEach((node, n) => {
    if (node.kind !== 'text') return;
    for (let c = 0; c < node.value.length; c++) {
      const char = node.value[c];
      if (char === '[') open.push(`${n}:${c}`);
      else if (char === ']' && open.length > 0) closing.set(open.pop()!, { node: n, offset: c });
    }
  });
  return closing;
}

function trimmed(content: Inline[]): Inline[] {
  const first = content[0];
  if (first?.kind === 'text') content[0] = { kind: 'text', value: first.value.trimStart() };
  const last = content.at(-1);
  if (last?.kind === 'text') content[content.length - 1] = { kind: 'text', value: last.value.trimEnd() };
  return content.filter((node) => node.kind !== 'text' || node.value !== '');
}
