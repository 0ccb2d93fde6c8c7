import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compile } from '../src/build.ts';
import { loadConfig } from '../src/config/load.ts';
import { prepareEbooks, type EbookRequest } from '../src/ebook-edition.ts';
import { describeError, EbookThread, reviveError } from '../src/ebook-thread.ts';
import { BookError } from '../src/errors.ts';
import type { PrintPage } from '../src/model/index.ts';
import { bundledFontFiles } from '../src/typeset/fonts.ts';
import { ROOT } from './helpers/tools.ts';

const EPOCH = new Date(1700000000 * 1000);

function sampleRequest(overrides: Partial<EbookRequest> = {}): EbookRequest {
  const config = loadConfig(path.join(ROOT, 'book.config.json'));
  return { book: compile(config, EPOCH), faces: bundledFontFiles(), embedFonts: true, variants: ['epub', 'kepub'], ...overrides };
}

describe('the ebook thread', () => {
  it('makes the same archives as this thread does, page list included', async () => {
    const request = sampleRequest();
    const pages: PrintPage[] = [{ label: '1', chapter: 0, block: 0 }];
    const here = await prepareEbooks(request)(pages);
    const there = await new EbookThread(request).render(pages);
    assert.equal(there.length, 2);
    assert.ok(there.every((archive) => Buffer.isBuffer(archive)));
    assert.deepEqual(there.map((a) => a.toString('base64')), here.map((a) => a.toString('base64')));
  });

  it('hands back a failure as an error with the thread’s message', async () => {
    const missing = path.join(ROOT, 'no-such-face.otf');
    const request = sampleRequest({ faces: { regular: missing, italic: missing, bold: missing, boldItalic: missing } });
    await assert.rejects(new EbookThread(request).render(undefined), (error: Error) => !(error instanceof BookError) && error.message.includes('no-such-face.otf'));
  });

  it('carries an author’s mistake across as a BookError with its fields', () => {
    const original = new BookError('manuscript/01.md', 'line 3', 'the image "x.png" is missing', 'add it');
    const crossed = reviveError(structuredClone(describeError(original)));
    assert.ok(crossed instanceof BookError);
    assert.deepEqual([crossed.file, crossed.location, crossed.problem, crossed.hint, crossed.message], [original.file, original.location, original.problem, original.hint, original.message]);
  });
});
