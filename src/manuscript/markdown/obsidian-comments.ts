/**
 * Obsidian's comments, `%% notes to self %%` (inline, or over several lines): never text. Each is
 * taken out with its line breaks kept, so the lines after it keep their numbers. Code is left alone.
 */
export function removeObsidianComments(source: string): string {
  if (!source.includes('%%')) return source;
  // Code fences and code spans are kept whole; only text outside them loses its comments.
  return source.replace(/(^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[ \t]*$|(?![\s\S])))|(`+)[^`]*?\3|%%[\s\S]*?%%/gm, (whole, fence: string | undefined, _f, tick: string | undefined) => (fence !== undefined || tick !== undefined ? whole : whole.replace(/[^\n]/g, '')));
}
