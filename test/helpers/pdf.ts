/**
 * Read a PDF back with unpdf (PDF.js): pages, their text and size, the
 * outline and the document properties.
 */
import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

export interface ReadPdf {
  pages: Array<{ text: string; width: number; height: number }>;
  outline: string[];
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
  const walk = (items: Array<{ title: string; items: unknown[] }> | null) => {
    for (const item of items ?? []) {
      outline.push(item.title);
      walk(item.items as Array<{ title: string; items: unknown[] }>);
    }
  };
  walk(await document.getOutline());
  const { info } = await document.getMetadata();
  await document.destroy();
  return { pages, outline, info: info as Record<string, unknown>, bytes };
}
