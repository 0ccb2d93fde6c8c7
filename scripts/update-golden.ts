// npm run golden: rewrites test/golden/sample/ from the current EPUB writer. Review the diff before committing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { currentGoldenFiles, GOLDEN_DIR, goldenPath } from '../test/golden/golden.ts';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const [name, content] of await currentGoldenFiles()) {
  writeFileSync(goldenPath(name), content);
  console.log(`wrote ${goldenPath(name)}`);
}
