import Module, { createRequire } from 'node:module';
import refuse from './fetch-refused.ts';

// epub-gen-memory can fetch images by URL, with node-fetch, which on loading looks for an optional
// `encoding` package by walking up from its folder: a node_modules/encoding planted in any folder
// above the checkout would run in every build. A build never fetches (every image is a file of the
// book), so node-fetch is never loaded. In the compiled CLI, epub-gen-memory is bundled with
// fetch-refused.ts in node-fetch's place (bin/compile.js); from the sources, the stand-in takes
// node-fetch's place in the module cache before epub-gen-memory is imported.
const here = createRequire(import.meta.url);

function standInForNodeFetch(): void {
  const fromEpubGen = createRequire(here.resolve('epub-gen-memory'));
  const nodeFetch = fromEpubGen.resolve('node-fetch');
  if (fromEpubGen.cache[nodeFetch]) return;
  const standIn = new Module(nodeFetch);
  standIn.filename = nodeFetch;
  standIn.loaded = true;
  standIn.exports = Object.assign(refuse, { default: refuse });
  fromEpubGen.cache[nodeFetch] = standIn;
}

/** epub-gen-memory's EPub class, loaded with node-fetch's stand-in in place. */
export async function loadEpubGen(): Promise<typeof import('epub-gen-memory').EPub> {
  standInForNodeFetch();
  // The package is CommonJS; its class is a property of its exports.
  const epubGen = (await import('epub-gen-memory')) as { EPub?: typeof import('epub-gen-memory').EPub; default: { EPub: typeof import('epub-gen-memory').EPub } };
  return epubGen.EPub ?? epubGen.default.EPub;
}
