/**
 * pandoc's fenced divs: a line of three or more colons with classes (`::: poem`, `::: {.verse #id}`)
 * opens a division and a line of colons alone closes it. CommonMark knows no such thing, so each
 * fence line is swapped for an HTML comment the reader recognises: a comment ends its HTML block on
 * its own line and may interrupt a paragraph, so the lines between are read as Markdown and every
 * line keeps its number.
 */

const OPEN = /^ {0,3}:{3,}[ \t]*(?:\{([^}]*)\}|([A-Za-z_][\w-]*))[ \t]*:*[ \t]*$/;
const CLOSE = /^ {0,3}:{3,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export const DIV_OPEN = 'book:div';
export const DIV_CLOSE = 'book:/div';

export function markFencedDivs(source: string): string {
  if (!source.includes(':::')) return source;
  let fence: string | null = null;
  let depth = 0;
  return source
    .split('\n')
    .map((line) => {
      const f = FENCE.exec(line)?.[1];
      if (f && (fence === null || (f[0] === fence[0] && f.length >= fence.length))) {
        fence = fence === null ? f : null;
        return line;
      }
      if (fence !== null) return line;
      const open = OPEN.exec(line);
      if (open) {
        depth++;
        const classes = open[1] !== undefined ? attributeClasses(open[1]) : [open[2]!];
        return `<!--${DIV_OPEN} ${classes.join(' ')}-->`;
      }
      if (CLOSE.test(line) && depth > 0) {
        depth--;
        return `<!--${DIV_CLOSE}-->`;
      }
      return line;
    })
    .join('\n');
}

/** The classes of a pandoc attribute list: `.poem .centered #id key=value` → ["poem", "centered"]. */
export function attributeClasses(attributes: string): string[] {
  const classes = [...attributes.matchAll(/(?:^|\s)\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!);
  // pandoc's Word reader keeps a paragraph style as custom-style="Intense Quote".
  const style = /custom-style\s*=\s*"([^"]+)"/.exec(attributes)?.[1];
  if (style) classes.push(style.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  return classes;
}

/** The id of a pandoc attribute list (`{#the-storm .unnumbered}`), or Leanpub's `{id: the-storm}`. */
export function attributeId(attributes: string): string | undefined {
  return /(?:^|\s)#([\w:.-]+)/.exec(attributes)?.[1] ?? /(?:^|[\s,])id\s*:\s*"?([\w:.-]+)"?/.exec(attributes)?.[1];
}
