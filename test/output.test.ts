import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BookError } from '../src/errors.ts';
import { PendingOutputs } from '../src/output.ts';
import { tempDir } from './helpers/tools.ts';

// Issue 24, items 5, 9 and 14: the commit is all or nothing, output faults are one line, and what
// killed builds left behind is cleared.

describe('the outputs of a build', () => {
  it('are all put in place, or none: a PDF that is a folder leaves the EPUB and text as they were', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.epub'), 'old epub');
    writeFileSync(path.join(dir, 'book.txt'), 'old text');
    mkdirSync(path.join(dir, 'book.pdf'));
    const outputs = new PendingOutputs(dir);
    outputs.write('book.txt', 'new text');
    outputs.write('book.epub', 'new epub');
    outputs.write('book.pdf', 'new pdf');
    assert.throws(() => outputs.commit(), (error: unknown) => error instanceof BookError && /book\.pdf: is a folder where an output file goes/.test(error.message));
    assert.equal(readFileSync(path.join(dir, 'book.epub'), 'utf8'), 'old epub');
    assert.equal(readFileSync(path.join(dir, 'book.txt'), 'utf8'), 'old text');
    assert.deepEqual(readdirSync(dir).sort(), ['book.epub', 'book.pdf', 'book.txt'], 'no temporary file is left');
  });

  it('replace the old ones when all can be', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'book.epub'), 'old');
    const outputs = new PendingOutputs(dir);
    outputs.write('book.epub', 'new');
    outputs.write('book.txt', 'text');
    outputs.commit();
    assert.equal(readFileSync(path.join(dir, 'book.epub'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir).sort(), ['book.epub', 'book.txt']);
  });

  it('tell a folder that is a file in one line', () => {
    const file = path.join(tempDir(), 'dist');
    writeFileSync(file, 'not a folder');
    assert.throws(() => new PendingOutputs(file).write('book.epub', 'x'), (error: unknown) => error instanceof BookError && /dist: is a file, not a folder \(remove it, or build to another folder with --out\)/.test(error.message));
  });

  it('clear what builds killed mid-way left, and put back an output one had set aside', () => {
    const dir = tempDir();
    // No process has this id: its files are leftovers.
    const dead = 2 ** 22 + 12345;
    writeFileSync(path.join(dir, `.book.pdf.${dead}.tmp`), 'half a pdf');
    writeFileSync(path.join(dir, `.book.epub.${dead}.old`), 'the epub it set aside');
    writeFileSync(path.join(dir, `.book.txt.${process.pid}.tmp`), 'this process is running: left alone');
    const outputs = new PendingOutputs(dir);
    outputs.write('book.txt', 'text');
    outputs.commit();
    assert.equal(existsSync(path.join(dir, `.book.pdf.${dead}.tmp`)), false);
    assert.equal(readFileSync(path.join(dir, 'book.epub'), 'utf8'), 'the epub it set aside');
  });
});
