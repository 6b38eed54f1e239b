/**
 * The floor the import is held against: every entry of each workbook inflated with node:zlib
 * and nothing else (no XML, no cells), one file after the other on one thread. What the
 * import takes beyond this is ours (XML scanning, validation, accounting, threads).
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** A cell with its content, an empty cell, or a shared string. */
const CELL_OR_STRING = /<c[ >][^>]*?(?:\/>|>.*?<\/c>)|<si>.*?<\/si>/gs;

/**
 * Inflates every entry of a zip (found through its central directory); returns the bytes inflated.
 * With `scan`, each worksheet and the shared strings are also read as text and every cell (or
 * shared string) matched by one regular expression: the floor of issue 21, what any reader must
 * at least do (its `cells` counts the matches).
 */
export function inflateZip(path: string, scan?: { cells: number }): number {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error(`${path}: not a zip`);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let inflated = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`${path}: bad central directory`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('latin1', at + 46, at + 46 + zip.readUInt16LE(at + 28));
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`${path}: bad local header`);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const bytes = zip.subarray(data, data + compressedSize);
    const content = method === 8 ? inflateRawSync(bytes) : bytes;
    inflated += content.length;
    if (scan && /^xl\/(worksheets\/|sharedStrings)/.test(name)) scan.cells += content.toString('latin1').match(CELL_OR_STRING)?.length ?? 0;
  }
  return inflated;
}
