import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { missingTool, run, SHARED, tempDir } from '../helpers/tools.ts';

// A corpus novel turned into one .docx the way a writer's file looks (pandoc's Word writer, straight
// quotes kept: -smart), built, and scored against the proofread text as the Markdown build is.
const BOOKS = ['arthur-conan-doyle_the-hound-of-the-baskervilles', 'oscar-wilde_the-picture-of-dorian-gray'];

async function accuracy(expected: string, text: string): Promise<number> {
  const { stdout } = await run('python3', [path.join(SHARED, 'tools/score-typography.py'), expected, text]);
  const summary = stdout.trim().split('\n').at(-1)!.trim().split(/\s+/);
  return Number(summary[3]);
}

describe('a corpus novel written in Word', { skip: missingTool('pandoc', ['--version']) ?? missingTool('python3', ['--version']) }, () => {
  for (const name of BOOKS) {
    it(`${name}: the same text as from Markdown, scored within 0.1 %`, async () => {
      const corpus = path.join(SHARED, 'corpus', name);
      const dir = tempDir('book-docx-corpus-');
      const chapters = readdirSync(path.join(corpus, 'manuscript')).filter((f) => f.endsWith('.md')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      const converted = await run('pandoc', ['-f', 'markdown-smart', '-t', 'docx', '-o', path.join(dir, 'book.docx'), ...chapters.map((f) => path.join(corpus, 'manuscript', f))]);
      assert.equal(converted.code, 0, converted.stderr);
      const config = JSON.parse(readFileSync(path.join(corpus, 'book.config.json'), 'utf8'));
      writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ ...config, chapters: ['book.docx'], formats: ['text'] }));
      const fromWord = await build({ config: path.join(dir, 'book.config.json'), now: new Date(0) });
      const fromMarkdown = await build({ config: path.join(corpus, 'book.config.json'), out: path.join(dir, 'markdown'), formats: ['text'], now: new Date(0) });
      assert.deepEqual(fromWord.warnings, []);
      const wordText = fromWord.files[0]!.path;
      const markdownText = fromMarkdown.files[0]!.path;
      assert.equal(readFileSync(wordText, 'utf8'), readFileSync(markdownText, 'utf8'));
      const [word, markdown] = [await accuracy(path.join(corpus, 'expected'), wordText), await accuracy(path.join(corpus, 'expected'), markdownText)];
      assert.ok(Math.abs(word - markdown) <= 0.1, `from Word ${word} %, from Markdown ${markdown} %`);
    });
  }
});
