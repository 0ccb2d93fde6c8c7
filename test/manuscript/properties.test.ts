import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PROPERTY_SEED } from '../helpers/tools.ts';
import { BookError } from '../../src/errors.ts';
import { decodeManuscript } from '../../src/manuscript/decode.ts';
import { parseChapterSource } from '../../src/manuscript/chapter-source.ts';

// Bytes that look like manuscripts now and then: markup characters, UTF-8 and stray bytes.
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.array(fc.constantFrom('# ', '*', '_', '`', '>', '\n', '\n\n', '\\"', '"', "'", '--', '...', '<b>', '](', '[', 'é', '😀', 'word', ' ', '\r\n', '~~~', '* * *'), { maxLength: 60 }).map((parts) => new TextEncoder().encode(parts.join(''))),
);

describe('manuscript reader on arbitrary bytes', () => {
  for (const file of ['chapter.md', 'chapter.txt']) {
    it(`throws nothing but a BookError (${file})`, () => {
      fc.assert(
        fc.property(bytes, (data) => {
          try {
            parseChapterSource(decodeManuscript(data, file), file);
          } catch (error) {
            assert.ok(error instanceof BookError, `threw ${String(error)}`);
          }
        }),
        { numRuns: 1500, ...PROPERTY_SEED },
      );
    });
  }
});
