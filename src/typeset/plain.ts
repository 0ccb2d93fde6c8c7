import type { Inline } from '../model/index.ts';
import { styledPieces, type NoteMarks } from './paragraph.ts';

/** Inlines as one line of text: styles dropped, line breaks and runs of white space one space, ends trimmed; notes as `marks` give them. */
export function plain(inlines: readonly Inline[], marks?: NoteMarks): string {
  return styledPieces(inlines, 'regular', [], false, marks)
    .map((piece) => (piece === 'break' ? ' ' : piece.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** White space as JavaScript's \s has it. */
function isSpace(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** plain(inlines).length, without making the string: a whole book's is counted to estimate its pages. */
export function plainLength(inlines: readonly Inline[]): number {
  const state = { length: 0, pendingSpace: false };
  count(inlines, state);
  return state.length;
}

function count(inlines: readonly Inline[], state: { length: number; pendingSpace: boolean }): void {
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
      case 'literal':
      case 'code': {
        const text = node.value;
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          // Printable ASCII but the space, most of any text, needs no lookup.
          if ((code <= 0x20 || code >= 0x7f) && isSpace(code)) state.pendingSpace = true;
          else {
            // A space counts only between characters: runs are collapsed, the ends trimmed.
            if (state.pendingSpace && state.length > 0) state.length++;
            state.pendingSpace = false;
            state.length++;
          }
        }
        break;
      }
      case 'lineBreak':
        state.pendingSpace = true;
        break;
      case 'noteRef':
        break;
      default:
        count(node.children, state);
        break;
    }
  }
}
