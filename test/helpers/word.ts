import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, ImageRun, InsertedTextRun, LevelFormat, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { pngImage } from './images.ts';

// Word books made in tests with the `docx` package, shaped as writers' files are: a title page,
// chapters as Heading 1 (or only "Chapter 3" after a page break), direct formatting, centred
// ornaments, empty paragraphs as spacing, notes, comments, tracked changes, an image, a table.

const WHEN = '2024-03-01T10:00:00Z';

const body = (text: string, options: { italic?: string; indent?: boolean } = {}) => {
  const runs: (TextRun | FootnoteReferenceRun)[] = [];
  if (options.italic) {
    const [before, after] = text.split(options.italic);
    runs.push(new TextRun(before!), new TextRun({ text: options.italic, italics: true }), new TextRun(after!));
  } else runs.push(new TextRun(text));
  return new Paragraph({ children: runs, indent: options.indent ? { firstLine: 360 } : undefined });
};

export interface WordBookOptions {
  /** Chapters headed with Heading 1 (else "Chapter N" lines in bold after page breaks). */
  headings?: boolean;
}

export async function wordBook(options: WordBookOptions = {}): Promise<Buffer> {
  const headings = options.headings ?? true;
  const chapterTitle = (text: string, first = false) =>
    headings ? new Paragraph({ text, heading: HeadingLevel.HEADING_1 }) : new Paragraph({ children: [...(first ? [] : [new PageBreak()]), new TextRun({ text, bold: true })], alignment: AlignmentType.CENTER });
  const document = new Document({
    creator: 'Hélène Marsh',
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }] },
    comments: { children: [{ id: 0, author: 'Anna', date: new Date(WHEN), children: [new Paragraph('Check this date.')] }, { id: 1, author: 'Anna', date: new Date(WHEN), children: [new Paragraph('Too long?')] }] },
    footnotes: {
      1: { children: [new Paragraph({ children: [new TextRun('Louis IX sailed from here in '), new TextRun({ text: '1248', bold: true }), new TextRun('.')] })] },
      2: { children: [new Paragraph('The greater flamingo winters in North Africa.'), new Paragraph('A few hundred stay.')] },
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'The Salt Road', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Hélène Marsh', alignment: AlignmentType.CENTER }),
          new Paragraph({ children: [new PageBreak()] }),
          chapterTitle('Chapter One', true),
          new Paragraph({ children: [new TextRun('We came to Aigues-Mortes in the autumn of 1962,'), new FootnoteReferenceRun(1), new TextRun(' when the salt pans were white.')] }),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun('The house on the Rue de la République had belonged to a cousin.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
          body("My mother called them 'the stubborn ones', the birds that stayed.", { indent: true }),
          new Paragraph({ children: [new TextRun('The flamingos'), new FootnoteReferenceRun(2), new TextRun(' were '), new TextRun({ text: 'Phoenicopterus roseus', italics: true }), new TextRun(', said the '), new TextRun({ text: 'Guide Bleu', smallCaps: true }), new TextRun(', and H'), new TextRun({ text: '2', subScript: true }), new TextRun('O was the 1'), new TextRun({ text: 'st', superScript: true }), new TextRun(' thing we drank.')] }),
          new Paragraph({ text: '* * *', alignment: AlignmentType.CENTER }),
          new Paragraph({ children: [new TextRun('After the ornament, '), new InsertedTextRun({ text: 'newly written ', id: 10, author: 'Anna', date: WHEN }), new DeletedTextRun({ text: 'struck words ', id: 11, author: 'Anna', date: WHEN }), new TextRun('the text went on.')] }),
          new Paragraph(''),
          new Paragraph(''),
          new Paragraph(''),
          new Paragraph({ children: [new TextRun('After three empty paragraphs, a new scene. See '), new ExternalHyperlink({ link: 'https://example.org/camargue', children: [new TextRun({ text: 'the park', style: 'Hyperlink' })] }), new TextRun('.')] }),
          new Paragraph({ text: 'A letter, indented as a quotation.', style: 'Quote' }),
          new Paragraph({ children: [new TextRun('Dear Paul,'), new TextRun({ text: 'Come home.', break: 1 }), new TextRun({ text: 'Your mother', break: 1 })] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: pngImage(40, 30), transformation: { width: 40, height: 30 }, altText: { name: 'salt', description: 'Salt pans at dawn', title: 'Salt pans' } })] }),
          new Paragraph({ text: 'Rinse the salt', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Dry it in the sun', numbering: { reference: 'steps', level: 0 } }),
          new Table({ rows: [new TableRow({ tableHeader: true, children: [new TableCell({ children: [new Paragraph('Year')] }), new TableCell({ children: [new Paragraph('Tonnes')] })] }), new TableRow({ children: [new TableCell({ children: [new Paragraph('1962')] }), new TableCell({ children: [new Paragraph('400')] })] })] }),
          new Paragraph({ text: 'Its section', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun('A hidden note to self.'), new TextRun({ text: ' SECRET', vanish: true })] }),
          chapterTitle('Chapter Two'),
          new Paragraph({ children: [new CommentRangeStart(1), new TextRun('Letters came every week, ‘tis true, since the ‘90s.'), new CommentRangeEnd(1), new TextRun({ children: [new CommentReference(1)] })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
