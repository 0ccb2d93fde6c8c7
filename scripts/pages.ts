// npm run pages: the page meter (scripts/page-meter.ts) on the print edition of each corpus book
// at the default setting, or on the PDFs named on the command line. Prints one row per book.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measurePages, type PageFigures } from './page-meter.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

function corpusPdfs(out: string): { name: string; pdf: string }[] {
  if (!existsSync(CORPUS)) throw new Error(`no corpus at ${CORPUS}: name PDFs to measure instead`);
  return readdirSync(CORPUS)
    .filter((name) => existsSync(path.join(CORPUS, name, 'book.config.json')))
    .sort()
    .map((name) => {
      const dir = path.join(out, name);
      const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/book.js'), 'build', '--config', path.join(CORPUS, name, 'book.config.json'), '--format', 'pdf', '--out', dir], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`building ${name} failed:\n${result.stderr}`);
      const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'))!;
      return { name, pdf: path.join(dir, pdf) };
    });
}

const args = process.argv.slice(2);
const out = mkdtempSync(path.join(tmpdir(), 'book-pages-'));
try {
  const books = args.length > 0 ? args.map((pdf) => ({ name: path.basename(pdf), pdf })) : corpusPdfs(out);
  const columns: (keyof PageFigures)[] = ['pages', 'runts', 'turnHyphens', 'hyphenEnds', 'uneven', 'shortPages', 'longPages', 'widows', 'orphans'];
  console.log(['book'.padEnd(48), ...columns.map((c) => c.padStart(11)), '  hyphenEnds%'].join(''));
  for (const { name, pdf } of books) {
    const f = measurePages(pdf);
    const percent = ((100 * f.hyphenEnds) / Math.max(1, f.bodyPages)).toFixed(2);
    console.log([name.slice(0, 47).padEnd(48), ...columns.map((c) => String(f[c]).padStart(11)), percent.padStart(14)].join(''));
    if (process.env.PAGES_WHERE) console.log(JSON.stringify(f.where));
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
