/**
 * pandoc's automatic identifier of a heading's words: lower case; letters, digits and `_ - .` kept;
 * spaces as hyphens; nothing before the first letter. Links to a heading are written with it.
 */
export function slug(words: string): string {
  return words.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}_\-.\s]/gu, '').trim().replace(/\s+/g, '-').replace(/^[^\p{L}]+/u, '') || 'section';
}
