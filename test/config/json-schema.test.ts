import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { configJsonSchema } from '../../src/config/json-schema.ts';
import { ROOT } from '../helpers/tools.ts';

describe('JSON Schema for editors', () => {
  it('is the committed file, generated from the zod schema (npm run schema)', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'schema/book.config.schema.json'), 'utf8'));
    assert.deepEqual(committed, configJsonSchema());
  });
  it('is what the sample config points at', () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, 'book.config.json'), 'utf8'));
    assert.equal(path.resolve(ROOT, config.$schema), path.join(ROOT, 'schema/book.config.schema.json'));
  });
  it('lists the contract fields and requires the four essentials', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    for (const key of ['title', 'subtitle', 'author', 'language', 'chapters', 'identifier', 'publisher', 'rights', 'description', 'date', 'output']) assert.ok(key in schema.properties, key);
    assert.deepEqual([...schema.required].sort(), ['author', 'chapters', 'language', 'title']);
  });
});
