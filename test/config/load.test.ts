import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { derivedIdentifier, loadConfig } from '../../src/config/load.ts';
import { BookError } from '../../src/errors.ts';
import { tempDir } from '../helpers/tools.ts';

function project(config: unknown, files: Record<string, string> = { 'manuscript/01-one.md': '# One\n\nText.\n' }): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const file = path.join(dir, 'book.config.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return file;
}

const valid = { title: 'A Book', author: 'Ann Author', language: 'en', chapters: ['manuscript/*.md'] };

function errorOf(file: string): BookError {
  try {
    loadConfig(file);
  } catch (error) {
    assert.ok(error instanceof BookError, `expected a BookError, got ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/, 'an error is one line');
    assert.match(error.message, /book\.config\.json/, 'names the file');
    return error;
  }
  assert.fail('expected the config to be rejected');
}

describe('loadConfig', () => {
  it('accepts a minimal config and fills defaults', () => {
    const config = loadConfig(project(valid));
    assert.equal(config.title, 'A Book');
    assert.deepEqual(config.authors, ['Ann Author']);
    assert.equal(config.output.name, 'a-book');
    assert.equal(path.basename(config.output.dir), 'dist');
    assert.match(config.identifier, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(config.typography.dash, undefined, 'the language decides');
  });

  it('derives the same identifier for the same book, a different one for another', () => {
    assert.equal(derivedIdentifier('T', ['A']), derivedIdentifier('T', ['A']));
    assert.notEqual(derivedIdentifier('T', ['A']), derivedIdentifier('T', ['B']));
  });

  it('expands globs in natural order (2 before 10)', () => {
    const files = Object.fromEntries(['1', '2', '10', '11'].map((n) => [`manuscript/ch${n}.md`, `# ${n}\n\nText.`]));
    const config = loadConfig(project(valid, files));
    assert.deepEqual(config.chapters.map((c) => path.basename(c.file)), ['ch1.md', 'ch2.md', 'ch10.md', 'ch11.md']);
  });

  it('takes a title override from a { file, title } entry', () => {
    const config = loadConfig(project({ ...valid, chapters: [{ file: 'manuscript/01-one.md', title: 'The First' }] }));
    assert.equal(config.chapters[0]!.title, 'The First');
  });

  const mistakes: [string, unknown, RegExp][] = [
    ['not JSON', '{\n  "title": "x",\n  "author": "y"\n  "language": "en"\n}', /line 4, column 3: not valid JSON/],
    ['a misspelt key', { ...valid, autor: 'x' }, /autor: unknown key \(did you mean "author"\?\)/],
    ['an unknown nested key', { ...valid, output: { nmae: 'x' } }, /output\.nmae: unknown key \(did you mean "name"\?\)/],
    ['a missing title', { author: 'a', language: 'en', chapters: ['manuscript/*.md'] }, /title: is required/],
    ['a wrong type', { ...valid, author: 42 }, /author: must be a string or a list, not number/],
    ['a bad language tag', { ...valid, language: 'english' }, /language: must be a BCP 47 language tag/],
    ['no chapters', { ...valid, chapters: [] }, /chapters: needs at least one chapter/],
    ['a glob matching nothing', { ...valid, chapters: ['manuscript/*.md', 'manuscript/03-*.md'] }, /chapters\[1\]: no file matches "manuscript\/03-\*\.md"/],
    ['a missing file', { ...valid, chapters: ['manuscript/nope.md'] }, /chapters\[0\]: file "manuscript\/nope\.md" does not exist/],
    ['a chapter listed twice', { ...valid, chapters: ['manuscript/*.md', 'manuscript/01-one.md'] }, /chapters\[1\]: "manuscript\/01-one\.md" is already listed at chapters\[0\]/],
    ['a folder as a chapter', { ...valid, chapters: ['manuscript'] }, /chapters\[0\]: "manuscript" is a folder/],
    ['a path outside the project', { ...valid, chapters: ['../elsewhere.md'] }, /chapters\[0\]: "\.\.\/elsewhere\.md" points outside the book's folder/],
    ['a bad enum value', { ...valid, typography: { dash: 'en' } }, /typography\.dash: must be one of "em", "spaced-en", "spaced-em", not "en"/],
    ['a bad date', { ...valid, date: 'yesterday' }, /date: must be an ISO 8601 date/],
    ['not an object', '[1, 2]', /must be a JSON object/],
  ];
  for (const [name, config, message] of mistakes) {
    it(`rejects ${name} in one line naming the file and path`, () => {
      assert.match(errorOf(project(config)).message, message);
    });
  }

  it('reports a missing config file', () => {
    assert.throws(() => loadConfig(path.join(tempDir(), 'book.config.json')), /book\.config\.json: config file not found/);
  });
});

describe('parts, people, matter and identifiers in the config', () => {
  const files = { 'manuscript/01.md': '# One\n\nA.\n', 'manuscript/02.md': '# Two\n\nB.\n', 'manuscript/03.md': '# Three\n\nC.\n', 'about.md': 'Bio.\n' };

  it('groups chapters into parts, keeping the reading order', () => {
    const config = loadConfig(project({ ...valid, chapters: ['manuscript/01.md', { part: 'Part One', chapters: ['manuscript/02.md', { file: 'manuscript/03.md', title: 'Last' }] }] }, files));
    assert.deepEqual(
      config.chapters.map((c) => [path.basename(c.file), c.part?.title, c.part?.index, c.title]),
      [['01.md', undefined, undefined, undefined], ['02.md', 'Part One', 0, undefined], ['03.md', 'Part One', 0, 'Last']],
    );
  });

  it('names the path inside a part when one of its chapters is missing', () => {
    const error = errorOf(project({ ...valid, chapters: [{ part: 'One', chapters: ['manuscript/01.md', 'manuscript/09.md'] }] }, files));
    assert.match(error.message, /chapters\[0\]\.chapters\[1\]: file "manuscript\/09\.md" does not exist/);
  });

  it('tells authors from other contributors and maps roles to MARC relator codes', () => {
    const config = loadConfig(project({ ...valid, author: [{ name: 'Leo Tolstoy', fileAs: 'Tolstoy, Leo' }, { name: 'Louise Maude', role: 'translator' }, { name: 'Ed Itor', role: 'editor' }] }, files));
    assert.deepEqual(config.authors, ['Leo Tolstoy']);
    assert.deepEqual(config.authorsFileAs, ['Tolstoy, Leo']);
    assert.deepEqual(config.contributors.map((c) => [c.name, c.role]), [['Louise Maude', 'trl'], ['Ed Itor', 'edt']]);
    assert.match(errorOf(project({ ...valid, author: [{ name: 'X', role: 'translator' }] }, files)).message, /author: names no one with the role "author"/);
    assert.match(errorOf(project({ ...valid, author: [{ name: "X", role: "ghost" }] }, files)).message, /author(\[0\]\.role)?: must be one of .*"translator".*not "ghost"/);
  });

  it('checks the ISBN and makes it the identifier', () => {
    assert.equal(loadConfig(project({ ...valid, isbn: '978-3-16-148410-0' }, files)).identifier, 'urn:isbn:9783161484100');
    assert.equal(loadConfig(project({ ...valid, isbn: 'ISBN 0-306-40615-2' }, files)).identifier, 'urn:isbn:0306406152');
    assert.match(errorOf(project({ ...valid, isbn: '978-3-16-148410-1' }, files)).message, /isbn: is not a valid ISBN/);
    assert.equal(loadConfig(project({ ...valid, isbn: '978-3-16-148410-0', identifier: 'urn:x:own' }, files)).identifier, 'urn:x:own', 'an explicit identifier wins');
  });

  it('takes front and back matter as Markdown or as a file inside the book', () => {
    const config = loadConfig(project({ ...valid, dedication: 'For *you*.', aboutAuthor: { file: 'about.md', title: 'The Author' } }, files));
    assert.deepEqual(config.matter.dedication, { text: 'For *you*.' });
    assert.equal(path.basename(config.matter.aboutAuthor!.file!), 'about.md');
    assert.equal(config.matter.aboutAuthor!.title, 'The Author');
    assert.match(errorOf(project({ ...valid, epigraph: { file: 'missing.md' } }, files)).message, /epigraph\.file: file "missing\.md" does not exist/);
    assert.match(errorOf(project({ ...valid, dedication: { file: '../outside.md' } }, files)).message, /dedication\.file: "\.\.\/outside\.md" is outside the book's folder/);
  });

  it('defaults the formats to EPUB and PDF and accepts a Kobo kepub', () => {
    assert.deepEqual(loadConfig(project(valid, files)).formats, ['epub', 'pdf']);
    assert.deepEqual(loadConfig(project({ ...valid, formats: ['kepub'] }, files)).formats, ['kepub']);
    assert.match(errorOf(project({ ...valid, formats: ['mobi'] }, files)).message, /formats\[0\]/);
  });
});

describe('control characters in the config (issue 24, item 3)', () => {
  it('are taken out of every field, each field told once with its JSON path', () => {
    const config = loadConfig(project({ ...valid, title: 'The Tide\u000b Clock\u0007', author: ['R. \u001b[31mWeaver\u0000'], series: { name: 'Tides\ufffe' } }));
    assert.equal(config.title, 'The Tide Clock');
    assert.deepEqual(config.authors, ['R. [31mWeaver']);
    assert.equal(config.series?.name, 'Tides');
    assert.deepEqual(
      config.warnings.map((w) => `${w.location}: ${w.message}`),
      ['title: control characters removed (U+000B, U+0007): an ebook cannot hold them', 'author[0]: control characters removed (U+001B, U+0000): an ebook cannot hold them', 'series.name: control characters removed (U+FFFE): an ebook cannot hold them'],
    );
    assert.deepEqual(loadConfig(project(valid)).warnings, []);
  });
});

describe('a long title (issue 24, item 10)', () => {
  it('gives the outputs a name a file system can hold, cut at a word', () => {
    const crusoe =
      'The Life and Strange Surprizing Adventures of Robinson Crusoe, of York, Mariner: Who lived Eight and Twenty Years, all alone in an un-inhabited Island on the Coast of America, near the Mouth of the Great River of Oroonoque; Having been cast on Shore by Shipwreck, wherein all the Men perished but himself. With An Account how he was at last as strangely deliver’d by Pyrates';
    const name = loadConfig(project({ ...valid, title: crusoe })).output.name;
    assert.ok(Buffer.byteLength(name) <= 120, name);
    assert.match(name, /^the-life-and-strange-surprizing-adventures-of-robinson-crusoe-of-york-mariner[\w-]*[a-z]$/);
    assert.equal(loadConfig(project({ ...valid, title: 'Crait' })).output.name, 'crait');
  });
});

describe('an output folder a chapter pattern reaches into (issue 24, item 6)', () => {
  it('is refused in one line naming the pattern and the output, before any build reads its own output', () => {
    const file = project({ ...valid, chapters: ['manuscript/*.txt'], output: { dir: 'manuscript' }, formats: ['epub', 'text'] }, { 'manuscript/01.txt': 'One.\n' });
    assert.match(errorOf(file).message, /chapters\[0\]: "manuscript\/\*\.txt" takes in the book's own output "manuscript\/a-book\.txt"/);
    // The same folder with patterns that cannot match an output is fine.
    assert.equal(loadConfig(project({ ...valid, output: { dir: 'manuscript' } })).chapters.length, 1);
    assert.equal(loadConfig(project({ ...valid, chapters: ['**/*.md'] })).chapters.length, 1);
  });
});

describe('a config JSON.parse would take wrongly (issue 24, item 15)', () => {
  it('refuses a key given twice in one object, naming its line and column', () => {
    const file = project('{\n  "title": "A",\n  "title": "B",\n  "author": "Ann", "language": "en", "chapters": ["manuscript/*.md"]\n}\n');
    assert.match(errorOf(file).message, /book\.config\.json: line 3, column 3: "title" is given twice in the same object \(keep one of them\)/);
    // The same key in two objects is no repeat.
    assert.equal(loadConfig(project({ ...valid, series: { name: 'S' }, output: { name: 'x' } })).title, 'A Book');
  });

  it('refuses bytes that are not UTF-8, naming their line, where a replacement character would have been printed', () => {
    const dir = path.dirname(project(valid));
    const file = path.join(dir, 'book.config.json');
    writeFileSync(file, Buffer.concat([Buffer.from('{\n  "title": "Caf'), Buffer.from([0xe9]), Buffer.from('",\n  "author": "Ann", "language": "en", "chapters": ["manuscript/*.md"]\n}\n')]));
    assert.match(errorOf(file).message, /book\.config\.json: line 2: is not UTF-8 text/);
    writeFileSync(file, JSON.stringify({ ...valid, title: 'Café “Noir”' }));
    assert.equal(loadConfig(file).title, 'Café “Noir”');
  });
});
