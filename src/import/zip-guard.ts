import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { importText, type Message } from '../messages/index.js';

/**
 * A workbook is a zip, and a 1 MB file can expand to gigabytes (a "zip bomb") and exhaust
 * memory or disk. Before any entry is inflated, the central directory is checked: declared
 * sizes, ratios, overlaps, one entry per name, every local header where the directory says and
 * agreeing with it, and no entry the directory does not list (a reader that walks local headers
 * would read it, ours would not: such a file is refused rather than read two ways). The reader
 * (readers/zip.ts) then inflates only the parts the workbook references, each with a counter
 * that stops at its declared size: a lying directory is caught after at most that many bytes.
 */

export interface ZipLimits {
  /** Total declared uncompressed size of all entries. */
  readonly maxTotalBytes: number;
  /** An entry at least this large may not expand more than `maxRatio` times. */
  readonly largeEntryBytes: number;
  readonly maxRatio: number;
  readonly maxEntries: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  largeEntryBytes: 10 * 1024 ** 2,
  maxRatio: 200,
  maxEntries: 20_000,
};

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** CRC-32 of the uncompressed bytes, from the central directory: checked as the entry is read (zip.ts). */
  readonly crc32: number;
}

/** Why a zip is refused; the caller wraps it into a one-line error naming the file. */
export class ZipRefusal extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
    this.name = 'ZipRefusal';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD64_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;
/** Deflate can grow incompressible data a little: 5 bytes per 64 KiB stored block, plus slack. */
const deflateOverhead = (size: number) => Math.ceil(size / 16_000) * 5 + 64;

export const corrupt = (detail: Message) => new ZipRefusal(importText.zipCorrupt({ detail }));
const truncated = () =>
  new ZipRefusal(
    importText.zipTruncated(),
  );

export function bomb(detail: Message): ZipRefusal {
  return new ZipRefusal(
    importText.zipBomb({ detail }),
  );
}

/** A checked zip: its entries by name, and where each one's data starts. */
export interface ZipIndex {
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
  readonly dataStart: ReadonlyMap<ZipEntry, number>;
}

/** Checks a file that starts like a zip; throws ZipRefusal when it must not be read. */
export async function checkZip(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipIndex> {
  return checkZipNow(path, limits);
}

/**
 * The reads are synchronous: a dozen small reads (the directory, each local header) cost a
 * thread-pool hop each when awaited, which across a province's 100 files left the reading
 * thread idle for a tenth of its time (measured).
 */
function checkZipNow(path: string, limits: ZipLimits): ZipIndex {
  const handle = openSync(path, 'r');
  try {
    const { size } = fstatSync(handle);
    const { entries, directoryOffset } = readCentralDirectory(handle, size, limits);
    checkDeclaredSizes(entries, limits);
    const byName = checkNames(entries);
    const dataStart = checkLayout(handle, entries, directoryOffset);
    checkIsWorkbook(entries);
    return { entries, byName, dataStart };
  } finally {
    closeSync(handle);
  }
}

/**
 * Two entries of one name would be read one way by us and another by a reader that walks the
 * local headers (rows smuggled in): refused. Part names are case-insensitive (OPC).
 */
function checkNames(entries: readonly ZipEntry[]): Map<string, ZipEntry> {
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    const key = entry.name.toLowerCase();
    if (byName.has(key)) {
      throw corrupt(importText.zipDuplicateName({ name: entry.name }));
    }
    byName.set(key, entry);
  }
  return byName;
}

/** A file descriptor open for reading. */
type Handle = number;

function readAt(handle: Handle, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const bytesRead = readSync(handle, buffer, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buffer.subarray(0, got);
}

function readCentralDirectory(
  handle: Handle,
  size: number,
  limits: ZipLimits,
): { entries: ZipEntry[]; directoryOffset: number } {
  const tailLength = Math.min(size, 22 + MAX_COMMENT + 20);
  const tail = readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    // The record's comment must fit in the file, or these 4 bytes are not the record.
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw truncated();
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  let directoryEnd = size - tailLength + eocd;
  if (count === 0xffff || directorySize === ZIP64_MARK || directoryOffset === ZIP64_MARK) {
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== EOCD64_LOCATOR_SIGNATURE) throw truncated();
    const record64Offset = Number(tail.readBigUInt64LE(locator + 8));
    const record64 = readAt(handle, record64Offset, 56);
    if (record64.length < 56 || record64.readUInt32LE(0) !== EOCD64_SIGNATURE) throw truncated();
    count = Number(record64.readBigUInt64LE(32));
    directorySize = Number(record64.readBigUInt64LE(40));
    directoryOffset = Number(record64.readBigUInt64LE(48));
    directoryEnd = record64Offset;
  }
  if (count > limits.maxEntries) {
    throw bomb(importText.zipEntryCount({ count }));
  }
  if (directoryOffset + directorySize > directoryEnd || directorySize > count * (46 + 3 * 0xffff)) throw truncated();
  const directory = readAt(handle, directoryOffset, directorySize);
  if (directory.length < directorySize) throw truncated();

  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw corrupt(importText.zipDirectoryBroken());
    }
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    const crc32 = directory.readUInt32LE(at + 16);
    let compressedSize = directory.readUInt32LE(at + 20);
    let uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64: the 32-bit fields that overflowed are given, in this order, in extra field 0x0001.
    const extraStart = at + 46 + nameLength;
    for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
      const id = directory.readUInt16LE(e);
      const length = directory.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let field = e + 4;
        const next = () => {
          const value = field + 8 <= e + 4 + length ? Number(directory.readBigUInt64LE(field)) : ZIP64_MARK;
          field += 8;
          return value;
        };
        if (uncompressedSize === ZIP64_MARK) uncompressedSize = next();
        if (compressedSize === ZIP64_MARK) compressedSize = next();
        if (localHeaderOffset === ZIP64_MARK) localHeaderOffset = next();
      }
      e += 4 + length;
    }
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localHeaderOffset, crc32 });
    at = extraStart + extraLength + commentLength;
  }
  return { entries, directoryOffset };
}

/** The declared sizes alone: instant, and enough for an honest bomb. Exported for tests. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], limits: ZipLimits = ZIP_LIMITS): void {
  let total = 0;
  for (const entry of entries) {
    if ((entry.flags & 0x1) !== 0) {
      throw new ZipRefusal(
        importText.zipPassword(),
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw corrupt(importText.zipUnsupportedMethod({ name: entry.name, method: entry.method }));
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw corrupt(importText.zipSizesDisagree({ name: entry.name }));
    }
    // Deflate never makes data much larger: a compressed size above the declared size is a lie.
    if (entry.method === 8 && entry.compressedSize > entry.uncompressedSize + deflateOverhead(entry.uncompressedSize)) {
      throw bomb(importText.zipFalseSize({ name: entry.name }));
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize >= limits.largeEntryBytes && ratio > limits.maxRatio) {
      const times = Math.round(ratio);
      throw bomb(
        importText.zipRatio({ name: entry.name, expanded: entry.uncompressedSize, times }),
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    throw bomb(
      importText.zipTotalOverLimit({ total, limit: limits.maxTotalBytes }),
    );
  }
}

/** A data descriptor after an entry's data: 12 to 24 bytes, with or without its signature. */
const MAX_DESCRIPTOR = 24;
/** Bytes between entries beyond this are not a zip a spreadsheet program writes. */
const MAX_GAP = 1024 * 1024;

/**
 * Entries must not overlap: a directory whose entries share their data ("overlapping-file"
 * bombs) would have the same bytes inflated over and over. Each local header must name the
 * entry the directory names, and the bytes between entries (data descriptors) must not hold
 * another local header: an entry missing from the directory.
 */
function checkLayout(handle: Handle, entries: readonly ZipEntry[], directoryOffset: number): Map<ZipEntry, number> {
  const ranges: { start: number; end: number; entry: ZipEntry }[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = readAt(handle, entry.localHeaderOffset, 30 + name.length);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw truncated();
    const nameLength = header.readUInt16LE(26);
    const localSize = header.readUInt32LE(18);
    const sizesInDescriptor = (header.readUInt16LE(6) & 0x8) !== 0;
    if (
      nameLength !== name.length ||
      !header.subarray(30, 30 + nameLength).equals(name) ||
      header.readUInt16LE(8) !== entry.method ||
      (!sizesInDescriptor && localSize !== ZIP64_MARK && localSize !== entry.compressedSize)
    ) {
      throw corrupt(importText.zipLocalHeaderDisagrees({ name: entry.name }));
    }
    const dataStart = entry.localHeaderOffset + 30 + nameLength + header.readUInt16LE(28);
    ranges.push({ start: entry.localHeaderOffset, end: dataStart + entry.compressedSize, entry });
  }
  ranges.sort((a, b) => a.start - b.start);
  let previousEnd = 0;
  let previous: ZipEntry | undefined;
  for (const range of ranges) {
    if (range.start < previousEnd) {
      throw bomb(importText.zipEntriesOverlap({ name: previous!.name, name2: range.entry.name }));
    }
    checkGap(handle, previousEnd, range.start);
    previousEnd = range.end;
    previous = range.entry;
  }
  if (previousEnd > directoryOffset) throw truncated();
  checkGap(handle, previousEnd, directoryOffset);
  return new Map(ranges.map((range) => [range.entry, range.end - range.entry.compressedSize]));
}

function checkGap(handle: Handle, start: number, end: number): void {
  // A data descriptor is too short to hide a local header (30 bytes and a name).
  if (end - start <= MAX_DESCRIPTOR) return;
  const hidden = corrupt(importText.zipHiddenEntry());
  if (end - start > MAX_GAP) throw hidden;
  const gap = readAt(handle, start, end - start);
  if (gap.indexOf(LOCAL_SIGNATURE_BYTES) >= 0) throw hidden;
}

const LOCAL_SIGNATURE_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function checkIsWorkbook(entries: readonly ZipEntry[]): void {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('xl/workbook.xml')) return;
  // Another spreadsheet: saved again as .xlsx, it is read.
  const spreadsheet = names.has('xl/workbook.bin') ? importText.kindXlsb() : names.has('content.xml') && names.has('mimetype') ? importText.kindOds() : undefined;
  if (spreadsheet) throw new ZipRefusal(importText.otherZipFormat({ other: spreadsheet }));
  // Not a spreadsheet at all: say what it is.
  const what = names.has('word/document.xml') ? importText.kindDocx() : names.has('ppt/presentation.xml') ? importText.kindPptx() : undefined;
  if (what) throw new ZipRefusal(importText.notAListOfChildren({ what }));
  const workbooks = entries.filter((entry) => /\.(xlsx|xlsm|xls|csv)$/i.test(entry.name)).length;
  if (workbooks > 0) throw new ZipRefusal(importText.zipOfWorkbooks({ workbooks }));
  if (![...names].some((name) => name === '[Content_Types].xml')) throw new ZipRefusal(importText.notAListOfChildren({ what: importText.kindArchive({ format: '.zip' }) }));
  throw new ZipRefusal(importText.zipNotWorkbook());
}
