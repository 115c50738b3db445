/**
 * Document properties Chromium cannot set (it writes only the title): the
 * author, subject and keywords from front matter. Chromium's PDFs end in a
 * classic cross-reference table, so the properties go in as an incremental
 * update — a new Info dictionary appended after the file, which costs nothing
 * however large the PDF; anything else is rewritten with pdf-lib.
 */
import { PDFDocument } from 'pdf-lib';

/** What the PDF says about itself. */
export interface PdfMetadata {
  title: string;
  author: string[];
  subject?: string | undefined;
  keywords?: string[] | undefined;
}

/** `pdf` with its document properties set. */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata, version: string): Promise<Uint8Array> {
  return appendInfo(pdf, metadata, version) ?? rewriteInfo(pdf, metadata, version);
}

/** The incremental update, or `undefined` when the file does not end in a classic trailer. */
function appendInfo(pdf: Uint8Array, metadata: PdfMetadata, version: string): Uint8Array | undefined {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const size = trailer && /\/Size\s+(\d+)/.exec(trailer[1]!);
  const root = trailer && /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer[1]!);
  if (!trailer || !size || !root) return undefined;
  const number = Number(size[1]);
  const entries: Array<[string, string | undefined]> = [
    ['Title', metadata.title],
    ['Author', metadata.author.join(', ') || undefined],
    ['Subject', metadata.subject],
    ['Keywords', metadata.keywords?.join(', ') || undefined],
    ['Creator', `lecture ${version}`],
    ['Producer', 'Chromium (Skia/PDF)'],
    ['CreationDate', pdfDate(new Date())],
  ];
  const info = entries.flatMap(([key, value]) => (value === undefined ? [] : [`/${key} ${key === 'CreationDate' ? `(${value})` : utf16(value)}`])).join(' ');
  const object = `\n${number} 0 obj\n<<${info}>>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = pdf.length + Buffer.byteLength(object, 'latin1');
  const update =
    `${object}xref\n${number} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${number + 1} /Root ${root[1]} /Info ${number} 0 R /Prev ${trailer[2]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** A PDF text string: UTF-16BE with a byte-order mark, in hex. */
function utf16(text: string): string {
  const bytes = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${bytes.toString('hex').toUpperCase()}>`;
}

function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

async function rewriteInfo(pdf: Uint8Array, metadata: PdfMetadata, version: string): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author.length > 0) document.setAuthor(metadata.author.join(', '));
  if (metadata.subject) document.setSubject(metadata.subject);
  if (metadata.keywords && metadata.keywords.length > 0) document.setKeywords(metadata.keywords);
  document.setCreator(`lecture ${version}`);
  return document.save({ useObjectStreams: true });
}
