import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from './build.ts';
import { loadConfig } from './config/load.ts';
import { BookError } from './errors.ts';
import { epubcheck, type EpubCheckReport } from './epubcheck.ts';
import { undoneOnInterrupt } from './interrupt.ts';
import { displayPath } from './config/paths.ts';
import { preflight, type PreflightFailure } from './pdf/preflight.ts';
import { toPoints } from './typeset/design.ts';
import { STORES } from './model/stores.ts';

/** The files EPUBCheck reads: every EPUB a build makes. */
const EBOOKS: readonly string[] = ['epub', 'kepub', ...STORES];

export interface CheckResult {
  build: BuildResult;
  epubcheck: EpubCheckReport;
  /** With `print`: each rule of the printer (print.pod) the interior or the cover breaks. */
  preflight?: PreflightFailure[];
}

/**
 * Validates config and manuscript by building into a temporary folder, and runs EPUBCheck on the
 * EPUB; with `print`, also checks the interior and the cover against the printer's rules. Nothing
 * is written to dist/.
 */
export async function checkBook(config: string, options: { print?: boolean } = {}): Promise<CheckResult> {
  const out = mkdtempSync(path.join(tmpdir(), 'book-check-'));
  // Interrupted, the check leaves no folder behind (a whole EPUB and PDF were left before).
  return undoneOnInterrupt(() => rmSync(out, { recursive: true, force: true }), () => checkInto(config, out, options.print ?? false));
}

async function checkInto(config: string, out: string, print: boolean): Promise<CheckResult> {
  try {
    const loaded = loadConfig(config);
    const pod = loaded.print.pod;
    if (print && !pod) throw new BookError(displayPath(config), 'print.pod', 'names no printer to check the print files against', 'add "print": { "pod": { "printer": "kdp", "paper": "white" } }');
    // The PDF too: the EPUB's page list comes from it. A kepub is checked when the config asks for one.
    const wanted = loaded.formats;
    const result = await build({ config, out, formats: ['epub', 'pdf', ...wanted.filter((format) => format !== 'epub' && format !== 'pdf' && format !== 'text')] });
    const reports: EpubCheckReport[] = [];
    for (const file of result.files.filter((f) => EBOOKS.includes(f.format))) {
      try {
        const report = await epubcheck(file.path);
        reports.push({ ...report, messages: report.messages.map((message) => (file.format === 'epub' ? message : `${file.format}: ${message}`)) });
      } catch (error) {
        throw new BookError('EPUBCheck', '', (error as Error).message, 'install a Java runtime (17 or newer) to validate EPUBs');
      }
    }
    const sum = (key: 'fatals' | 'errors' | 'warnings') => reports.reduce((total, report) => total + report[key], 0);
    let failures: PreflightFailure[] | undefined;
    if (print && pod && result.print) {
      const file = (format: string) => result.files.find((f) => f.format === format);
      const interior = file('pdf')!;
      const cover = file('print-cover');
      failures = preflight({
        printer: pod.printer,
        paper: pod.paper,
        spine: pod.spine === undefined ? undefined : toPoints(pod.spine) / 72,
        pdfx: loaded.print.pdfx === 'x-1a',
        ...result.print,
        interior: { name: `${loaded.output.name}.pdf`, bytes: readFileSync(interior.path) },
        ...(cover ? { coverFile: { name: `${loaded.output.name}-cover.pdf`, bytes: readFileSync(cover.path) } } : {}),
      });
    }
    const epubcheckReport = { fatals: sum('fatals'), errors: sum('errors'), warnings: sum('warnings'), messages: reports.flatMap((report) => report.messages) };
    return { build: result, epubcheck: epubcheckReport, ...(failures ? { preflight: failures } : {}) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
