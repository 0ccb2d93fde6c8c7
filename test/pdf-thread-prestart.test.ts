import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { build } from '../src/build.ts';
import { mayDrawPdf, prestartPdfThread, takePrestartedPdfThread } from '../src/pdf-thread-prestart.ts';
import { ROOT, tempDir } from './helpers/tools.ts';

describe('mayDrawPdf (whether the CLI starts the PDF thread before it reads the config)', () => {
  it('says yes for a build unless --format leaves pdf out', () => {
    assert.equal(mayDrawPdf(['build']), true);
    assert.equal(mayDrawPdf(['build', '--config', 'other.json']), true);
    assert.equal(mayDrawPdf(['build', '-f', 'epub,pdf']), true);
    assert.equal(mayDrawPdf(['build', '--format=pdf']), true);
    assert.equal(mayDrawPdf(['build', '--format', 'epub']), false);
    assert.equal(mayDrawPdf(['build', '--format=text,kepub']), false);
    assert.equal(mayDrawPdf(['build', '-f']), false);
  });

  it('says no for other commands and for help', () => {
    assert.equal(mayDrawPdf([]), false);
    assert.equal(mayDrawPdf(['check']), false);
    assert.equal(mayDrawPdf(['init', 'build']), false);
    assert.equal(mayDrawPdf(['build', '--help']), false);
  });
});

describe('a prestarted PDF thread', () => {
  const config = path.join(ROOT, 'book.config.json');
  const now = new Date(1700000000 * 1000);

  it('is claimed by the next build, which draws the same PDF as a thread started with its setup', async () => {
    const started = tempDir();
    await build({ config, out: started, formats: ['pdf'], now });
    prestartPdfThread();
    const prestarted = tempDir();
    await build({ config, out: prestarted, formats: ['pdf'], now });
    assert.equal(takePrestartedPdfThread(), undefined, 'the build took it');
    assert.ok(readFileSync(path.join(prestarted, 'crait.pdf')).equals(readFileSync(path.join(started, 'crait.pdf'))));
  });

  it('does not keep the process alive when no build claims it', () => {
    const prestart = JSON.stringify(pathToFileURL(path.join(ROOT, 'src/pdf-thread-prestart.ts')).href);
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `(await import(${prestart})).prestartPdfThread();`], { cwd: ROOT, timeout: 30_000, encoding: 'utf8' });
    assert.equal(result.signal, null, 'it ended by itself');
    assert.equal(result.status, 0, result.stderr);
  });

  it('is left alone by a build without a PDF', async () => {
    prestartPdfThread();
    await build({ config, out: tempDir(), formats: ['text'], now });
    const spare = takePrestartedPdfThread();
    assert.ok(spare, 'still there for a build that draws');
    await spare.terminate();
  });
});
