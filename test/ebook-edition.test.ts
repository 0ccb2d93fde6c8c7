import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editionSizeWarning } from '../src/ebook-edition.ts';

describe('store editions’ file size', () => {
  it('warns of an edition larger than its store takes, naming the rule', () => {
    const MB = 1024 * 1024;
    assert.equal(editionSizeWarning('kindle', 640 * MB, 'book.config.json'), undefined);
    assert.deepEqual(editionSizeWarning('kindle', 700 * MB, 'book.config.json'), { file: 'book.config.json', message: 'the kindle edition is 700 MB: KDP takes EPUB files of at most 650 MB; make its images smaller or fewer' });
    assert.match(editionSizeWarning('kobo', 1100 * MB, 'b.json')!.message, /Kobo asks for EPUB files of at most 1 GB/);
    assert.equal(editionSizeWarning('apple', 1100 * MB, 'b.json'), undefined, 'Apple takes 2 GB');
    assert.equal(editionSizeWarning('generic', 5000 * MB, 'b.json'), undefined, 'no store, no limit');
  });
});
