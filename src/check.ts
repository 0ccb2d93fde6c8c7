import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from './build.ts';
import { loadConfig } from './config/load.ts';
import { BookError } from './errors.ts';
import { epubcheck, type EpubCheckReport } from './epubcheck.ts';
import { undoneOnInterrupt } from './interrupt.ts';

export interface CheckResult {
  build: BuildResult;
  epubcheck: EpubCheckReport;
}

/** Validates config and manuscript by building into a temporary folder, and runs EPUBCheck on the EPUB; nothing is written to dist/. */
export async function checkBook(config: string): Promise<CheckResult> {
  const out = mkdtempSync(path.join(tmpdir(), 'book-check-'));
  // Interrupted, the check leaves no folder behind (a whole EPUB and PDF were left before).
  return undoneOnInterrupt(() => rmSync(out, { recursive: true, force: true }), () => checkInto(config, out));
}

async function checkInto(config: string, out: string): Promise<CheckResult> {
  try {
    // The PDF too: the EPUB's page list comes from it. A kepub is checked when the config asks for one.
    const wanted = loadConfig(config).formats;
    const result = await build({ config, out, formats: ['epub', 'pdf', ...wanted.filter((format) => format !== 'epub' && format !== 'pdf' && format !== 'text')] });
    const reports: EpubCheckReport[] = [];
    for (const file of result.files.filter((f) => f.format !== 'pdf' && f.format !== 'text' && f.format !== 'cover')) {
      try {
        const report = await epubcheck(file.path);
        reports.push({ ...report, messages: report.messages.map((message) => (file.format === 'epub' ? message : `${file.format}: ${message}`)) });
      } catch (error) {
        throw new BookError('EPUBCheck', '', (error as Error).message, 'install a Java runtime (17 or newer) to validate EPUBs');
      }
    }
    const sum = (key: 'fatals' | 'errors' | 'warnings') => reports.reduce((total, report) => total + report[key], 0);
    return { build: result, epubcheck: { fatals: sum('fatals'), errors: sum('errors'), warnings: sum('warnings'), messages: reports.flatMap((report) => report.messages) } };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
