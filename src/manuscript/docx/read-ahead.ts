import { readFileSync, statSync } from 'node:fs';
import type { BookConfig } from '../../config/load.ts';
import { displayPath } from '../../config/paths.ts';
import type { ParseMemo, WordDocuments } from '../read.ts';
import { readWordDocument, type WordDocument } from './read.ts';

/**
 * Reads the book's Word files before the (synchronous) reading of the book: mammoth is
 * asynchronous. A file an earlier build parsed, unchanged since, is not read again.
 */
export async function readWordFiles(config: BookConfig, memo?: ParseMemo): Promise<WordDocuments> {
  const files = [...config.chapters.map((entry) => entry.file), ...Object.values(config.matter).flatMap((source) => (source?.file ? [source.file] : []))].filter((file) => /\.docx$/i.test(file));
  const documents = new Map<string, WordDocument>();
  for (const file of new Set(files)) {
    let bytes: Buffer;
    try {
      // Too large or unreadable: the book's reader says so, in its words.
      if (statSync(file).size > 50 * 1024 * 1024) continue;
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    if (memo?.recall(bytes, file, 'docx')) continue;
    documents.set(file, await readWordDocument(bytes, displayPath(file)));
  }
  return documents;
}
