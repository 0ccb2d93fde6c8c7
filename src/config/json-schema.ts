import { z } from 'zod';
import { configSchema } from './schema.ts';

/** The config's JSON Schema, generated from the zod schema so editors can autocomplete and check. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'book.config.json', description: 'Configuration of a book built with `book build`.' };
}
