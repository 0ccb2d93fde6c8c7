import { joinNames } from '../locale.ts';
import type { Block, Chapter, DivisionRole, ImageData, Inline, PrintPage, Store } from '../model/index.ts';
import { storeAddress } from '../model/stores.ts';
import { plainText } from '../model/plain-text.ts';
import { childBlocks } from '../model/walk.ts';

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

/** Which document of the package holds each chapter and heading id, for links inside the book. */
export type LinkTargets = ReadonlyMap<string, string>;

const STYLED_TAGS = { strikethrough: 's', superscript: 'sup', subscript: 'sub', underline: 'u' } as const;

/** How a note reference is written: the markup of its link, told by the writer that numbers the notes. */
export type NoteReferences = (id: string) => string | undefined;

/** What a document's markup depends on beyond its blocks. */
export interface XhtmlContext {
  kobo?: KoboSpans;
  /** The book's language, for the words between names ("A and B"). */
  language?: string;
  /** The store whose edition this is (see model/stores.ts). */
  store?: Store;
  links?: LinkTargets;
  notes?: NoteReferences;
}

export function inlineXhtml(inlines: readonly Inline[], context: XhtmlContext = {}): string {
  const { kobo, links } = context;
  return inlines
    .map((node, i) => {
      switch (node.kind) {
        case 'text':
        case 'literal':
          return kobo ? kobo.wrap(node.value) : escapeXml(node.value);
        case 'code':
          return `<code>${kobo ? kobo.wrap(node.value) : escapeXml(node.value)}</code>`;
        case 'lineBreak':
          return '<br/>';
        case 'noteRef': {
          const link = context.notes?.(node.id) ?? '';
          // Two marks side by side would read as one number.
          return link && inlines[i - 1]?.kind === 'noteRef' ? `<sup class="noteref-separator">,</sup>${link}` : link;
        }
        case 'emphasis':
          return `<em>${inlineXhtml(node.children, context)}</em>`;
        case 'strong':
          return `<strong>${inlineXhtml(node.children, context)}</strong>`;
        case 'link': {
          const inner = inlineXhtml(node.children, context);
          // A book in the stores: each store's edition links to its own page for it.
          const address = node.stores && context.store ? storeAddress(node.stores, context.store) : node.href;
          const href = !address ? null : address.startsWith('#') ? (links?.has(address.slice(1)) ? `${links.get(address.slice(1))}${address}` : null) : address;
          return href === null ? inner : `<a href="${escapeXml(href)}">${inner}</a>`;
        }
        case 'styled': {
          const inner = inlineXhtml(node.children, context);
          if (node.style === 'smallCaps') return `<span class="smallcaps">${inner}</span>`;
          const tag = STYLED_TAGS[node.style];
          return `<${tag}>${inner}</${tag}>`;
        }
        case 'span': {
          const inner = inlineXhtml(node.children, context);
          return node.classes.length > 0 ? `<span class="${escapeXml(node.classes.join(' '))}">${inner}</span>` : inner;
        }
      }
    })
    .join('');
}

const ALIGN_CLASS = { left: ' class="align-left"', center: ' class="align-center"', right: ' class="align-right"' } as const;

export function blockXhtml(block: Block, indent: string, context: XhtmlContext = {}): string {
  context.kobo?.nextParagraph();
  const inner = (blocks: readonly Block[], by = '  ') => blocks.map((b) => blockXhtml(b, indent + by, context)).join('\n');
  switch (block.kind) {
    case 'paragraph':
      return `${indent}<p>${inlineXhtml(block.content, context)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(2, block.level));
      return `${indent}<h${level}${block.id ? ` id="${escapeXml(block.id)}"` : ''}>${inlineXhtml(block.content, context)}</h${level}>`;
    }
    case 'sceneBreak':
      return `${indent}<hr class="scene-break"/>`;
    case 'blockQuote':
      return `${indent}<blockquote>\n${inner(block.blocks)}\n${indent}</blockquote>`;
    case 'division': {
      const classes = [...block.classes, ...(block.align === 'center' ? ['center'] : [])];
      return `${indent}<div${classes.length ? ` class="${escapeXml(classes.join(' '))}"` : ''}>\n${inner(block.blocks)}\n${indent}</div>`;
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const tasks = block.tasks;
      const items = block.items.map((item, i) => {
        const task = tasks?.[i];
        // A task's box stands where the bullet would (the list shows none).
        const box = task === true || task === false ? `${indent}    <span class="task" role="img" aria-label="${task ? 'done' : 'to do'}">${task ? '☒' : '☐'}</span>\n` : '';
        return item.length === 0 && !box ? `${indent}  <li></li>` : `${indent}  <li>\n${box}${item.map((b) => blockXhtml(b, indent + '    ', context)).join('\n')}\n${indent}  </li>`;
      });
      return `${indent}<${tag}${start}${tasks ? ' class="tasks"' : ''}>\n${items.join('\n')}\n${indent}</${tag}>`;
    }
    case 'codeBlock':
      // No indentation inside <pre>: every character of it shows.
      return `${indent}<pre><code${block.language ? ` class="language-${escapeXml(block.language.replace(/[^\w-]/g, ''))}"` : ''}>${escapeXml(block.value)}</code></pre>`;
    case 'table': {
      const cell = (tag: 'th' | 'td', content: Inline[], column: number) => `<${tag}${ALIGN_CLASS[block.align[column] ?? 'left'] ?? ''}>${inlineXhtml(content, context)}</${tag}>`;
      const head = block.head.length ? `${indent}  <thead>\n${indent}    <tr>${block.head.map((c, i) => cell('th', c, i)).join('')}</tr>\n${indent}  </thead>\n` : '';
      const rows = block.rows.map((row) => `${indent}    <tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n');
      return `${indent}<table>\n${head}${indent}  <tbody>\n${rows}\n${indent}  </tbody>\n${indent}</table>`;
    }
    case 'verse': {
      const stanzas = block.stanzas.map((stanza) => {
        const lines = stanza.map((line) => `${indent}    <p class="line"${line.indent > 0 ? ` style="margin-left: ${Math.min(line.indent, 12) / 2 + 2}em"` : ''}>${inlineXhtml(line.content, context)}</p>`);
        return `${indent}  <div class="stanza">\n${lines.join('\n')}\n${indent}  </div>`;
      });
      return `${indent}<div class="verse">\n${stanzas.join('\n')}\n${indent}</div>`;
    }
    case 'figure': {
      const caption = block.caption ? `\n${indent}  <figcaption>${inlineXhtml(block.caption, context)}</figcaption>` : '';
      // The width the author asked for, never wider than the screen (the stylesheet's max-width).
      const width = block.width ? ` style="width: ${'share' in block.width ? `${Math.round(block.width.share * 1000) / 10}%` : `${Math.round(block.width.inches * 100) / 100}in`}"` : '';
      return `${indent}<figure class="figure">\n${indent}  <img src="${imageHref(block.image)}" alt="${escapeXml(block.alt)}"${width}/>${caption}\n${indent}</figure>`;
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
    } else figuresOf(childBlocks(block), found);
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
  review: null,
};

/** Dedications and epigraphs speak for themselves: their title names them for assistive technology only. */
const UNTITLED: ReadonlySet<DivisionRole> = new Set(['dedication', 'epigraph']);

/** The body of one division's XHTML document; `notes` writes what follows its blocks (its notes), after them in Kobo's span order. */
export function chapterBodyXhtml(chapter: Chapter, pages: readonly PrintPage[] = [], context: XhtmlContext = {}, notes: () => string = () => ''): string {
  const { kobo } = context;
  const untitled = UNTITLED.has(chapter.role);
  // Kobo numbers spans in reading order: the heading comes first.
  kobo?.nextParagraph();
  const heading = untitled ? '' : inlineXhtml(chapter.title, context);
  const under = [chapter.subtitle ? `    <p class="chapter-subtitle">${inlineXhtml(chapter.subtitle, context)}</p>\n` : '', chapter.byline ? `    <p class="byline">${kobo ? kobo.wrap(joinNames(chapter.byline, context.language ?? 'en')) : escapeXml(joinNames(chapter.byline, context.language ?? 'en'))}</p>\n` : ''].join('');
  const blocks = chapter.blocks.map((block, i) => pageMarkers(pages, i, '    ') + blockXhtml(block, '    ', context)).join('\n') + notes();
  const semantics = SEMANTICS[chapter.role];
  const attributes = `id="${chapter.id}" class="${chapter.role === 'aboutAuthor' ? 'about-author' : chapter.role === 'alsoBy' ? 'also-by' : chapter.role}"${semantics ? ` epub:type="${semantics.type}" role="${semantics.role}"` : ''}`;
  if (untitled) {
    return `  <section ${attributes} aria-label="${escapeXml(plainText(chapter.title))}">
${pageMarkers(pages, -1, '    ')}${blocks}
  </section>`;
  }
  return `  <section ${attributes} aria-labelledby="${chapter.id}-title">
${pageMarkers(pages, -1, '    ')}    <h1 id="${chapter.id}-title">${heading}</h1>
${under}${blocks}${blocks ? '\n' : ''}  </section>`;
}
