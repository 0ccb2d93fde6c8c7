import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';
import { epubcheck, missingTool, pdfBodyText, ROOT, tempDir } from '../helpers/tools.ts';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

const books = [
  {
    name: 'French',
    config: 'test/fixtures/french/book.config.json',
    slug: 'le-petit-livre',
    text: [
      `Chapitre premier${NBSP}: Le départ`,
      `«${NNBSP}Vous partez déjà${NNBSP}?${NNBSP}» demanda-t-elle. «${NNBSP}Il fait nuit${NNBSP}!${NNBSP}»`,
      `Il haussa les épaules${NNBSP}; l’homme n’avait pas le choix… Le train partait à 9 h 30${NBSP}– ou plus tôt.`,
      `«${NNBSP}Écoutez${NBSP}: je reviendrai${NNBSP}», dit-il. “Peut-être.”`,
    ],
    // What pdftotext gives back: the narrow spaces are drawn as space, not as characters.
    pdfWords: ['«', 'Vous', 'partez', 'déjà', '?', '»', 'l’homme', 'choix…'],
  },
  {
    name: 'German',
    config: 'test/fixtures/german/book.config.json',
    slug: 'das-kleine-buch',
    text: ['Erstes Kapitel', '„Gehst du schon?“, fragte sie. „Es ist ‚spät‘ geworden…“', `Er zuckte mit den Schultern${NBSP}– er hatte keine Wahl. Der Zug fuhr von 1914–1918 nicht.`],
    pdfWords: ['„Gehst', 'schon?“,', '‚spät‘', 'geworden…“', '1914–1918'],
  },
];

for (const book of books) {
  describe(`a ${book.name} book`, () => {
    const out = tempDir();
    before(async () => {
      await build({ config: path.join(ROOT, book.config), out, formats: ['epub', 'pdf', 'text'], now: new Date(1700000000000) });
    });

    it('has the language’s quotation marks and spaces in the text output', () => {
      assert.deepEqual(readFileSync(path.join(out, `${book.slug}.txt`), 'utf8').trimEnd().split('\n'), book.text);
    });

    it('has them in the EPUB, with the language on every document, and passes EPUBCheck 5', { skip: missingTool('java', ['-version']) }, async () => {
      const file = path.join(out, `${book.slug}.epub`);
      const zip = await JSZip.loadAsync(readFileSync(file));
      const chapter = await zip.file('OEBPS/ch01.xhtml')!.async('string');
      for (const line of book.text.slice(1)) assert.ok(chapter.includes(line), `EPUB lacks: ${line}`);
      const language = book.name === 'French' ? 'fr' : 'de';
      assert.match(chapter, new RegExp(`xml:lang="${language}" lang="${language}"`));
      assert.match(await zip.file('OEBPS/content.opf')!.async('string'), new RegExp(`<dc:language>${language}</dc:language>`));
      const report = await epubcheck(file);
      assert.deepEqual(report.messages, []);
    });

    it('has them in the PDF', { skip: missingTool('pdftotext') }, async () => {
      const text = (await pdfBodyText(path.join(out, `${book.slug}.pdf`))).replace(/[\s\u00A0\u202F]+/g, ' ');
      const tokens = text.split(' ');
      for (const word of book.pdfWords) assert.ok(tokens.includes(word) || text.includes(word), `PDF lacks "${word}" in: ${text.slice(0, 400)}`);
    });
  });
}
