/**
 * Read a PDF back with unpdf (PDF.js): pages, their text and size, the
 * outline and the document properties.
 */
import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

export interface ReadPdf {
  pages: Array<{ text: string; width: number; height: number }>;
  outline: string[];
  /** The outline entries in order, with their depth and the 0-based page they open. */
  entries: Array<{ title: string; depth: number; page: number }>;
  /** Whether the PDF is tagged (marked content with a structure tree, for screen readers). */
  tagged: boolean;
  info: Record<string, unknown>;
  bytes: number;
}

/** What `file` holds. */
export async function readPdf(file: string): Promise<ReadPdf> {
  const data = new Uint8Array(await readFile(file));
  const bytes = data.length;
  const document = await getDocumentProxy(data);
  const pages: ReadPdf['pages'] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
    const [, , width, height] = page.view;
    pages.push({ text, width: width!, height: height! });
  }
  const outline: string[] = [];
  const entries: ReadPdf['entries'] = [];
  type Item = { title: string; dest: unknown; items: Item[] };
  const walk = async (items: Item[] | null, depth: number) => {
    for (const item of items ?? []) {
      outline.push(item.title);
      const dest = (typeof item.dest === 'string' ? await document.getDestination(item.dest) : item.dest) as unknown[] | null;
      const page = dest && typeof dest[0] === 'object' && dest[0] !== null ? await document.getPageIndex(dest[0] as { num: number; gen: number }) : -1;
      entries.push({ title: item.title, depth, page });
      await walk(item.items, depth + 1);
    }
  };
  await walk((await document.getOutline()) as Item[] | null, 0);
  const tagged = Boolean(((await document.getMarkInfo()) as { Marked?: boolean } | null)?.Marked);
  const { info } = await document.getMetadata();
  await document.destroy();
  return { pages, outline, entries, tagged, info: info as Record<string, unknown>, bytes };
}

/** How many images page `number` (1-based) of `file` holds in its resources: a printed video frame is one. */
export async function imagesOnPage(file: string, number: number): Promise<number> {
  const { PDFDocument, PDFDict, PDFName } = await import('pdf-lib');
  const document = await PDFDocument.load(await readFile(file));
  const resources = document.getPage(number - 1).node.Resources();
  const objects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!objects) return 0;
  const isImage = (value: unknown): boolean => {
    const object = value && typeof value === 'object' && 'dict' in value ? (value as { dict: unknown }).dict : value;
    return object instanceof PDFDict && object.get(PDFName.of('Subtype'))?.toString() === '/Image';
  };
  return objects.keys().filter((key) => isImage(document.context.lookup(objects.get(key)))).length;
}
