import { createRequire } from 'node:module';

/** The part of fontkit the typesetter calls on. */
export interface Fontkit {
  create(data: Buffer): unknown;
}

let fontkit: Fontkit | undefined;

/**
 * fontkit, loaded when a font is first read rather than at start-up (it takes a tenth of a second
 * or more to load): a rebuild that recalls every measurement never loads it.
 */
export function loadFontkit(): Fontkit {
  fontkit ??= createRequire(import.meta.url)('fontkit') as Fontkit;
  return fontkit;
}

/** Uses the fontkit this thread has already loaded (pdfkit's, on the PDF thread): one copy per thread. */
export function useFontkit(loaded: Fontkit): void {
  fontkit ??= loaded;
}
