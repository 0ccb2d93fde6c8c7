import type { Block, Inline } from './index.ts';

/** The blocks a block holds, in reading order: list items' blocks one after another. */
export function childBlocks(block: Block): readonly Block[] {
  switch (block.kind) {
    case 'blockQuote':
    case 'division':
      return block.blocks;
    case 'list':
      return block.items.flat();
    default:
      return [];
  }
}

/** Every block, nested ones included, in reading order. */
export function* allBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    yield* allBlocks(childBlocks(block));
  }
}

/** The blocks with `fn` applied to every list of inlines they hold (nested blocks, cells, lines, captions); nothing is changed in place. */
export function mapBlockInlines(blocks: readonly Block[], fn: (inlines: Inline[]) => Inline[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        return { ...block, content: fn(block.content) };
      case 'blockQuote':
      case 'division':
        return { ...block, blocks: mapBlockInlines(block.blocks, fn) };
      case 'list':
        return { ...block, items: block.items.map((item) => mapBlockInlines(item, fn)) };
      case 'table':
        return { ...block, head: block.head.map(fn), rows: block.rows.map((row) => row.map(fn)) };
      case 'verse':
        return { ...block, stanzas: block.stanzas.map((stanza) => stanza.map((line) => ({ ...line, content: fn(line.content) }))) };
      case 'figure':
        return block.caption ? { ...block, caption: fn(block.caption) } : block;
      default:
        return block;
    }
  });
}

/** The inlines with `fn` applied to every node, children first; `fn` may replace a node by several. */
export function mapInlineNodes(inlines: readonly Inline[], fn: (node: Inline) => Inline[]): Inline[] {
  return inlines.flatMap((node) => fn('children' in node ? ({ ...node, children: mapInlineNodes(node.children, fn) } as Inline) : node));
}
