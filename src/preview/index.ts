// `book preview`: a build, the preview server, and a rebuild on every save (as --watch does).
import { build, type BuildResult, type Format } from '../build.ts';
import { loadConfig } from '../config/load.ts';
import { BookError } from '../errors.ts';
import { watchBook } from '../watch.ts';
import { previewState, servePreview, type PreviewState } from './server.ts';

export interface PreviewOptions {
  config: string;
  /** 0 or undefined: a free port. */
  port?: number;
  out?: string;
  /** Told of each build (a line for the terminal). */
  log?: (line: string, result?: BuildResult) => void;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const config = loadConfig(options.config, { outDir: options.out });
  const log = options.log ?? (() => {});
  // Both views need their file, whatever else the config builds.
  const formats = [...new Set<Format>(['epub', 'pdf', ...config.formats])];
  const server = await servePreview({ port: options.port ?? 0, outDir: config.output.dir, title: config.title });
  let version = 0;
  let last: PreviewState | undefined;
  const rebuild = async () => {
    const started = performance.now();
    try {
      const result = await build({ config: options.config, out: options.out, formats });
      last = previewState(result, ++version);
      server.publish(last);
      log(`${new Date().toLocaleTimeString()} built in ${((performance.now() - started) / 1000).toFixed(2)} s${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''}`, result);
    } catch (error) {
      if (!(error instanceof BookError)) throw error;
      server.publish({ ...(last ?? { version, files: {}, contents: [], warnings: [] }), error: error.message });
      log(`${new Date().toLocaleTimeString()} error: ${error.message} (the last good build is shown)`);
    }
  };
  await rebuild();
  const watcher = watchBook({ projectDir: config.projectDir, ignore: [config.output.dir], rebuild });
  return {
    url: server.url,
    close: async () => {
      watcher.close();
      await server.close();
    },
  };
}
