import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fg from 'fast-glob';
import { BookError } from '../errors.ts';
import type { ChapterEntry, ChapterFile } from './schema.ts';
import { isInside, naturalCompare } from './paths.ts';

export interface ChapterSource {
  /** Absolute path. */
  file: string;
  /** Title from the config, overriding the one the manuscript gives. */
  title?: string;
  /** The title as running heads show it (see Chapter.shortTitle). */
  short?: string;
  /** The part it belongs to: its title and its place among the parts (0-based). */
  part?: { title: string; index: number };
}

const MAX_CHAPTERS = 5000;

/** Expands the config's chapter entries (paths and globs) into files, in reading order. */
export function resolveChapters(entries: readonly ChapterEntry[], projectDir: string, configName: string): ChapterSource[] {
  const seen = new Map<string, string>();
  const chapters: ChapterSource[] = [];
  let parts = 0;
  const addFile = (entry: ChapterFile, where: string, part?: ChapterSource['part']) => {
    const pattern = typeof entry === 'string' ? entry : entry.file;
    const fail = (problem: string, hint = ''): never => {
      throw new BookError(configName, typeof entry === 'string' ? where : `${where}.file`, problem, hint);
    };
    if (path.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
      fail(`"${pattern}" points outside the book's folder`, 'chapter paths must stay inside the folder that holds the config');
    }
    let files: string[];
    if (fg.isDynamicPattern(pattern)) {
      files = fg
        .sync(pattern, { cwd: projectDir, onlyFiles: true, dot: false, followSymbolicLinks: true, absolute: true })
        .sort((a, b) => naturalCompare(a, b));
      if (files.length === 0) fail(`no file matches "${pattern}"`, 'check the pattern and the folder name');
    } else {
      const file = path.resolve(projectDir, pattern);
      let stats;
      try {
        stats = statSync(file);
      } catch {
        return fail(`file "${pattern}" does not exist`, 'check the spelling, or remove the entry');
      }
      if (stats.isDirectory()) fail(`"${pattern}" is a folder, not a chapter file`, `use "${pattern.replace(/\/$/, '')}/*.md" to take every chapter in it`);
      files = [file];
    }
    if (typeof entry !== 'string' && (entry.title || entry.short) && files.length > 1) {
      fail(`"${pattern}" matches ${files.length} files, but a title can only name one chapter`, 'give each chapter its own entry');
    }
    for (const file of files) {
      if (!isInside(projectDir, file)) fail(`"${path.relative(projectDir, file)}" leads outside the book's folder (a symbolic link?)`, 'copy the file into the book folder');
      const earlier = seen.get(file);
      if (earlier) fail(`"${path.relative(projectDir, file)}" is already listed at ${earlier}`, 'list each chapter once');
      seen.set(file, where);
      const named = typeof entry === 'string' ? {} : { ...(entry.title ? { title: entry.title } : {}), ...(entry.short ? { short: entry.short } : {}) };
      chapters.push({ file, ...named, part });
    }
  };
  entries.forEach((entry, index) => {
    if (typeof entry !== 'string' && 'part' in entry) {
      const part = { title: entry.part, index: parts++ };
      entry.chapters.forEach((inner, i) => addFile(inner, `chapters[${index}].chapters[${i}]`, part));
    } else {
      addFile(entry, `chapters[${index}]`);
    }
  });
  if (chapters.length > MAX_CHAPTERS) {
    throw new BookError(configName, 'chapters', `lists ${chapters.length} chapter files, more than the ${MAX_CHAPTERS} a book can have`, 'check that the glob matches only chapters');
  }
  return chapters;
}

type Matcher = (file: string) => boolean;
// picomatch, the matcher fast-glob itself uses: a pattern tested against a file that need not exist yet.
const picomatch = createRequire(import.meta.url)('picomatch') as (pattern: string, options?: { dot?: boolean }) => Matcher;

/**
 * Refuses an output folder that a chapter pattern reaches into: each build would read the one
 * before it as a chapter ("manuscript/*.txt" with output.dir "manuscript" and a text output), and
 * the book would grow with every build.
 */
export function checkOutputsOutsideChapters(entries: readonly ChapterEntry[], projectDir: string, outputFiles: readonly string[], configName: string): void {
  const check = (entry: ChapterFile, where: string) => {
    const pattern = typeof entry === 'string' ? entry : entry.file;
    const matches = fg.isDynamicPattern(pattern) ? picomatch(pattern.replace(/^\.\//, ''), { dot: false }) : (file: string) => path.resolve(projectDir, pattern) === path.resolve(projectDir, file);
    for (const output of outputFiles) {
      const relative = path.relative(projectDir, output).split(path.sep).join('/');
      if (relative.startsWith('../') || path.isAbsolute(relative)) continue;
      if (matches(relative)) throw new BookError(configName, typeof entry === 'string' ? where : `${where}.file`, `"${pattern}" takes in the book's own output "${relative}": every build would read the last one as a chapter`, 'build to a folder of its own: set output.dir to "dist"');
    }
  };
  entries.forEach((entry, index) => {
    if (typeof entry !== 'string' && 'part' in entry) entry.chapters.forEach((inner, i) => check(inner, `chapters[${index}].chapters[${i}]`));
    else check(entry, `chapters[${index}]`);
  });
}
