// The fault campaign of issue 24, repeatable: `npm run faults [-- --trials N]`. Not part of CI (it
// takes minutes and clears the build caches). Every rebuild after a fault is compared byte for
// byte with a build made with no caches at all; the summary counts trials and failures (goal: 0).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'node_modules/.cache/book');
const BOOK = path.join(ROOT, '../shared/corpus/arthur-conan-doyle_the-hound-of-the-baskervilles');
const trials = Number(process.argv[process.argv.indexOf('--trials') + 1]) || 10;
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };

// A seeded generator: the same campaign every run.
let seed = 20261202;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const project = mkdtempSync(path.join(os.tmpdir(), 'book-faults-'));
cpSync(path.join(BOOK, 'manuscript'), path.join(project, 'manuscript'), { recursive: true });
const config = JSON.parse(readFileSync(path.join(BOOK, 'book.config.json'), 'utf8'));
writeFileSync(path.join(project, 'book.config.json'), JSON.stringify({ ...config, formats: ['epub', 'kepub', 'pdf', 'text'] }));

const cli = (out: string) => spawnSync(process.execPath, [path.join(ROOT, 'bin/book.js'), 'build', '--config', path.join(project, 'book.config.json'), '--out', out], { env: ENV, encoding: 'utf8' });
const outputs = (dir: string) => (existsSync(dir) ? Object.fromEntries(readdirSync(dir).filter((n) => !n.startsWith('.')).map((n) => [n, readFileSync(path.join(dir, n))])) : {});
const clearCaches = () => {
  for (const kind of ['manuscript', 'typesetting', 'pages']) rmSync(path.join(CACHE, kind), { recursive: true, force: true });
};

const results: { kind: string; trials: number; failures: string[] }[] = [];
function record(kind: string, run: () => string | null): void {
  let entry = results.find((r) => r.kind === kind);
  if (!entry) results.push((entry = { kind, trials: 0, failures: [] }));
  entry.trials++;
  const failure = run();
  if (failure) entry.failures.push(failure);
}

/** A rebuild compared with the reference: null when every output is the same. */
function rebuildMatches(reference: Record<string, Buffer>, label: string, out = path.join(project, `out-${results.reduce((n, r) => n + r.trials, 0)}`)): string | null {
  const result = cli(out);
  if (result.status !== 0) return `${label}: exit ${result.status}: ${result.stderr.trim().split('\n')[0]}`;
  const got = outputs(out);
  for (const [name, bytes] of Object.entries(reference)) if (!got[name]?.equals(bytes)) return `${label}: ${name} differs`;
  if (readdirSync(out).some((name) => name.startsWith('.'))) return `${label}: temporary files left in the output folder`;
  return null;
}

function damage(file: string, how: 'flip' | 'truncate' | 'garbage' | 'empty'): void {
  const data = readFileSync(file);
  if (how === 'flip' && data.length > 0) data[Math.floor(random() * data.length)]! ^= 1 << Math.floor(random() * 8);
  writeFileSync(file, how === 'truncate' ? data.subarray(0, Math.floor(data.length * random())) : how === 'garbage' ? Buffer.from(data.map(() => Math.floor(random() * 256))) : how === 'empty' ? Buffer.alloc(0) : data);
}

const cacheFiles = () =>
  readdirSync(CACHE, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
    .map((e) => path.join(e.parentPath, e.name));

async function main(): Promise<void> {
  console.log(`project ${project}; ${trials} trials of each kind`);
  clearCaches();
  rmSync(CACHE, { recursive: true, force: true });
  const first = cli(path.join(project, 'reference'));
  if (first.status !== 0) throw new Error(`the reference build failed: ${first.stderr}`);
  const reference = outputs(path.join(project, 'reference'));
  console.log(`reference: ${Object.keys(reference).join(', ')}`);

  // kill -9 at a moment drawn from the build's length, then a normal rebuild.
  for (let i = 0; i < trials; i++) {
    const out = path.join(project, 'killed');
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/book.js'), 'build', '--config', path.join(project, 'book.config.json'), '--out', out], { env: ENV, stdio: 'ignore' });
      setTimeout(() => child.kill('SIGKILL'), 100 + random() * 3000);
      child.on('exit', () => resolve());
    });
    // The rebuild goes where the killed build wrote, as the author's next build would.
    record('kill -9 mid-build, then rebuild', () => rebuildMatches(reference, `trial ${i}`, out));
  }

  // Each cache file (manuscript, typesetting, pages, the compiled bundle) damaged in each way.
  for (const how of ['flip', 'truncate', 'garbage', 'empty'] as const) {
    for (let i = 0; i < trials; i++) {
      cli(path.join(project, 'warm'));
      const files = cacheFiles();
      const file = files[Math.floor(random() * files.length)]!;
      damage(file, how);
      record(`cache file: ${how}`, () => rebuildMatches(reference, `${path.relative(CACHE, file)}`));
    }
  }

  // Builds at once into one folder: each finished build leaves a whole book.
  for (let i = 0; i < Math.max(1, Math.floor(trials / 3)); i++) {
    const out = path.join(project, 'together');
    await Promise.all(Array.from({ length: 4 }, () => new Promise<void>((resolve) => spawn(process.execPath, [path.join(ROOT, 'bin/book.js'), 'build', '--config', path.join(project, 'book.config.json'), '--out', out], { env: ENV, stdio: 'ignore' }).on('exit', () => resolve()))));
    record('four builds at once', () => {
      const got = outputs(out);
      for (const [name, bytes] of Object.entries(reference)) if (!got[name]?.equals(bytes)) return `round ${i}: ${name} differs`;
      return null;
    });
  }

  // A full disk for the output: one line, exit 1, the old output kept (needs root for the tmpfs).
  const small = path.join(project, 'small');
  mkdirSync(small, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', small]).status === 0) {
    try {
      writeFileSync(path.join(small, 'the-hound-of-the-baskervilles.txt'), 'the old text');
      record('a full disk for the output', () => {
        const result = cli(small);
        const lines = result.stderr.trim().split('\n').filter((l) => l.startsWith('error:'));
        if (result.status !== 1 || lines.length !== 1 || !/no space left/.test(lines[0]!)) return `exit ${result.status}: ${result.stderr.trim().slice(0, 200)}`;
        if (readFileSync(path.join(small, 'the-hound-of-the-baskervilles.txt'), 'utf8') !== 'the old text') return 'the old output was replaced';
        if (readdirSync(small).some((n) => n.startsWith('.'))) return 'temporary files left';
        return null;
      });
    } finally {
      spawnSync('umount', [small]);
    }
  } else console.log('a full disk: skipped (mounting a tmpfs needs root)');

  console.log('\nkind                                   trials  failures');
  for (const r of results) {
    console.log(`${r.kind.padEnd(38)} ${String(r.trials).padStart(6)}  ${String(r.failures.length).padStart(8)}`);
    for (const failure of r.failures.slice(0, 5)) console.log(`    ${failure}`);
  }
  const failed = results.reduce((n, r) => n + r.failures.length, 0);
  console.log(`\n${results.reduce((n, r) => n + r.trials, 0)} trials, ${failed} failures`);
  rmSync(project, { recursive: true, force: true });
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
