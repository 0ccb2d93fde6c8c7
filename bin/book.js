#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so a checkout works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// Ctrl-C before the CLI has loaded: nothing has been written yet. The CLI installs its own handler.
const early = () => process.exit(130);
process.on('SIGINT', early);
process.on('SIGTERM', early);

register();
await import('../src/cli.ts');
