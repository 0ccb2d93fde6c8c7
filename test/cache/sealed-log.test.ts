import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { appendRecord, keepLog, readSealedLog, worthAppending, writeSealedLog } from '../../src/cache/sealed-log.ts';
import { tempDir } from '../helpers/tools.ts';

const texts = (file: string) => readSealedLog(file)!.records.map((record) => record.toString());

describe('a sealed log', () => {
  it('reads back what was written whole and what was appended, in order', async () => {
    const file = path.join(tempDir(), 'memo.log');
    const log = (await writeSealedLog(file, () => Buffer.from('first')))!;
    assert.deepEqual(log, { size: statSync(file).size, intact: true, records: 1 });
    assert.equal(await appendRecord(file, log, Buffer.from('second')), true);
    assert.equal(await appendRecord(file, log, Buffer.from('')), true, 'an empty record');
    assert.deepEqual(texts(file), ['first', 'second', '']);
    assert.deepEqual(readSealedLog(file)!.log, { size: statSync(file).size, intact: true, records: 3 });
    assert.equal(readSealedLog(path.join(path.dirname(file), 'missing.log')), undefined);
  });

  it('reads up to a record cut short or damaged, and is then never appended to', async () => {
    const dir = tempDir();
    const cut = path.join(dir, 'cut.log');
    const log = (await writeSealedLog(cut, () => Buffer.from('kept')))!;
    await appendRecord(cut, log, Buffer.from('cut by a power loss'));
    truncateSync(cut, statSync(cut).size - 5);
    const read = readSealedLog(cut)!;
    assert.deepEqual(read.records.map(String), ['kept']);
    assert.equal(read.log.intact, false);
    assert.equal(await appendRecord(cut, read.log, Buffer.from('more')), false, 'written whole instead');

    const flipped = path.join(dir, 'flipped.log');
    const other = (await writeSealedLog(flipped, () => Buffer.from('one')))!;
    await appendRecord(flipped, other, Buffer.from('two'));
    await appendRecord(flipped, other, Buffer.from('three'));
    const bytes = readFileSync(flipped);
    bytes[bytes.indexOf('two')]! ^= 0x01;
    writeFileSync(flipped, bytes);
    assert.deepEqual(texts(flipped), ['one'], 'nothing after the damage is trusted');

    const garbage = path.join(dir, 'garbage.log');
    writeFileSync(garbage, 'not a log at all');
    assert.deepEqual(readSealedLog(garbage)!.records, []);
  });

  it('is written whole again once it holds 32 records', async () => {
    const file = path.join(tempDir(), 'memo.log');
    const log = (await writeSealedLog(file, () => Buffer.from('0')))!;
    for (let i = 1; i < 32; i++) assert.equal(await appendRecord(file, log, Buffer.from(String(i))), true, `record ${i + 1}`);
    assert.equal(await appendRecord(file, log, Buffer.from('32')), false);
    assert.equal(texts(file).length, 32);
  });

  it('is appended to while at most a third of what it would hold is dead weight', () => {
    assert.equal(worthAppending(100, 2, 100), true, 'an edit');
    assert.equal(worthAppending(140, 10, 100), true, 'half again as many entries as are used');
    assert.equal(worthAppending(141, 10, 100), false);
    assert.equal(worthAppending(0, 5, 5), false, 'no file yet: written whole');
  });

  it('is not appended to once another build has changed it since it was read', async () => {
    const file = path.join(tempDir(), 'memo.log');
    await writeSealedLog(file, () => Buffer.from('first'));
    const mine = readSealedLog(file)!.log;
    const theirs = readSealedLog(file)!.log;
    assert.equal(await appendRecord(file, theirs, Buffer.from('theirs')), true);
    assert.equal(await appendRecord(file, mine, Buffer.from('mine')), false);
    appendFileSync(file, 'x');
    assert.equal(await appendRecord(file, theirs, Buffer.from('more')), false);
    assert.deepEqual(texts(file), ['first', 'theirs']);
  });

  it('is kept by appending where it can, else written whole, and says which', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'memo.log');
    const first = await keepLog(file, undefined, () => Buffer.from('never made'), () => Buffer.from('whole'));
    assert.equal(first.how, 'written', 'no log read: written whole');
    assert.deepEqual(texts(file), ['whole']);
    const second = await keepLog(file, first.log, () => Buffer.from('edit'), () => Buffer.from('not needed'));
    assert.deepEqual([second.how, second.log], ['appended', first.log]);
    assert.deepEqual(texts(file), ['whole', 'edit']);
    // Another build appended meanwhile: this one's view of the file is stale.
    const stale = { ...second.log! };
    await appendRecord(file, second.log!, Buffer.from('theirs'));
    const third = await keepLog(file, stale, () => Buffer.from('mine'), () => Buffer.from('whole again'));
    assert.equal(third.how, 'written');
    assert.deepEqual(texts(file), ['whole again']);
    assert.deepEqual(third.log, readSealedLog(file)!.log);
    writeFileSync(path.join(dir, 'not a folder'), '');
    const failed = await keepLog(path.join(dir, 'not a folder', 'memo.log'), undefined, undefined, () => Buffer.from('x'));
    assert.deepEqual(failed, { how: 'failed', log: undefined });
  });
});
