import type { Block, Chapter, Inline } from '../model/index.ts';
import { mapBlockInlines } from '../model/walk.ts';

/**
 * Passes see a whole paragraph as one string, so a quote beside an italic word is judged with the
 * word in view. Inline boundaries become markers that passes must keep (in number and order):
 */
/** Where one text node ends and the next begins; passes treat it as invisible. */
export const BOUNDARY = '\uE002';
/** A code span, literal or other inline passes must not touch; reads like a word. */
export const OPAQUE = '\uE003';
/** A hard line break; reads like a space. */
export const LINE_BREAK = '\uE004';
export const MARKERS = /[\uE002-\uE004]/;

/** A run of text a pass works on: a paragraph, a heading or a chapter title. */
export interface TextBlock {
  text: string;
  /** Inside a block quote (letters, verse). */
  quoted: boolean;
  /** Chapter title or heading. */
  heading: boolean;
}

interface Slot {
  inlines: Inline[];
  quoted: boolean;
  heading: boolean;
}

function flattenInlines(inlines: readonly Inline[]): string {
  const parts: string[] = [];
  const walk = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.kind === 'text') parts.push(node.value);
      else if ('children' in node) {
        parts.push('');
        walk(node.children);
        parts.push('');
      }
      // A note's mark is not in the sentence: passes see the words on either side of it meet.
      else parts.push(node.kind === 'lineBreak' ? LINE_BREAK : node.kind === 'noteRef' ? '' : OPAQUE);
    }
  };
  walk(inlines);
  return parts.join(BOUNDARY);
}

function unflattenInlines(inlines: readonly Inline[], text: string): Inline[] {
  const parts = text.split(BOUNDARY);
  let next = 0;
  const take = () => parts[next++] ?? '';
  const walk = (nodes: readonly Inline[]): Inline[] =>
    nodes.map((node): Inline => {
      if (node.kind === 'text') return { kind: 'text', value: take() };
      if ('children' in node) {
        take();
        const children = walk(node.children);
        take();
        return { ...node, children };
      }
      take();
      return node;
    });
  const result = walk(inlines);
  if (next !== parts.length) throw new Error(`a normalization pass changed the inline markers (${parts.length} parts for ${next} slots)`);
  return result;
}

// Slots are collected in the order mapBlockInlines visits them, which puts them back.
function collectSlots(blocks: readonly Block[], quoted: boolean, slots: Slot[]): void {
  for (const block of blocks) {
    if (block.kind === 'paragraph') slots.push({ inlines: block.content, quoted, heading: false });
    else if (block.kind === 'heading') slots.push({ inlines: block.content, quoted, heading: true });
    else if (block.kind === 'blockQuote') collectSlots(block.blocks, true, slots);
    else if (block.kind === 'division') collectSlots(block.blocks, quoted, slots);
    else if (block.kind === 'list') for (const item of block.items) collectSlots(item, quoted, slots);
    else if (block.kind === 'figure' && block.caption) slots.push({ inlines: block.caption, quoted, heading: false });
    // Each cell and each line of verse is its own run of text: a quote never pairs across them.
    else if (block.kind === 'table') for (const cell of [...block.head, ...block.rows.flat()]) slots.push({ inlines: cell, quoted, heading: false });
    else if (block.kind === 'verse') for (const line of block.stanzas.flat()) slots.push({ inlines: line.content, quoted: true, heading: false });
  }
}

/** Applies a pass over a chapter's text blocks (title first, then blocks in reading order). */
export function mapChapterText(chapter: Chapter, pass: (blocks: TextBlock[]) => string[]): Chapter {
  const slots: Slot[] = [{ inlines: chapter.title, quoted: false, heading: true }];
  if (chapter.subtitle) slots.push({ inlines: chapter.subtitle, quoted: false, heading: true });
  collectSlots(chapter.blocks, false, slots);
  // Notes come after the text, as a reader meets them at the chapter's end.
  for (const note of chapter.notes ?? []) collectSlots(note.blocks, false, slots);
  const texts = pass(slots.map((slot) => ({ text: flattenInlines(slot.inlines), quoted: slot.quoted, heading: slot.heading })));
  const rebuilt = slots.map((slot, i) => unflattenInlines(slot.inlines, texts[i]!));
  let index = 1;
  const subtitle = chapter.subtitle ? { subtitle: rebuilt[index++]! } : {};
  const blocks = mapBlockInlines(chapter.blocks, () => rebuilt[index++]!);
  const notes = chapter.notes ? { notes: chapter.notes.map((note) => ({ ...note, blocks: mapBlockInlines(note.blocks, () => rebuilt[index++]!) })) } : {};
  return { ...chapter, title: rebuilt[0]!, ...subtitle, blocks, ...notes };
}

/** Lifts a pass that needs no context beyond its own block. */
export function eachBlock(fn: (text: string, block: TextBlock) => string): (blocks: TextBlock[]) => string[] {
  return (blocks) => blocks.map((block) => fn(block.text, block));
}
