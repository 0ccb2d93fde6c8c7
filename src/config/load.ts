import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BookError, type Warning } from '../errors.ts';
import { CONTROL_CHARACTERS } from '../characters.ts';
import { checkOutputsOutsideChapters, resolveChapters, type ChapterSource } from './chapters.ts';
import { firstProblem } from './issues.ts';
import { duplicateKey, jsonErrorOffset } from './json-position.ts';
import { displayPath, isInside, slugify } from './paths.ts';
import type { Store, StoreLinks } from '../model/index.ts';
import { configSchema, CONTRIBUTOR_ROLES, isbnDigits, type MatterEntry, type NoteOptions, type PrintOptions, type TypographyOptions } from './schema.ts';

/** Front or back matter as the config gives it: Markdown text, or a file inside the book. */
export type MatterSource = { text: string; title?: undefined; file?: undefined } | { file: string; title?: string; text?: undefined };

export type MatterKind = 'dedication' | 'epigraph' | 'acknowledgements' | 'afterword' | 'aboutAuthor';
export const MATTER_KINDS: readonly MatterKind[] = ['dedication', 'epigraph', 'acknowledgements', 'afterword', 'aboutAuthor'];

export interface BookConfig {
  configFile: string;
  /** The folder that holds the config: chapters and assets must stay inside it. */
  projectDir: string;
  title: string;
  subtitle?: string;
  /** The title for the print edition's running heads. */
  shortTitle?: string;
  authors: string[];
  authorsFileAs: (string | undefined)[];
  contributors: { name: string; role: string; fileAs?: string }[];
  language: string;
  chapters: ChapterSource[];
  identifier: string;
  publisher?: string;
  rights?: string;
  description?: string;
  date?: string;
  /** Absolute path of the cover image. */
  cover?: string;
  /** Absolute paths of the author's own faces for print; undefined for the bundled face. */
  fonts?: { regular: string; italic: string; bold: string; boldItalic: string };
  /** Absolute paths of the author's fallback faces for print (see print.font.fallback), in the order they are tried. */
  fallbackFonts: string[];
  coverAlt?: string;
  isbn?: string;
  edition?: string;
  credits: string[];
  series?: { name: string; position?: number };
  subjects: string[];
  matter: Partial<Record<MatterKind, MatterSource>>;
  /** The print cover's back text, when the config gives one (the description otherwise). */
  backCover?: MatterSource;
  /** Absolute path of the author's photograph for the print cover's back. */
  authorPhoto?: string;
  /** Other books by the author, with their store ids where given. */
  alsoBy: { title: string; links?: StoreLinks }[];
  /** This book in the stores (see askForReview). */
  links?: StoreLinks;
  /** A page asking for a review, in the ebooks: the standard words, or the author's. */
  askForReview?: true | string;
  formats: ('epub' | 'kepub' | 'pdf' | 'text' | Store)[];
  /** Whether .txt chapters are Markdown, and the absolute folders searched for images. */
  manuscript: { txtAsMarkdown: boolean; resources: string[] };
  epub: { embedFonts: boolean };
  output: { dir: string; name: string };
  typography: TypographyOptions;
  print: PrintOptions;
  notes: NoteOptions;
  /** What the config held that the book cannot: told as the build's warnings. */
  warnings: Warning[];
}

/** "line 3, column 5" of an offset in a text. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

function parseJson(text: string, name: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const offset = Math.max(0, jsonErrorOffset(text));
    const found = offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : 'unexpected end of file';
    throw new BookError(name, lineAndColumn(text, offset), `not valid JSON: ${found}`, 'check for a missing comma, quote or bracket just before it');
  }
  // JSON.parse keeps the last of two equal keys and says nothing: one of them is a mistake.
  const repeated = duplicateKey(text);
  if (repeated) throw new BookError(name, lineAndColumn(text, repeated.offset), `"${repeated.key}" is given twice in the same object`, 'keep one of them');
  return value;
}

/** The config's bytes as UTF-8 text; a byte that is not UTF-8 is an error naming its line, never a replacement character. */
function decodeConfig(bytes: Buffer, name: string): string {
  const text = bytes.toString('utf8');
  const again = Buffer.from(text);
  if (again.equals(bytes)) return text;
  // Decoded with replacement characters and encoded again, the text parts from the bytes at the first one that is not UTF-8.
  let at = 0;
  while (at < bytes.length && bytes[at] === again[at]) at++;
  const line = bytes.subarray(0, at).toString('utf8').split('\n').length;
  throw new BookError(name, `line ${line}`, 'is not UTF-8 text', 'save it as UTF-8 (every editor offers it; Latin-1 or Windows-1252 is not)');
}

/** A stable urn:uuid (RFC 4122 version 5 layout) from the title and authors: same book, same identifier. */
export function derivedIdentifier(title: string, authors: readonly string[]): string {
  const hash = createHash('sha1').update(`${title}\u0000${authors.join('\u0000')}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A file the config names, which must exist inside the book's folder. */
/** A folder images are searched in: inside the book, since a build reads nothing outside it. */
function resourceFolder(dir: string, projectDir: string, configName: string, index: number): string {
  const folder = path.resolve(projectDir, dir);
  if (!isInside(projectDir, folder)) throw new BookError(configName, `manuscript.resources[${index}]`, `"${dir}" is outside the book's folder`, 'name a folder inside the book');
  return folder;
}

function resolveAsset(file: string, projectDir: string, configName: string, where: string, noun = 'file'): string {
  const full = path.resolve(projectDir, file);
  if (path.isAbsolute(file) || file.split(/[\\/]/).includes('..') || !isInside(projectDir, full)) {
    throw new BookError(configName, where, `"${file}" is outside the book's folder`, 'copy it into the book folder');
  }
  if (!existsSync(full)) throw new BookError(configName, where, `${noun} "${file}" does not exist`, 'check the path');
  return full;
}

/** The author's faces; a missing italic or bold falls back to the nearest face given. */
function resolveFonts(font: NonNullable<PrintOptions['font']> & { regular: string }, projectDir: string, configName: string): NonNullable<BookConfig['fonts']> {
  const resolve = (file: string, key: string) => resolveAsset(file, projectDir, configName, `print.font.${key}`, 'font file');
  const regular = resolve(font.regular, 'regular');
  const italic = font.italic ? resolve(font.italic, 'italic') : regular;
  const bold = font.bold ? resolve(font.bold, 'bold') : regular;
  return { regular, italic, bold, boldItalic: font.boldItalic ? resolve(font.boldItalic, 'boldItalic') : font.bold ? bold : italic };
}

/**
 * Takes out of every string of the config, in place, the control characters no book can hold
 * (XML cannot; a terminal would act on them), each field told once with its JSON path.
 */
function removeControlCharacters(value: unknown, at: string, name: string, warnings: Warning[]): void {
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const where = Array.isArray(value) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
    if (typeof child === 'string') {
      const found = [...new Set(child.match(CONTROL_CHARACTERS) ?? [])];
      if (found.length === 0) continue;
      (value as Record<string, unknown>)[key] = child.replace(CONTROL_CHARACTERS, '');
      const codes = found.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
      warnings.push({ file: name, location: where, message: `control characters removed (${codes}): an ebook cannot hold them` });
    } else removeControlCharacters(child, where, name, warnings);
  }
}

export function loadConfig(configPath: string, overrides: { outDir?: string } = {}): BookConfig {
  const configFile = path.resolve(configPath);
  const name = displayPath(configFile);
  let bytes: Buffer;
  try {
    bytes = readFileSync(configFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BookError(name, '', 'config file not found', 'run in the book folder or pass --config PATH');
    if (code === 'EISDIR') throw new BookError(name, '', 'is a folder, not a config file', 'pass the path of book.config.json');
    throw new BookError(name, '', `cannot be read (${code})`, 'check its permissions');
  }
  const text = decodeConfig(bytes, name);
  const input = parseJson(text.replace(/^\uFEFF/, ''), name);
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new BookError(name, '(top level)', 'must be a JSON object', 'wrap the settings in { … }');
  }
  const warnings: Warning[] = [];
  removeControlCharacters(input, '', name, warnings);
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const problem = firstProblem(parsed.error.issues, configSchema, input);
    const more = problem.more > 0 ? `; ${problem.more} more problem${problem.more > 1 ? 's' : ''} after this one` : '';
    throw new BookError(name, problem.path, problem.message + more);
  }
  const raw = parsed.data;
  const projectDir = path.dirname(configFile);
  const output = { dir: path.resolve(overrides.outDir ?? path.resolve(projectDir, raw.output.dir)), name: raw.output.name ?? slugify(raw.title) };
  checkOutputsOutsideChapters(raw.chapters, projectDir, ['.epub', '.kepub.epub', '.pdf', '.txt'].map((extension) => path.join(output.dir, `${output.name}${extension}`)), name);
  const people = (typeof raw.author === 'string' ? [raw.author] : raw.author).map((p) => (typeof p === 'string' ? { name: p, role: 'author' as const, fileAs: undefined } : p));
  const authorPeople = people.filter((p) => p.role === 'author');
  if (authorPeople.length === 0) throw new BookError(name, 'author', 'names no one with the role "author"', 'list the author first, then editors or translators');
  const authors = authorPeople.map((p) => p.name);
  const isbn = raw.isbn ? isbnDigits(raw.isbn)! : undefined;
  const matter: BookConfig['matter'] = {};
  for (const kind of MATTER_KINDS) {
    const entry: MatterEntry | undefined = raw[kind];
    if (entry === undefined) continue;
    matter[kind] = typeof entry === 'string' ? { text: entry } : { file: resolveAsset(entry.file, projectDir, name, `${kind}.file`), title: entry.title };
  }
  const authorPhoto = raw.print.cover?.authorPhoto ? resolveAsset(raw.print.cover.authorPhoto, projectDir, name, 'print.cover.authorPhoto') : undefined;
  const backCover: MatterSource | undefined = raw.backCover === undefined ? undefined : typeof raw.backCover === 'string' ? { text: raw.backCover } : { file: resolveAsset(raw.backCover.file, projectDir, name, 'backCover.file') };
  return {
    configFile,
    projectDir,
    title: raw.title,
    subtitle: raw.subtitle,
    shortTitle: raw.shortTitle,
    authors,
    authorsFileAs: authorPeople.map((p) => p.fileAs),
    contributors: people.filter((p) => p.role !== 'author').map((p) => ({ name: p.name, role: CONTRIBUTOR_ROLES[p.role], fileAs: p.fileAs })),
    language: Intl.getCanonicalLocales(raw.language)[0]!,
    chapters: resolveChapters(raw.chapters, projectDir, name),
    identifier: raw.identifier ?? (isbn ? `urn:isbn:${isbn}` : derivedIdentifier(raw.title, authors)),
    publisher: raw.publisher,
    rights: raw.rights,
    description: raw.description,
    date: raw.date,
    cover: raw.cover ? resolveAsset(raw.cover, projectDir, name, 'cover') : undefined,
    coverAlt: raw.coverAlt,
    isbn,
    edition: raw.edition,
    credits: raw.credits,
    series: raw.series,
    subjects: raw.subjects,
    matter,
    ...(backCover ? { backCover } : {}),
    ...(authorPhoto ? { authorPhoto } : {}),
    alsoBy: raw.alsoBy.map((entry) => (typeof entry === 'string' ? { title: entry } : entry)),
    ...(raw.links ? { links: raw.links } : {}),
    ...(raw.askForReview ? { askForReview: raw.askForReview } : {}),
    formats: raw.formats,
    manuscript: { txtAsMarkdown: raw.manuscript.txtAsMarkdown, resources: raw.manuscript.resources.map((dir, i) => resourceFolder(dir, projectDir, name, i)) },
    epub: raw.epub,
    fonts: raw.print.font?.regular ? resolveFonts({ ...raw.print.font, regular: raw.print.font.regular }, projectDir, name) : undefined,
    fallbackFonts: (raw.print.font?.fallback ?? []).map((file, i) => resolveAsset(file, projectDir, name, `print.font.fallback[${i}]`, 'font file')),
    output,
    typography: raw.typography,
    print: raw.print,
    notes: raw.notes,
    warnings,
  };
}
