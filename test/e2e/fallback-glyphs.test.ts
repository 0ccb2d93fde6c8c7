import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../src/build.ts';
import { missingTool, ROOT, run, tempDir } from '../helpers/tools.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/fallback-glyphs');
// A small CJK face from a Debian package (fonts-droid-fallback), named as an author names an installed face: copied into the book's folder.
const CJK_FACE = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
const PRINTED = ['λόγος', 'улица', 'Арбат', '★', '♥', '┌────────┬───────┐', '│ study │ hall │', '│ garden → pond ★│', '└────────────────┘', '✓'];

/** Builds a copy of the fixture (with `print` as given) to PDF: its warnings, its fonts, its text layer. */
async function buildCopy(print?: object) {
  const project = tempDir();
  cpSync(FIXTURE, project, { recursive: true });
  if (print) {
    const configFile = path.join(project, 'book.config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), print }));
  }
  if (print && existsSync(CJK_FACE)) cpSync(CJK_FACE, path.join(project, 'DroidSansFallbackFull.ttf'));
  const out = path.join(project, 'dist');
  const result = await build({ config: path.join(project, 'book.config.json'), out, formats: ['pdf'], now: new Date(1700000000000) });
  const pdf = path.join(out, 'letters-from-elsewhere.pdf');
  const fonts = missingTool('pdffonts') ? '' : (await run('pdffonts', [pdf])).stdout;
  // Physical layout keeps the plan's lines whole; its runs of spaces are one here.
  const text = missingTool('pdftotext') ? '' : (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/ +/g, ' ');
  return { warnings: result.warnings.map((w) => `${w.file}: ${w.message}`), fonts, text };
}

describe('characters the book’s face lacks', () => {
  it('prints Greek, Cyrillic, box drawing and symbols from the bundled fallback faces; warns once for a character no face has', { skip: missingTool('pdftotext') }, async () => {
    const { warnings, fonts, text } = await buildCopy();
    const missing = warnings.filter((w) => w.includes('no face has a glyph'));
    assert.equal(missing.length, 1, warnings.join('\n'));
    assert.match(missing[0]!, /01-the-letter\.md: no face has a glyph for a character, which prints blank: "秋" U\+79CB; name a font that has it in print\.font\.fallback/);
    assert.match(fonts, /DejaVuSerif/, 'the serif fallback is embedded');
    assert.match(fonts, /DejaVuSansMono/, 'code falls back to the sans mono (for the star)');
    // The text layer gives back each character as written, the one printed blank too.
    for (const word of [...PRINTED, '秋']) assert.ok(text.includes(word), `the text layer lacks "${word}":\n${text}`);
  });

  it('prints a CJK character from the author’s fallback face, with no warning', { skip: missingTool('pdftotext') ?? (existsSync(CJK_FACE) ? undefined : `${CJK_FACE} is not installed (apt-get install fonts-droid-fallback)`) }, async () => {
    const { warnings, fonts, text } = await buildCopy({ font: { fallback: ['DroidSansFallbackFull.ttf'] } });
    assert.deepEqual(warnings.filter((w) => w.includes('glyph')), []);
    assert.match(fonts, /DroidSansFallback/);
    for (const word of [...PRINTED, '秋']) assert.ok(text.includes(word), `the text layer lacks "${word}":\n${text}`);
  });

  it('names the fallback face that cannot be found with its JSON path', async () => {
    const project = tempDir();
    cpSync(FIXTURE, project, { recursive: true });
    const configFile = path.join(project, 'book.config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), print: { font: { fallback: ['fonts/NotoSansTibetan.ttf'] } } }));
    await assert.rejects(build({ config: configFile, out: path.join(project, 'dist'), formats: ['pdf'] }), /print\.font\.fallback\[0\].*does not exist/);
  });
});
