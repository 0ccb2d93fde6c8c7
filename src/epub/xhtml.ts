import type { Block, Chapter, DivisionRole, ImageData, Inline, PrintPage } from '../model/index.ts';
import { plainText } from '../model/plain-text.ts';

// Characters XML 1.0 forbids (C0 controls other than tab and newline, lone surrogates, U+FFFE/FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Kobo's reading statistics and highlights need every sentence in a numbered span. */
export class KoboSpans {
  private paragraph = 0;
  private sentence = 0;

  nextParagraph(): void {
    this.paragraph++;
    this.sentence = 0;
  }

  wrap(text: string): string {
    // A sentence ends after . ! ? or … and any closing quotes or brackets, before a space.
    return text
      .split(/(?<=[.!?…]["'”’»)\]]*\s+)/u)
      .filter((piece) => piece !== '')
      .map((piece) => `<span class="koboSpan" id="kobo.${this.paragraph}.${++this.sentence}">${escapeXml(piece)}</span>`)
      .join('');
  }
}

export function inlineXhtml(inlines: readonly Inline[], kobo?: KoboSpans): string {
  return inlines
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'literal':
          return kobo ? kobo.wrap(node.value) : escapeXml(node.value);
        case 'code':
          return `<code>${kobo ? kobo.wrap(node.value) : escapeXml(node.value)}</code>`;
        case 'lineBreak':
          return '<br/>';
        case 'emphasis':
          return `<em>${inlineXhtml(node.children, kobo)}</em>`;
        case 'strong':
          return `<strong>${inlineXhtml(node.children, kobo)}</strong>`;
      }
    })
    .join('');
}

function blockXhtml(block: Block, indent: string, kobo?: KoboSpans): string {
  kobo?.nextParagraph();
  switch (block.kind) {
    case 'paragraph':
      return `${indent}<p>${inlineXhtml(block.content, kobo)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(2, block.level));
      return `${indent}<h${level}>${inlineXhtml(block.content, kobo)}</h${level}>`;
    }
    case 'sceneBreak':
      return `${indent}<hr class="scene-break"/>`;
    case 'blockQuote':
      return `${indent}<blockquote>\n${block.blocks.map((inner) => blockXhtml(inner, indent + '  ', kobo)).join('\n')}\n${indent}</blockquote>`;
    case 'figure': {
      const caption = block.caption ? `\n${indent}  <figcaption>${inlineXhtml(block.caption, kobo)}</figcaption>` : '';
      return `${indent}<figure class="figure">\n${indent}  <img src="${imageHref(block.image)}" alt="${escapeXml(block.alt)}"/>${caption}\n${indent}</figure>`;
    }
  }
}

/** Where an illustration lives in the package. */
export function imageHref(image: ImageData): string {
  return `images/${image.id}.${image.mediaType === 'image/png' ? 'png' : 'jpg'}`;
}

/** Every illustration the divisions show, once each, in order of first appearance. */
export function figuresOf(blocks: readonly Block[], found = new Map<string, { image: ImageData; alt: string }>()): Map<string, { image: ImageData; alt: string }> {
  for (const block of blocks) {
    if (block.kind === 'figure') {
      const known = found.get(block.image.id);
      // An image counts as described when any of its appearances describes it.
      if (!known || (!known.alt && block.alt)) found.set(block.image.id, { image: block.image, alt: block.alt });
    } else if (block.kind === 'blockQuote') figuresOf(block.blocks, found);
  }
  return found;
}

/** The id of the marker where print page `label` begins. */
export const pageId = (label: string) => `page-${label}`;

function pageMarkers(pages: readonly PrintPage[], block: number, indent: string): string {
  return pages
    .filter((page) => page.block === block)
    .map((page) => `${indent}<span id="${pageId(page.label)}" epub:type="pagebreak" role="doc-pagebreak" aria-label="${escapeXml(page.label)}"></span>\n`)
    .join('');
}

/** epub:type and ARIA role of each kind of division; matter without a standard name gets neither. */
const SEMANTICS: Record<DivisionRole, { type: string; role: string } | null> = {
  chapter: { type: 'chapter', role: 'doc-chapter' },
  part: { type: 'part', role: 'doc-part' },
  dedication: { type: 'dedication', role: 'doc-dedication' },
  epigraph: { type: 'epigraph', role: 'doc-epigraph' },
  acknowledgments: { type: 'acknowledgments', role: 'doc-acknowledgments' },
  afterword: { type: 'afterword', role: 'doc-afterword' },
  aboutAuthor: null,
  alsoBy: null,
};

/** Dedications and epigraphs speak for themselves: their title names them for assistive technology only. */
const UNTITLED: ReadonlySet<DivisionRole> = new Set(['dedication', 'epigraph']);

/** The body of one division's XHTML document, with markers where the print edition's pages begin. */
export function chapterBodyXhtml(chapter: Chapter, pages: readonly PrintPage[] = [], kobo?: KoboSpans): string {
  const untitled = UNTITLED.has(chapter.role);
  // Kobo numbers spans in reading order: the heading comes first.
  kobo?.nextParagraph();
  const heading = untitled ? '' : inlineXhtml(chapter.title, kobo);
  const blocks = chapter.blocks.map((block, i) => pageMarkers(pages, i, '    ') + blockXhtml(block, '    ', kobo)).join('\n');
  const semantics = SEMANTICS[chapter.role];
  const attributes = `id="${chapter.id}" class="${chapter.role === 'aboutAuthor' ? 'about-author' : chapter.role === 'alsoBy' ? 'also-by' : chapter.role}"${semantics ? ` epub:type="${semantics.type}" role="${semantics.role}"` : ''}`;
  if (untitled) {
    return `  <section ${attributes} aria-label="${escapeXml(plainText(chapter.title))}">
${pageMarkers(pages, -1, '    ')}${blocks}
  </section>`;
  }
  return `  <section ${attributes} aria-labelledby="${chapter.id}-title">
${pageMarkers(pages, -1, '    ')}    <h1 id="${chapter.id}-title">${heading}</h1>
${blocks}${blocks ? '\n' : ''}  </section>`;
}
