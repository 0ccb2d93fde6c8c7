// The paperback's cover PDF: one page as wide as the wrap, painted from the laid-out sheet.
import type { CoverSheet } from '../cover/print-wrap.ts';
import type { FontSet } from '../typeset/fonts.ts';
import { PdfPainter, type PdfMetadata } from './write.ts';

export interface PaintedCover {
  cover: Buffer;
  /** The same cover with its guides drawn over it, for checking (never for upload). */
  guides?: Buffer;
}

/**
 * Paints the sheet. The pictures are made CMYK first, as every colour on the cover is: the
 * press prints in CMYK, and a printer that takes RGB converts it in ways the author never sees.
 */
export async function paintCover(sheet: CoverSheet, fonts: FontSet, metadata: PdfMetadata, options: { pdfx: boolean; guides: boolean }): Promise<PaintedCover> {
  const cmyk = async (data: Uint8Array) => {
    const { default: sharp } = await import('sharp');
    return new Uint8Array(await sharp(data).flatten({ background: '#ffffff' }).toColourspace('cmyk').jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer());
  };
  const painted: CoverSheet = {
    ...sheet,
    ...(sheet.image ? { image: { ...sheet.image, data: await cmyk(sheet.image.data) } } : {}),
    ...(sheet.photo ? { photo: { ...sheet.photo, data: await cmyk(sheet.photo.data) } } : {}),
  };
  const paint = async (guides: boolean) => {
    const painter = new PdfPainter({ width: sheet.geometry.width, height: sheet.geometry.height }, fonts, metadata, { pdfx: options.pdfx });
    painter.sheet(painted, guides);
    return painter.finish([], []);
  };
  return { cover: await paint(false), ...(options.guides ? { guides: await paint(true) } : {}) };
}
