/**
 * "Download all": one ZIP file (`pdfs.zip` in the output folder) holding
 * every PDF the course page links, stored as they are (PDFs are compressed
 * already). It is written again only when the PDFs it should hold changed:
 * the list it was made from is kept as the comment of its first entry.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import type { LinkedPdf } from './downloads.js';

/** The ZIP file's name in the output folder. */
export const downloadAllName = 'pdfs.zip';

/** What the course page says about the ZIP file. */
export interface DownloadAll {
  href: string;
  bytes: number;
}

/** Write (or keep) `out/pdfs.zip` with `pdfs`; removes it when there are none. */
export async function writeDownloadAll(out: string, pdfs: LinkedPdf[]): Promise<DownloadAll | undefined> {
  const target = path.join(out, downloadAllName);
  if (pdfs.length === 0) {
    await rm(target, { force: true });
    return undefined;
  }
  const entries = await Promise.all(pdfs.map(async (pdf) => ({ name: path.posix.basename(pdf.href), file: path.join(out, pdf.href), info: await stat(path.join(out, pdf.href)) })));
  const key = createHash('sha256')
    .update(entries.map((entry) => `${entry.name}:${entry.info.size}:${entry.info.mtimeMs}`).join('\n'))
    .digest('hex')
    .slice(0, 32);
  if ((await firstComment(target)) !== key) await writeZip(target, entries, key);
  return { href: downloadAllName, bytes: (await stat(target)).size };
}

async function writeZip(target: string, entries: Array<{ name: string; file: string; info: { mtime: Date } }>, key: string): Promise<void> {
  const { Zip, ZipPassThrough } = await import('fflate');
  const temporary = `${target}.${process.pid}-${threadId}.tmp`;
  const stream = createWriteStream(temporary);
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) stream.destroy(error);
    else {
      stream.write(chunk);
      if (final) stream.end();
    }
  });
  try {
    for (const [index, entry] of entries.entries()) {
      const file = new ZipPassThrough(entry.name);
      file.mtime = entry.info.mtime;
      if (index === 0) file.comment = key;
      zip.add(file);
      file.push(new Uint8Array(await readFile(entry.file)), true);
      // One PDF at a time in memory: wait until the last one is on disk.
      if (stream.writableNeedDrain) await once(stream, 'drain');
    }
    zip.end();
    await done;
    await rename(temporary, target);
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The comment of the first entry of the ZIP file `file` (its central directory), if any. */
async function firstComment(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    if (size < 22) return undefined;
    const end = Buffer.alloc(22);
    await handle.read(end, 0, 22, size - 22);
    if (end.readUInt32LE(0) !== 0x06054b50) return undefined;
    const directory = end.readUInt32LE(16);
    const header = Buffer.alloc(46);
    await handle.read(header, 0, 46, directory);
    if (header.readUInt32LE(0) !== 0x02014b50) return undefined;
    const [nameLength, extraLength, commentLength] = [header.readUInt16LE(28), header.readUInt16LE(30), header.readUInt16LE(32)];
    const comment = Buffer.alloc(commentLength);
    await handle.read(comment, 0, commentLength, directory + 46 + nameLength + extraLength);
    return comment.toString('utf8');
  } finally {
    await handle.close();
  }
}
