import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { zipArchive } from '../../src/epub/zip.ts';

describe('the EPUB zip writer', () => {
  const modified = new Date(Date.UTC(2023, 10, 14, 22, 13, 20));
  const entries = [
    { name: 'mimetype', data: Buffer.from('application/epub+zip'), store: true },
    { name: 'OEBPS/ch01.xhtml', data: Buffer.from('<p>“Café” — naïve</p>'.repeat(100)) },
    { name: 'OEBPS/images/é.png', data: new Uint8Array([0, 1, 2, 255]) },
  ];

  it('writes an archive another reader unpacks to the same files, mimetype first and stored', async () => {
    const bytes = zipArchive(entries, modified);
    assert.equal(bytes.toString('latin1', 30, 38), 'mimetype');
    assert.equal(bytes.toString('latin1', 38, 58), 'application/epub+zip', 'mimetype uncompressed at offset 38, as OCF requires');
    const zip = await JSZip.loadAsync(bytes);
    assert.deepEqual(Object.keys(zip.files), entries.map((e) => e.name));
    for (const entry of entries) assert.deepEqual(Buffer.from(await zip.file(entry.name)!.async('uint8array')), Buffer.from(entry.data), entry.name);
    assert.equal(zip.files['OEBPS/ch01.xhtml']!.date.getUTCFullYear(), 2023);
  });

  it('gives the same bytes for the same entries and timestamp', () => {
    assert.ok(zipArchive(entries, modified).equals(zipArchive(entries, modified)));
    assert.ok(!zipArchive(entries, modified).equals(zipArchive(entries, new Date(Date.UTC(2024, 0, 1)))));
  });
});
