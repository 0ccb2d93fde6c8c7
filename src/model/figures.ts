import type { Block } from './index.ts';
import { allBlocks } from './walk.ts';

/** Whether any of the blocks, or a block nested in them, holds an illustration. */
export function hasFigure(blocks: readonly Block[]): boolean {
  for (const block of allBlocks(blocks)) if (block.kind === 'figure') return true;
  return false;
}
