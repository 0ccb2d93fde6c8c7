// The CLI as one JavaScript file, compiled from src/ by esbuild and cached under
// node_modules/.cache/book/ until a source file or the installed packages change. Loading one
// file instead of a hundred modules through tsx's hooks takes about half a second off every run.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A compiled CLI's folder name: a source stamp. */
const STAMP = /^[0-9a-f]{16}$/;

// Loaded from their own folders: pdfkit and fontkit read data files beside their code (and pdfkit
// imports fontkit, which must stay one copy); only the PDF writer's chunks load them. sharp is a
// native addon that finds its platform's binary package at run time; it is loaded only to make
// the ebook's cover. subset-font reads HarfBuzz's WebAssembly file from beside its package.
const EXTERNAL = ['pdfkit', 'fontkit', 'sharp', 'subset-font'];

/** Size and modification time of every source file and of the installed packages' lockfile. */
function sourceStamp(root) {
  const hash = createHash('sha256');
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else {
        const { size, mtimeMs } = statSync(file);
        hash.update(`${file}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  visit(path.join(root, 'src'));
  for (const file of ['package.json', 'node_modules/.package-lock.json', 'bin/compile.js']) {
    try {
      const { size, mtimeMs } = statSync(path.join(root, file));
      hash.update(`${file}\0${size}\0${mtimeMs}\n`);
    } catch {
      hash.update(`${file}\0missing\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

// Beside the bundle: the SHA-256 of each of its files, written last, so a bundle a power loss or a
// disk fault damaged (an empty cli.mjs, a flipped bit, a cut file) is compiled again, never run.
const MANIFEST = 'manifest.json';

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Writes the bundle's manifest, every file flushed to the disk first. */
function sealBundle(dir) {
  const files = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const fd = openSync(file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    files[name] = sha256(file);
  }
  const fd = openSync(path.join(dir, MANIFEST), 'w');
  try {
    writeSync(fd, JSON.stringify(files));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether every file the manifest names is there with the bytes it names, and nothing else. */
function bundleIntact(dir) {
  try {
    const files = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
    const names = readdirSync(dir).filter((name) => name !== MANIFEST).sort();
    return names.length === Object.keys(files).length && names.every((name) => files[name] === sha256(path.join(dir, name)));
  } catch {
    return false;
  }
}

/** Path of the compiled CLI, compiling it first if the sources changed or it is damaged; null if it cannot be written. */
export function compiledCli(root) {
  const cache = path.join(root, 'node_modules/.cache/book');
  // A bundle finds the packages it leaves out (pdfkit, the fonts) from where it really lies: a
  // cache folder linked to somewhere outside node_modules (a symbolic link) cannot hold it.
  try {
    mkdirSync(cache, { recursive: true });
    const modules = realpathSync(path.join(root, 'node_modules'));
    if (!realpathSync(cache).startsWith(modules + path.sep)) return null;
  } catch {
    return null;
  }
  const stamp = sourceStamp(root);
  const target = path.join(cache, stamp);
  const entry = path.join(target, 'cli.mjs');
  if (existsSync(entry) && bundleIntact(target)) return entry;
  const temp = `${target}.${process.pid}.tmp`;
  try {
    rmSync(temp, { recursive: true, force: true });
    compile(root, temp);
    sealBundle(temp);
    // A damaged bundle of these sources gives way to the new one.
    if (existsSync(target) && !bundleIntact(target)) rmSync(target, { recursive: true, force: true });
    try {
      renameSync(temp, target);
    } catch (error) {
      // Another run compiled the same sources meanwhile: use theirs.
      if (!existsSync(entry)) throw error;
      rmSync(temp, { recursive: true, force: true });
    }
    for (const old of readdirSync(cache)) {
      // Earlier compilations only: the folder also holds the typesetting cache.
      if (old !== stamp && STAMP.test(old)) rmSync(path.join(cache, old), { recursive: true, force: true });
    }
    return entry;
  } catch {
    rmSync(temp, { recursive: true, force: true });
    return null;
  }
}

function compile(root, outdir) {
  // esbuild is loaded only when a compile is needed: it is no part of an ordinary run.
  const esbuild = createRequire(path.join(root, 'package.json'))('esbuild');
  esbuild.buildSync({
    // The PDF thread's entry sits beside the CLI, where startThread() looks for it.
    entryPoints: { cli: path.join(root, 'src/cli.ts'), 'pdf-thread-entry': path.join(root, 'src/pdf-thread-entry.ts') },
    outdir,
    bundle: true,
    // The writers stay in chunks of their own, loaded only when their format is asked for.
    splitting: true,
    platform: 'node',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    target: 'node20',
    external: EXTERNAL,
    // epub-gen-memory is bundled (a hundred CommonJS files found and read one by one took 40 ms of
    // every EPUB build), with a refusal in node-fetch's place: see src/epub/no-fetch.ts.
    alias: { 'node-fetch': './src/epub/fetch-refused.ts' },
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __bookCreateRequire } from 'node:module'; const require = __bookCreateRequire(import.meta.url);" },
    logLevel: 'silent',
    // Paths in the bundle relative to the project, not to where the command was run: the same
    // sources compile to the same bytes in any checkout (the typesetting cache names set
    // paragraphs by the code's content).
    absWorkingDir: root,
  });
}
