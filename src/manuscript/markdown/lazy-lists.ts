/**
 * pandoc's rule that a list needs a blank line before it: in CommonMark a line starting `- ` or
 * `1. ` inside a paragraph starts a list, so a hard-wrapped line of prose that happens to begin
 * with a dash (`- "Run!" she said`) would lose its dash. Such a line, in a paragraph that did not
 * itself begin as a list, quote or other block, has its marker escaped and stays text.
 */
const LIST_MARKER = /^( {0,3})([-+*]|\d{1,9}[.)])(?=[ \t])/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const NOT_PROSE = /^(?: {4}|\t| {0,3}(?:[>#|<:]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3,}|~{3,}|\{))/;

export function escapeListsInParagraphs(source: string): string {
  if (!/\n {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]/.test(source)) return source;
  const lines = source.split('\n');
  let fence: string | null = null;
  let prose = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line)?.[1];
    if (f && (fence === null || (f[0] === fence[0] && f.length >= fence.length))) {
      fence = fence === null ? f : null;
      prose = false;
      continue;
    }
    if (fence !== null) continue;
    if (/^[ \t]*$/.test(line)) {
      prose = false;
      continue;
    }
    const previousBlank = i === 0 || /^[ \t]*$/.test(lines[i - 1]!);
    if (previousBlank) {
      prose = !NOT_PROSE.test(line);
      continue;
    }
    if (prose) lines[i] = line.replace(LIST_MARKER, (_, space: string, marker: string) => `${space}${marker.length === 1 ? `\\${marker}` : `${marker.slice(0, -1)}\\${marker.slice(-1)}`}`);
  }
  return lines.join('\n');
}
