import type { Block, Book } from '../model/index.ts';
import { plainText } from '../model/plain-text.ts';

function blockLines(blocks: readonly Block[], out: string[], indent = ''): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'sceneBreak':
        out.push('* * *');
        break;
      case 'blockQuote':
      case 'division':
        blockLines(block.blocks, out, indent);
        break;
      case 'figure':
        out.push(indent + (block.caption ? plainText(block.caption) : `[${block.alt || 'image'}]`));
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const task = block.tasks?.[i];
          const marker = task === true ? '☒ ' : task === false ? '☐ ' : block.ordered ? `${block.start + i}. ` : '• ';
          const lines: string[] = [];
          blockLines(item, lines, ' '.repeat(marker.length));
          // The marker takes the place of the first line's indent.
          out.push(lines.length === 0 ? `${indent}${marker.trimEnd()}` : `${indent}${marker}${lines[0]!.trimStart()}`, ...lines.slice(1).map((line) => indent + line));
        });
        break;
      case 'codeBlock':
        for (const line of block.value.split('\n')) out.push(indent + line);
        break;
      case 'table':
        for (const row of [block.head, ...block.rows]) if (row.length) out.push(indent + row.map((cell) => plainText(cell)).join('\t'));
        break;
      case 'verse':
        block.stanzas.forEach((stanza, i) => {
          if (i > 0) out.push('');
          for (const line of stanza) out.push(indent + ' '.repeat(line.indent) + plainText(line.content));
        });
        break;
      default:
        out.push(indent + plainText(block.content));
    }
  }
}

/** The normalized text, one line per block: for proofreading diffs and for measuring accuracy. */
export function renderText(book: Book): string {
  const lines: string[] = [];
  for (const chapter of book.chapters) {
    lines.push(plainText(chapter.title));
    if (chapter.subtitle) lines.push(plainText(chapter.subtitle));
    if (chapter.byline) lines.push(chapter.byline.join(', '));
    blockLines(chapter.blocks, lines);
  }
  return lines.join('\n') + '\n';
}
