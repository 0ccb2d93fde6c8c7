/** Unicode NFC, so "é" typed as e + combining accent is one character everywhere downstream. */
export function composeUnicode(text: string): string {
  return text.normalize('NFC');
}
