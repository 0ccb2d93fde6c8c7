import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readSealed, settleCacheWrites, writeSealed } from '../../src/cache/files.ts';
import { tempDir } from '../helpers/tools.ts';

describe('sealed cache files', () => {
  it('gives back what was written', async () => {
    const file = path.join(tempDir(), 'a.bin');
    assert.equal(await writeSealed(file, () => 'low-lying ground for half a mile'), true);
    assert.equal(readSealed(file)!.toString(), 'low-lying ground for half a mile');
    await writeSealed(file, () => new Uint8Array([0, 1, 2, 255]));
    assert.deepEqual([...readSealed(file)!], [0, 1, 2, 255]);
  });

  it('is written while the caller goes on, and settleCacheWrites waits for every write under way', async () => {
    const dir = tempDir();
    const files = ['one', 'two', 'three'].map((name) => path.join(dir, `${name}.bin`));
    for (const file of files) void writeSealed(file, () => `kept in ${path.basename(file)}`);
    await settleCacheWrites();
    assert.deepEqual(files.map((file) => readSealed(file)?.toString()), ['kept in one.bin', 'kept in two.bin', 'kept in three.bin']);
    assert.equal(await writeSealed(path.join(dir, 'made badly.bin'), () => { throw new Error('cannot make the bytes'); }), false, 'bytes that cannot be made: no file, no error');
    assert.equal(existsSync(path.join(dir, 'made badly.bin')), false);
  });

  it('never gives back a file with a flipped bit, cut short or replaced by garbage, and removes it', async () => {
    const dir = tempDir();
    const text = 'low-lying ground for half a mile, '.repeat(40);
    const damages: [string, (data: Buffer) => Buffer][] = [
      ['a bit flipped in the middle', (data) => (data[data.length >> 1]! ^= 0x01, data)],
      ['a bit flipped in the seal', (data) => (data[data.length - 20]! ^= 0x80, data)],
      ['cut short', (data) => data.subarray(0, data.length - 7)],
      ['cut to nothing', () => Buffer.alloc(0)],
      ['garbage', (data) => Buffer.from(data.map((_, i) => (i * 31) & 0xff))],
      ['an unsealed file of an older build', () => Buffer.from(text)],
    ];
    for (const [what, damage] of damages) {
      const file = path.join(dir, `${what}.bin`);
      await writeSealed(file, () => text);
      writeFileSync(file, damage(readFileSync(file)));
      assert.equal(readSealed(file), undefined, what);
      assert.equal(existsSync(file), false, `${what}: the damaged file is removed`);
    }
    assert.equal(readSealed(path.join(dir, 'missing.bin')), undefined);
  });
});
