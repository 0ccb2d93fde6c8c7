import type { Block, Inline, VerseLine } from '../../model/index.ts';
import type { ReadHeading } from './convert.ts';

/** A heading where only a block may stand: its words as a bold paragraph. */
export function asBlock(block: Block | ReadHeading): Block {
  return block.kind === 'heading' && 'depth' in block ? { kind: 'paragraph', content: [{ kind: 'strong', children: block.content }] } : block;
}

type Frame = { kind: 'root' | 'division' | 'blockQuote' | 'paragraph'; classes: string[]; align?: 'center'; blocks: (Block | ReadHeading)[] };

/** Blocks with the containers raw HTML and fenced divs open and close around them. */
export class BlockBuilder {
  private readonly frames: Frame[] = [{ kind: 'root', classes: [], blocks: [] }];

  get current(): (Block | ReadHeading)[] {
    return this.frames.at(-1)!.blocks;
  }

  push(block: Block | ReadHeading): void {
    const frame = this.frames.at(-1)!;
    frame.blocks.push(frame.kind === 'root' ? block : asBlock(block));
  }

  open(kind: Frame['kind'], classes: string[], align?: 'center'): void {
    this.frames.push({ kind, classes, align, blocks: [] });
  }

  close(): void {
    if (this.frames.length === 1) return;
    const frame = this.frames.pop()!;
    const blocks = frame.blocks as Block[];
    if (frame.kind === 'blockQuote' || frame.classes.some((c) => QUOTE_CLASSES.has(c))) this.push({ kind: 'blockQuote', blocks });
    else if (frame.kind === 'paragraph' && !frame.align && frame.classes.length === 0) for (const block of blocks) this.push(block);
    else if (isVerseClass(frame.classes)) this.push(versify(blocks, frame.classes));
    else this.push({ kind: 'division', classes: frame.classes, ...(frame.align ? { align: frame.align } : {}), blocks });
  }

  finish(): (Block | ReadHeading)[] {
    while (this.frames.length > 1) this.close();
    return this.frames[0]!.blocks;
  }
}

/** Word's quotation styles, as pandoc's Word reader names them in a div's custom-style. */
const QUOTE_CLASSES: ReadonlySet<string> = new Set(['quote', 'intense-quote', 'block-text', 'blockquote', 'block-quote', 'epigraph']);

const isVerseClass = (classes: string[]) => classes.some((c) => /^(poem|verse|poetry|stanza|lyrics)$/i.test(c));

/** A `.poem` division: each paragraph a stanza, each of its lines a line of verse. */
function versify(blocks: Block[], classes: string[]): Block {
  const stanzas: VerseLine[][] = [];
  const rest: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'verse') stanzas.push(...block.stanzas);
    else if (block.kind === 'paragraph') {
      const lines: VerseLine[] = [[] as Inline[]].map(() => ({ indent: 0, content: [] as Inline[] }));
      for (const node of block.content) splitInline(node, lines);
      stanzas.push(lines.filter((l) => l.content.length > 0));
    } else rest.push(block);
  }
  const verse: Block = { kind: 'verse', stanzas: stanzas.filter((s) => s.length > 0) };
  const others = classes.filter((c) => !isVerseClass([c]));
  return rest.length === 0 && others.length === 0 ? verse : { kind: 'division', classes: others, blocks: [verse, ...rest] };
}

/** Adds an inline to the last line, starting a new line at each line break (soft ones included). */
function splitInline(node: Inline, lines: VerseLine[]): void {
  if (node.kind === 'lineBreak') lines.push({ indent: 0, content: [] });
  else if (node.kind === 'text' && node.value.includes('\n')) {
    node.value.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push({ indent: 0, content: [] });
      const value = i > 0 ? piece.replace(/^ +/, '') : piece;
      if (value) lines.at(-1)!.content.push({ kind: 'text', value });
    });
  } else lines.at(-1)!.content.push(node);
}
