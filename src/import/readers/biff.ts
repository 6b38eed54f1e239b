import { TextDecoder } from 'node:util';
import { importText, type Message } from '../../messages/index.js';
import type { RawValue } from '../cells.js';
import type { ReaderRow } from './legacy-rows.js';
import { columnLetter } from './notes.js';
import type { CellErrorAt } from './sheet-scan.js';
import type { SheetState } from './types.js';
import { isDateFormat } from './workbook.js';

/**
 * A legacy Excel workbook stream (the OLE "Workbook" stream of Excel 97–2003, BIFF8, or the
 * "Book" stream of Excel 5/95, BIFF5), read record by record into the same cell values the
 * .xlsx reader gives: text, numbers, booleans, dates (told by the cell's number format, in the
 * workbook's date system), formulas by their cached result, error cells blank with a note.
 *
 * The whole stream is checked as it is read: a record running past the end, a sheet that does
 * not start where the workbook says or never ends, a shared-string table that holds fewer
 * strings than it declares, a reference to a string that is not there — each makes the whole
 * workbook a `BiffDamage`, and nothing of it is used.
 */

export class BiffDamage extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
    this.name = 'BiffDamage';
  }
}

/** A FILEPASS record: the workbook is encrypted with a password to open. */
export class BiffEncrypted extends Error {
  constructor() {
    super('password-protected workbook');
    this.name = 'BiffEncrypted';
  }
}

/** Excel 2.x–4.x worksheets (not OLE files, and not what offices keep): said, not guessed at. */
export class BiffTooOld extends Error {
  constructor() {
    super('BIFF2–4 worksheet');
    this.name = 'BiffTooOld';
  }
}

export interface BiffSheet {
  readonly name: string;
  readonly state: SheetState;
  /** In row order, only rows holding at least one cell value; cells 0-based, gaps null. */
  readonly rows: readonly ReaderRow[];
  /** Error cells (#N/A, #DIV/0!…), read as blank. */
  readonly errors: readonly CellErrorAt[];
  /** Formulas whose text result is missing, read as blank. */
  readonly withoutResult: readonly { readonly row: number; readonly column: number }[];
}

export interface BiffWorkbook {
  /** 8 for Excel 97–2003, 5 for Excel 5/95. */
  readonly version: 5 | 8;
  readonly date1904: boolean;
  /** Worksheets in the workbook's order (chart and macro sheets hold no cells and are left out). */
  readonly sheets: readonly BiffSheet[];
}

const damaged = (reason: Message) => new BiffDamage(reason);

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const CODEPAGE = 0x0042;
const DATEMODE = 0x0022;
const FORMAT = 0x041e;
const FORMAT_BIFF3 = 0x001e;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const WORKSHEET_SUBSTREAM = 0x0010;
const MAX_COLUMNS = 256;

/** Built-in number formats that are dates or times (the same numbering as in .xlsx). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

const ERROR_CODES: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
};

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const SYSTEM_1904_OFFSET = 1_462;

interface Globals {
  version: 5 | 8;
  date1904: boolean;
  /** BIFF5 text: the workbook's code page. */
  decoder: TextDecoder;
  formats: Map<number, string>;
  /** By XF index: its number format. */
  xfFormats: number[];
  strings: string[];
  sheets: { name: string; state: SheetState; offset: number; type: number }[];
}

export function parseBiffWorkbook(stream: Buffer): BiffWorkbook {
  const globals = readGlobals(stream);
  const dateStyles = Uint8Array.from(globals.xfFormats, (formatId) => {
    const custom = globals.formats.get(formatId);
    return (custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(formatId)) ? 1 : 0;
  });
  const epochSerial = UNIX_EPOCH_SERIAL - (globals.date1904 ? SYSTEM_1904_OFFSET : 0);
  const sheets: BiffSheet[] = [];
  const offsets = new Set<number>();
  for (const sheet of globals.sheets) {
    // Two sheets at one place would have it read twice (or ten thousand times): a forged file.
    if (offsets.has(sheet.offset)) throw damaged(importText.biffSheetsOverlap());
    offsets.add(sheet.offset);
    if (sheet.type !== 0) continue;
    const read = readSheet(stream, sheet.offset, sheet.name, globals, dateStyles, epochSerial);
    if (read) sheets.push({ name: sheet.name, state: sheet.state, ...read });
  }
  return { version: globals.version, date1904: globals.date1904, sheets };
}

/** The record at `at`: its type and where its data lies, checked against the stream's end. */
function recordAt(stream: Buffer, at: number): { type: number; start: number; end: number } {
  if (at + 4 > stream.length) throw damaged(importText.biffStreamEndsEarly());
  const type = stream.readUInt16LE(at);
  const end = at + 4 + stream.readUInt16LE(at + 2);
  if (end > stream.length) throw damaged(importText.biffRecordPastEnd());
  return { type, start: at + 4, end };
}

/** A record's data and that of the CONTINUE records after it (from `at`), and where they end. */
function withContinues(stream: Buffer, data: Buffer, at: number): { parts: Buffer[]; end: number } {
  const parts = [data];
  let end = at;
  while (end + 4 <= stream.length && stream.readUInt16LE(end) === CONTINUE) {
    const next = recordAt(stream, end);
    parts.push(stream.subarray(next.start, next.end));
    end = next.end;
  }
  return { parts, end };
}

function readGlobals(stream: Buffer): Globals {
  const first = recordAt(stream, 0);
  if (first.type === 0x0009 || first.type === 0x0209 || first.type === 0x0409) throw new BiffTooOld();
  if (first.type !== BOF || first.end - first.start < 4) throw damaged(importText.biffNoBof());
  const versionField = stream.readUInt16LE(first.start);
  const version: 5 | 8 = versionField === 0x0600 ? 8 : versionField === 0x0500 || versionField === 0 ? 5 : 8;
  const globals: Globals = {
    version,
    date1904: false,
    decoder: new TextDecoder('windows-1252'),
    formats: new Map(),
    xfFormats: [],
    strings: [],
    sheets: [],
  };
  let at = first.end;
  for (;;) {
    const record = recordAt(stream, at);
    const data = stream.subarray(record.start, record.end);
    at = record.end;
    switch (record.type) {
      case EOF:
        return globals;
      case FILEPASS:
        throw new BiffEncrypted();
      case CODEPAGE:
        if (data.length >= 2) globals.decoder = decoderFor(data.readUInt16LE(0));
        break;
      case DATEMODE:
        globals.date1904 = data.length >= 2 && data.readUInt16LE(0) === 1;
        break;
      case FORMAT:
      case FORMAT_BIFF3:
        if (data.length >= 3) globals.formats.set(data.readUInt16LE(0), version === 8 ? unicodeString(data, 2, 2).text : byteString(data, 2, 1, globals.decoder));
        break;
      case XF:
        if (data.length < 4) throw damaged(importText.biffXfCutShort());
        globals.xfFormats.push(data.readUInt16LE(2));
        break;
      case BOUNDSHEET: {
        if (data.length < 7) throw damaged(importText.biffBoundsheetCutShort());
        const hidden = data[4]! & 0x03;
        const name = version === 8 ? shortUnicodeString(data, 6) : byteString(data, 6, 1, globals.decoder);
        globals.sheets.push({ name, state: hidden === 0 ? 'visible' : hidden === 1 ? 'hidden' : 'veryHidden', offset: data.readUInt32LE(0), type: data[5]! });
        break;
      }
      case SST: {
        const continued = withContinues(stream, data, at);
        at = continued.end;
        globals.strings = sharedStrings(continued.parts);
        break;
      }
    }
  }
}

/** The Windows code page a BIFF5 workbook's text is written in (CODEPAGE record). */
function decoderFor(codePage: number): TextDecoder {
  const labels: Readonly<Record<number, string>> = {
    367: 'ascii',
    437: 'ibm866',
    874: 'windows-874',
    932: 'shift_jis',
    936: 'gbk',
    949: 'euc-kr',
    950: 'big5',
    1200: 'utf-16le',
    10000: 'macintosh',
    32768: 'macintosh',
    32769: 'windows-1252',
  };
  const label = labels[codePage] ?? (codePage >= 1250 && codePage <= 1258 ? `windows-${codePage}` : 'windows-1252');
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

/** BIFF5 text: a byte count (1 or 2 bytes wide) then bytes in the workbook's code page. */
function byteString(data: Buffer, at: number, lengthBytes: 1 | 2, decoder: TextDecoder): string {
  if (at + lengthBytes > data.length) throw damaged(importText.biffTextCutShort());
  const length = lengthBytes === 1 ? data[at]! : data.readUInt16LE(at);
  const start = at + lengthBytes;
  if (start + length > data.length) throw damaged(importText.biffTextCutShort());
  // Windows-1258 writes Vietnamese with combining tones: composed, as Excel shows them.
  return decoder.decode(data.subarray(start, start + length)).normalize('NFC');
}

/** BIFF8 sheet name: a one-byte character count, the flags byte, the characters. */
function shortUnicodeString(data: Buffer, at: number): string {
  if (at + 2 > data.length) throw damaged(importText.biffTextCutShort());
  const count = data[at]!;
  const wide = (data[at + 1]! & 0x01) === 1;
  const start = at + 2;
  const end = start + count * (wide ? 2 : 1);
  if (end > data.length) throw damaged(importText.biffTextCutShort());
  return data.toString(wide ? 'utf16le' : 'latin1', start, end);
}

/**
 * BIFF8 text inside one record (XLUnicodeString): a character count (`lengthBytes` wide), the
 * flags, the run and extension counts when present, the characters (one byte each when
 * compressed, Latin-1, or UTF-16), then the runs and the extension, skipped.
 */
function unicodeString(data: Buffer, at: number, lengthBytes: 1 | 2): { text: string; end: number } {
  if (at + lengthBytes + 1 > data.length) throw damaged(importText.biffTextCutShort());
  const count = lengthBytes === 1 ? data[at]! : data.readUInt16LE(at);
  const flags = data[at + lengthBytes]!;
  let start = at + lengthBytes + 1;
  let runs = 0;
  let extension = 0;
  if (flags & 0x08) {
    runs = data.readUInt16LE(start);
    start += 2;
  }
  if (flags & 0x04) {
    extension = data.readUInt32LE(start);
    start += 4;
  }
  const end = start + count * (flags & 0x01 ? 2 : 1);
  if (end > data.length) throw damaged(importText.biffTextCutShort());
  return { text: data.toString(flags & 0x01 ? 'utf16le' : 'latin1', start, end), end: end + runs * 4 + extension };
}

/**
 * The shared-string table, its data split over the SST record and the CONTINUE records after
 * it. A string's characters may run over into the next record, which then starts with a new
 * flags byte (the rest may be compressed or not); runs and phonetic data just continue.
 */
function sharedStrings(parts: readonly Buffer[]): string[] {
  const reader = new SplitReader(parts, () =>
    damaged(importText.biffSstTooShort()),
  );
  reader.skip(4);
  const declared = reader.u32();
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  // Each string takes at least 3 bytes: a count that cannot fit is a lie, found before any allocation.
  if (declared * 3 > total) throw damaged(importText.biffSstTooShort());
  const strings = new Array<string>(declared);
  for (let i = 0; i < declared; i += 1) strings[i] = reader.unicodeString();
  return strings;
}

/** A formula's text result: a STRING record, continued in CONTINUE records when it is long. */
function stringRecord(parts: readonly Buffer[]): string {
  return new SplitReader(parts, () => damaged(importText.biffTextCutShort())).unicodeString();
}

class SplitReader {
  private part = 0;
  private at = 0;

  /** `ranOut`: the error when the data ends before what it declares. */
  constructor(
    private readonly parts: readonly Buffer[],
    private readonly ranOut: () => BiffDamage,
  ) {}

  /** XLUnicodeRichExtendedString: count, flags, run and extension counts, characters, then runs and extension skipped. */
  unicodeString(): string {
    const count = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extension = flags & 0x04 ? this.u32() : 0;
    const text = this.characters(count, (flags & 0x01) === 1);
    this.skip(runs * 4 + extension);
    return text;
  }

  private current(): Buffer {
    let buffer = this.parts[this.part];
    while (buffer !== undefined && this.at >= buffer.length) {
      this.part += 1;
      this.at = 0;
      buffer = this.parts[this.part];
    }
    if (buffer === undefined) throw this.ranOut();
    return buffer;
  }

  u8(): number {
    const buffer = this.current();
    return buffer[this.at++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  skip(bytes: number): void {
    let left = bytes;
    while (left > 0) {
      const buffer = this.current();
      const step = Math.min(left, buffer.length - this.at);
      this.at += step;
      left -= step;
    }
  }

  characters(count: number, wide: boolean): string {
    let text = '';
    let left = count;
    let isWide = wide;
    let buffer = this.parts[this.part];
    while (left > 0) {
      if (buffer === undefined || this.at >= buffer.length) {
        // A string continued in the next record: it starts again with its own flags byte.
        this.part += 1;
        this.at = 0;
        buffer = this.parts[this.part];
        if (buffer === undefined || buffer.length === 0) throw this.ranOut();
        isWide = (buffer[this.at++]! & 0x01) === 1;
      }
      const width = isWide ? 2 : 1;
      const take = Math.min(left, Math.floor((buffer.length - this.at) / width));
      if (take === 0) throw damaged(importText.biffTextCutShort());
      text += buffer.toString(isWide ? 'utf16le' : 'latin1', this.at, this.at + take * width);
      this.at += take * width;
      left -= take;
    }
    return text;
  }
}

interface SheetCells {
  rows: ReaderRow[];
  errors: CellErrorAt[];
  withoutResult: { row: number; column: number }[];
}

/** One worksheet's substream, from its BOF at `offset` to its EOF (charts embedded in it skipped). */
function readSheet(stream: Buffer, offset: number, name: string, globals: Globals, dateStyles: Uint8Array, epochSerial: number): SheetCells | undefined {
  const start = offset < stream.length ? recordAt(stream, offset) : undefined;
  if (!start || start.type !== BOF || start.end - start.start < 4) {
    throw damaged(importText.biffSheetMisplaced({ name }));
  }
  if (stream.readUInt16LE(start.start + 2) !== WORKSHEET_SUBSTREAM) return undefined;
  const byRow = new Map<number, RawValue[]>();
  const errors: CellErrorAt[] = [];
  const withoutResult: { row: number; column: number }[] = [];
  const strings = globals.strings;
  const biff8 = globals.version === 8;

  /** Excel 97–2003 has 256 columns (A–IV): a cell beyond is forged, and would make every row 65,536 cells wide. */
  const checkColumn = (column: number) => {
    if (column >= MAX_COLUMNS) {
      throw damaged(importText.biffColumnBeyond256({ name, column: column + 1 }));
    }
  };
  const put = (row: number, column: number, value: RawValue) => {
    checkColumn(column);
    let cells = byRow.get(row);
    if (cells === undefined) {
      cells = [];
      byRow.set(row, cells);
    }
    const before = cells[column];
    if (before !== undefined && before !== null) {
      throw damaged(importText.biffCellTwice({ name, cell: `${columnLetter(column + 1)}${row + 1}` }));
    }
    cells[column] = value;
  };
  const numberCell = (row: number, column: number, xf: number, value: number) => {
    if (!Number.isFinite(value)) throw damaged(importText.biffInvalidNumber({ name, cell: `${columnLetter(column + 1)}${row + 1}` }));
    put(row, column, dateStyles[xf] === 1 ? new Date(Math.round((value - epochSerial) * DAY_MS)) : value);
  };
  const errorCell = (row: number, column: number, code: number) => {
    checkColumn(column);
    errors.push({ row: row + 1, column: column + 1, code: ERROR_CODES[code] ?? '#N/A' });
    byRow.get(row) ?? byRow.set(row, []);
  };
  const cutShort = () => damaged(importText.biffCellRecordCutShort({ name }));
  const text = (data: Buffer, at: number) => (biff8 ? unicodeString(data, at, 2).text : byteString(data, at, 2, globals.decoder));

  /** A formula whose result is text: the STRING record after it gives the text. */
  let pendingText: { row: number; column: number } | undefined;
  let depth = 1;
  let at = start.end;
  for (;;) {
    const record = recordAt(stream, at);
    at = record.end;
    const type = record.type;
    if (type === BOF) {
      depth += 1;
      continue;
    }
    if (type === EOF) {
      depth -= 1;
      if (depth === 0) break;
      continue;
    }
    if (depth > 1) continue;
    const data = stream.subarray(record.start, record.end);
    if (pendingText && type === STRING) {
      const continued = withContinues(stream, data, at);
      at = continued.end;
      put(pendingText.row, pendingText.column, biff8 ? stringRecord(continued.parts) : text(data, 0));
      pendingText = undefined;
      continue;
    }
    // ARRAY, SHRFMLA and TABLE records may stand between a formula and its text result.
    if (pendingText && type !== 0x0221 && type !== 0x04bc && type !== 0x0236) {
      withoutResult.push({ row: pendingText.row + 1, column: pendingText.column + 1 });
      byRow.get(pendingText.row) ?? byRow.set(pendingText.row, []);
      pendingText = undefined;
    }
    switch (type) {
      case NUMBER:
        if (data.length < 14) throw cutShort();
        numberCell(data.readUInt16LE(0), data.readUInt16LE(2), data.readUInt16LE(4), data.readDoubleLE(6));
        break;
      case RK:
        if (data.length < 10) throw cutShort();
        numberCell(data.readUInt16LE(0), data.readUInt16LE(2), data.readUInt16LE(4), rkNumber(data.readInt32LE(6)));
        break;
      case MULRK: {
        if (data.length < 6 || (data.length - 6) % 6 !== 0) throw cutShort();
        const row = data.readUInt16LE(0);
        const first = data.readUInt16LE(2);
        const count = (data.length - 6) / 6;
        if (data.readUInt16LE(data.length - 2) !== first + count - 1) throw cutShort();
        for (let i = 0; i < count; i += 1) numberCell(row, first + i, data.readUInt16LE(4 + i * 6), rkNumber(data.readInt32LE(6 + i * 6)));
        break;
      }
      case LABELSST: {
        if (data.length < 10) throw cutShort();
        const index = data.readUInt32LE(6);
        const value = strings[index];
        if (value === undefined) {
          throw damaged(importText.biffSharedStringMissing({ name, index }));
        }
        put(data.readUInt16LE(0), data.readUInt16LE(2), value);
        break;
      }
      case LABEL:
      case RSTRING:
        if (data.length < 8) throw cutShort();
        put(data.readUInt16LE(0), data.readUInt16LE(2), text(data, 6));
        break;
      case BOOLERR: {
        if (data.length < 8) throw cutShort();
        const row = data.readUInt16LE(0);
        const column = data.readUInt16LE(2);
        if (data[7] === 1) errorCell(row, column, data[6]!);
        else put(row, column, data[6] !== 0);
        break;
      }
      case FORMULA: {
        if (data.length < 20) throw cutShort();
        const row = data.readUInt16LE(0);
        const column = data.readUInt16LE(2);
        checkColumn(column);
        if (data.readUInt16LE(12) !== 0xffff) {
          numberCell(row, column, data.readUInt16LE(4), data.readDoubleLE(6));
          break;
        }
        const kind = data[6];
        if (kind === 0) pendingText = { row, column };
        else if (kind === 1) put(row, column, data[8] !== 0);
        else if (kind === 2) errorCell(row, column, data[8]!);
        else put(row, column, '');
        break;
      }
    }
  }
  if (pendingText) withoutResult.push({ row: pendingText.row + 1, column: pendingText.column + 1 });
  const rows: ReaderRow[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow.get(row)!;
    for (let i = 0; i < cells.length; i += 1) if (cells[i] === undefined) cells[i] = null;
    rows.push({ number: row + 1, cells });
  }
  return { rows, errors, withoutResult };
}

/** An RK number: a 30-bit integer or the top 30 bits of a double, possibly to be divided by 100. */
function rkNumber(rk: number): number {
  const value = rk & 0x02 ? rk >> 2 : doubleFromHigh(rk & 0xfffffffc);
  return rk & 0x01 ? value / 100 : value;
}

const rkScratch = Buffer.alloc(8);

function doubleFromHigh(high: number): number {
  rkScratch.writeInt32LE(0, 0);
  rkScratch.writeInt32LE(high, 4);
  return rkScratch.readDoubleLE(0);
}
