import type { Block, Chapter, Inline, PrintPage } from '../model/index.ts';

// Characters XML 1.0 forbids (C0 controls other than tab and newline, lone surrogates, U+FFFE/FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function inlineXhtml(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'literal':
          return escapeXml(node.value);
        case 'code':
          return `<code>${escapeXml(node.value)}</code>`;
        case 'lineBreak':
          return '<br/>';
        case 'emphasis':
          return `<em>${inlineXhtml(node.children)}</em>`;
        case 'strong':
          return `<strong>${inlineXhtml(node.children)}</strong>`;
      }
    })
    .join('');
}

function blockXhtml(block: Block, indent: string): string {
  switch (block.kind) {
    case 'paragraph':
      return `${indent}<p>${inlineXhtml(block.content)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(2, block.level));
      return `${indent}<h${level}>${inlineXhtml(block.content)}</h${level}>`;
    }
    case 'sceneBreak':
      return `${indent}<hr class="scene-break"/>`;
    case 'blockQuote':
      return `${indent}<blockquote>\n${block.blocks.map((inner) => blockXhtml(inner, indent + '  ')).join('\n')}\n${indent}</blockquote>`;
  }
}

/** The id of the marker where print page `label` begins. */
export const pageId = (label: string) => `page-${label}`;

function pageMarkers(pages: readonly PrintPage[], block: number, indent: string): string {
  return pages
    .filter((page) => page.block === block)
    .map((page) => `${indent}<span id="${pageId(page.label)}" epub:type="pagebreak" role="doc-pagebreak" aria-label="${escapeXml(page.label)}"></span>\n`)
    .join('');
}

/** The body of one chapter's XHTML document, with markers where the print edition's pages begin. */
export function chapterBodyXhtml(chapter: Chapter, pages: readonly PrintPage[] = []): string {
  const blocks = chapter.blocks.map((block, i) => pageMarkers(pages, i, '    ') + blockXhtml(block, '    ')).join('\n');
  return `  <section id="${chapter.id}" epub:type="chapter" role="doc-chapter" aria-labelledby="${chapter.id}-title">
${pageMarkers(pages, -1, '    ')}    <h1 id="${chapter.id}-title">${inlineXhtml(chapter.title)}</h1>
${blocks}
  </section>`;
}
