/**
 * "..." and ". . ." become "…". Four periods are a sentence's period followed by an ellipsis
 * ("smile.... People" → "smile.… People"); longer runs are left for the author to decide.
 */
export function ellipses(text: string): string {
  return text
    .replace(/(?<!\.)\.\.\.\.(?!\.)/g, '.…')
    .replace(/(?<![.\s])\.\.\.\.(?!\.)/g, '.…')
    .replace(/(?<!\.)\.\.\.(?!\.)/g, '…')
    .replace(/(?<!\.)\. \. \.(?! \.)/g, '…')
    .replace(/(?<!\.)\. \. \. \.(?! \.)/g, '.…');
}
