import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, tempDir } from '../helpers/tools.ts';

function project(config: unknown): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'manuscript'));
  writeFileSync(path.join(dir, 'manuscript/01.md'), '# One\n\n"Hello," she said.\n');
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify(config));
  return dir;
}

describe('book CLI', () => {
  it('builds from the book folder, prints each file with its size, exits 0', async () => {
    const dir = project({ title: 'Tiny', author: 'A', language: 'en', chapters: ['manuscript/*.md'] });
    const { code, stdout } = await runCli(['build', '--format', 'text,epub'], { cwd: dir });
    assert.equal(code, 0);
    assert.match(stdout, /wrote dist\/tiny\.txt \(\d+(\.\d)? (B|KB)\)/);
    assert.match(stdout, /wrote dist\/tiny\.epub/);
    assert.match(stdout, /done in \d+\.\d\d s/);
    assert.ok(existsSync(path.join(dir, 'dist/tiny.txt')));
  });

  it('lists the print pages that break a pagination rule with --report', async () => {
    const dir = project({ title: 'Tiny', author: 'A', language: 'en', chapters: ['manuscript/*.md'] });
    const printed = await runCli(['build', '--format', 'pdf', '--report'], { cwd: dir });
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stdout, /page report: no page of \d+ breaks a pagination rule/);
    const ebookOnly = await runCli(['build', '--format', 'text', '--report'], { cwd: dir });
    assert.match(ebookOnly.stdout, /page report: no print edition was built/);
  });

  it('reports a config mistake in one line with no stack trace, exits 1 and writes nothing', async () => {
    const dir = project({ title: 'Tiny', autor: 'A', language: 'en', chapters: ['manuscript/*.md'] });
    const { code, stdout, stderr } = await runCli(['build'], { cwd: dir });
    assert.equal(code, 1);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /^error: book\.config\.json: autor: unknown key \(did you mean "author"\?\)/);
    assert.doesNotMatch(stderr + stdout, /\bat .*\.ts:\d+/);
    assert.ok(!existsSync(path.join(dir, 'dist')));
  });

  it('rejects an unknown format', async () => {
    const dir = project({ title: 'Tiny', author: 'A', language: 'en', chapters: ['manuscript/*.md'] });
    const { code, stderr } = await runCli(['build', '--format', 'docx'], { cwd: dir });
    assert.equal(code, 1);
    assert.match(stderr, /unknown format "docx"/);
  });

  it('prints help wrapped to 80 columns, for the book and for a command', async () => {
    for (const args of [['--help'], ['build', '--help'], ['help']]) {
      const { code, stdout } = await runCli(args, { cwd: tempDir() });
      assert.equal(code, 0, args.join(' '));
      assert.match(stdout, /book build/);
      const lines = stdout.split('\n');
      assert.ok(lines.every((line) => line.length <= 80), `${args.join(' ')}: a line past 80 columns`);
      assert.ok(lines.some((line) => line.length > 60), `${args.join(' ')}: lines filled out to the width`);
    }
  });

  it('says where the config is missing', async () => {
    const { code, stderr } = await runCli(['build'], { cwd: tempDir() });
    assert.equal(code, 1);
    assert.match(stderr, /book\.config\.json: config file not found/);
  });
});

describe('what the CLI prints (issue 24, item 8)', () => {
  it('shows a control character of a file name as its code, never raw to the terminal', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'manuscript'));
    writeFileSync(path.join(dir, 'manuscript', '01-a\u001b[31mred.md'), '# One\n\nText[^x].\n');
    writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ title: 'T', author: 'A', language: 'en', chapters: ['manuscript/*.md'], formats: ['text'] }));
    const { code, stderr } = await runCli(['build'], { cwd: dir });
    assert.equal(code, 0);
    assert.match(stderr, /warning: manuscript\/01-a\\u001b\[31mred\.md: line 3: the note reference \[\^x\] was left out/);
    assert.doesNotMatch(stderr, /\u001b/);
  });
});
