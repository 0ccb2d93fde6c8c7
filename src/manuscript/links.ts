import path from 'node:path';
import type { Warning } from '../errors.ts';
import type { Block, Chapter } from '../model/index.ts';
import { mapBlockInlines, mapInlineNodes } from '../model/walk.ts';

/** A chapter as read, with the file it came from and its title's anchor there. */
export interface ChapterAnchors {
  chapter: Chapter;
  file: string;
  anchor?: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Gives every heading a book-wide id (the chapter's id and the heading's own) and points each link
 * to a place in the book (`#storm`, `02-storm.md`, `02-storm.md#the-wreck`) at its chapter or
 * heading. A link to a file or place the book does not hold keeps its words and loses the link,
 * with a warning: an ebook must not link out of itself to a file it does not carry.
 */
export function resolveLinks(chapters: ChapterAnchors[], warnings: Warning[]): void {
  const targets = new Map<string, string>();
  const byId = new Map<string, string>();
  const used = new Set<string>(chapters.map((c) => c.chapter.id));
  const addTarget = (file: string, raw: string, id: string) => {
    if (!targets.has(`${file}#${raw}`)) targets.set(`${file}#${raw}`, id);
    if (!byId.has(raw)) byId.set(raw, id);
  };
  for (const entry of chapters) {
    const { chapter, file } = entry;
    if (!targets.has(file)) targets.set(file, chapter.id);
    if (entry.anchor) addTarget(file, entry.anchor, chapter.id);
    const number = (blocks: Block[]): Block[] =>
      blocks.map((block): Block => {
        if (block.kind === 'heading' && block.id) {
          let id = `${chapter.id}-${block.id}`;
          for (let n = 1; used.has(id); n++) id = `${chapter.id}-${block.id}-${n}`;
          used.add(id);
          addTarget(file, block.id, id);
          return { ...block, id };
        }
        if (block.kind === 'blockQuote' || block.kind === 'division') return { ...block, blocks: number(block.blocks) };
        return block;
      });
    chapter.blocks = number(chapter.blocks);
  }
  for (const { chapter, file } of chapters) {
    const resolve = (href: string): string | null => {
      if (EXTERNAL.test(href)) return href;
      const hash = href.indexOf('#');
      const target = hash >= 0 ? href.slice(0, hash) : href;
      const fragment = hash >= 0 ? decodeURIComponent(href.slice(hash + 1)) : '';
      const inFile = target ? path.resolve(path.dirname(file), decodeURIComponent(target)) : file;
      if (!fragment) return targets.has(inFile) ? `#${targets.get(inFile)}` : null;
      const id = targets.get(`${inFile}#${fragment}`) ?? (target ? undefined : byId.get(fragment));
      return id ? `#${id}` : null;
    };
    let missing: string | undefined;
    const link = (inlines: Parameters<typeof mapInlineNodes>[0]) =>
      mapInlineNodes(inlines, (node) => {
        if (node.kind !== 'link') return [node];
        const href = resolve(node.href);
        if (href === null) {
          missing ??= node.href;
          return node.children;
        }
        return [{ ...node, href }];
      });
    chapter.blocks = mapBlockInlines(chapter.blocks, link);
    if (chapter.notes) chapter.notes = chapter.notes.map((note) => ({ ...note, blocks: mapBlockInlines(note.blocks, link) }));
    chapter.title = link(chapter.title);
    if (missing) warnings.push({ file: chapter.source, message: `a link to "${missing}" does not lead to a chapter or heading of the book; its words are kept without the link` });
  }
}
