import type { Inline } from './index.ts';

/** What a reader sees of some inlines, without markup: shared by every writer. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'code':
        case 'literal':
          return node.value;
        case 'lineBreak':
          return ' ';
        // A note's mark is the writer's: the words around it read on without it.
        case 'noteRef':
          return '';
        default:
          return plainText(node.children);
      }
    })
    .join('');
}
