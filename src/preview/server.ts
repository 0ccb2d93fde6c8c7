// `book preview`: builds, serves the built files and a page that shows them (the ebook in a
// reading engine at device sizes, the print edition as spreads), rebuilds on every save as
// --watch does, and tells the open page of each build (server-sent events). It reads what the
// writers made and nothing else: the build's result and the files it names.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BuildResult } from '../build.ts';
import { BookError } from '../errors.ts';
import { previewPage } from './page.ts';

/** What the page is told of a build. */
export interface PreviewState {
  /** Counts builds: the page reloads its views when it grows. */
  version: number;
  /** The last build's error (the files shown are the last good build's). */
  error?: string;
  files: { epub?: string; pdf?: string; cover?: string };
  /** Trim size in points, for the spreads. */
  trim?: { width: number; height: number };
  /** PDF pages before body page 1, to show a PDF page by its printed number. */
  frontPages?: number;
  contents: { title: string; epub?: string; page?: number }[];
  warnings: { text: string; epub?: string; page?: number }[];
}

const require = createRequire(import.meta.url);

/** The reading engines the page loads, by the only addresses it may ask for them at. */
const ASSETS: Record<string, { module: string; type: string }> = {
  '/app/jszip.js': { module: 'jszip/dist/jszip.min.js', type: 'text/javascript' },
  '/app/epub.js': { module: 'epubjs/dist/epub.min.js', type: 'text/javascript' },
  '/app/pdf.mjs': { module: 'pdfjs-dist/build/pdf.min.mjs', type: 'text/javascript' },
  '/app/pdf.worker.mjs': { module: 'pdfjs-dist/build/pdf.worker.min.mjs', type: 'text/javascript' },
};

const TYPES: Record<string, string> = { '.epub': 'application/epub+zip', '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.txt': 'text/plain; charset=utf-8' };

/** The state a build's result gives the page: its files by kind, its contents, its warnings linked to where they are. */
export function previewState(result: BuildResult, version: number): PreviewState {
  const named = (format: string) => {
    const file = result.files.find((f) => f.format === format);
    return file ? path.basename(file.path) : undefined;
  };
  const contents = result.contents.map(({ title, epub, page }) => ({ title, ...(epub ? { epub } : {}), ...(page ? { page } : {}) }));
  const bySource = new Map(result.contents.map((entry) => [entry.source, entry]));
  const warnings = result.warnings.map((warning) => {
    const at = bySource.get(warning.file);
    return { text: [warning.file, warning.location, warning.message].filter(Boolean).join(': '), ...(at?.epub ? { epub: at.epub } : {}), ...(at?.page ? { page: at.page } : {}) };
  });
  // A page breaking a pagination rule: linked to its page (the report gives the printed number; the PDF's page is found by the page's chapter).
  for (const entry of result.pageReport ?? []) warnings.push({ text: `page ${entry.folio} (${entry.chapter}): ${entry.rule}`, ...(bySource.get(entry.chapter)?.epub ? { epub: bySource.get(entry.chapter)!.epub! } : {}), page: entry.folio + (result.print?.frontPages ?? 0) });
  const design = result.print?.design;
  return {
    version,
    files: { epub: named('epub'), pdf: named('pdf'), cover: named('print-cover') },
    ...(design ? { trim: { width: design.width, height: design.height }, frontPages: result.print!.frontPages } : {}),
    contents,
    warnings,
  };
}

export interface PreviewServer {
  url: string;
  /** Tells the open pages of a build (or of a failed one). */
  publish(state: PreviewState): void;
  close(): Promise<void>;
}

/**
 * Serves on 127.0.0.1 only, at `port` (a free one when 0). Answers its page, the reading engines,
 * the files of the last build by their names, the state and its events; anything else is 404,
 * with no listing of any folder.
 */
export async function servePreview(options: { port: number; outDir: string; title: string }): Promise<PreviewServer> {
  let state: PreviewState = { version: 0, files: {}, contents: [], warnings: [] };
  const listeners = new Set<ServerResponse>();
  const page = previewPage(options.title);
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = url.pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405);
    if (route === '/') return send(response, 200, 'text/html; charset=utf-8', page);
    if (route === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
    if (route === '/state') return send(response, 200, 'application/json', JSON.stringify(state));
    if (route === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(`event: build\ndata: ${JSON.stringify(state)}\n\n`);
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    const asset = ASSETS[route];
    if (asset) return send(response, 200, asset.type, readFileSync(require.resolve(asset.module)));
    const match = /^\/files\/([^/]+)$/.exec(route);
    // Only the files the last build made, by their exact names: no path reaches anything else.
    const name = match ? decodeURIComponent(match[1]!) : undefined;
    const built = Object.values(state.files).filter(Boolean) as string[];
    if (name && built.includes(name)) {
      try {
        return send(response, 200, TYPES[path.extname(name)] ?? 'application/octet-stream', readFileSync(path.join(options.outDir, name)));
      } catch {
        return refuse(response, 404);
      }
    }
    return refuse(response, 404);
  };
  const server: Server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      refuse(response, 500);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new BookError('--port', '', `port ${options.port} is in use`, 'choose another with --port, or leave --port out for a free one'));
      else if (error.code === 'EACCES') reject(new BookError('--port', '', `port ${options.port} may not be used by this user`, 'choose one above 1023'));
      else reject(error);
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    publish(next) {
      state = next;
      for (const listener of listeners) listener.write(`event: build\ndata: ${JSON.stringify(state)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of listeners) listener.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

function refuse(response: ServerResponse, status: number): void {
  send(response, status, 'text/plain; charset=utf-8', status === 404 ? 'not found' : 'refused');
}
