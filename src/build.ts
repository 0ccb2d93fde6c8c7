import { statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type BookConfig } from './config/load.ts';
import { displayPath } from './config/paths.ts';
import { settleCacheWrites } from './cache/files.ts';
import { BookError, type Warning } from './errors.ts';
import { readBook, type WordDocuments } from './manuscript/read.ts';
import { readWordFiles } from './manuscript/docx/read-ahead.ts';
import { recallManuscriptMemo, type ManuscriptMemo } from './manuscript-memo.ts';
import { renderEbooks } from './ebook-edition.ts';
import { STORES } from './model/stores.ts';
import type { Store } from './model/index.ts';
import { pageCacheFile, PdfThread } from './pdf-thread.ts';
import { hasTrueTypeOutlines } from './pdf/cid-font.ts';
import type { Book, PrintPage } from './model/index.ts';
import { normalizeBook } from './normalize/index.ts';
import { plainText } from './model/plain-text.ts';
import { PendingOutputs } from './output.ts';
import { renderText } from './text/write.ts';
import { bundledFallbackFiles, bundledFontFiles, bundledMonoFile, FontSet, type FontFiles } from './typeset/fonts.ts';
import type { PageReportEntry } from './typeset/index.ts';
import type { PageDesign } from './typeset/design.ts';
import type { CoverSheet } from './cover/print-wrap.ts';

export type Format = 'epub' | 'kepub' | 'pdf' | 'text' | Store;
export const FORMATS: readonly Format[] = ['epub', 'kepub', 'pdf', 'text', ...STORES];

export interface BuildOptions {
  /** Path of book.config.json. */
  config: string;
  /** Output folder, overriding the config's output.dir. */
  out?: string;
  formats?: readonly Format[];
  /** The build's timestamp; defaults to SOURCE_DATE_EPOCH, else now. */
  now?: Date;
  /** Told as each stage starts ("reading chapters", "setting pages" …). */
  onProgress?: (stage: string) => void;
  /** With a print cover (print.pod): also <name>-cover-guides.pdf, the cover with its trim, folds, safe area and barcode box drawn. */
  guides?: boolean;
}

/** What a build makes besides the formats: the ebooks' cover image, the paperback's cover and its guides copy. */
export type Extra = 'cover' | 'print-cover' | 'cover-guides';

export interface BuiltFile {
  /** What the file is: a format asked for, or one made with them (see Extra). */
  format: Format | Extra;
  path: string;
  bytes: number;
}

export interface BuildResult {
  files: BuiltFile[];
  warnings: Warning[];
  pages?: number;
  /** The print edition's pages that break a pagination rule (page, rule, chapter file), for a designer to look at. */
  pageReport?: PageReportEntry[];
  /** What the print edition is, for checking it against a printer's rules (see preflight). */
  print?: PrintSummary;
  /** Every division in reading order: its title, its file, its EPUB document and its first PDF page (1 = the PDF's first), where built. */
  contents: ContentsEntry[];
}

export interface ContentsEntry {
  title: string;
  source: string;
  epub?: string;
  page?: number;
}

export interface PrintSummary {
  design: PageDesign;
  pages: number;
  /** Pages before body page 1 (title, copyright, contents …). */
  frontPages: number;
  /** Each illustration: the page it prints on (1 = the PDF's first) and its pixels to the inch. */
  images: { page: number; ppi: number }[];
  /** The paperback's cover, when print.pod asks for one. */
  cover?: CoverSheet;
}

/** SOURCE_DATE_EPOCH (seconds) when set, so builds are reproducible; the clock otherwise. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date(Math.floor(Date.now() / 1000) * 1000);
  if (!/^\d+$/.test(epoch)) throw new BookError('SOURCE_DATE_EPOCH', '', `"${epoch}" is not a whole number of seconds`, 'unset it or set it to a Unix timestamp');
  return new Date(Number(epoch) * 1000);
}

/** Reads the config and manuscript and returns the normalized book model; with a memo, only chapters that changed are parsed and normalized. */
export async function compile(config: BookConfig, now: Date, warnings: Warning[] = [], memo?: ManuscriptMemo, word?: WordDocuments): Promise<Book> {
  return normalizeBook(await readBook(config, now, warnings, memo?.parse, word), config.typography, memo?.normalize);
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const now = options.now ?? buildTime();
  const progress = options.onProgress ?? (() => {});
  const config = loadConfig(options.config, { outDir: options.out });
  const formats = options.formats ?? config.formats;
  const faces: FontFiles = config.fonts ? { mono: bundledMonoFile(), ...config.fonts } : bundledFontFiles();
  // The PDF is drawn on another thread while this one sets the pages and then makes the EPUB
  // (whose page list maps to the PDF's pages); started first, it loads while the manuscript is read.
  // The author's fallback faces, each for every style, before the bundled ones.
  const fallbacks: FontFiles[] = [...config.fallbackFonts.map((file) => ({ regular: file, italic: file, bold: file, boldItalic: file, mono: file })), ...bundledFallbackFiles()];
  const pdfx = config.print.pdfx === 'x-1a';
  const pdfThread = formats.includes('pdf') ? new PdfThread({ fonts: faces, fallbacks, pdfx }) : undefined;
  const outputs = new PendingOutputs(config.output.dir);
  const files: { format: Format | Extra; name: string }[] = [];
  const warnings: Warning[] = [...config.warnings];
  let pages: number | undefined;
  let pageReport: PageReportEntry[] | undefined;
  let print: PrintSummary | undefined;
  let contents: ContentsEntry[] = [];
  // What the build keeps for the next one, written on the thread pool while it goes on (see writeWhole).
  const cacheWrites: Promise<void>[] = [];
  try {
    progress(`reading ${config.chapters.length} chapters`);
    const manuscriptMemo = recallManuscriptMemo(config.configFile);
    const word = await readWordFiles(config, manuscriptMemo.parse);
    const book = await compile(config, now, warnings, manuscriptMemo, word);
    cacheWrites.push(manuscriptMemo.save());
    const variants = (['epub', 'kepub', ...STORES] as const).filter((format) => formats.includes(format));
    contents = book.chapters.map((chapter) => ({ title: plainText(chapter.title), source: chapter.source, ...(variants.length > 0 ? { epub: `${chapter.id}.xhtml` } : {}) }));
    const { title, authors, description, language, modified } = book.metadata;
    const pdfMetadata = { title, authors, description, language, modified };
    pdfThread?.describe(pdfMetadata);
    if (formats.includes('text')) {
      outputs.write(`${config.output.name}.txt`, renderText(book, config.notes));
      files.push({ format: 'text', name: `${config.output.name}.txt` });
    }
    let typesetPages: PrintPage[] | undefined;
    let pdf: Promise<Buffer> | undefined;
    if (pdfThread) {
      progress('setting pages');
      const fonts = FontSet.load(faces, displayPath, fallbacks);
      // Typesetting loads only when asked for: a start-up without it is quicker.
      const [{ typesetBook }, memory] = await Promise.all([import('./typeset/index.ts'), import('./typeset/typesetting-cache.ts')]);
      memory.recallTypesetting(fonts, book.metadata.language, config.print);
      fonts.check();
      pdfThread.shareShapings(() => fonts.news());
      if (fonts.distinctFaces.every((face) => hasTrueTypeOutlines(face.data))) pdfThread.cachePages(pageCacheFile(config.configFile), fonts.key);
      // A press that takes no RGB and no transparency gets every picture in grey or CMYK (see print-images.ts).
      const printBook = pdfx ? await (await import('./pdf/print-images.ts')).pressReadyImages(book, config.print.pod?.paper === 'color' ? 'cmyk' : 'gray') : book;
      const typeset = await typesetBook(printBook, { print: config.print, notes: config.notes, fonts, pages: pdfThread, wordCache: (key) => memory.recallWordCache(key), paragraphMemo: (key) => memory.recallParagraphMemo(key), paginationMemo: memory.recallPaginationMemo(JSON.stringify([book.metadata.identifier, path.resolve(config.configFile)])) });
      for (const w of typeset.warnings) warnings.push({ file: w.chapter, message: w.message });
      typesetPages = typeset.pageStarts;
      pages = typeset.pages.length;
      pageReport = typeset.pageReport;
      // The Notes the typesetter adds (index -1) are no division of the book's own.
      for (const { chapter, page } of typeset.divisionPages) if (contents[chapter]) contents[chapter].page = page + 1;
      print = { design: typeset.design, pages: typeset.pages.length, frontPages: typeset.frontPages, images: typeset.pages.flatMap((page, i) => page.lines.flatMap((line) => (line.image ? [{ page: i + 1, ppi: line.image.ppi ?? Infinity }] : []))) };
      // Remembered once the PDF thread is done: it shapes what typesetting did not (pieces of broken
      // words). The other caches wait too: made while the EPUB was, their bytes raised the peak memory by 80 MB.
      pdf = pdfThread.finish(typeset.pages.slice(0, typeset.frontPages), typeset.outline).then(({ pdf, learned }) => {
        fonts.absorb(learned);
        cacheWrites.push(memory.rememberSettings(book.metadata.language, config.print), memory.rememberShapings(fonts));
        return pdf;
      });
      // Settled here if the EPUB fails first; awaited below otherwise.
      pdf.catch(() => {});
      // The paperback's cover, while the PDF thread finishes the interior: its spine is as wide as the interior's page count makes it.
      if (config.print.pod) {
        progress('making the cover');
        const [{ layOutWrap }, { paintCover }] = await Promise.all([import('./cover/print-wrap.ts'), import('./pdf/cover.ts')]);
        const sheet = layOutWrap(book, { print: config.print, fonts, pages: typeset.pages.length, trimWidth: typeset.design.width, trimHeight: typeset.design.height });
        if (sheet) {
          for (const message of sheet.warnings) warnings.push({ file: displayPath(config.configFile), location: 'print.pod', message });
          print.cover = sheet;
          const painted = await paintCover(sheet, fonts, pdfMetadata, { pdfx, guides: options.guides ?? false });
          outputs.write(`${config.output.name}-cover.pdf`, painted.cover);
          files.push({ format: 'print-cover', name: `${config.output.name}-cover.pdf` });
          if (painted.guides) {
            outputs.write(`${config.output.name}-cover-guides.pdf`, painted.guides);
            files.push({ format: 'cover-guides', name: `${config.output.name}-cover-guides.pdf` });
          }
        }
      }
    }
    if (variants.length > 0) {
      progress('making the EPUB');
      const { archives, cover, warnings: ebookWarnings } = await renderEbooks({ book, faces, embedFonts: config.epub.embedFonts, variants, notes: config.notes, source: displayPath(config.configFile) }, typesetPages);
      warnings.push(...ebookWarnings);
      for (const [i, format] of variants.entries()) {
        const name = `${config.output.name}${format === 'epub' ? '' : `.${format}`}.epub`;
        outputs.write(name, archives[i]!);
        files.push({ format, name });
      }
      // The cover file the stores' upload forms ask for beside the book.
      outputs.write(`${config.output.name}-cover.jpg`, cover);
      files.push({ format: 'cover', name: `${config.output.name}-cover.jpg` });
    }
    if (pdf) {
      progress('drawing pages');
      outputs.write(`${config.output.name}.pdf`, await pdf);
      files.push({ format: 'pdf', name: `${config.output.name}.pdf` });
    }
    outputs.commit();
  } catch (error) {
    outputs.discard();
    throw error;
  } finally {
    pdfThread?.stop();
    // The build's own writes with what follows them (the memos' bookkeeping), then any a writer
    // started and left to run (the page cache, a cover or font subset kept).
    await Promise.all(cacheWrites);
    await settleCacheWrites();
  }
  return {
    files: files.map(({ format, name }) => {
      const file = path.join(config.output.dir, name);
      return { format, path: file, bytes: statSync(file).size };
    }),
    warnings,
    pages,
    pageReport,
    ...(print ? { print } : {}),
    contents,
  };
}
