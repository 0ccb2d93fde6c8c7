// Regenerates schema/book.config.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/config/json-schema.ts';

writeFileSync(new URL('../schema/book.config.schema.json', import.meta.url), JSON.stringify(configJsonSchema(), null, 2) + '\n');
