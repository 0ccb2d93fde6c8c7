import type { Inline } from './index.ts';

/**
 * What a reader sees of some inlines, without markup: shared by every writer. A note's mark is the
 * writer's (`mark`, by the note's id); without it the words around it read on.
 */
export function plainText(inlines: readonly Inline[], mark?: (id: string) => string): string {
  return inlines
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'code':
        case 'literal':
          return node.value;
        case 'lineBreak':
          return ' ';
        case 'noteRef':
          return mark?.(node.id) ?? '';
        default:
          return plainText(node.children, mark);
      }
    })
    .join('');
}
