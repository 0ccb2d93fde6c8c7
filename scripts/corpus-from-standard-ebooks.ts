// Turns a Standard Ebooks source folder (its src/epub/text/chapter-N.xhtml files) into a test book in
// the shared corpus's layout: manuscript/NN.md as a writer types it (straight quotes, "--", "...")
// and expected/NN.txt with the proofread typography, one block per line. The typed form is made from
// the proofread text by the corpus README's rule, so the two differ only in quotes, dashes and
// ellipses. Used to build the dialect test books (test/fixtures/dialect); a development tool that
// no build or test runs.
//
//   tsx scripts/corpus-from-standard-ebooks.ts TEXT_DIR OUT_DIR --title T --author A [--chapters 1,4,9]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Block {
  kind: 'heading' | 'section' | 'paragraph' | 'quote' | 'break';
  /** Lines of the block with *emphasis* marked; a verse stanza has several. */
  lines: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The proofread text of an inline run, emphasis as *…*, invisible marks normalized as the corpus does. */
function inlineText(html: string): string {
  const text = html
    .replace(/<a [^>]*epub:type="noteref"[^>]*>.*?<\/a>/g, '')
    .replace(/<(em|i)\b[^>]*>/g, '*')
    .replace(/<\/(em|i)>/g, '*')
    .replace(/<[^>]+>/g, '');
  return decode(text).replace(/[\u2060\u200A]/g, '').replace(/\u00A0/g, ' ').replace(/\u2011/g, '-').replace(/\s+/g, ' ').trim();
}

function paragraphLines(inner: string): string[] {
  if (!/<br\s*\/?>/.test(inner)) return [inlineText(inner)];
  return inner.split(/<br\s*\/?>/).map(inlineText).filter((line) => line.length > 0);
}

function blocksOf(xhtml: string): Block[] {
  const body = /<section[^>]*>([\s\S]*)<\/section>/.exec(xhtml)?.[1] ?? '';
  const blocks: Block[] = [];
  const heading: string[] = [];
  let quoteDepth = 0;
  // Headings before the first paragraph name the chapter; later ones are its sections.
  const addHeading = (text: string) => (blocks.length === 0 ? heading.push(text) : blocks.push({ kind: 'section', lines: [text] }));
  const token = /<hgroup[^>]*>([\s\S]*?)<\/hgroup>|<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>|<p[^>]*>([\s\S]*?)<\/p>|<hr\s*\/?>|<blockquote[^>]*>|<\/blockquote>|<header[^>]*>[\s\S]*?<\/header>/g;
  for (let match = token.exec(body); match; match = token.exec(body)) {
    const [whole, group, head, paragraph] = match;
    if (group !== undefined) {
      const parts = [...group.matchAll(/<(?:h[1-6]|p)[^>]*>([\s\S]*?)<\/(?:h[1-6]|p)>/g)].map((m) => inlineText(m[1]!).replaceAll('*', ''));
      addHeading(parts.join(': '));
    } else if (head !== undefined) addHeading(inlineText(head).replaceAll('*', ''));
    else if (whole.startsWith('<hr')) blocks.push({ kind: 'break', lines: ['* * *'] });
    else if (whole.startsWith('<blockquote')) quoteDepth++;
    else if (whole.startsWith('</blockquote')) quoteDepth--;
    else if (paragraph !== undefined) {
      const lines = paragraphLines(paragraph);
      if (lines.length && lines.some((line) => line.replaceAll('*', '').length)) blocks.push({ kind: quoteDepth > 0 ? 'quote' : 'paragraph', lines });
    }
  }
  const title = heading.join(': ');
  return [{ kind: 'heading', lines: [title.startsWith('Chapter') ? title : `Chapter ${title}`] }, ...blocks];
}

/** The corpus README's typing rule: straight quotes, "--" dashes, "..." ellipses. */
function typed(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/⸻/g, '------')
    .replace(/⸺/g, '----')
    .replace(/—/g, '--')
    .replace(/\.…/g, '....')
    .replace(/…/g, '...');
}

/** A line typed into Markdown: what would start a list or a heading is escaped. */
function markdownLine(line: string): string {
  return line.replace(/^(\d+)\. /, '$1\\. ').replace(/^([#>+-]) /, '\\$1 ');
}

function manuscriptOf(blocks: Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'heading') return `# ${block.lines[0]}`;
      if (block.kind === 'section') return `## ${block.lines[0]}`;
      if (block.kind === 'break') return '* * *';
      const lines = block.lines.map((line) => markdownLine(typed(line)));
      return block.kind === 'quote' ? lines.map((line) => `> ${line}`).join('\n') : lines.join('  \n');
    })
    .join('\n\n') + '\n';
}

function expectedOf(blocks: Block[]): string {
  return blocks.map((block) => block.lines.join(' ').replaceAll('*', '')).join('\n') + '\n';
}

const [textDir, outDir, ...flags] = process.argv.slice(2);
if (!textDir || !outDir) throw new Error('usage: corpus-from-standard-ebooks.ts TEXT_DIR OUT_DIR --title T --author A [--chapters 1,4,9]');
const flag = (name: string) => {
  const at = flags.indexOf(`--${name}`);
  return at >= 0 ? flags[at + 1] : undefined;
};
const wanted = flag('chapters')?.split(',').map(Number);
const chapters = readdirSync(textDir)
  .map((name) => ({ name, number: Number(/^chapter-(\d+)\.xhtml$/.exec(name)?.[1]) }))
  .filter((chapter) => Number.isInteger(chapter.number) && (!wanted || wanted.includes(chapter.number)))
  .sort((a, b) => a.number - b.number);
mkdirSync(path.join(outDir, 'manuscript'), { recursive: true });
mkdirSync(path.join(outDir, 'expected'), { recursive: true });
for (const chapter of chapters) {
  const blocks = blocksOf(readFileSync(path.join(textDir, chapter.name), 'utf8'));
  const base = String(chapter.number).padStart(2, '0');
  writeFileSync(path.join(outDir, 'manuscript', `${base}.md`), manuscriptOf(blocks));
  writeFileSync(path.join(outDir, 'expected', `${base}.txt`), expectedOf(blocks));
}
const config = { title: flag('title') ?? path.basename(outDir), author: flag('author') ?? 'Unknown', language: 'en', chapters: ['manuscript/*.md'] };
writeFileSync(path.join(outDir, 'book.config.json'), JSON.stringify(config, null, 2) + '\n');
console.log(`${chapters.length} chapters → ${outDir}`);
