import { createRequire } from 'node:module';
import { BookError } from '../../errors.ts';
import { unpackDocx, type WordLeftovers } from './unpack.ts';
import type { WordDocumentElement, WordElement, WordImage, WordNote } from './word-model.ts';

/** A Word document as mammoth reads it, with its images' bytes: everything the converter needs, read ahead. */
export interface WordDocument {
  body: WordElement[];
  /** Footnotes and endnotes by "footnote-3" / "endnote-1". */
  notes: Map<string, WordNote>;
  images: Map<WordImage, Buffer>;
  leftovers: WordLeftovers;
}

/** Longest a document may take to read: a file that takes longer is not a manuscript. */
const READ_TIMEOUT_MS = 120_000;

type Mammoth = { convertToHtml(input: { buffer: Buffer }, options: object): Promise<{ value: string; messages: { type: string; message: string }[] }> };
let mammoth: Mammoth | undefined;

/**
 * Reads a .docx with mammoth (the well-kept DOCX reader): its document model, taken from
 * mammoth's document transform before any HTML is made, so direct formatting mammoth's HTML
 * drops (alignment, indents, small capitals) is still there to read.
 */
export async function readWordDocument(bytes: Uint8Array, name: string): Promise<WordDocument> {
  const { docx, leftovers } = await unpackDocx(bytes, name);
  // Loaded only for books that have Word chapters.
  mammoth ??= createRequire(import.meta.url)('mammoth') as Mammoth;
  let captured: WordDocumentElement | undefined;
  const reading = mammoth.convertToHtml({ buffer: docx }, {
    transformDocument: (document: WordDocumentElement) => {
      captured = document;
      // The HTML is never used: give mammoth nothing to convert.
      return { ...document, children: [] };
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BookError(name, '', `took more than ${READ_TIMEOUT_MS / 1000} s to read`, 'split it into several .docx files')), READ_TIMEOUT_MS);
  });
  try {
    await Promise.race([reading, timeout]);
  } catch (error) {
    if (error instanceof BookError) throw error;
    throw new BookError(name, '', `cannot be read as a Word document (${String((error as Error).message ?? error).split('\n')[0]})`, 'open it in Word or LibreOffice and save it again as .docx');
  } finally {
    clearTimeout(timer);
  }
  if (!captured) throw new BookError(name, '', 'cannot be read as a Word document', 'open it in Word or LibreOffice and save it again as .docx');
  const notes = new Map(Object.entries(captured.notes?._notes ?? {}));
  const images = new Map<WordImage, Buffer>();
  const collect = async (elements: readonly WordElement[]) => {
    for (const element of elements) {
      if (element.type === 'image') {
        try {
          images.set(element, await element.readAsBuffer());
        } catch {
          // An image the file names but does not hold: the converter tells of it.
        }
      } else if ('children' in element) await collect(element.children);
    }
  };
  await collect(captured.children);
  for (const note of notes.values()) await collect(note.body);
  return { body: captured.children, notes, images, leftovers: { ...leftovers, comments: Math.max(leftovers.comments, captured.comments?.length ?? 0) } };
}
