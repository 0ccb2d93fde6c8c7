import type { Block } from './index.ts';

/** Whether any of the blocks, or a block quote among them, holds an illustration. */
export function hasFigure(blocks: readonly Block[]): boolean {
  return blocks.some((block) => block.kind === 'figure' || (block.kind === 'blockQuote' && hasFigure(block.blocks)));
}
