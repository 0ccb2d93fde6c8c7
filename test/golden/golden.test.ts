import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentGoldenFiles, readGolden } from './golden.ts';

describe('golden EPUB files of the sample book (npm run golden rewrites them)', async () => {
  const files = await currentGoldenFiles();
  for (const [name, content] of files) {
    it(name, () => assert.equal(content, readGolden(name), `${name} changed: review it, then run npm run golden`));
  }
});
