import type { Inline, InlineStyle } from '../../model/index.ts';
import type { WordElement, WordImage, WordRun } from './word-model.ts';

/** What a paragraph's runs hold beyond their words: its images, its breaks, its note references. */
export interface RunContent {
  inlines: Inline[];
  images: { image: WordImage; at: number }[];
}

/** Where a paragraph is cut: a page break or a section break in its runs. */
export const PAGE_BREAK: Inline = { kind: 'literal', value: '\uE011' };

// Word's own wrong quote: ‘ typed before an elision (‘tis, ‘90s, rock ‘n’ roll), autocorrected as
// an opening quote. Made straight again here, the typography passes decide it as they decide any.
const WRONG_OPENING = /(^|[\s(—–])‘(?=(?:\d\ds?|tis|twas|twere|twould|em|cause|n|til|bout|neath|nuff)\b)/giu;

/** A paragraph's runs as model inlines: Word's run formatting as emphasis, strong and styles. */
export function runInlines(elements: readonly WordElement[], images: RunContent['images'] = [], out: Inline[] = []): Inline[] {
  for (const element of elements) {
    switch (element.type) {
      case 'run':
        out.push(...styledRun(element, images));
        break;
      case 'text':
        out.push({ kind: 'text', value: element.value.replace(WRONG_OPENING, "$1'") });
        break;
      case 'tab':
        // A tab at a paragraph's start is an indent; between words, a space.
        out.push({ kind: 'text', value: ' ' });
        break;
      case 'break':
        out.push(element.breakType === 'line' ? { kind: 'lineBreak' } : PAGE_BREAK);
        break;
      case 'hyperlink': {
        const children = runInlines(element.children, images);
        // A link to a place in the document (a bookmark, a Word contents entry) has no place in a book's files.
        out.push(...(element.href && /^(?:https?:|mailto:)/i.test(element.href) ? [{ kind: 'link' as const, href: element.href, children }] : children));
        break;
      }
      case 'noteReference':
        out.push({ kind: 'noteRef', id: `${element.noteType}-${element.noteId}` });
        break;
      case 'image':
        images.push({ image: element, at: out.length });
        break;
      default:
        if ('children' in element) runInlines(element.children, images, out);
    }
  }
  return out;
}

function styledRun(run: WordRun, images: RunContent['images']): Inline[] {
  let inlines = runInlines(run.children, images);
  if (run.isAllCaps) inlines = inlines.map((node) => (node.kind === 'text' ? { ...node, value: node.value.toUpperCase() } : node));
  const wrap = (style: InlineStyle) => (inlines = [{ kind: 'styled', style, children: inlines }]);
  if (inlines.length === 0 || inlines.every((node) => node.kind !== 'text' || node.value === '')) return inlines;
  if (run.isSmallCaps) wrap('smallCaps');
  if (run.verticalAlignment === 'superscript') wrap('superscript');
  if (run.verticalAlignment === 'subscript') wrap('subscript');
  if (run.isStrikethrough) wrap('strikethrough');
  if (run.isUnderline) wrap('underline');
  if (run.isItalic) inlines = [{ kind: 'emphasis', children: inlines }];
  if (run.isBold) inlines = [{ kind: 'strong', children: inlines }];
  return inlines;
}

/**
 * Adjacent runs of one formatting as one (Word splits runs at every edit: `<em>The Sal</em><em>ins</em>`),
 * text nodes joined.
 */
export function mergeRuns(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    const merged = 'children' in node ? ({ ...node, children: mergeRuns(node.children) } as Inline) : node;
    const last = out.at(-1);
    if (last && last.kind === 'text' && merged.kind === 'text') out[out.length - 1] = { kind: 'text', value: last.value + merged.value };
    else if (last && sameWrapper(last, merged)) out[out.length - 1] = { ...last, children: mergeRuns([...(last as { children: Inline[] }).children, ...(merged as { children: Inline[] }).children]) } as Inline;
    else out.push(merged);
  }
  return out;
}

function sameWrapper(a: Inline, b: Inline): boolean {
  if (a.kind !== b.kind || !('children' in a)) return false;
  if (a.kind === 'styled') return a.style === (b as typeof a).style;
  if (a.kind === 'link') return a.href === (b as typeof a).href;
  return a.kind === 'emphasis' || a.kind === 'strong';
}
