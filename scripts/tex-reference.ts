// Makes a TeX reference for the justification meter (../shared/reference/README.md describes the
// shared ones): chapters of a corpus book set by XeLaTeX in the reference setting, beside the
// same chapters as a book of ours. Usage:
//   npx tsx scripts/tex-reference.ts <corpus book folder> <first chapter> <last chapter> <out folder>
// Writes <out>/reference.json (the corpus book, relative to ../shared/corpus, and the chapters:
// what a test copies to set the same text itself), book.tex (the text with its proofread
// typography, from the corpus's expected/), latex.pdf and latex-figures.txt (measure-justify's
// report, its last line the summary). Needs xelatex (texlive-xetex) and python3.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';

const [bookDir, firstArg, lastArg, outArg] = process.argv.slice(2);
if (!bookDir || !firstArg || !lastArg || !outArg) throw new Error('usage: tex-reference.ts <corpus book> <first chapter> <last chapter> <out folder>');
const out = path.resolve(outArg);
const shared = path.resolve(import.meta.dirname, '../../shared');
// LaTeX loads the four faces from one folder; the npm package keeps each in its own.
const fontDir = mkdtempSync(path.join(tmpdir(), 'tex-reference-fonts-'));
for (const face of ['400Regular', '400Regular_Italic', '700Bold', '700Bold_Italic']) {
  copyFileSync(createRequire(import.meta.url).resolve(`@expo-google-fonts/eb-garamond/${face}/EBGaramond_${face}.ttf`), path.join(fontDir, `EBGaramond_${face}.ttf`));
}

const files = readdirSync(path.join(bookDir, 'manuscript')).filter((f) => f.endsWith('.md')).sort();
const chosen = files.slice(Number(firstArg) - 1, Number(lastArg));
const config = JSON.parse(readFileSync(path.join(bookDir, 'book.config.json'), 'utf8')) as { title: string };
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'reference.json'), `${JSON.stringify({ corpus: path.basename(path.resolve(bookDir)), chapters: chosen }, null, 2)}\n`);

// TeX's special characters; the typography (quotes, dashes, ellipses) is the proofread text's own.
const tex = (text: string) =>
  text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([&%$#_{}])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\*([^*]+)\*/g, '\\emph{$1}')
    .replace(/_([^_]+)_/g, '\\emph{$1}');

/**
 * A chapter in LaTeX: the blocks of the manuscript (paragraphs, quotations, scene breaks), each
 * with the text of the matching line of expected/ (one line per block, the title first).
 */
function chapterTex(file: string): string {
  const manuscript = readFileSync(path.join(bookDir!, 'manuscript', file), 'utf8');
  const expected = readFileSync(path.join(bookDir!, 'expected', file.replace(/\.md$/, '.txt')), 'utf8').split('\n').filter((l) => l.trim());
  const blocks: { kind: 'paragraph' | 'quote' | 'break'; lines: number }[] = [];
  let quote = false;
  for (const chunk of manuscript.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n\s*\n/)) {
    const text = chunk.trim();
    if (!text || text.startsWith('#')) continue;
    if (/^(\* ?){3}$|^<hr/.test(text)) blocks.push({ kind: 'break', lines: 0 });
    else if (text.startsWith('>')) {
      const paragraphs = text.split(/\n>\s*\n/).filter((p) => p.replace(/^>\s*/gm, '').trim());
      for (let i = 0; i < paragraphs.length; i++) blocks.push({ kind: 'quote', lines: 1 });
    } else blocks.push({ kind: 'paragraph', lines: 1 });
  }
  const body = expected.slice(1);
  const wanted = blocks.reduce((n, b) => n + b.lines, 0);
  if (wanted !== body.length) throw new Error(`${file}: ${wanted} blocks in the manuscript, ${body.length} lines in expected/`);
  const parts: string[] = [`\\chapter*{${tex(expected[0]!)}}\\markboth{\\booktitle}{\\booktitle}`];
  let at = 0;
  for (const block of blocks) {
    if (block.kind === 'break') {
      parts.push('\\scenebreak');
      continue;
    }
    const text = tex(body[at++]!);
    const wantQuote = block.kind === 'quote';
    if (wantQuote !== quote) parts.push(wantQuote ? '\\begin{quote}' : '\\end{quote}');
    quote = wantQuote;
    parts.push(`${text}\n`);
  }
  if (quote) parts.push('\\end{quote}');
  return parts.join('\n');
}

const preamble = readFileSync(path.join(shared, 'reference/latex-preamble.tex'), 'utf8')
  .replace('FONTDIR/', `${fontDir}/`)
  .replace(/\\newcommand\\booktitle\{[^}]*\}/, `\\newcommand\\booktitle{${tex(config.title.toUpperCase())}}`)
  // Our inset blocks stand 1.5 em in from both edges; LaTeX's quote, 2.5 em.
  .replace('\\begin{document}', '\\setlength{\\leftmargini}{16.425pt}\n\\begin{document}');
writeFileSync(path.join(out, 'book.tex'), `${preamble}\n${chosen.map(chapterTex).join('\n\n')}\n\\end{document}\n`);
for (let pass = 0; pass < 2; pass++) execFileSync('xelatex', ['-interaction=batchmode', '-jobname=latex', 'book.tex'], { cwd: out, stdio: 'ignore', env: { ...process.env, SOURCE_DATE_EPOCH: '0', FORCE_SOURCE_DATE: '1' } });
// Kept as the shared references keep theirs: FONTDIR stands for a folder holding the four faces.
writeFileSync(path.join(out, 'book.tex'), readFileSync(path.join(out, 'book.tex'), 'utf8').replaceAll(`${fontDir}/`, 'FONTDIR/'));
for (const leftover of ['latex.aux', 'latex.log', 'latex.out', 'latex.toc']) rmSync(path.join(out, leftover), { force: true });
const figures = execFileSync('python3', [path.join(shared, 'tools/measure-justify.py'), path.join(out, 'latex.pdf')], { encoding: 'utf8' });
writeFileSync(path.join(out, 'latex-figures.txt'), figures);
console.log(figures.trim().split('\n').at(-1));
