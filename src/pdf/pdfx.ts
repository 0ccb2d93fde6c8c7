// PDF/X-1a:2001 (ISO 15930-1) structure, which pdfkit does not write: the version keys and
// Trapped in the document information, an output intent with a CMYK profile, XMP metadata.
// The rest of the standard is what we draw: PDF 1.3 objects (pdfkit writes a classic cross-
// reference table, no object streams), every font embedded, no transparency, no annotations,
// colour only as DeviceGray or DeviceCMYK (images made grey or CMYK before they are drawn).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_ROOT } from '../cache/files.ts';

/**
 * The output profile: CGATS TR 005 (SWOP printing on grade 5 coated paper), made with ArgyllCMS
 * from the characterization data ANSI CGATS/SWOP TR 005-2007 publishes, which may be made into
 * profiles and shipped "with no further permissions from CGATS" (see assets/icc/README.md). The
 * profiles the printers name (Adobe's U.S. Web Coated SWOP v2 and the like) may not be shipped.
 */
export const OUTPUT_CONDITION = {
  identifier: 'CGATS TR 005',
  info: 'SWOP (Publication) Grade 5 Paper, CGATS TR 005',
  registry: 'http://www.color.org',
  file: 'CGATS-TR005.icc',
} as const;

// The checkout's assets/ folder, from the build cache's place in it (node_modules/.cache/book).
const ASSETS = path.resolve(CACHE_ROOT, '../../../assets');

let profile: Buffer | undefined;
function outputProfile(): Buffer {
  profile ??= readFileSync(path.join(ASSETS, 'icc', OUTPUT_CONDITION.file));
  return profile;
}

interface PdfkitReference {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Buffer | string): void;
  end(): void;
}
interface PdfkitInternals {
  ref(data?: Record<string, unknown>): PdfkitReference;
  _root: { data: Record<string, unknown> };
  info: Record<string, unknown>;
}

/**
 * A PDF name for pdfkit's document information, whose string values it writes as strings:
 * pdfkit writes any reference-like object by its toString(), so this one writes itself as a name.
 */
function pdfName(name: string, doc: PDFKit.PDFDocument): unknown {
  const reference = Object.getPrototypeOf(Object.getPrototypeOf((doc as unknown as { _root: object })._root)) as object;
  return Object.assign(Object.create(reference) as object, { toString: () => `/${name}` });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface PdfxMetadata {
  title: string;
  authors: readonly string[];
  modified: Date;
}

/** Adds the PDF/X-1a:2001 keys, output intent and XMP to a document before it ends. */
export function markPdfx(doc: PDFKit.PDFDocument, metadata: PdfxMetadata): void {
  const internals = doc as unknown as PdfkitInternals;
  internals.info.GTS_PDFXVersion = 'PDF/X-1:2001';
  internals.info.GTS_PDFXConformance = 'PDF/X-1a:2001';
  internals.info.Trapped = pdfName('False', doc);
  const icc = outputProfile();
  const profileRef = internals.ref({ N: 4, Length: icc.length });
  profileRef.write(icc);
  profileRef.end();
  const intent = internals.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(OUTPUT_CONDITION.identifier),
    Info: new String(OUTPUT_CONDITION.info),
    RegistryName: new String(OUTPUT_CONDITION.registry),
    DestOutputProfile: profileRef,
  });
  intent.end();
  internals._root.data.OutputIntents = [intent];
  const date = metadata.modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(metadata.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq>${metadata.authors.map((author) => `<rdf:li>${escapeXml(author)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>
   <dc:format>application/pdf</dc:format>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>book</xmp:CreatorTool>
   <pdf:Producer>book (pdfkit)</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <pdfx:GTS_PDFXVersion>PDF/X-1:2001</pdfx:GTS_PDFXVersion>
   <pdfx:GTS_PDFXConformance>PDF/X-1a:2001</pdfx:GTS_PDFXConformance>
   <pdfxid:GTS_PDFXVersion>PDF/X-1:2001</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  const bytes = Buffer.from(xmp, 'utf8');
  const metadataRef = internals.ref({ Type: 'Metadata', Subtype: 'XML', Length: bytes.length });
  metadataRef.compress = false;
  metadataRef.write(bytes);
  metadataRef.end();
  internals._root.data.Metadata = metadataRef;
}
