/**
 * Document properties Chromium cannot set (it writes only the title): the
 * author, subject and keywords from front matter, set with pdf-lib without
 * touching the pages, the outline or the text.
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
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author.length > 0) document.setAuthor(metadata.author.join(', '));
  if (metadata.subject) document.setSubject(metadata.subject);
  if (metadata.keywords && metadata.keywords.length > 0) document.setKeywords(metadata.keywords);
  document.setCreator(`lecture ${version}`);
  return document.save({ useObjectStreams: true });
}
