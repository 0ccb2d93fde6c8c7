import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { missingTool, ROOT, run, SHARED, tempDir } from '../helpers/tools.ts';

// TeX's figures for the same text in the same setting (../shared/reference/README.md).
const TEX = { loose: 7.3, meanDev: 0.222 };

describe('justification against TeX (Hound of the Baskervilles, chapters 1–4, the reference setting)', () => {
  it('spaces at least as evenly as XeLaTeX, with no widows, orphans, overfull lines or long hyphen runs', { skip: missingTool('pdftotext') }, async () => {
    const reference = path.join(SHARED, 'reference/hound-1-4');
    const dir = tempDir();
    cpSync(path.join(reference, 'manuscript'), path.join(dir, 'manuscript'), { recursive: true });
    const config = JSON.parse(readFileSync(path.join(reference, 'book.config.json'), 'utf8'));
    config.print = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/reference-print.json'), 'utf8'));
    writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify(config));
    const result = await build({ config: path.join(dir, 'book.config.json'), formats: ['pdf'], now: new Date(0) });
    const pdf = result.files[0]!.path;
    const { code, stdout, stderr } = await run('python3', [path.join(SHARED, 'tools/measure-justify.py'), pdf, '--json', '--space-from', path.join(reference, 'latex.pdf')]);
    assert.equal(code, 0, stderr);
    const figures = JSON.parse(stdout) as Record<string, number>;
    const f = (key: string) => {
      assert.equal(typeof figures[key], 'number', `measure-justify reported no ${key}`);
      return figures[key]!;
    };
    assert.ok(f('lines') > 600, `lines ${f('lines')}`);
    assert.equal(f('natural_space_em'), 0.2);
    assert.ok(f('loose_pct') <= TEX.loose, `loose% ${f('loose_pct')} > TeX's ${TEX.loose}`);
    assert.ok(f('mean_dev') <= TEX.meanDev, `meanDev ${f('mean_dev')} > TeX's ${TEX.meanDev}`);
    assert.ok(f('max_hyph_run') <= 2, `maxHyphRun ${f('max_hyph_run')}`);
    assert.equal(f('widows'), 0, 'widows');
    assert.equal(f('orphans'), 0, 'orphans');
    assert.equal(f('overfull'), 0, 'overfull lines');
    assert.equal(f('ragged'), 0, 'ragged lines');
  });
});
