import type { Block, Book } from '../model/index.ts';
import { plainText } from '../model/plain-text.ts';

function blockLines(blocks: readonly Block[], out: string[]): void {
  for (const block of blocks) {
    if (block.kind === 'sceneBreak') out.push('* * *');
    else if (block.kind === 'blockQuote') blockLines(block.blocks, out);
    else if (block.kind === 'figure') out.push(block.caption ? plainText(block.caption) : `[${block.alt || 'image'}]`);
    else out.push(plainText(block.content));
  }
}

/** The normalized text, one line per block: for proofreading diffs and for measuring accuracy. */
export function renderText(book: Book): string {
  const lines: string[] = [];
  for (const chapter of book.chapters) {
    lines.push(plainText(chapter.title));
    blockLines(chapter.blocks, lines);
  }
  return lines.join('\n') + '\n';
}
