import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { build, FORMATS, type Format } from './build.ts';
import { displayPath } from './config/paths.ts';
import { BookError } from './errors.ts';

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const format of formats) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new BookError('--format', '', `unknown format "${format}"`, `use ${FORMATS.join(', ')} (comma-separated)`);
  }
  return formats as Format[];
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

async function runBuild(args: { config: string; out?: string; format: string }): Promise<void> {
  const started = performance.now();
  const result = await build({ config: args.config, out: args.out, formats: parseFormats(args.format) });
  for (const file of result.files) {
    const extra = file.format === 'pdf' && result.pages ? `, ${result.pages} pages` : '';
    console.log(`wrote ${displayPath(file.path)} (${size(file.bytes)}${extra})`);
  }
  for (const warning of result.warnings) console.error(`warning: ${[warning.file, warning.location, warning.message].filter(Boolean).join(': ')}`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

/** Exit codes: 0 built, 1 the author's mistake (one line, no stack), 2 a bug in this program. */
export async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('book')
      .command(
        'build',
        'Build the book into EPUB, PDF and/or plain text',
        (y: Argv) =>
          y
            .option('config', { alias: 'c', type: 'string', default: 'book.config.json', describe: 'Path of the book config' })
            .option('out', { alias: 'o', type: 'string', describe: "Output folder (default: the config's output.dir, dist)" })
            .option('format', { alias: 'f', type: 'string', default: 'epub,pdf', describe: `Formats to build: ${FORMATS.join(', ')}` }),
        (args) => runBuild(args as unknown as { config: string; out?: string; format: string }),
      )
      .demandCommand(1, 'Name a command: book build')
      .strict()
      .fail((message, error) => {
        throw error ?? new BookError('book', '', message, 'see book --help');
      })
      .help()
      .version(false)
      .parseAsync();
    return 0;
  } catch (error) {
    if (error instanceof BookError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error('internal error (a bug in book; please report it):');
    console.error(error instanceof Error ? error.stack : error);
    return 2;
  }
}

process.exitCode = await main(hideBin(process.argv));
