import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { displayPath, isInside } from '../config/paths.ts';
import { BookError, type Warning } from '../errors.ts';
import type { ImageData } from '../model/index.ts';
import { inspectImage } from './image-file.ts';
import type { ImageResolver } from './markdown.ts';

/** The book's illustrations, read once each, with ids in the order they first appear. */
export class ImageLibrary {
  private readonly byFile = new Map<string, ImageData>();

  constructor(
    private readonly projectDir: string,
    private readonly warnings: Warning[],
    /** Folders searched after the chapter's own, like pandoc's --resource-path. */
    private readonly resourceDirs: readonly string[] = [],
  ) {}

  /**
   * An image a file holds (a Word document's): the same bytes are one image wherever they appear.
   * Null, with a warning, for one the book cannot show (Word's EMF and WMF drawings, GIF, TIFF).
   */
  embedded(chapterFile: string, data: Buffer, alt: string, contentType: string | undefined): ImageData | null {
    const name = displayPath(chapterFile);
    const key = `embedded:${createHash('sha1').update(data).digest('hex')}`;
    let image = this.byFile.get(key);
    if (!image) {
      let inspected;
      try {
        inspected = inspectImage(data, name);
      } catch {
        this.warnings.push({ file: name, message: `an image of type ${contentType ?? 'unknown'}${alt ? ` ("${alt.slice(0, 40)}")` : ''} is not JPEG or PNG and was left out; insert it again as a JPEG or PNG picture` });
        return null;
      }
      image = { id: `img-${this.byFile.size + 1}`, data, ...inspected };
      this.byFile.set(key, image);
    }
    if (!alt) this.warnings.push({ file: name, message: `an image (${image.id}) has no alt text; readers who cannot see it will skip it (in Word: right-click › View Alt Text)` });
    return image;
  }

  /** Where an image a chapter names may be: beside it, in a resources/ folder beside it (Leanpub), then in each resource folder. */
  private candidates(chapterFile: string, relative: string): string[] {
    const own = path.dirname(chapterFile);
    return [own, path.join(own, 'resources'), ...this.resourceDirs].map((dir) => path.resolve(dir, relative));
  }

  /** Resolves images written in `chapterFile`, relative to its folder and never outside the book. */
  resolverFor(chapterFile: string): ImageResolver {
    const name = displayPath(chapterFile);
    return (src, line, alt) => {
      const where = `line ${line}`;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
        throw new BookError(name, where, `image "${src}" is not a file in the book (a build never downloads)`, 'save the image in the book folder and write its path');
      }
      let relative = src;
      try {
        relative = decodeURIComponent(src);
      } catch {
        // Not percent-encoded: the path as written.
      }
      const candidates = this.candidates(chapterFile, relative);
      const file = candidates.find((candidate) => isInside(this.projectDir, candidate) && existsSync(candidate)) ?? candidates[0]!;
      if (!isInside(this.projectDir, file)) throw new BookError(name, where, `image "${src}" is outside the book's folder`, 'copy it into the book folder');
      let real: string;
      try {
        real = realpathSync(file);
      } catch {
        throw new BookError(name, where, `image "${src}" does not exist`, this.resourceDirs.length > 0 ? 'check the path (it is relative to the chapter file or a resource folder)' : 'check the path (it is relative to the chapter file; manuscript.resources names other folders)');
      }
      if (!isInside(realpathSync(this.projectDir), real)) throw new BookError(name, where, `image "${src}" leads outside the book's folder (a symbolic link?)`, 'copy it into the book folder');
      if (alt.trim() === '') this.warnings.push({ file: name, location: where, message: `image "${src}" has no alt text; readers who cannot see it will skip it (write ![what it shows](${src}))` });
      let image = this.byFile.get(real);
      if (!image) {
        let data: Buffer;
        try {
          data = readFileSync(real);
        } catch (error) {
          throw new BookError(name, where, `image "${src}" cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check its permissions');
        }
        image = { id: `img-${this.byFile.size + 1}`, data, ...inspectImage(data, displayPath(real)) };
        this.byFile.set(real, image);
      }
      return image;
    };
  }
}
