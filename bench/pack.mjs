// A set's pages, decoded once by the parent and handed to every child process as one file of
// length-prefixed UTF-8 strings: loading it is a read and a decode, so each child starts on the same strings
// in a second or two instead of gunzipping and sniffing charsets again.
import { readFileSync, writeFileSync } from 'node:fs';

const FIELDS = ['id', 'url', 'html', 'text', 'lynx'];

/** Writes pages ({ id, url, html, text, lynx }) to a pack file. */
export function writePack(path, pages) {
  const chunks = [];
  const count = Buffer.alloc(4);
  count.writeUInt32LE(pages.length);
  chunks.push(count);
  for (const page of pages) {
    for (const field of FIELDS) {
      const bytes = Buffer.from(page[field], 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      chunks.push(length, bytes);
    }
  }
  writeFileSync(path, Buffer.concat(chunks));
}

/** Reads the pages of a pack file. */
export function readPack(path) {
  const buffer = readFileSync(path);
  let offset = 0;
  const u32 = () => {
    const value = buffer.readUInt32LE(offset);
    offset += 4;
    return value;
  };
  const pages = new Array(u32());
  for (let i = 0; i < pages.length; i++) {
    const page = {};
    for (const field of FIELDS) {
      const length = u32();
      page[field] = buffer.toString('utf8', offset, offset + length);
      offset += length;
    }
    pages[i] = page;
  }
  return pages;
}
