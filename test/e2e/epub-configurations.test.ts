import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';
import { pngImage } from '../helpers/images.ts';
import { epubcheck, missingTool, tempDir } from '../helpers/tools.ts';

async function epubOf(config: Record<string, unknown>, chapters: Record<string, string>): Promise<string> {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'manuscript'));
  writeFileSync(path.join(dir, 'cover.png'), pngImage(160, 256));
  for (const [name, text] of Object.entries(chapters)) writeFileSync(path.join(dir, 'manuscript', name), text);
  writeFileSync(path.join(dir, 'book.config.json'), JSON.stringify({ chapters: ['manuscript/*'], ...config }));
  const result = await build({ config: path.join(dir, 'book.config.json'), formats: ['epub'], now: new Date(1700000000000) });
  return result.files[0]!.path;
}

describe('EPUBs of other configurations', () => {
  const configurations: [string, Record<string, unknown>, Record<string, string>][] = [
    [
      'several authors, subtitle and full metadata',
      { title: 'Two Hands & One <Pen>', subtitle: 'A Novel', author: ['Ann One', 'Bo Two'], language: 'en-GB', publisher: 'Small Press', rights: '© 2024 Ann One and Bo Two', description: 'A story "told" twice.', date: '2024-05-01', identifier: 'urn:isbn:9780000000002' },
      { '01.md': '# One\n\n"Yes," said *she*.\n\n* * *\n\n> A letter.\n', '02.txt': 'Chapter 2.\n\nPlain text.' },
    ],
    ['a cover image', { title: 'Covered', author: 'A', language: 'en', cover: 'cover.png', coverAlt: 'A grey field' }, { '01.md': '# One\n\nText.\n' }],
    ['a non-Latin title in Russian', { title: 'Война и мир', author: 'Лев Толстой', language: 'ru' }, { '01.md': '# Глава первая\n\n"Ну, князь," сказала она...\n' }],
    ['a Japanese title', { title: '吾輩は猫である', author: '夏目漱石', language: 'ja' }, { '01.md': '# 一\n\n吾輩は猫である。名前はまだ無い。\n' }],
  ];
  for (const [name, config, chapters] of configurations) {
    it(`${name}: passes EPUBCheck 5 with no errors and no warnings`, { skip: missingTool('java', ['-version']) }, async () => {
      const report = await epubcheck(await epubOf(config, chapters));
      assert.deepEqual(report.messages, []);
    });
  }

  it('marks the cover image and links its page from the landmarks', async () => {
    const zip = await JSZip.loadAsync(readFileSync(await epubOf(configurations[1]![1], configurations[1]![2])));
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    assert.match(opf, /<item id="cover-image" href="images\/cover\.png" media-type="image\/png" properties="cover-image"\/>/);
    assert.match(opf, /<itemref idref="cover"\/>/);
    assert.match(opf, /accessibilityFeature">alternativeText/);
    assert.match(await zip.file('OEBPS/toc.xhtml')!.async('string'), /<a epub:type="cover" href="cover\.xhtml">/);
    assert.match(await zip.file('OEBPS/cover.xhtml')!.async('string'), /<img src="images\/cover\.png" alt="A grey field"\/>/);
    assert.ok(zip.file('OEBPS/images/cover.png'));
  });

  it('declares accessibility, landmarks and every author in the package document', async () => {
    const file = await epubOf(configurations[0]![1], configurations[0]![2]);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    for (const meta of ['schema:accessMode">textual', 'schema:accessModeSufficient">textual', 'schema:accessibilityFeature">structuralNavigation', 'schema:accessibilityFeature">tableOfContents', 'schema:accessibilityFeature">readingOrder', 'schema:accessibilityHazard">none', 'schema:accessibilitySummary">']) {
      assert.ok(opf.includes(meta), meta);
    }
    assert.match(opf, /<dc:creator id="creator-1">Ann One<\/dc:creator>/);
    assert.match(opf, /<dc:creator id="creator-2">Bo Two<\/dc:creator>/);
    assert.match(opf, /<dc:title id="title">Two Hands &amp; One &lt;Pen&gt;<\/dc:title>/);
    assert.match(opf, /<dc:identifier id="book-id">urn:isbn:9780000000002<\/dc:identifier>/);
    assert.match(opf, /<meta property="dcterms:modified">2023-11-14T22:13:20Z<\/meta>/);
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    assert.match(nav, /epub:type="landmarks"/);
    assert.match(nav, /<a epub:type="toc" href="toc.xhtml">/);
    assert.match(nav, /<a epub:type="bodymatter" href="ch01.xhtml">/);
    const chapter = await zip.file('OEBPS/ch01.xhtml')!.async('string');
    assert.match(chapter, /epub:type="chapter"/);
    assert.match(chapter, /<hr class="scene-break"\/>/);
    assert.match(chapter, /xml:lang="en-GB" lang="en-GB"/);
  });
});
