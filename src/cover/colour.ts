// Colours for print, in CMYK: printers take DeviceCMYK (PDF/X-1a allows nothing else for colour).

/** Cyan, magenta, yellow and black, each 0 to 1. */
export type Cmyk = readonly [number, number, number, number];

export const BLACK: Cmyk = [0, 0, 0, 1];
export const WHITE: Cmyk = [0, 0, 0, 0];

/**
 * "#rrggbb" as CMYK by the device formula (black from the darkest channel, the rest under it),
 * without a colour profile: what the eye chose on screen, near enough for a cover's flat colours.
 * Rounded to whole percent, so the same colour always writes the same operators.
 */
export function hexToCmyk(hex: string): Cmyk {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const k = 1 - Math.max(r, g, b);
  const percent = (value: number) => Math.round(value * 100) / 100;
  if (k >= 1) return BLACK;
  return [percent((1 - r - k) / (1 - k)), percent((1 - g - k) / (1 - k)), percent((1 - b - k) / (1 - k)), percent(k)];
}
