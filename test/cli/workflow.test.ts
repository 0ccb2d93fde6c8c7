import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { missingTool, ROOT, run, runCli, tempDir } from '../helpers/tools.ts';

describe('the author’s workflow', () => {
  it('book init scaffolds a book that builds with npm run book, with a valid release workflow', async () => {
    const parent = tempDir();
    const { code, stdout } = await runCli(['init', 'my-novel'], { cwd: parent });
    assert.equal(code, 0);
    const dir = path.join(parent, 'my-novel');
    for (const file of ['book.config.json', 'manuscript/01-chapter-one.md', '.gitignore', 'README.md', 'package.json', '.github/workflows/release.yml']) {
      assert.ok(existsSync(path.join(dir, file)), file);
      assert.match(stdout, new RegExp(file.replace(/[.]/g, '\\.')));
    }
    assert.match(readFileSync(path.join(dir, 'book.config.json'), 'utf8'), /"\$schema": ".*book\.config\.schema\.json"/);
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/release.yml'), 'utf8'));
    assert.deepEqual(workflow.on.push.tags, ['v*']);
    const uses = workflow.jobs.release.steps.map((s: { uses?: string }) => s.uses).filter(Boolean);
    assert.ok(uses.every((u: string) => u.startsWith('actions/')), `official actions only: ${uses}`);
    assert.ok(workflow.jobs.release.steps.some((s: { run?: string }) => s.run?.includes('dist/*.epub dist/*.pdf')));
    // The build caches are restored after npm ci (which would delete them) and before the build.
    const steps: { run?: string; uses?: string; with?: { path?: string } }[] = workflow.jobs.release.steps;
    const at = (test: (s: (typeof steps)[number]) => boolean) => steps.findIndex(test);
    const cached = (s: (typeof steps)[number]) => s.with?.path?.split('\n') ?? [];
    const cache = at((s) => s.uses?.startsWith('actions/cache') === true && ['manuscript', 'pages', 'typesetting'].every((folder) => cached(s).includes(`node_modules/.cache/book/${folder}`)));
    assert.ok(cache > at((s) => s.run === 'npm ci') && cache < at((s) => s.run === 'npm run book'), 'cache restored between npm ci and the build');
    // As if `npm install` had put book in node_modules/.bin.
    mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(path.join(ROOT, 'bin/book.js'), path.join(dir, 'node_modules/.bin/book'));
    const built = await run('npm', ['run', 'book'], { cwd: dir });
    assert.equal(built.code, 0, built.stderr);
    assert.deepEqual(readdirSync(path.join(dir, 'dist')).sort(), ['my-novel-cover.jpg', 'my-novel.epub', 'my-novel.pdf']);
  });

  it('book init refuses to overwrite a book', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.config.json'), '{}');
    const { code, stderr } = await runCli(['init'], { cwd: dir });
    assert.equal(code, 1);
    assert.match(stderr, /book\.config\.json: already exists/);
  });

  it('book check validates everything, runs EPUBCheck and writes nothing to dist/', { skip: missingTool('java', ['-version']) }, async () => {
    const parent = tempDir();
    await runCli(['init', 'b'], { cwd: parent });
    const dir = path.join(parent, 'b');
    const { code, stdout, stderr } = await runCli(['check'], { cwd: dir });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /EPUBCheck 5 \(0 errors, 0 warnings\)/);
    assert.ok(!existsSync(path.join(dir, 'dist')));
  });

  it('book build --watch rebuilds on a change, one line per build, and keeps the last good output on a failure', async () => {
    const parent = tempDir();
    await runCli(['init', 'w'], { cwd: parent });
    const dir = path.join(parent, 'w');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/book.js'), 'build', '--watch', '--format', 'text'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const waitFor = async (pattern: RegExp, count = 1) => {
      for (let i = 0; i < 200 && (out.match(new RegExp(pattern, 'g'))?.length ?? 0) < count; i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok((out.match(new RegExp(pattern, 'g'))?.length ?? 0) >= count, `waited for ${pattern} ×${count}: ${out}`);
    };
    try {
      await waitFor(/watching/);
      writeFileSync(path.join(dir, 'manuscript/01-chapter-one.md'), '# Chapter One\n\n"Changed," she said.\n');
      await waitFor(/built w\.txt/, 2);
      assert.match(readFileSync(path.join(dir, 'dist/w.txt'), 'utf8'), /“Changed,” she said\./);
      writeFileSync(path.join(dir, 'book.config.json'), '{ broken');
      await waitFor(/error: .*book\.config\.json: line 1/);
      assert.match(readFileSync(path.join(dir, 'dist/w.txt'), 'utf8'), /“Changed,” she said\./);
    } finally {
      child.kill('SIGINT');
    }
  });
});
