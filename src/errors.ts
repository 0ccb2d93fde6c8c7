/**
 * A mistake the author can fix. The CLI prints it as one line and exits 1;
 * anything else that escapes is a bug in this program.
 */
export class BookError extends Error {
  constructor(
    /** The file at fault, relative to where the user runs us when possible. */
    readonly file: string,
    /** A JSON path ("chapters[2]") or "line 12"; empty when the whole file is at fault. */
    readonly location: string,
    readonly problem: string,
    /** What to do about it. */
    readonly hint = '',
  ) {
    super([file, location, problem].filter(Boolean).join(': ') + (hint ? ` (${hint})` : ''));
    this.name = 'BookError';
  }
}

/** Non-fatal findings, printed once at the end of a build. */
export interface Warning {
  file: string;
  location?: string;
  message: string;
}
