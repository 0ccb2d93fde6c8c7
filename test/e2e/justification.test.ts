import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { missingTool, ROOT, run, SHARED, tempDir } from '../helpers/tools.ts';

/**
 * Texts XeLaTeX set in the reference setting (../shared/reference/README.md): the two shared ones,
 * and ours (scripts/tex-reference.ts), chosen for what the shared ones hide: Austen's letters and
 * dialogue, Montgomery's short lines of speech, Wilde's epigrams and long words.
 */
interface Reference {
  name: string;
  /** A folder holding manuscript/ and book.config.json. */
  book: () => string;
  pdf: string;
  figures: string;
}

function sharedReference(name: string): Reference {
  const dir = path.join(SHARED, 'reference', name);
  return { name, book: () => dir, pdf: path.join(dir, 'latex.pdf'), figures: path.join(dir, 'latex-figures.txt') };
}

function ownReference(name: string): Reference {
  const dir = path.join(ROOT, 'test/fixtures/tex-references', name);
  const book = () => {
    const { corpus, chapters } = JSON.parse(readFileSync(path.join(dir, 'reference.json'), 'utf8')) as { corpus: string; chapters: string[] };
    const source = path.join(SHARED, 'corpus', corpus);
    const copy = tempDir();
    mkdirSync(path.join(copy, 'manuscript'));
    for (const chapter of chapters) cpSync(path.join(source, 'manuscript', chapter), path.join(copy, 'manuscript', chapter));
    cpSync(path.join(source, 'book.config.json'), path.join(copy, 'book.config.json'));
    return copy;
  };
  return { name, book, pdf: path.join(dir, 'latex.pdf'), figures: path.join(dir, 'latex-figures.txt') };
}

const references = [
  ...['hound-1-4', 'bleak-house-1-21'].map(sharedReference),
  ...readdirSync(path.join(ROOT, 'test/fixtures/tex-references')).sort().map(ownReference),
];

/** measure-justify's summary line as numbers: `loose%=7.30 meanDev=0.222 …`. */
function summary(file: string): Record<string, number> {
  const last = readFileSync(file, 'utf8').trim().split('\n').at(-1)!;
  return Object.fromEntries([...last.matchAll(/(\w+%?)=([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]));
}

describe('justification against TeX, in the reference setting', () => {
  for (const reference of references) {
    it(`${reference.name}: spaces at least as evenly as XeLaTeX, with no widows, orphans, overfull lines or long hyphen runs`, { skip: missingTool('pdftotext') ?? (existsSync(reference.pdf) ? undefined : `${reference.pdf} is missing`) }, async () => {
      const tex = summary(reference.figures);
      const source = reference.book();
      const dir = tempDir();
      cpSync(path.join(source, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
      const config = JSON.parse(readFileSync(path.join(source, 'book.config.json'), 'utf8'));
      config.chapters = ['manuscript/*.md'];
      config.print = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/reference-print.json'), 'utf8'));
      writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify(config));
      const result = await build({ config: path.join(dir, 'book.config.json'), formats: ['pdf'], now: new Date(0) });
      const pdf = result.files[0]!.path;
      const { code, stdout, stderr } = await run('python3', [path.join(SHARED, 'tools/measure-justify.py'), pdf, '--json', '--space-from', reference.pdf]);
      assert.equal(code, 0, stderr);
      const figures = JSON.parse(stdout) as Record<string, number>;
      const f = (key: string) => {
        assert.equal(typeof figures[key], 'number', `measure-justify reported no ${key}`);
        return figures[key]!;
      };
      assert.ok(Math.abs(f('lines') - tex.lines!) < 0.02 * tex.lines!, `lines ${f('lines')} against TeX's ${tex.lines}: the same text`);
      assert.equal(f('natural_space_em'), 0.2);
      assert.ok(f('loose_pct') <= tex['loose%']!, `loose% ${f('loose_pct')} > TeX's ${tex['loose%']}`);
      assert.ok(f('mean_dev') <= tex.meanDev!, `meanDev ${f('mean_dev')} > TeX's ${tex.meanDev}`);
      assert.ok(f('max_hyph_run') <= 2, `maxHyphRun ${f('max_hyph_run')}`);
      assert.equal(f('widows'), 0, 'widows');
      assert.equal(f('orphans'), 0, 'orphans');
      assert.equal(f('overfull'), 0, 'overfull lines');
      assert.equal(f('ragged'), 0, 'ragged lines');
    });
  }
});
