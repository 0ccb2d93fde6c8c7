import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readSealed, writeSealed } from '../../src/cache/files.ts';
import { tempDir } from '../helpers/tools.ts';

describe('sealed cache files', () => {
  it('gives back what was written', () => {
    const file = path.join(tempDir(), 'a.bin');
    assert.equal(writeSealed(file, () => 'low-lying ground for half a mile'), true);
    assert.equal(readSealed(file)!.toString(), 'low-lying ground for half a mile');
    writeSealed(file, () => new Uint8Array([0, 1, 2, 255]));
    assert.deepEqual([...readSealed(file)!], [0, 1, 2, 255]);
  });

  it('never gives back a file with a flipped bit, cut short or replaced by garbage, and removes it', () => {
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
      writeSealed(file, () => text);
      writeFileSync(file, damage(readFileSync(file)));
      assert.equal(readSealed(file), undefined, what);
      assert.equal(existsSync(file), false, `${what}: the damaged file is removed`);
    }
    assert.equal(readSealed(path.join(dir, 'missing.bin')), undefined);
  });
});
