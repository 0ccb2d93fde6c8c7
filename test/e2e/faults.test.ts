import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';
import { epubcheck, missingTool, tempDir } from '../helpers/tools.ts';

// Faults that made a wrong book with exit 0 (issue 24), each built end to end.

function project(config: Record<string, unknown>, chapters: Record<string, string>): string {
  const dir = tempDir('book-faults-');
  for (const [name, text] of Object.entries(chapters)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ language: 'en', chapters: ['manuscript/*.md'], ...config }));
  return path.join(dir, 'book.config.json');
}

describe('control characters in metadata and text (item 3)', () => {
  it('never reach the EPUB: EPUBCheck finds nothing, the text output holds none, each config field is told', { skip: missingTool('java', ['-version']) }, async () => {
    const config = project(
      { title: 'The Tide\u000b Clock\u0007', subtitle: 'A\u0008 story', author: 'R. \u001b[31mWeaver\u0000', series: { name: 'Tides\ufffe', position: 1 }, formats: ['epub', 'kepub', 'text'] },
      { 'manuscript/01-bell.md': '# The Bell\u0007\n\nIt rang\u0007 twice\u000c at dawn.\n' },
    );
    const result = await build({ config, now: new Date(1700000000000) });
    assert.deepEqual(result.warnings.map((w) => w.location), ['title', 'subtitle', 'author', 'series.name']);
    for (const file of result.files.filter((f) => f.format === 'epub' || f.format === 'kepub')) {
      const report = await epubcheck(file.path);
      assert.equal(report.messages.length, 0, `${file.format}: ${JSON.stringify(report.messages.slice(0, 3))}`);
      const zip = await JSZip.loadAsync(readFileSync(file.path));
      for (const name of Object.keys(zip.files).filter((n) => /\.(xhtml|ncx|opf|svg)$/.test(n))) assert.doesNotMatch(await zip.file(name)!.async('string'), /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe]/, name);
    }
    const text = readFileSync(result.files.find((f) => f.format === 'text')!.path, 'utf8');
    assert.equal(text, 'The Bell\nIt rang twice at dawn.\n');
  });
});
