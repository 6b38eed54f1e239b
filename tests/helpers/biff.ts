/**
 * Legacy .xls files built byte by byte: BIFF8/BIFF5 workbook streams (records, shared strings
 * split over CONTINUE records, sheets at the offsets BOUNDSHEET gives) inside an OLE compound
 * file whose small streams can live in the mini stream. For the cases LibreOffice does not
 * write (Excel 95 text in a code page, rich-text strings split across records) and for damage.
 */

export function record(type: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

const u16 = (value: number) => {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value, 0);
  return buffer;
};
const u32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
};

/** BIFF8 XLUnicodeString with a 16-bit count: compressed (Latin-1) when it can be, UTF-16 otherwise. */
export function unicodeString(text: string, countBytes: 1 | 2 = 2): Buffer {
  const wide = [...text].some((ch) => ch.charCodeAt(0) > 0xff);
  const count = countBytes === 1 ? Buffer.from([text.length]) : u16(text.length);
  return Buffer.concat([count, Buffer.from([wide ? 1 : 0]), Buffer.from(text, wide ? 'utf16le' : 'latin1')]);
}

export function bof(version: 5 | 8, substream: number): Buffer {
  const data = Buffer.alloc(version === 8 ? 16 : 8);
  data.writeUInt16LE(version === 8 ? 0x0600 : 0x0500, 0);
  data.writeUInt16LE(substream, 2);
  return record(0x0809, data);
}

export const eof = () => record(0x000a);

export function xf(formatId: number): Buffer {
  const data = Buffer.alloc(20);
  data.writeUInt16LE(formatId, 2);
  return record(0x00e0, data);
}

export function format(version: 5 | 8, id: number, code: string): Buffer {
  const text = version === 8 ? unicodeString(code) : Buffer.concat([Buffer.from([code.length]), Buffer.from(code, 'latin1')]);
  return record(0x041e, Buffer.concat([u16(id), text]));
}

const cellHead = (row: number, column: number, xfIndex: number) => Buffer.concat([u16(row), u16(column), u16(xfIndex)]);

export function numberCell(row: number, column: number, value: number, xfIndex = 0): Buffer {
  const data = Buffer.alloc(8);
  data.writeDoubleLE(value, 0);
  return record(0x0203, Buffer.concat([cellHead(row, column, xfIndex), data]));
}

/** An RK value: `integer` gives the 30-bit integer form, else the double's top 30 bits; `times100`. */
export function rk(value: number, integer: boolean, times100: boolean): number {
  if (integer) return ((value << 2) | 2 | (times100 ? 1 : 0)) >>> 0;
  const buffer = Buffer.alloc(8);
  buffer.writeDoubleLE(value, 0);
  return ((buffer.readUInt32LE(4) & 0xfffffffc) | (times100 ? 1 : 0)) >>> 0;
}

export function rkCell(row: number, column: number, rkValue: number, xfIndex = 0): Buffer {
  return record(0x027e, Buffer.concat([cellHead(row, column, xfIndex), u32(rkValue)]));
}

export function mulRk(row: number, firstColumn: number, values: readonly { rk: number; xf: number }[]): Buffer {
  const parts = values.map((value) => Buffer.concat([u16(value.xf), u32(value.rk)]));
  return record(0x00bd, Buffer.concat([u16(row), u16(firstColumn), ...parts, u16(firstColumn + values.length - 1)]));
}

export function labelSst(row: number, column: number, index: number, xfIndex = 0): Buffer {
  return record(0x00fd, Buffer.concat([cellHead(row, column, xfIndex), u32(index)]));
}

/** LABEL: BIFF8 text as XLUnicodeString, BIFF5 as bytes already in the workbook's code page. */
export function label(row: number, column: number, text: string | Buffer, xfIndex = 0): Buffer {
  const body = typeof text === 'string' ? unicodeString(text) : Buffer.concat([u16(text.length), text]);
  return record(0x0204, Buffer.concat([cellHead(row, column, xfIndex), body]));
}

export function boolErr(row: number, column: number, value: number, isError: boolean): Buffer {
  return record(0x0205, Buffer.concat([cellHead(row, column, 0), Buffer.from([value, isError ? 1 : 0])]));
}

/** FORMULA with a cached result: a number, or a special result (0 text, 1 boolean, 2 error, 3 empty text). */
export function formula(row: number, column: number, result: number | { kind: 0 | 1 | 2 | 3; value?: number }, xfIndex = 0): Buffer {
  const value = Buffer.alloc(8);
  if (typeof result === 'number') {
    value.writeDoubleLE(result, 0);
  } else {
    value[0] = result.kind;
    value[2] = result.value ?? 0;
    value.writeUInt16LE(0xffff, 6);
  }
  // Flags, chn, then a formula of one token (ptgInt 1): its bytes do not matter to the reader.
  return record(0x0006, Buffer.concat([cellHead(row, column, xfIndex), value, u16(0), u32(0), u16(3), Buffer.from([0x1e, 1, 0])]));
}

export function stringResult(text: string): Buffer {
  return record(0x0207, unicodeString(text));
}

export interface BiffSheetInput {
  readonly name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  readonly hidden?: number;
  /** The sheet's records between its BOF and EOF. */
  readonly records: readonly Buffer[];
}

/**
 * A workbook stream: BOF, `globals` (CODEPAGE, DATEMODE, FORMAT, XF, SST… as given), one
 * BOUNDSHEET per sheet with the offset its substream lands at, EOF, then the sheets.
 */
export function workbookStream(version: 5 | 8, globals: readonly Buffer[], sheets: readonly BiffSheetInput[]): Buffer {
  const sheetName = (name: string) =>
    version === 8 ? unicodeString(name, 1) : Buffer.concat([Buffer.from([name.length]), Buffer.from(name, 'latin1')]);
  const boundsheet = (sheet: BiffSheetInput, offset: number) =>
    record(0x0085, Buffer.concat([u32(offset), Buffer.from([sheet.hidden ?? 0, 0]), sheetName(sheet.name)]));
  const bodies = sheets.map((sheet) => Buffer.concat([bof(version, 0x0010), ...sheet.records, eof()]));
  const head = Buffer.concat([bof(version, 0x0005), ...globals]);
  const boundsheetsLength = sheets.reduce((sum, sheet) => sum + boundsheet(sheet, 0).length, 0);
  let offset = head.length + boundsheetsLength + 4;
  const boundsheets = sheets.map((sheet, index) => {
    const built = boundsheet(sheet, offset);
    offset += bodies[index]!.length;
    return built;
  });
  return Buffer.concat([head, ...boundsheets, eof(), ...bodies]);
}

/** SST then CONTINUE records: `chunks` are the record payloads exactly as they should be cut. */
export function sstRecords(chunks: readonly Buffer[]): Buffer {
  return Buffer.concat(chunks.map((chunk, index) => record(index === 0 ? 0x00fc : 0x003c, chunk)));
}

export function sstHeader(total: number, unique: number): Buffer {
  return Buffer.concat([u32(total), u32(unique)]);
}

export { u16, u32 };

// ---------------------------------------------------------------- OLE compound file

export interface CompoundStream {
  readonly name: string;
  readonly data: Buffer;
}

/** What a test may break in the container after building it. */
export interface CompoundLayout {
  readonly bytes: Buffer;
  /** Byte offset of FAT entry `n` is `fatAt + 4n`. */
  readonly fatAt: number;
  /** Byte offset of directory entry `n` is `directoryAt + 128n`. */
  readonly directoryAt: number;
  /** First regular sector of each stream (END_OF_CHAIN when in the mini stream). */
  readonly starts: readonly number[];
}

const SECTOR = 512;
const END = 0xfffffffe;
const FREE = 0xffffffff;

/**
 * A version-3 compound file: header, one FAT sector, one directory sector (root + up to 3
 * streams), one mini-FAT sector, the mini stream, then the regular streams. Streams under
 * 4096 bytes go to the mini stream (64-byte sectors), as Excel and LibreOffice store them.
 */
export function buildCompound(streams: readonly CompoundStream[]): CompoundLayout {
  if (streams.length > 3) throw new Error('at most 3 streams');
  const fat = Buffer.alloc(SECTOR, 0xff);
  const miniFat = Buffer.alloc(SECTOR, 0xff);
  const directory = Buffer.alloc(SECTOR);
  const sectors: Buffer[] = [fat, directory, miniFat];
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(END, 4);
  fat.writeUInt32LE(END, 8);
  const chainSectors = (data: Buffer, size: number, table: Buffer, firstIndex: number, out: Buffer[]) => {
    const count = Math.ceil(data.length / size);
    for (let s = 0; s < count; s += 1) {
      table.writeUInt32LE(s === count - 1 ? END : firstIndex + s + 1, (firstIndex + s) * 4);
      const sector = Buffer.alloc(size);
      data.copy(sector, 0, s * size, (s + 1) * size);
      out.push(sector);
    }
    return count > 0 ? firstIndex : END;
  };
  const miniSectors: Buffer[] = [];
  const miniStarts = streams.map((stream) => (stream.data.length < 4096 ? chainSectors(stream.data, 64, miniFat, miniSectors.length, miniSectors) : END));
  if (miniSectors.length > 128) throw new Error('mini stream too large for one mini-FAT sector');
  const miniStream = Buffer.concat(miniSectors);
  const rootStart = chainSectors(miniStream, SECTOR, fat, sectors.length, sectors);
  const starts = streams.map((stream) => (stream.data.length >= 4096 ? chainSectors(stream.data, SECTOR, fat, sectors.length, sectors) : END));
  if (sectors.length > 128) throw new Error('streams too large for one FAT sector');
  const entry = (index: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 0x40);
    directory[at + 0x42] = type;
    directory[at + 0x43] = 1;
    directory.writeUInt32LE(FREE, at + 0x44);
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(start, at + 0x74);
    directory.writeUInt32LE(size, at + 0x78);
  };
  entry(0, 'Root Entry', 5, rootStart, miniStream.length, streams.length > 0 ? 1 : FREE, FREE);
  streams.forEach((stream, index) => {
    const start = stream.data.length < 4096 ? miniStarts[index]! : starts[index]!;
    entry(index + 1, stream.name, 2, start, stream.data.length, FREE, index + 2 <= streams.length ? index + 2 : FREE);
  });
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(2, 0x3c);
  header.writeUInt32LE(1, 0x40);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i += 1) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  return { bytes: Buffer.concat([header, ...sectors]), fatAt: SECTOR, directoryAt: 2 * SECTOR, starts };
}
