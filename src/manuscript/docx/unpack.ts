import JSZip from 'jszip';
import { BookError } from '../../errors.ts';

/** What a Word file may hold unpacked, all entries together, and its document part alone. */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** A private-use character standing where Word has a section break, for the converter to find. */
export const SECTION_BREAK = '\uE010';
/** A private-use character standing for a horizontal rule (a rule shape, or an empty paragraph with a border). */
export const HORIZONTAL_RULE = '\uE012';

/** What Word left in the file that the author should hear of: counted, then dropped or accepted. */
export interface WordLeftovers {
  comments: number;
  insertions: number;
  deletions: number;
}

const OTHER_FORMATS: Record<string, string> = {
  '.doc': 'is an old Word 97–2003 .doc file',
  '.odt': 'is an OpenDocument .odt file',
  '.rtf': 'is an RTF file',
  '.pages': 'is an Apple Pages file',
  '.wpd': 'is a WordPerfect file',
  '.docm': 'is a Word file with macros (.docm)',
};

/** The one-line error for a chapter file in a word processor's format the book does not read. */
export function unsupportedWordFormat(extension: string, name: string): BookError | undefined {
  const what = OTHER_FORMATS[extension.toLowerCase()];
  return what ? new BookError(name, '', what, 'open it in Word or LibreOffice and save it as a Word Document (.docx)') : undefined;
}

/**
 * Opens a .docx and prepares its document part for mammoth: runs Word hides are taken out (mammoth
 * would print them), section breaks marked, and what the author should hear of counted. Throws a
 * one-line BookError for a file that is not a .docx, is damaged, encrypted, or far too large.
 */
export async function unpackDocx(bytes: Uint8Array, name: string): Promise<{ docx: Buffer; leftovers: WordLeftovers }> {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  if (head.startsWith('d0cf11e0')) throw new BookError(name, '', 'is password-protected, or an old .doc renamed to .docx', 'remove the password (File › Info › Protect Document), or save it as .docx from Word or LibreOffice');
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '{\\rtf') throw new BookError(name, '', 'is an RTF file renamed to .docx', 'open it in Word or LibreOffice and save it as .docx');
  if (!head.startsWith('504b0304')) throw new BookError(name, '', 'is not a Word .docx file (it is not a zip archive)', 'open it in Word or LibreOffice and save it as .docx');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new BookError(name, '', 'is damaged: its zip archive cannot be read', 'open it in Word or LibreOffice and save it again as .docx');
  }
  let unpacked = 0;
  for (const entry of Object.values(zip.files)) unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (unpacked > MAX_UNPACKED_BYTES) throw new BookError(name, '', `unpacks to ${Math.round(unpacked / 1048576)} MB, more than a book's ${MAX_UNPACKED_BYTES / 1048576} MB`, 'make its images smaller, or split it into several files');
  const part = zip.file('word/document.xml');
  if (!part) throw new BookError(name, '', 'is not a Word document: it has no word/document.xml', 'open it in Word or LibreOffice and save it as .docx');
  const size = (part as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (size > MAX_DOCUMENT_BYTES) throw new BookError(name, '', `its text is ${Math.round(size / 1048576)} MB of XML, too large for one file`, 'split it into several .docx files');
  let xml: string;
  try {
    xml = await part.async('string');
  } catch {
    throw new BookError(name, '', 'is damaged: its text cannot be unpacked', 'open it in Word or LibreOffice and save it again as .docx');
  }
  const leftovers: WordLeftovers = {
    comments: count(xml, /<w:commentReference\b/g),
    insertions: count(xml, /<w:ins\b/g),
    deletions: count(xml, /<w:del\b/g),
  };
  // A run whose properties say vanish is hidden text: never shown, never printed.
  xml = xml.replace(/<w:r(?=[\s>])(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g, (run) => {
    const properties = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '';
    return /<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(properties) ? '' : run;
  });
  // A horizontal rule, which mammoth does not read: Word's and pandoc's rule shape (o:hr), or an
  // empty paragraph with a border above or below it (what Word makes of a typed "---").
  xml = xml.replace(/<w:p(?=[\s>])(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g, (paragraph) => {
    const rule = /o:hr="t"/.test(paragraph) || (/<w:pBdr>[\s\S]*?<w:(?:top|bottom)\b[\s\S]*?<\/w:pBdr>/.test(paragraph) && !/<w:t[\s>]/.test(paragraph));
    return rule ? paragraph.replace(/<\/w:p>$/, `<w:r><w:t>${HORIZONTAL_RULE}</w:t></w:r></w:p>`) : paragraph;
  });
  // A section break ends the paragraph whose properties hold it (the body's own last one is not a break).
  xml = xml.replace(/(<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*?<w:sectPr\b[\s\S]*?<\/w:pPr>)/g, `$1<w:r><w:t>${SECTION_BREAK}</w:t></w:r>`);
  zip.file('word/document.xml', xml);
  const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  return { docx, leftovers };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
