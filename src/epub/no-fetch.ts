import Module, { createRequire } from 'node:module';

// epub-gen-memory can fetch images by URL, with node-fetch, which on loading looks for an optional
// `encoding` package by walking up from its folder: a node_modules/encoding planted in any folder
// above the checkout would run in every build. A build never fetches (every image is a file of the
// book), so node-fetch is never loaded: its place in the module cache is taken by a stand-in that
// refuses. epub-gen-memory is loaded here, after it, at run time: a static import would be hoisted
// above the stand-in (in the compiled bundle too).
const here = createRequire(import.meta.url);
const fromEpubGen = createRequire(here.resolve('epub-gen-memory'));
const nodeFetch = fromEpubGen.resolve('node-fetch');

function refuse(): Promise<never> {
  return Promise.reject(new Error('a build never fetches: every image is a file of the book'));
}

/** epub-gen-memory's EPub class, loaded with node-fetch's stand-in in place. */
export function loadEpubGen(): typeof import('epub-gen-memory').EPub {
  if (!fromEpubGen.cache[nodeFetch]) {
    const standIn = new Module(nodeFetch);
    standIn.filename = nodeFetch;
    standIn.loaded = true;
    standIn.exports = Object.assign(refuse, { default: refuse });
    fromEpubGen.cache[nodeFetch] = standIn;
  }
  // The package is CommonJS; its class is a property of its exports.
  return (here('epub-gen-memory') as { EPub: typeof import('epub-gen-memory').EPub }).EPub;
}
