import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { firstMissingInOrder, missingTool, ROOT, run, tempDir } from '../helpers/tools.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/compound-words');

/** A text's words as a reader copies them: letters, digits, apostrophes and hyphens; other punctuation dropped. */
function copiedWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}'’-]/gu, '').replace(/^['’]+|['’]+$/g, '').replace(/’/g, "'"))
    .filter((word) => word !== '');
}

describe('the PDF text layer of words with their own hyphens', () => {
  const out = tempDir();
  let layer = '';
  before(async () => {
    await build({ config: path.join(FIXTURE, 'book.config.json'), out, formats: ['pdf'], now: new Date(1700000000000) });
    if (!missingTool('pdftotext')) layer = (await run('pdftotext', [path.join(out, 'ready-to-eat.pdf'), '-'])).stdout;
  });

  it('marks a word’s own hyphen at a line end as HYPHEN, which extractors keep', { skip: missingTool('pdftotext') }, () => {
    const kept = layer.split('\n').filter((line) => line.endsWith('\u2010'));
    assert.ok(kept.length >= 2, `expected lines broken at a compound's hyphen, got:\n${layer}`);
  });

  it('gives back every word as written: compounds whole with their hyphens, words broken by hyphenation whole without', { skip: missingTool('pdftotext') }, () => {
    const source = readFileSync(path.join(FIXTURE, 'manuscript/01-the-shop.md'), 'utf8').split('# The Shop')[1]!;
    const expected = copiedWords(source.replace(/"/g, ''));
    // pdftotext joins a line ending in HYPHEN-MINUS to the next and drops the hyphen (hyphenation);
    // a line ending in HYPHEN is a compound broken at its own hyphen: joined here, hyphen kept.
    const actual = copiedWords(layer.replace(/\u2010\n/g, '-'));
    const missing = firstMissingInOrder(expected, actual);
    assert.equal(missing, -1, `the text layer lacks "${expected[missing]}" (word ${missing}):\n${layer}`);
  });
});
