import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { renderEpub } from '../../src/epub/write.ts';

// Issue 24, item 7: node-fetch, loaded by epub-gen-memory, requires an optional `encoding` package
// found by walking up the folder tree: a module planted above the checkout ran in every EPUB build.

describe('the EPUB writer', () => {
  it('never loads node-fetch, so nothing outside the project is looked for', async () => {
    await renderEpub({
      metadata: { title: 'T', authors: ['A'], language: 'en', identifier: 'urn:x', modified: '2024-01-01T00:00:00Z' },
      chapters: [{ id: 'ch01', role: 'chapter', matter: 'body', title: [{ kind: 'text', value: 'One' }], blocks: [{ kind: 'paragraph', content: [{ kind: 'text', value: 'Text.' }] }], source: 'x.md' }],
    });
    const fromEpubGen = createRequire(createRequire(import.meta.url).resolve('epub-gen-memory'));
    const entry = fromEpubGen.cache[fromEpubGen.resolve('node-fetch')];
    assert.ok(entry, 'node-fetch has its place in the module cache');
    assert.equal((entry.exports as { name: string }).name, 'refuse', 'the stand-in, not node-fetch');
    await assert.rejects((entry.exports as () => Promise<never>)(), /a build never fetches/);
    assert.deepEqual(Object.keys(fromEpubGen.cache).filter((file) => /[\\/]encoding[\\/]/.test(file)), []);
  });
});
