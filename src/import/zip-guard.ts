import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { msg, type Message } from '../model/messages.js';

/**
 * A workbook is a zip, and exceljs inflates whatever it is given with no limit: a 1 MB file
 * can expand to gigabytes (a "zip bomb") and exhaust memory or disk. Before exceljs sees a
 * file, its central directory is checked (declared sizes, ratios, overlaps), then every entry
 * is inflated into nothing with a counter that stops at the declared size: a lying directory
 * is caught after reading at most that many bytes. Inflating is ~1% of the cost of parsing.
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

const corrupt = (en: string, vi: string) => new ZipRefusal(msg(`file hỏng (${vi}); hãy mở bằng Excel và lưu lại dạng .xlsx`, `corrupt file (${en}); open it in Excel and save it again as .xlsx`));
const truncated = () =>
  new ZipRefusal(
    msg(
      'file bị hỏng hoặc chưa tải/chép hết (thiếu phần cuối); hãy lấy lại file gốc',
      'the file is damaged or was not completely downloaded/copied (its end is missing); get the original file again',
    ),
  );

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

function bomb(detail: Message): ZipRefusal {
  return new ZipRefusal(
    msg(
      `file nén bất thường, có thể là "bom zip" (${detail.vi}): không đọc; hãy xin lại file xuất gốc`,
      `suspicious zip, possibly a "zip bomb" (${detail.en}): not read; ask for the original export`,
    ),
  );
}

/** Checks a file that starts like a zip; throws ZipRefusal when it must not be read. */
export async function checkZip(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  let entries: ZipEntry[];
  let dataStarts: Map<ZipEntry, number>;
  try {
    const { size } = await handle.stat();
    entries = await readCentralDirectory(handle, size, limits);
    checkDeclaredSizes(entries, limits);
    dataStarts = await checkLayout(handle, entries);
    checkIsWorkbook(entries);
  } finally {
    await handle.close();
  }
  await checkActualSizes(path, entries, dataStarts, limits);
  return entries;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function readCentralDirectory(handle: FileHandle, size: number, limits: ZipLimits): Promise<ZipEntry[]> {
  const tailLength = Math.min(size, 22 + MAX_COMMENT + 20);
  const tail = await readAt(handle, size - tailLength, tailLength);
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
    const record64 = await readAt(handle, record64Offset, 56);
    if (record64.length < 56 || record64.readUInt32LE(0) !== EOCD64_SIGNATURE) throw truncated();
    count = Number(record64.readBigUInt64LE(32));
    directorySize = Number(record64.readBigUInt64LE(40));
    directoryOffset = Number(record64.readBigUInt64LE(48));
    directoryEnd = record64Offset;
  }
  if (count > limits.maxEntries) {
    throw bomb(msg(`${count} phần trong file nén`, `${count} entries in the archive`));
  }
  if (directoryOffset + directorySize > directoryEnd || directorySize > count * (46 + 3 * 0xffff)) throw truncated();
  const directory = await readAt(handle, directoryOffset, directorySize);
  if (directory.length < directorySize) throw truncated();

  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw corrupt('broken zip directory', 'mục lục file nén bị hỏng');
    }
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
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
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

/** The declared sizes alone: instant, and enough for an honest bomb. Exported for tests. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], limits: ZipLimits = ZIP_LIMITS): void {
  let total = 0;
  for (const entry of entries) {
    if ((entry.flags & 0x1) !== 0) {
      throw new ZipRefusal(
        msg(
          'file nén có mật khẩu, không phải sổ Excel thường; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx',
          'a password-protected zip, not a plain workbook; open it in Excel, remove the password and save as .xlsx',
        ),
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw corrupt(`entry "${entry.name}" uses compression method ${entry.method}`, `phần "${entry.name}" nén theo kiểu ${entry.method} không hỗ trợ`);
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw corrupt(`sizes of "${entry.name}" disagree`, `kích thước của "${entry.name}" không khớp`);
    }
    // Deflate never makes data much larger: a compressed size above the declared size is a lie.
    if (entry.method === 8 && entry.compressedSize > entry.uncompressedSize + deflateOverhead(entry.uncompressedSize)) {
      throw bomb(msg(`kích thước khai báo của "${entry.name}" sai`, `entry "${entry.name}" declares a false size`));
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize >= limits.largeEntryBytes && ratio > limits.maxRatio) {
      const times = Math.round(ratio);
      throw bomb(
        msg(
          `phần "${entry.name}" giải nén ra ${formatBytes(entry.uncompressedSize)}, gấp ${times} lần`,
          `entry "${entry.name}" expands to ${formatBytes(entry.uncompressedSize)}, ${times} times its size`,
        ),
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    throw bomb(
      msg(
        `giải nén ra ${formatBytes(total)}, quá giới hạn ${formatBytes(limits.maxTotalBytes)}`,
        `expands to ${formatBytes(total)}, over the ${formatBytes(limits.maxTotalBytes)} limit`,
      ),
    );
  }
}

/**
 * Entries must not overlap: a directory whose entries share their data ("overlapping-file"
 * bombs) would make the check below inflate the same bytes over and over.
 */
async function checkLayout(handle: FileHandle, entries: ZipEntry[]): Promise<Map<ZipEntry, number>> {
  const ranges: { start: number; end: number; entry: ZipEntry }[] = [];
  for (const entry of entries) {
    const header = await readAt(handle, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw truncated();
    const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    ranges.push({ start: entry.localHeaderOffset, end: dataStart + entry.compressedSize, entry });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i += 1) {
    if (ranges[i]!.start < ranges[i - 1]!.end) {
      throw bomb(msg(`các phần "${ranges[i - 1]!.entry.name}" và "${ranges[i]!.entry.name}" chồng lên nhau`, `entries "${ranges[i - 1]!.entry.name}" and "${ranges[i]!.entry.name}" overlap`));
    }
  }
  return new Map(ranges.map((range) => [range.entry, range.end - range.entry.compressedSize]));
}

function checkIsWorkbook(entries: readonly ZipEntry[]): void {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('xl/workbook.xml')) return;
  const other: Message | undefined = names.has('xl/workbook.bin')
    ? msg('sổ Excel nhị phân (.xlsb)', 'a binary Excel workbook (.xlsb)')
    : names.has('word/document.xml')
      ? msg('văn bản Word (.docx)', 'a Word document (.docx)')
      : names.has('content.xml') && names.has('mimetype')
        ? msg('bảng tính OpenDocument (.ods)', 'an OpenDocument spreadsheet (.ods)')
        : undefined;
  throw new ZipRefusal(
    other
      ? msg(`đây là ${other.vi}, không phải sổ Excel .xlsx; hãy mở và lưu lại dạng .xlsx`, `this is ${other.en}, not an .xlsx workbook; open it and save it as .xlsx`)
      : msg('file nén nhưng không phải sổ Excel (.xlsx)', 'a zip archive, but not an Excel workbook (.xlsx)'),
  );
}

/** Inflates every entry into nothing, stopping as soon as one gives more than it declared. */
async function checkActualSizes(
  path: string,
  entries: readonly ZipEntry[],
  starts: ReadonlyMap<ZipEntry, number>,
  limits: ZipLimits,
): Promise<void> {
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 8 || entry.compressedSize === 0) continue;
    const start = starts.get(entry);
    if (start === undefined) continue;
    let produced = 0;
    const counter = new Writable({
      write(chunk: Buffer, _encoding, done) {
        produced += chunk.length;
        total += chunk.length;
        if (produced > entry.uncompressedSize) {
          done(bomb(msg(`phần "${entry.name}" giải nén ra nhiều hơn kích thước khai báo ${formatBytes(entry.uncompressedSize)}`, `entry "${entry.name}" expands beyond its declared ${formatBytes(entry.uncompressedSize)}`)));
        } else if (total > limits.maxTotalBytes) {
          done(bomb(msg(`giải nén ra hơn ${formatBytes(limits.maxTotalBytes)}`, `expands to more than ${formatBytes(limits.maxTotalBytes)}`)));
        } else {
          done();
        }
      },
    });
    try {
      await pipeline(
        createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1024 * 1024 }),
        createInflateRaw({ chunkSize: 256 * 1024 }),
        counter,
      );
    } catch (error) {
      if (error instanceof ZipRefusal) throw error;
      throw corrupt(`entry "${entry.name}" cannot be decompressed`, `không giải nén được phần "${entry.name}"`);
    }
    if (produced !== entry.uncompressedSize) {
      throw corrupt(`entry "${entry.name}" is shorter than declared`, `phần "${entry.name}" ngắn hơn kích thước khai báo`);
    }
  }
}
