import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { asParts, sha256, track, writeAll, writeWhole, type CacheBytes } from './files.ts';

// A cache that grows a little with each build (the words and paragraphs of a novel being edited)
// is kept as a log: records appended one after another, each sealed with the SHA-256 of its
// bytes. An edit's few new entries are then one small append, where writing the whole file again
// took a tenth of a second for a long novel; the file is written whole (compacted) only when much
// of it is no longer used. A record is its mark, its length, its bytes and their digest.
const MARK = Buffer.from('bkr1');
const HEAD = MARK.length + 4;
const DIGEST = 32;
// Past this many records, a log is written whole again as one: each is checked and parsed apart.
const MOST_RECORDS = 32;

/**
 * Whether a memo's new entries are worth appending to its log: not when the file would then hold
 * more than half again as many entries as are still used (earlier versions, entries no build asks
 * for), nor when there is no file yet. Otherwise the log is written whole, with only what is used.
 */
export function worthAppending(stored: number, added: number, used: number): boolean {
  return stored > 0 && (stored + added) * 2 <= used * 3;
}

/** A log file as this process last read or wrote it: what an append must find (see appendRecord). */
export interface SealedLog {
  /** Its size: an append is made only to the file as it was read or written. */
  size: number;
  /**
   * Every byte of the file belonged to a whole record. A file cut short by a power loss, or with a
   * damaged record, is read up to the damage and written whole at the next change, never appended to.
   */
  intact: boolean;
  /** Records in it: a log of many small records is written whole again, as one. */
  records: number;
}

/** A record's parts: its head, then its bytes (in parts, never copied into one) and their digest. */
function record(bytes: readonly Uint8Array[]): Uint8Array[] {
  const head = Buffer.alloc(HEAD);
  MARK.copy(head);
  head.writeUInt32LE(lengthOf(bytes), MARK.length);
  return [head, ...bytes, sha256(bytes)];
}

const lengthOf = (bytes: readonly Uint8Array[]) => bytes.reduce((sum, part) => sum + part.byteLength, 0);

/** The log's records, up to the first that is not whole; undefined if the file cannot be read. */
export function readSealedLog(file: string): { records: Buffer[]; log: SealedLog } | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const records: Buffer[] = [];
  let at = 0;
  while (at + HEAD + DIGEST <= data.length && data.subarray(at, at + MARK.length).equals(MARK)) {
    const end = at + HEAD + data.readUInt32LE(at + MARK.length);
    if (end + DIGEST > data.length) break;
    const bytes = data.subarray(at + HEAD, end);
    if (!createHash('sha256').update(bytes).digest().equals(data.subarray(end, end + DIGEST))) break;
    records.push(bytes);
    at = end + DIGEST;
  }
  return { records, log: { size: data.length, intact: at === data.length, records: records.length } };
}

/** Writes the log whole, as one record (see writeWhole: a reader never sees half of it); undefined if it cannot be written. */
export function writeSealedLog(file: string, bytes: () => CacheBytes): Promise<SealedLog | undefined> {
  let size = 0;
  const written = writeWhole(file, () => {
    const whole = record(asParts(bytes()));
    size = lengthOf(whole);
    return whole;
  });
  return written.then((done) => (done ? { size, intact: true, records: 1 } : undefined));
}

/** How a log was kept (see keepLog), and the log as the file now is: undefined when it could not be written. */
export interface KeptLog {
  how: 'appended' | 'written' | 'failed';
  log: SealedLog | undefined;
}

/**
 * Appends `added` to the file's log where it can (see appendRecord), else writes `whole`. The
 * bytes of either are made now, unless an append under way fails (another build changed the
 * file): `whole` is made then.
 */
export function keepLog(file: string, log: SealedLog | undefined, added: (() => CacheBytes) | undefined, whole: () => CacheBytes): Promise<KeptLog> {
  const writeWhole = () => writeSealedLog(file, whole).then((written): KeptLog => ({ how: written ? 'written' : 'failed', log: written }));
  if (!log || !added) return writeWhole();
  return appendRecord(file, log, asParts(added())).then((appended) => (appended ? { how: 'appended', log } : writeWhole()));
}

/**
 * Appends a record to the log as `read` found it, flushed to the disk; false when the file is not
 * as it was read (damaged, or changed since by another build) or already holds many records:
 * write it whole then.
 */
export function appendRecord(file: string, read: SealedLog, bytes: CacheBytes): Promise<boolean> {
  if (!read.intact || read.records >= MOST_RECORDS) return Promise.resolve(false);
  return track(append(file, read, record(asParts(bytes))), false);
}

async function append(file: string, read: SealedLog, parts: readonly Uint8Array[]): Promise<boolean> {
  const handle = await open(file, 'a');
  try {
    if ((await handle.stat()).size !== read.size) return false;
    // One write: appends from two builds at once land one after the other, each whole.
    await writeAll(handle, parts);
    await handle.sync();
    read.size += lengthOf(parts);
    read.records++;
    return true;
  } finally {
    await handle.close();
  }
}
