// npm run bench: wall time and peak memory of `book build` on the longest corpus book and on a
// synthetic 1,000,000-word book — first builds (every build cache emptied before each run) for
// EPUB, PDF and both, rebuilds unchanged and after one paragraph is edited — and of the sample book
// from `npm run book`, against the peers installed: pandoc (EPUB), pandoc + XeLaTeX (PDF) and
// Typst's npm compiler (PDF, on a Typst document written from the same chapters in the same face,
// size, leading and page). Prints one table and the ratios the issue asks about, and writes them as
// JSON to bench/results/. Speed is measured here, never asserted in tests. BENCH_RUNS sets the runs
// after the warm-up. Typst's compiler is not one of our packages (CI never runs the bench):
//   npm install --no-save --prefix bench/peers @myriaddreamin/typst-ts-node-compiler@0.7.0
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configSchema } from '../src/config/schema.ts';
import { pageDesign } from '../src/typeset/design.ts';
import { typstDocument } from './typst-document.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BIG_RUNS = Number(process.env.BENCH_BIG_RUNS ?? 1);
const TIME = '/usr/bin/time';
// What builds remember between runs (not the compiled CLI, which a fresh checkout makes once).
const BUILD_CACHES = ['covers', 'fonts', 'manuscript', 'pages', 'typesetting'].map((folder) => path.join(ROOT, 'node_modules/.cache/book', folder));
const forgetBuilds = () => BUILD_CACHES.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
const TYPST = path.join(ROOT, 'bench/peers/node_modules/@myriaddreamin/typst-ts-node-compiler');
const BOOK_FACE = path.join(ROOT, 'node_modules/@expo-google-fonts/eb-garamond');

interface Measure {
  book: string;
  words: number;
  task: string;
  tool: string;
  runs: number;
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  peakRssMB: number;
}

const has = (command: string) => !spawnSync('sh', ['-c', `command -v ${command}`]).status;

/** Runs a command under GNU time: wall seconds and peak RSS in MB. */
function timed(command: string, args: string[], cwd: string): { seconds: number; rssMB: number } {
  const result = spawnSync(TIME, ['-f', '%e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, rssMB: kb! / 1024 };
}

function measure(book: string, words: number, task: string, tool: string, runs: number, command: string, args: string[], cwd: string, beforeEach = () => {}): Measure {
  beforeEach();
  timed(command, args, cwd); // warm-up: file cache, the compiled CLI, the build caches
  const samples = Array.from({ length: runs }, () => {
    beforeEach();
    return timed(command, args, cwd);
  });
  const seconds = samples.map((s) => s.seconds).sort((a, b) => a - b);
  return {
    book,
    words,
    task,
    tool,
    runs,
    medianSeconds: seconds[Math.floor(seconds.length / 2)]!,
    minSeconds: seconds[0]!,
    maxSeconds: seconds.at(-1)!,
    peakRssMB: Math.round(Math.max(...samples.map((s) => s.rssMB))),
  };
}

function wordCount(dir: string): number {
  return readdirSync(path.join(dir, 'manuscript')).reduce((n, f) => n + (readFileSync(path.join(dir, 'manuscript', f), 'utf8').match(/\S+/g)?.length ?? 0), 0);
}

function longestCorpusBook(): string {
  const books = readdirSync(CORPUS).filter((d) => existsSync(path.join(CORPUS, d, 'book.config.json')));
  return path.join(CORPUS, books.sort((a, b) => wordCount(path.join(CORPUS, b)) - wordCount(path.join(CORPUS, a)))[0]!);
}

/** A book of at least a million words: the longest book's chapters repeated. */
function syntheticBook(source: string, into: string): string {
  const dir = path.join(into, 'million');
  mkdirSync(path.join(dir, 'manuscript'), { recursive: true });
  const chapters = readdirSync(path.join(source, 'manuscript')).sort();
  let words = 0;
  for (let copy = 0; words < 1_000_000; copy++) {
    for (const chapter of chapters) {
      const text = readFileSync(path.join(source, 'manuscript', chapter), 'utf8');
      writeFileSync(path.join(dir, 'manuscript', `${String(copy).padStart(2, '0')}-${chapter}`), text);
      words += text.match(/\S+/g)?.length ?? 0;
    }
  }
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ title: 'A Million Words', author: 'Bench', language: 'en', chapters: ['manuscript/*.md'] }));
  return dir;
}

/**
 * The book copied where one paragraph can be rewritten before each build (a sentence added to the
 * first paragraph of its middle chapter, different each time): a writer's rebuild after an edit.
 */
function editableBook(source: string, into: string): { dir: string; edit: () => void } {
  const dir = path.join(into, 'edited');
  mkdirSync(path.join(dir, 'manuscript'), { recursive: true });
  const chapters = readdirSync(path.join(source, 'manuscript')).sort();
  for (const chapter of chapters) writeFileSync(path.join(dir, 'manuscript', chapter), readFileSync(path.join(source, 'manuscript', chapter)));
  writeFileSync(path.join(dir, 'book.config.json'), readFileSync(path.join(source, 'book.config.json')));
  const middle = path.join(dir, 'manuscript', chapters[Math.floor(chapters.length / 2)]!);
  const original = readFileSync(middle, 'utf8').split('\n\n');
  const first = original.findIndex((paragraph, i) => i > 0 && /^\p{L}/u.test(paragraph.trim()));
  let revision = 0;
  const edit = () => {
    revision++;
    writeFileSync(middle, original.map((paragraph, i) => (i === first ? `${paragraph.trimEnd()} This sentence was added in revision ${revision}.` : paragraph)).join('\n\n'));
  };
  return { dir, edit };
}

function pandocInputs(dir: string): string[] {
  return readdirSync(path.join(dir, 'manuscript')).sort().map((f) => path.join(dir, 'manuscript', f));
}

const work = mkdtempSync(path.join(tmpdir(), 'book-bench-'));
const results: Measure[] = [];
const pdfChecks: Record<string, string> = {};
const pagesOf = (pdf: string) => Number(/\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)/.exec(readFileSync(pdf, 'latin1'))?.[1] ?? 0);
try {
  const longest = longestCorpusBook();
  const books = [
    { name: path.basename(longest), dir: longest, runs: RUNS, main: true },
    { name: 'synthetic-1M', dir: syntheticBook(longest, work), runs: BIG_RUNS, main: false },
  ];
  for (const book of books) {
    const words = wordCount(book.dir);
    const out = path.join(work, 'out');
    const config = path.join(book.dir, 'book.config.json');
    const buildArgs = (format: string, configFile = config) => [path.join(ROOT, 'bin/book.js'), 'build', '--config', configFile, '--out', out, '--format', format];
    // A first build, as in a fresh checkout or a CI release without a restored cache.
    for (const [task, format] of book.main ? ([['epub', 'epub'], ['pdf', 'pdf'], ['epub+pdf', 'epub,pdf']] as const) : ([['epub+pdf', 'epub,pdf']] as const)) {
      results.push(measure(book.name, words, `${task}, first build`, 'book', book.runs, process.execPath, buildArgs(format), ROOT, forgetBuilds));
      console.error(`measured book ${task} (first build) on ${book.name}`);
      if (task !== 'epub' && has('qpdf')) {
        const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
        const check = spawnSync('qpdf', ['--check', path.join(out, pdf)], { encoding: 'utf8' });
        pdfChecks[book.name] = check.status === 0 ? 'qpdf --check: ok' : `qpdf --check failed: ${check.stdout.slice(-300)}`;
      }
    }
    // Rebuilds: the caches as the last build left them.
    results.push(measure(book.name, words, 'epub+pdf, rebuild unchanged', 'book', book.runs, process.execPath, buildArgs('epub,pdf'), ROOT));
    console.error(`measured book epub+pdf rebuild on ${book.name}`);
    if (book.main) {
      // Typesetting remembers paragraphs: an unchanged book is the best case, an edited one the everyday case.
      const edited = editableBook(book.dir, work);
      results.push(measure(book.name, words, 'epub+pdf, one paragraph edited', 'book', book.runs, process.execPath, buildArgs('epub,pdf', path.join(edited.dir, 'book.config.json')), ROOT, edited.edit));
      console.error(`measured book epub+pdf with one paragraph edited on ${book.name}`);
    }
    if (!book.main) continue;
    if (existsSync(TYPST)) {
      const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
      const print = configSchema.parse(JSON.parse(readFileSync(config, 'utf8'))).print;
      const main = path.join(work, 'book.typ');
      writeFileSync(main, typstDocument(path.join(book.dir, 'manuscript'), pageDesign(print, pagesOf(path.join(out, pdf))), 'EB Garamond', 'en'));
      const typstPdf = path.join(work, 'typst.pdf');
      results.push(measure(book.name, words, 'pdf, first build', 'typst', book.runs, process.execPath, [path.join(ROOT, 'bench/typst-peer.mjs'), TYPST, BOOK_FACE, main, typstPdf], work));
      console.error(`measured typst on ${book.name} (${pagesOf(typstPdf)} pages; ours ${pagesOf(path.join(out, pdf))})`);
    } else console.error('Typst\'s npm compiler is not installed: npm install --no-save --prefix bench/peers @myriaddreamin/typst-ts-node-compiler@0.7.0');
    if (has('pandoc')) {
      results.push(measure(book.name, words, 'epub, first build', 'pandoc', book.runs, 'pandoc', ['-f', 'markdown+smart', '-o', path.join(work, 'pandoc.epub'), ...pandocInputs(book.dir)], work));
      if (has('xelatex') && book.runs > 0) {
        // Slow (15-20 s a run), but one run on a shared machine is no median: up to three.
        results.push(measure(book.name, words, 'pdf, first build', 'pandoc+xelatex', Math.min(3, book.runs), 'pandoc', ['-f', 'markdown+smart', '--pdf-engine=xelatex', '-V', 'papersize=a5', '-o', path.join(work, 'pandoc.pdf'), ...pandocInputs(book.dir)], work));
      }
    } else console.error('pandoc is not installed: no pandoc rows');
  }
  // The sample book as a writer builds it: `npm run book`, its caches warm.
  results.push(measure('sample', wordCount(ROOT), 'epub+pdf, rebuild unchanged (npm run book)', 'book', RUNS, 'npm', ['run', '--silent', 'book'], ROOT));
} finally {
  rmSync(work, { recursive: true, force: true });
}

const find = (book: string, task: string, tool = 'book') => results.find((r) => r.book === book && r.task === task && r.tool === tool);
const ratio = (m: Measure) => {
  if (m.tool !== 'book') return '';
  const peers = results.filter((r) => r.book === m.book && r.tool !== 'book' && r.task === m.task);
  return peers.map((peer) => `${(m.medianSeconds / peer.medianSeconds).toFixed(2)} × ${peer.tool}`).join(', ');
};
console.log('| book | words | task | tool | runs | median s | min–max s | peak RSS MB | ours / peer |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const m of results) {
  console.log(`| ${m.book} | ${m.words} | ${m.task} | ${m.tool} | ${m.runs} | ${m.medianSeconds.toFixed(2)} | ${m.minSeconds.toFixed(2)}–${m.maxSeconds.toFixed(2)} | ${m.peakRssMB} | ${ratio(m)} |`);
}
// The figures issue 23 sets, each with what was measured.
const main = results[0]!.book;
const targets: { what: string; value: number | undefined; target: number; unit: string }[] = [
  { what: 'first build, EPUB + PDF', value: find(main, 'epub+pdf, first build')?.medianSeconds, target: 2.5, unit: 's' },
  { what: 'first build, EPUB + PDF, peak RSS', value: find(main, 'epub+pdf, first build')?.peakRssMB, target: 400, unit: 'MB' },
  { what: 'first build, PDF / Typst', value: ratioOf(find(main, 'pdf, first build'), find(main, 'pdf, first build', 'typst')), target: 0.5, unit: '×' },
  { what: 'rebuild after one paragraph edited', value: find(main, 'epub+pdf, one paragraph edited')?.medianSeconds, target: 1.5, unit: 's' },
  { what: '1M words first build / this book', value: ratioOf(find('synthetic-1M', 'epub+pdf, first build'), find(main, 'epub+pdf, first build')), target: 3.2, unit: '×' },
  { what: 'sample, npm run book', value: find('sample', 'epub+pdf, rebuild unchanged (npm run book)')?.medianSeconds, target: 0.5, unit: 's' },
];
function ratioOf(a: Measure | undefined, b: Measure | undefined): number | undefined {
  return a && b ? a.medianSeconds / b.medianSeconds : undefined;
}
console.log('\n| figure | measured | target | met |');
console.log('|---|---|---|---|');
for (const t of targets) console.log(`| ${t.what} | ${t.value === undefined ? 'not measured' : `${t.value.toFixed(2)} ${t.unit}`} | ≤ ${t.target} ${t.unit} | ${t.value === undefined ? '' : t.value <= t.target ? 'yes' : 'no'} |`);
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const file = path.join(ROOT, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, pdfChecks, results: results.map((m) => ({ ...m, ratioToPeer: ratio(m) || null })), targets }, null, 2) + '\n');
for (const [name, verdict] of Object.entries(pdfChecks)) console.log(`${name}: ${verdict}`);
console.log(`\nwritten to ${path.relative(ROOT, file)}`);
