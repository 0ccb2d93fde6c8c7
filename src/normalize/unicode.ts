import { CONTROL_CHARACTERS } from '../characters.ts';

/**
 * Unicode NFC, so "é" typed as e + combining accent is one character everywhere downstream; and
 * control characters out, so every output holds the same text.
 */
export function composeUnicode(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').normalize('NFC');
}
