import { createRequire } from 'node:module';

// The YAML parser is loaded by the first chapter that has front matter: most books have none.
const require = createRequire(import.meta.url);
const parse = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);

/** What a chapter's YAML front matter may say; other keys are the writer's own and ignored. */
export interface FrontMatter {
  title?: string;
  subtitle?: string;
  /** The title as running heads show it (`short`, or `short_title` / `shortTitle`). */
  short?: string;
  /** A byline under the title: one author or several. */
  authors?: string[];
  /** The whole chapter is verse: each line of a paragraph is a line of the poem. */
  verse?: boolean;
}

const FENCE = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits a leading `---` … `---` YAML block from the chapter. The block's lines are kept as blank
 * lines, so the line numbers of the rest are the file's. Null `matter` when the block is not YAML
 * that reads as a mapping (it is then left as it was: a thematic break and text, as CommonMark has it).
 */
export function splitFrontMatter(source: string): { matter: FrontMatter | null; body: string; error?: string } {
  const match = FENCE.exec(source);
  if (!match) return { matter: null, body: source };
  let data: unknown;
  try {
    data = parse(match[1]!);
  } catch (error) {
    return { matter: null, body: source, error: `its front matter is not valid YAML (${String((error as Error).message).split('\n')[0]})` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { matter: null, body: source };
  const record = data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined);
  const authorsOf = (value: unknown): string[] | undefined => {
    const list = (Array.isArray(value) ? value : [value]).map((v) => (v && typeof v === 'object' && 'name' in v ? text((v as { name: unknown }).name) : text(v))).filter((v): v is string => Boolean(v));
    return list.length > 0 ? list : undefined;
  };
  const matter: FrontMatter = {
    title: text(record.title),
    subtitle: text(record.subtitle),
    short: text(record.short ?? record.short_title ?? record.shortTitle),
    authors: authorsOf(record.author ?? record.authors),
    verse: record.verse === true || record.type === 'verse' || record.type === 'poem' || undefined,
  };
  const lines = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  return { matter, body: '\n'.repeat(lines) + source.slice(match[0].length) };
}
