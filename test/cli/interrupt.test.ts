import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { missingTool, ROOT, tempDir } from '../helpers/tools.ts';

// Issue 24, item 14: Ctrl-C during `book check` left a temporary folder with a whole EPUB and PDF,
// and an EPUBCheck Java process running on.

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const javaOn = (dir: string) => spawnSync('pgrep', ['-f', `epubcheck.jar ${dir}`], { encoding: 'utf8' }).stdout.trim();

describe('book check interrupted', { skip: missingTool('java', ['-version']) ?? missingTool('pgrep', ['-V']) }, () => {
  it('removes its folder and stops EPUBCheck', async () => {
    const project = tempDir('book-interrupt-');
    cpSync(path.join(ROOT, 'manuscript'), path.join(project, 'manuscript'), { recursive: true });
    cpSync(path.join(ROOT, 'book.config.json'), path.join(project, 'book.config.json'));
    // The check's temporary folder goes here, where this test can look for it.
    const temp = tempDir('book-interrupt-tmp-');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/book.js'), 'check'], { cwd: project, env: { ...process.env, TMPDIR: temp }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let java = '';
    for (let i = 0; i < 300 && !java; i++) {
      await settle(100);
      java = javaOn(temp);
    }
    assert.ok(java, 'EPUBCheck started');
    child.kill('SIGINT');
    assert.equal(await exited, 130);
    await settle(500);
    assert.equal(javaOn(temp), '', 'EPUBCheck was stopped');
    assert.deepEqual(readdirSync(temp).filter((name) => name.startsWith('book-check-')), [], 'the folder is gone');
  });
});
