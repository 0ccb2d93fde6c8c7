import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { missingTool, ROOT, run, SHARED, tempDir } from '../helpers/tools.ts';

// Dialect speech from eight novels (test/fixtures/dialect/README.md): dropped first and last letters
// in the same speech, several authors and dialects, typed with straight quotes and scored against
// Standard Ebooks' proofread text by the shared scorer. Chosen as the chapters richest in
// word-initial apostrophes, so these are the hardest pages of each book.
const FIXTURES = path.join(ROOT, 'test/fixtures/dialect');
const BOOKS = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

async function score(expected: string, text: string): Promise<{ typographic: number; wrong: number }> {
  const { stdout } = await run('python3', [path.join(SHARED, 'tools/score-typography.py'), expected, text, '--quiet']);
  const [, typographic, wrong] = stdout.trim().split('\n').at(-1)!.trim().split(/\s+/);
  return { typographic: Number(typographic), wrong: Number(wrong) };
}

describe('dialect typed as writers type it', { skip: missingTool('python3', ['--version']) }, () => {
  it('scores at least 99.9 % over the eight books and 99.8 % on each', async () => {
    const out = tempDir('book-dialect-');
    let typographic = 0;
    let wrong = 0;
    const perBook: string[] = [];
    for (const name of BOOKS) {
      const result = await build({ config: path.join(FIXTURES, name, 'book.config.json'), out: path.join(out, name), formats: ['text'], now: new Date(0) });
      const book = await score(path.join(FIXTURES, name, 'expected'), result.files[0]!.path);
      assert.ok(book.typographic > 500, `${name}: ${book.typographic} typographic characters scored`);
      const accuracy = 100 * (1 - book.wrong / book.typographic);
      perBook.push(`${name} ${accuracy.toFixed(2)} %`);
      assert.ok(accuracy >= 99.8, `${name}: ${accuracy.toFixed(2)} % (${book.wrong} of ${book.typographic} wrong)`);
      typographic += book.typographic;
      wrong += book.wrong;
    }
    const accuracy = 100 * (1 - wrong / typographic);
    assert.ok(accuracy >= 99.9, `${accuracy.toFixed(3)} % over all (${wrong} of ${typographic} wrong): ${perBook.join(', ')}`);
  });
});
