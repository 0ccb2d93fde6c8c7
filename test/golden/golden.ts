import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';

export const GOLDEN_DIR = path.resolve(import.meta.dirname, 'sample');
/** The sample book's package document, navigation and chapters: reviewed diffs for any change to the EPUB. */
export const GOLDEN_FILES = ['OEBPS/content.opf', 'OEBPS/toc.xhtml', 'OEBPS/toc.ncx', 'OEBPS/cover.xhtml', 'OEBPS/titlepage.xhtml', 'OEBPS/copyright.xhtml', 'OEBPS/ch01.xhtml', 'OEBPS/style.css', 'META-INF/container.xml'];

/** The golden files as the current code writes them for the sample book. */
export async function currentGoldenFiles(): Promise<Map<string, string>> {
  const root = path.resolve(import.meta.dirname, '../..');
  const out = mkdtempSync(path.join(tmpdir(), 'book-golden-'));
  let zip: JSZip;
  try {
    const result = await build({ config: path.join(root, 'book.config.json'), out, formats: ['epub'], now: new Date(1700000000 * 1000) });
    zip = await JSZip.loadAsync(readFileSync(result.files[0]!.path));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const files = new Map<string, string>();
  for (const name of GOLDEN_FILES) files.set(name, await zip.file(name)!.async('string'));
  return files;
}

export function goldenPath(name: string): string {
  return path.join(GOLDEN_DIR, name.replace(/\//g, '__'));
}

export function readGolden(name: string): string {
  return readFileSync(goldenPath(name), 'utf8');
}
