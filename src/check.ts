import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from './build.ts';
import { BookError } from './errors.ts';
import { epubcheck, type EpubCheckReport } from './epubcheck.ts';

export interface CheckResult {
  build: BuildResult;
  epubcheck: EpubCheckReport;
}

/** Validates config and manuscript by building into a temporary folder, and runs EPUBCheck on the EPUB; nothing is written to dist/. */
export async function checkBook(config: string): Promise<CheckResult> {
  const out = mkdtempSync(path.join(tmpdir(), 'book-check-'));
  try {
    const result = await build({ config, out, formats: ['epub', 'pdf'] });
    const epub = result.files.find((f) => f.format === 'epub')!.path;
    let report: EpubCheckReport;
    try {
      report = await epubcheck(epub);
    } catch (error) {
      throw new BookError('EPUBCheck', '', (error as Error).message, 'install a Java runtime (17 or newer) to validate EPUBs');
    }
    return { build: result, epubcheck: report };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
