/**
 * Superscripts and subscripts as the Unicode characters for them (¹⁰, H₂O, 19ᵗʰ): a face that has
 * them draws them at its designer's size and height, which no scaled glyph of ours would match.
 * Text with a character that has no such form stays as it is.
 */
const SUPERSCRIPT: Record<string, string> = Object.fromEntries(
  [...'0123456789+-=()ni'].map((c, i) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ'[i]!]).concat([...'abcdefghjklmoprstuvwxyz'].map((c, i) => [c, 'ᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'[i]!])),
);
const SUBSCRIPT: Record<string, string> = Object.fromEntries([...'0123456789+-=()aehklmnopstx'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕₖₗₘₙₒₚₛₜₓ'[i]!]));

export function scriptText(text: string, kind: 'superscript' | 'subscript'): string {
  const table = kind === 'superscript' ? SUPERSCRIPT : SUBSCRIPT;
  const chars = [...text];
  return chars.every((c) => table[c] !== undefined) ? chars.map((c) => table[c]).join('') : text;
}

const PLAIN = new Map<string, string>([...Object.entries(SUPERSCRIPT), ...Object.entries(SUBSCRIPT)].map(([plain, script]) => [script, plain]));

/** Script characters a face lacks, back to the plain characters they stand for. */
export function unscriptMissing(text: string, has: (char: string) => boolean): string {
  return text.replace(/[\u2070-\u209F\u1D00-\u1DBF\u02B0-\u02FF\u00B9\u00B2\u00B3]/g, (c) => (PLAIN.has(c) && !has(c) ? PLAIN.get(c)! : c));
}

/**
 * Struck-through words as the face's combining long stroke after each character (l̶o̶s̶t̶): the
 * face draws it to its own stroke, and it follows the words through justification and line breaks.
 */
export const STRIKE = '\u0336';

export function decorate(text: string, mark: string): string {
  return text.replace(/\S\p{M}*/gu, (c) => c + mark);
}

/** Decoration marks a face lacks, dropped: the words stay. */
export function undecorateMissing(text: string, has: (char: string) => boolean): string {
  let out = text;
  for (const mark of [STRIKE]) if (out.includes(mark) && !has(mark)) out = out.split(mark).join('');
  return out;
}
