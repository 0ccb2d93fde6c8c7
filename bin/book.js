#!/usr/bin/env node
// Runs the TypeScript CLI from a checkout as it is (after `npm ci`), with no build step to forget.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledCli } from './compile.js';

// Ctrl-C before the CLI has loaded: nothing has been written yet. The CLI installs its own handler.
const early = () => process.exit(130);
process.on('SIGINT', early);
process.on('SIGTERM', early);

const root = path.resolve(import.meta.dirname, '..');
const compiled = compiledCli(root);
async function fromSources() {
  // No writable cache (a read-only checkout), or a bundle that would not load: compile each module as it loads instead.
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}

let loaded = false;
if (compiled) {
  try {
    await import(pathToFileURL(compiled).href);
    loaded = true;
  } catch (error) {
    // What a damaged bundle does (cut short, a chunk missing), not what the CLI reports itself.
    if (!(error instanceof SyntaxError) && error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(`book: the compiled CLI in node_modules/.cache/book could not be loaded (${String(error.message).split('\n')[0]}); running from the sources\n`);
  }
}
if (!loaded) await fromSources();
