import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { watchBook } from '../../src/watch.ts';
import { tempDir } from '../helpers/tools.ts';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` or two seconds have passed. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 40 && !done(); i++) await settle(50);
}

describe('watching a book', () => {
  it('sees a chapter saved the moment watching starts, in a new folder too, and not its own output', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'manuscript'));
    mkdirSync(path.join(dir, 'dist'));
    let builds = 0;
    const watcher = watchBook({ projectDir: dir, ignore: [path.join(dir, 'dist')], debounce: 20, rebuild: async () => void builds++ });
    try {
      writeFileSync(path.join(dir, 'manuscript', '01.md'), 'Saved at once.');
      await until(() => builds === 1);
      assert.equal(builds, 1, 'a change in a folder watched from the start');
      mkdirSync(path.join(dir, 'manuscript', 'part-two'));
      await until(() => builds === 2);
      writeFileSync(path.join(dir, 'manuscript', 'part-two', '02.md'), 'A later chapter.');
      await until(() => builds === 3);
      assert.equal(builds, 3, 'a change in a folder made later');
      writeFileSync(path.join(dir, 'dist', 'book.txt'), 'our own output');
      await settle(300);
      assert.equal(builds, 3, 'the output folder is not the author’s');
    } finally {
      watcher.close();
    }
  });

  it('sees changes in a folder removed and made again (issue 24, item 4: a git checkout or stash)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'manuscript'));
    writeFileSync(path.join(dir, 'manuscript', '01.md'), 'One.');
    let builds = 0;
    const watcher = watchBook({ projectDir: dir, ignore: [], debounce: 20, rebuild: async () => void builds++ });
    try {
      rmSync(path.join(dir, 'manuscript'), { recursive: true });
      await settle(100);
      mkdirSync(path.join(dir, 'manuscript'));
      writeFileSync(path.join(dir, 'manuscript', '01.md'), 'One, restored.');
      await until(() => builds >= 1);
      await settle(200);
      const before = builds;
      writeFileSync(path.join(dir, 'manuscript', '01.md'), 'One, edited after the restore.');
      await until(() => builds > before);
      assert.ok(builds > before, 'an edit after the folder came back is rebuilt');
    } finally {
      watcher.close();
    }
  });
});
