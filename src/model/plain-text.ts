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
        default:
          return plainText(node.children);
      }
    })
    .join('');
}
