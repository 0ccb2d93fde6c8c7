import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import path from 'node:path';
import { build, FORMATS, type BuildResult, type Format } from './build.ts';
import { checkBook } from './check.ts';
import { loadConfig } from './config/load.ts';
import { initBook } from './init.ts';
import { watchBook } from './watch.ts';
import type { Warning } from './errors.ts';
import { displayPath } from './config/paths.ts';
import { BookError } from './errors.ts';
import { PendingOutputs } from './output.ts';
import { CONTROL_CHARACTERS } from './characters.ts';
import { undoAll } from './interrupt.ts';

function parseFormats(value: string | undefined): Format[] | undefined {
  if (value === undefined) return undefined;
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const format of formats) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new BookError('--format', '', `unknown format "${format}"`, `use ${FORMATS.join(', ')} (comma-separated)`);
  }
  return formats as Format[];
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** A message for the terminal: a control character in it (an ESC from a file name or a manuscript) would be acted on, so it is shown as its code. */
function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function printWarnings(warnings: readonly Warning[]): void {
  for (const warning of warnings) console.error(printable(`warning: ${[warning.file, warning.location, warning.message].filter(Boolean).join(': ')}`));
}

/** Progress on a terminal for builds that take a while; nothing in CI or when output is piped. */
function progressReporter(): ((stage: string) => void) | undefined {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  const started = performance.now();
  return (stage) => {
    if (performance.now() - started > 1000) process.stderr.write(`\r\x1b[K${stage}…`);
  };
}

/** The print edition's pages that break a pagination rule, one line each, for `--report`. */
function printPageReport(result: BuildResult): void {
  if (result.pages === undefined) return console.log('page report: no print edition was built (add pdf to --format)');
  const report = result.pageReport ?? [];
  if (report.length === 0) return console.log(`page report: no page of ${result.pages} breaks a pagination rule`);
  console.log(`page report: ${report.length} page(s) break a pagination rule (the order rules give way: src/typeset/page-rules.ts)`);
  for (const entry of report) console.log(printable(`  page ${entry.folio} (${entry.chapter}): ${entry.rule}`));
}

async function buildOnce(args: { config: string; out?: string; format?: string; report?: boolean; guides?: boolean }): Promise<void> {
  const started = performance.now();
  const progress = progressReporter();
  let result;
  try {
    result = await build({ config: args.config, out: args.out, formats: parseFormats(args.format), onProgress: progress, guides: args.guides });
  } finally {
    if (progress) process.stderr.write('\r\x1b[K');
  }
  for (const file of result.files) {
    const extra = file.format === 'pdf' && result.pages ? `, ${result.pages} pages` : '';
    console.log(`wrote ${displayPath(file.path)} (${size(file.bytes)}${extra})`);
  }
  printWarnings(result.warnings);
  if (args.report) printPageReport(result);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

async function runBuild(args: { config: string; out?: string; format?: string; watch?: boolean; report?: boolean; guides?: boolean }): Promise<void> {
  if (!args.watch) return buildOnce(args);
  const config = loadConfig(args.config, { outDir: args.out });
  const rebuild = async () => {
    const started = performance.now();
    try {
      const result = await build({ config: args.config, out: args.out, formats: parseFormats(args.format), guides: args.guides });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      console.log(`${new Date().toLocaleTimeString()} built ${result.files.map((f) => path.basename(f.path)).join(', ')} in ${seconds} s${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''}`);
      printWarnings(result.warnings);
    } catch (error) {
      if (!(error instanceof BookError)) throw error;
      console.error(printable(`${new Date().toLocaleTimeString()} error: ${error.message} (the last good output is kept)`));
    }
  };
  await rebuild();
  watchBook({ projectDir: config.projectDir, ignore: [config.output.dir], rebuild });
  // Told once the folders are watched: a chapter saved the moment this line shows is seen.
  console.log(`watching ${displayPath(config.projectDir) || '.'} for changes (Ctrl-C to stop)`);
  await new Promise(() => {});
}

async function runCheck(args: { config: string; print?: boolean }): Promise<void> {
  const result = await checkBook(args.config, { print: args.print });
  printWarnings(result.build.warnings);
  const failures = result.preflight ?? [];
  for (const failure of failures) console.error(printable(`print: ${failure.message}`));
  const { epubcheck } = result;
  for (const message of epubcheck.messages) console.error(message);
  const problems = epubcheck.fatals + epubcheck.errors + epubcheck.warnings;
  if (problems > 0) throw new BookError('EPUBCheck', '', `${epubcheck.errors + epubcheck.fatals} error(s) and ${epubcheck.warnings} warning(s) in the EPUB`, 'this is a bug in book if your input is valid; please report it');
  if (failures.length > 0) throw new BookError('book check --print', '', `${failures.length} rule(s) of the printer broken (listed above)`, 'fix each, then check again');
  const printed = args.print ? ', the interior and the cover against the printer\'s rules' : '';
  console.log(`ok: config, ${result.build.files.length} files and EPUBCheck 5 (0 errors, 0 warnings)${printed}${result.build.warnings.length ? `; ${result.build.warnings.length} warning(s) above` : ''}`);
}

async function runPreview(args: { config: string; out?: string; port?: number }): Promise<void> {
  if (args.port !== undefined && (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)) throw new BookError('--port', '', `"${args.port}" is not a port number`, 'give a whole number from 1 to 65535, or leave it out for a free port');
  const { startPreview } = await import('./preview/index.ts');
  const preview = await startPreview({ config: args.config, out: args.out, port: args.port, log: (line, result) => {
    console.log(printable(line));
    if (result) printWarnings(result.warnings);
  } });
  console.log(`preview at ${preview.url} (rebuilt on every save; Ctrl-C to stop)`);
  // Ctrl-C ends the preview: the server and the watchers close, and nothing half-built is left.
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => {
        PendingOutputs.discardAll();
        undoAll();
        void preview.close().then(resolve);
      });
    }
  });
  console.log('preview stopped');
}

async function runProof(args: { config: string; out?: string; pages?: string }): Promise<void> {
  const { proofSheet } = await import('./preview/proof.ts');
  const config = loadConfig(args.config);
  const result = await build({ config: args.config, formats: ['pdf'] });
  const pdf = result.files.find((file) => file.format === 'pdf')!.path;
  const png = path.resolve(args.out ?? path.join(config.output.dir, `${config.output.name}-proof.png`));
  const sheet = await proofSheet(pdf, png, { pages: args.pages, trim: result.print!.design });
  console.log(`wrote ${displayPath(png)} (${sheet.width} × ${sheet.height} pixels, pages ${sheet.first}–${sheet.last} of ${result.pages})`);
}

/** The option every command that reads a book takes. */
const withConfig = (y: Argv) => y.option('config', { alias: 'c', type: 'string', default: 'book.config.json', describe: 'Path of the book config' });

/** Exit codes: 0 built, 1 the author's mistake (one line, no stack), 2 a bug in this program. */
const asksForHelp = (argv: readonly string[]) => argv.some((arg) => arg === '--help' || arg === '-h' || arg === 'help');

export async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('book')
      .command(
        'init [dir]',
        'Start a new book: config, first chapter, .gitignore, README and a release workflow',
        (y: Argv) => y.positional('dir', { type: 'string', default: '.', describe: 'Folder for the new book' }),
        (args) => {
          for (const file of initBook(String(args.dir))) console.log(`created ${file}`);
          console.log('next: npm install, then npm run book');
        },
      )
      .command(
        'check',
        'Validate the config and manuscript and run EPUBCheck on a fresh build, writing nothing to dist/',
        (y: Argv) =>
          withConfig(y)
            .option('print', { type: 'boolean', default: false, describe: "Also check the interior and the cover against the printer's rules (print.pod)" }),
        (args) => runCheck(args as unknown as { config: string; print: boolean }),
      )
      .command(
        'build',
        'Build the book into EPUB, PDF and/or plain text',
        (y: Argv) =>
          withConfig(y)
            .option('out', { alias: 'o', type: 'string', describe: "Output folder (default: the config's output.dir, dist)" })
            .option('format', { alias: 'f', type: 'string', describe: `Formats to build, comma-separated: ${FORMATS.join(', ')} (default: the config's "formats", else epub,pdf)` })
            .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 'Rebuild whenever the config or a chapter changes' })
            .option('report', { type: 'boolean', default: false, describe: 'List the print pages that break a pagination rule (widow, runt, uneven spread …)' })
            .option('guides', { type: 'boolean', default: false, describe: 'With print.pod: also <name>-cover-guides.pdf, the cover with trim, folds, safe area and barcode box drawn' }),
        (args) => runBuild(args as unknown as { config: string; out?: string; format?: string; watch: boolean }),
      )
      .command(
        'preview',
        'Build, then show the ebook at device sizes and the print spreads in the browser, rebuilt on every save',
        (y: Argv) =>
          withConfig(y)
            .option('out', { alias: 'o', type: 'string', describe: "Output folder (default: the config's output.dir, dist)" })
            .option('port', { alias: 'p', type: 'number', describe: 'Port on 127.0.0.1 (default: a free one)' }),
        (args) => runPreview(args as unknown as { config: string; out?: string; port?: number }),
      )
      .command(
        'proof',
        'A contact sheet PNG of the print edition\'s spreads, for a pull request or a quick look',
        (y: Argv) =>
          withConfig(y)
            .option('pages', { type: 'string', describe: 'Pages to show, as "1-40" (default: the first 40)' })
            .option('out', { alias: 'o', type: 'string', describe: 'Where to write the PNG (default: <output dir>/<name>-proof.png)' }),
        (args) => runProof(args as unknown as { config: string; out?: string; pages?: string }),
      )
      .demandCommand(1, 'Name a command: book build')
      .strict()
      .fail((message, error) => {
        throw error ?? new BookError('book', '', message, 'see book --help');
      })
      .help()
      // yargs lays out the help after every command, in case the command asks to show it (ours
      // never do): unwrapped, that takes no time. Help asked for is wrapped to the terminal as usual.
      .wrap(asksForHelp(argv) ? Math.min(80, process.stdout.columns || 80) : null)
      .version(false)
      .parseAsync();
    return 0;
  } catch (error) {
    if (error instanceof BookError) {
      console.error(printable(`error: ${error.message}`));
      return 1;
    }
    console.error('internal error (a bug in book; please report it):');
    console.error(error instanceof Error ? error.stack : error);
    return 2;
  }
}

// An interrupted build leaves the previous output as it was and no temporary file behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => {
    PendingOutputs.discardAll();
    undoAll();
    console.error(`\ninterrupted: nothing was written; the previous files are untouched`);
    process.exit(130);
  });
}

process.exitCode = await main(hideBin(process.argv));
