/**
 * What Chromium cannot write into a PDF (it sets only the title): the
 * author, subject and keywords from front matter and, for an untagged PDF,
 * the outline of sections and slide titles. Chromium's PDFs end in a classic
 * cross-reference table, so these go in as an incremental update (a new Info
 * dictionary, outline items and catalog appended after the file), which
 * costs nothing however large the PDF; any other PDF gets its properties
 * rewritten with pdf-lib.
 */
import { commonJs } from '../interop.js';
import type { OutlineEntry } from './print/document.js';

/** What the PDF says about itself. */
export interface PdfMetadata {
  title: string;
  author: string[];
  subject?: string | undefined;
  keywords?: string[] | undefined;
  /** The fingerprint of the deck printed (`/LectureDeck`), so the course page can tell a PDF of another version. */
  source?: string | undefined;
}

/** `pdf` with its document properties set, and `outline` added when given and the PDF has none. */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata, version: string, outline: OutlineEntry[] = []): Promise<Uint8Array> {
  return appendInfo(pdf, metadata, version, outline) ?? rewriteInfo(pdf, metadata, version);
}

/** The incremental update, or `undefined` when the file does not end in a classic trailer. */
function appendInfo(pdf: Uint8Array, metadata: PdfMetadata, version: string, outline: OutlineEntry[]): Uint8Array | undefined {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const size = trailer && /\/Size\s+(\d+)/.exec(trailer[1]!);
  const root = trailer && /\/Root\s+(\d+)\s+0\s+R/.exec(trailer[1]!);
  if (!trailer || !size || !root) return undefined;
  const number = Number(size[1]);
  const objects: Array<[number, string]> = [];
  const entries: Array<[string, string | undefined]> = [
    ['Title', metadata.title],
    ['Author', metadata.author.join(', ') || undefined],
    ['Subject', metadata.subject],
    ['Keywords', metadata.keywords?.join(', ') || undefined],
    ['Creator', `lecture ${version}`],
    ['Producer', 'Chromium (Skia/PDF)'],
    ['CreationDate', pdfDate(new Date())],
    ['LectureDeck', metadata.source && /^[0-9a-f]+$/.test(metadata.source) ? metadata.source : undefined],
  ];
  const literal = new Set(['CreationDate', 'LectureDeck']);
  const info = entries.flatMap(([key, value]) => (value === undefined ? [] : [`/${key} ${literal.has(key) ? `(${value})` : utf16(value)}`])).join(' ');
  objects.push([number, `<<${info}>>`]);
  if (outline.length > 0) objects.push(...outlineObjects(pdf, Number(trailer[2]), Number(root[1]), number + 1, outline));
  const xref = new Map<number, number>();
  let body = '';
  for (const [id, dictionary] of objects) {
    xref.set(id, pdf.length + Buffer.byteLength(body, 'latin1') + 1);
    body += `\n${id} 0 obj\n${dictionary}\nendobj\n`;
  }
  const xrefOffset = pdf.length + Buffer.byteLength(body, 'latin1');
  const ids = [...xref.keys()].sort((a, b) => a - b);
  const sections = ids.map((id) => `${id} 1\n${String(xref.get(id)).padStart(10, '0')} 00000 n \n`).join('');
  const last = Math.max(number, ...ids);
  const update = `${body}xref\n${sections}trailer\n<</Size ${last + 1} /Root ${root[1]} 0 R /Info ${number} 0 R /Prev ${trailer[2]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/**
 * The outline items (numbered from `first`) and the catalog pointing at them,
 * read through the file's cross-reference table; none when the catalog has
 * an outline already (a tagged PDF) or the page tree cannot be read.
 */
function outlineObjects(pdf: Uint8Array, xrefAt: number, catalogId: number, first: number, outline: OutlineEntry[]): Array<[number, string]> {
  const offsets = xrefTable(pdf, xrefAt);
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  const read = (id: number) => {
    const at = offsets.get(id);
    const end = at === undefined ? -1 : buffer.indexOf('endobj', at, 'latin1');
    if (at === undefined || end === -1) return undefined;
    const text = buffer.toString('latin1', at, end);
    const head = /^\s*\d+\s+\d+\s+obj/.exec(text);
    return head ? text.slice(head[0].length).trim() : undefined;
  };
  const catalog = read(catalogId);
  const pagesRoot = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  if (!catalog || !pagesRoot || /\/Outlines\s/.test(catalog) || !catalog.endsWith('>>')) return [];
  const pages: number[] = [];
  const walk = (id: number, depth: number): boolean => {
    const node = read(id);
    if (!node || depth > 32) return false;
    if (!/\/Type\s*\/Pages\b/.test(node)) return pages.push(id) > 0;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
    return [...kids.matchAll(/(\d+)\s+0\s+R/g)].every((kid) => walk(Number(kid[1]), depth + 1));
  };
  if (!walk(Number(pagesRoot), 0)) return [];

  const objects: Array<[number, string]> = [];
  let next = first + 1;
  /** Write `entries` under `parent`; returns their ids and how many items they hold in all. */
  const write = (entries: OutlineEntry[], parent: number): { ids: number[]; count: number } => {
    const ids = entries.map(() => next++);
    let count = entries.length;
    entries.forEach((entry, index) => {
      const children = write(entry.children, ids[index]!);
      count += children.count;
      const page = pages[Math.min(entry.page, pages.length - 1)]!;
      const links = [index > 0 ? `/Prev ${ids[index - 1]} 0 R` : '', index < ids.length - 1 ? `/Next ${ids[index + 1]} 0 R` : ''];
      const kids = children.ids.length > 0 ? `/First ${children.ids[0]} 0 R /Last ${children.ids.at(-1)} 0 R /Count ${children.count}` : '';
      objects.push([ids[index]!, `<</Title ${utf16(entry.title)} /Parent ${parent} 0 R ${links.join(' ')} ${kids} /Dest [${page} 0 R /Fit]>>`]);
    });
    return { ids, count };
  };
  const top = write(outline, first);
  objects.push([first, `<</Type /Outlines /First ${top.ids[0]} 0 R /Last ${top.ids.at(-1)} 0 R /Count ${top.count}>>`]);
  objects.push([catalogId, `${catalog.slice(0, -2)} /Outlines ${first} 0 R /PageMode /UseOutlines>>`]);
  return objects;
}

/** Object offsets from the classic cross-reference table at `at`. */
function xrefTable(pdf: Uint8Array, at: number): Map<number, number> {
  const offsets = new Map<number, number>();
  const text = Buffer.from(pdf.subarray(at, pdf.length)).toString('latin1');
  if (!text.startsWith('xref')) return offsets;
  const lines = text.slice(4, text.indexOf('trailer')).trim().split(/\r?\n|\r/);
  for (let index = 0; index < lines.length; ) {
    const [start, count] = lines[index++]!.trim().split(/\s+/).map(Number);
    for (let entry = 0; entry < (count ?? 0); entry++) {
      const [offset, , kind] = lines[index++]!.trim().split(/\s+/);
      if (kind === 'n') offsets.set(start! + entry, Number(offset));
    }
  }
  return offsets;
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
  // pdf-lib is large (1 MB of script) and Chromium's PDFs never need it: loaded only here.
  const { PDFDict, PDFDocument, PDFName, PDFString } = commonJs(await import('pdf-lib'));
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author.length > 0) document.setAuthor(metadata.author.join(', '));
  if (metadata.subject) document.setSubject(metadata.subject);
  if (metadata.keywords && metadata.keywords.length > 0) document.setKeywords(metadata.keywords);
  document.setCreator(`lecture ${version}`);
  if (metadata.source) {
    // pdf-lib has no setter for a custom property: the Info dictionary is the trailer's.
    const info = document.context.lookup(document.context.trailerInfo.Info);
    if (info instanceof PDFDict) info.set(PDFName.of('LectureDeck'), PDFString.of(metadata.source));
  }
  // Without object streams, so the fingerprint can be read back without parsing the file.
  return document.save({ useObjectStreams: metadata.source === undefined });
}
