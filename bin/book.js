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
if (compiled) {
  await import(pathToFileURL(compiled).href);
} else {
  // No writable cache (a read-only checkout): compile each module as it loads instead.
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
