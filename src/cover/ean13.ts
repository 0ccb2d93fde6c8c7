// The EAN-13 symbol of an ISBN-13 (GS1 General Specifications, 5.2.1): 95 modules, bars as 1s.

const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
/** G codes are the R codes read backwards; R codes are the L codes inverted. */
const R = L.map((code) => [...code].map((bit) => (bit === '1' ? '0' : '1')).join(''));
const G = R.map((code) => [...code].reverse().join(''));
/** Which of the left six digits use G rather than L, by the first digit (which is not drawn). */
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

/** The check digit that completes twelve digits. */
export function ean13CheckDigit(twelve: string): number {
  const sum = [...twelve].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** The 95 modules of the symbol for thirteen digits ("1" a bar, "0" a space); throws on a wrong check digit. */
export function ean13Modules(digits: string): string {
  if (!/^\d{13}$/.test(digits)) throw new Error(`an EAN-13 needs 13 digits, not "${digits}"`);
  if (ean13CheckDigit(digits.slice(0, 12)) !== Number(digits[12])) throw new Error(`"${digits}" has a wrong check digit`);
  const parity = PARITY[Number(digits[0])]!;
  let modules = '101';
  for (let i = 1; i <= 6; i++) modules += (parity[i - 1] === 'L' ? L : G)[Number(digits[i])]!;
  modules += '01010';
  for (let i = 7; i <= 12; i++) modules += R[Number(digits[i])]!;
  return `${modules}101`;
}

/** Runs of bars as [first module, width in modules], for drawing. */
export function barRuns(modules: string): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < modules.length; i++) {
    if (modules[i] !== '1') continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  }
  return runs;
}
