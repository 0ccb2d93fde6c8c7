import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { renderEpub } from '../../src/epub/write.ts';
import { compile } from '../../src/build.ts';
import { loadConfig } from '../../src/config/load.ts';

export const GOLDEN_DIR = path.resolve(import.meta.dirname, 'sample');
/** The sample book's package document, navigation and chapters: reviewed diffs for any change to the EPUB. */
export const GOLDEN_FILES = ['OEBPS/content.opf', 'OEBPS/toc.xhtml', 'OEBPS/toc.ncx', 'OEBPS/titlepage.xhtml', 'OEBPS/ch01.xhtml', 'OEBPS/style.css', 'META-INF/container.xml'];

/** The golden files as the current code writes them for the sample book. */
export async function currentGoldenFiles(): Promise<Map<string, string>> {
  const root = path.resolve(import.meta.dirname, '../..');
  const book = compile(loadConfig(path.join(root, 'book.config.json')), new Date(1700000000 * 1000));
  const zip = await JSZip.loadAsync(await renderEpub(book));
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
