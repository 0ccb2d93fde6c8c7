import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli, tempDir } from '../helpers/tools.ts';

const CONFIG = { title: 'Safe', author: 'A', language: 'en', chapters: ['manuscript/*.md'] };

/** A book that has built once, so each bad input can be checked against an existing dist/. */
async function builtBook(): Promise<string> {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'manuscript'));
  writeFileSync(path.join(dir, 'manuscript/01.md'), '# One\n\nGood text.\n');
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify(CONFIG));
  const { code, stderr } = await runCli(['build', '--format', 'epub,pdf,text'], { cwd: dir });
  assert.equal(code, 0, stderr);
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const dist = path.join(dir, 'dist');
  return Object.fromEntries(readdirSync(dist).map((name) => [name, readFileSync(path.join(dist, name)).toString('base64')]));
}

type Breakage = (dir: string) => void;
const write = (file: string, content: string | Uint8Array): Breakage => (dir) => writeFileSync(path.join(dir, file), content);
const config = (value: unknown): Breakage => write('book.config.json', typeof value === 'string' ? value : JSON.stringify(value));

const catalogue: [string, Breakage, RegExp][] = [
  ['config not JSON', config('{ "title": "Safe",\n  "author": }'), /book\.config\.json: line 2, column 13: not valid JSON: unexpected "}"/],
  ['a wrong type', config({ ...CONFIG, title: ['x'] }), /book\.config\.json: title: must be a string, not a list/],
  ['an unknown key', config({ ...CONFIG, langauge: 'en' }), /book\.config\.json: langauge: unknown key \(did you mean "language"\?\)/],
  ['no chapters', config({ ...CONFIG, chapters: [] }), /book\.config\.json: chapters: needs at least one chapter/],
  ['a missing chapter', config({ ...CONFIG, chapters: ['manuscript/02.md'] }), /chapters\[0\]: file "manuscript\/02\.md" does not exist/],
  ['a chapter listed twice', config({ ...CONFIG, chapters: ['manuscript/01.md', 'manuscript/*.md'] }), /chapters\[1\]: "manuscript\/01\.md" is already listed at chapters\[0\]/],
  ['a glob matching nothing', config({ ...CONFIG, chapters: ['manuscript/*.txt'] }), /chapters\[0\]: no file matches "manuscript\/\*\.txt"/],
  ['an empty chapter', write('manuscript/01.md', '\n\n'), /manuscript\/01\.md: is empty/],
  ['a binary file', write('manuscript/01.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /manuscript\/01\.md: line 3: looks like a binary file/],
  ['invalid UTF-8', write('manuscript/01.md', Buffer.concat([Buffer.from('# One\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')])), /manuscript\/01\.md: line 3: is not valid UTF-8/],
  ['a chapter that is a folder', (dir) => { mkdirSync(path.join(dir, 'manuscript/part')); writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ ...CONFIG, chapters: ['manuscript/part'] })); }, /chapters\[0\]: "manuscript\/part" is a folder, not a chapter file/],
  ['a path outside the book', config({ ...CONFIG, chapters: ['/etc/passwd'] }), /chapters\[0\]: "\/etc\/passwd" points outside the book's folder/],
  ['a symbolic link out of the book', (dir) => { symlinkSync('/etc/hostname', path.join(dir, 'manuscript/02.md')); }, /"manuscript\/02\.md" leads outside the book's folder/],
  ['a corrupt font file', (dir) => { writeFileSync(path.join(dir, 'bad.ttf'), 'not a font at all'); writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ ...CONFIG, print: { font: { regular: 'bad.ttf' } } })); }, /bad\.ttf: is not a readable OpenType or TrueType font/],
  ['a missing font file', config({ ...CONFIG, print: { font: { regular: 'fonts/none.otf' } } }), /print\.font\.regular: font file "fonts\/none\.otf" does not exist/],
  ['a corrupt cover image', (dir) => { writeFileSync(path.join(dir, 'cover.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3])); writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ ...CONFIG, cover: 'cover.jpg' })); }, /cover\.jpg: is a corrupt JPEG image/],
  ['a cover that is not an image', (dir) => { writeFileSync(path.join(dir, 'cover.png'), 'GIF89a'); writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ ...CONFIG, cover: 'cover.png' })); }, /cover\.png: is not a JPEG or PNG image/],
  ['a missing cover', config({ ...CONFIG, cover: 'art/cover.jpg' }), /book\.config\.json: cover: file "art\/cover\.jpg" does not exist/],
  ['too many chapters', (dir) => { for (let i = 0; i < 5001; i++) writeFileSync(path.join(dir, `manuscript/c${i}.md`), 'x'); }, /chapters: lists 5002 chapter files, more than the 5000/],
];

describe('bad input never hurts the author', () => {
  for (const [name, breakIt, message] of catalogue) {
    it(`${name}: one line naming the file, exit 1, dist/ untouched`, async () => {
      const dir = await builtBook();
      const before = snapshot(dir);
      breakIt(dir);
      const { code, stdout, stderr } = await runCli(['build', '--format', 'epub,pdf,text'], { cwd: dir });
      assert.equal(code, 1, stdout + stderr);
      const lines = stderr.trim().split('\n');
      assert.equal(lines.length, 1, stderr);
      assert.match(lines[0]!, /^error: /);
      assert.match(lines[0]!, message);
      assert.doesNotMatch(stderr, /\s+at .*:\d+:\d+/, 'no stack trace');
      assert.deepEqual(snapshot(dir), before, 'dist/ unchanged and no temporary files');
    });
  }

  it('an unreadable chapter (permissions)', async () => {
    const dir = await builtBook();
    chmodSync(path.join(dir, 'manuscript/01.md'), 0o000);
    // Root reads every file, so as root the build runs as nobody, to whom the book is readable.
    const asNobody = process.getuid?.() === 0;
    if (asNobody) for (const p of [dir, path.join(dir, 'manuscript'), path.join(dir, 'book.config.json')]) chmodSync(p, p.endsWith('.json') ? 0o644 : 0o755);
    const { execFile } = await import('node:child_process');
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'bin/book.js'), 'build'], { cwd: dir, ...(asNobody ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } } : {}) }, (error, _stdout, err) => resolve({ code: (error as { code?: number } | null)?.code ?? 0, stderr: err }));
    });
    assert.equal(code, 1, stderr);
    assert.match(stderr, /manuscript\/01\.md: cannot be read: permission denied/);
  });

  it('sets a one-megabyte paragraph without spaces, and says so', async () => {
    const dir = await builtBook();
    writeFileSync(path.join(dir, 'manuscript/01.md'), `# One\n\n${'abcdefghij'.repeat(100_000)}\n`);
    const { code, stderr } = await runCli(['build', '--format', 'pdf,text'], { cwd: dir });
    assert.equal(code, 0, stderr);
  });

  it('shows unbalanced emphasis markers as typed', async () => {
    const dir = await builtBook();
    writeFileSync(path.join(dir, 'manuscript/01.md'), '# One\n\nA *lone star and a __half bold.\n');
    const { code, stderr } = await runCli(['build', '--format', 'text'], { cwd: dir });
    assert.equal(code, 0, stderr);
    assert.match(readFileSync(path.join(dir, 'dist/safe.txt'), 'utf8'), /A \*lone star and a __half bold\./);
  });

  it('drops raw HTML it cannot show: no script, handler or iframe reaches the EPUB, none is printed as source, one warning says so', async () => {
    const dir = await builtBook();
    writeFileSync(path.join(dir, 'manuscript/01.md'), '# One\n\n<script>alert(1)</script>\n\nText <img src="http://x" onerror="alert(1)"> and <iframe src="x"></iframe>.\n');
    const { code, stderr } = await runCli(['build', '--format', 'epub'], { cwd: dir });
    assert.equal(code, 0, stderr);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'dist/safe.epub')));
    const chapter = await zip.file('OEBPS/ch01.xhtml')!.async('string');
    assert.doesNotMatch(chapter, /<script|<iframe|<img|onerror=|alert|&lt;/);
    assert.match(chapter, /<p>Text +and \.<\/p>/);
    const warnings = stderr.split('\n').filter((line) => /left out/.test(line));
    assert.equal(warnings.length, 1, stderr);
    assert.match(warnings[0]!, /01\.md: line 3: .*<script>.*<iframe>/);
  });

  it('never touches the network', async () => {
    const dir = await builtBook();
    const deny = path.join(ROOT, 'test/fixtures/no-network/deny.mjs');
    const { code, stderr } = await runCli(['build', '--format', 'epub,pdf,text'], { cwd: dir, env: { NODE_OPTIONS: `--import=${deny}` } });
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /network access attempted/);
  });

  it('leaves the previous dist/ and no temporary file when interrupted mid-build', async () => {
    const dir = await builtBook();
    const before = snapshot(dir);
    // A long book, so the interrupt lands while pages are being set.
    const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ${'and the words go on and on, '.repeat(40)}`).join('\n\n');
    for (let i = 2; i < 6; i++) writeFileSync(path.join(dir, `manuscript/0${i}.md`), `# Chapter ${i}\n\n${long}\n`);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/book.js'), 'build', '--format', 'epub,pdf,text'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Interrupt once the build has begun writing (a temporary file exists in dist/).
    const writing = () => readdirSync(path.join(dir, 'dist')).some((name) => name.endsWith('.tmp'));
    for (let i = 0; i < 600 && !writing(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(writing(), 'the build never began writing');
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? signal)));
    assert.equal(code, 130, `exit ${String(code)}: ${stderr}`);
    assert.deepEqual(snapshot(dir), before);
    rmSync(dir, { recursive: true, force: true });
  });
});
