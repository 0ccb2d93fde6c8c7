import type { Block, Chapter, Inline } from '../model/index.ts';

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

/** The body of one chapter's XHTML document. */
export function chapterBodyXhtml(chapter: Chapter): string {
  const blocks = chapter.blocks.map((block) => blockXhtml(block, '    ')).join('\n');
  return `  <section id="${chapter.id}" epub:type="chapter" role="doc-chapter" aria-labelledby="${chapter.id}-title">
    <h1 id="${chapter.id}-title">${inlineXhtml(chapter.title)}</h1>
${blocks}
  </section>`;
}
