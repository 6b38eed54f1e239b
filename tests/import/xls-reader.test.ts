/**
 * The BIFF reader on .xls files built byte by byte (tests/helpers/biff.ts): every cell record
 * it reads, shared strings split over CONTINUE records, Excel 95 text in Windows-1258, both
 * date systems; a password found in the mini stream; damaged containers and streams refused
 * in one line, as damaged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawValue } from '../../src/import/cells.js';
import { detectFormat } from '../../src/import/files.js';
import { importFiles } from '../../src/import/index.js';
import { inspectFile } from '../../src/import/inspect.js';
import { inspectOle } from '../../src/import/ole.js';
import { parseXlsFile } from '../../src/import/readers/xls-workbook.js';
import { readXlsxWorkbook } from '../../src/import/readers/xlsx.js';
import type { CellNote } from '../../src/import/readers/types.js';
import { UserError } from '../../src/messages/index.js';
import { childRecords } from '../../src/model/record-columns.js';
import {
  boolErr, buildCompound, format, formula, label, labelSst, mulRk, numberCell, record, rk, rkCell, sstHeader, sstRecords,
  stringResult, u16, unicodeString, workbookStream, xf,
} from '../helpers/biff.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { tempDir } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-biff-');
const file = (name: string) => join(dir, name);

/** Cells as "row,column" → value, blank cells left out. */
async function cellsOf(path: string): Promise<{ sheets: { name: string; state: string; cells: Map<string, RawValue> }[]; notes: CellNote[] }> {
  const sheets: { name: string; state: string; cells: Map<string, RawValue> }[] = [];
  const notes: CellNote[] = [];
  for await (const sheet of readXlsxWorkbook(path)) {
    const cells = new Map<string, RawValue>();
    for await (const row of sheet.rows(notes)) row.cells.forEach((value, index) => value !== null && cells.set(`${row.number},${index + 1}`, value));
    sheets.push({ name: sheet.name, state: sheet.state, cells });
  }
  return { sheets, notes };
}

const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** Formats: XF 0 General, XF 1 custom "dd/mm/yyyy" (id 164), XF 2 built-in 14 (a date), XF 3 text "@" (49). */
const FORMATS = (version: 5 | 8) => [format(version, 164, 'dd/mm/yyyy'), xf(0), xf(164), xf(14), xf(49)];

describe('BIFF8 cell records', () => {
  // The shared strings, cut by hand into SST + CONTINUE payloads:
  // 0 "Mã trẻ em" (UTF-16), 1 "TE001" (compressed),
  // 2 "ABCDEFGHIJ" + "Đinh" — compressed, continued in the next record as UTF-16 (new flags byte 01),
  // 3 "Hồng" rich text (2 runs, 8 bytes), its runs cut across the next record (no flags byte for runs),
  // 4 "Lò" with a phonetic extension block of 6 bytes.
  const s2head = Buffer.concat([u16(14), Buffer.from([0]), Buffer.from('ABCDEFGHIJ', 'latin1')]);
  const s2rest = Buffer.concat([Buffer.from([1]), Buffer.from('Đinh', 'utf16le')]);
  const s3 = Buffer.concat([u16(4), Buffer.from([0x09]), u16(2), Buffer.from('Hồng', 'utf16le'), Buffer.alloc(5, 0x11)]);
  const s3rest = Buffer.alloc(3, 0x22);
  const s4 = Buffer.concat([u16(2), Buffer.from([0x05]), Buffer.from([6, 0, 0, 0]), Buffer.from('Lò', 'utf16le'), Buffer.alloc(6, 0x33)]);
  const sst = sstRecords([
    Buffer.concat([sstHeader(7, 5), unicodeString('Mã trẻ em'), unicodeString('TE001'), s2head]),
    Buffer.concat([s2rest, s3]),
    Buffer.concat([s3rest, s4]),
  ]);
  const cells = [
    labelSst(0, 0, 0),
    labelSst(0, 1, 2),
    labelSst(1, 0, 1),
    labelSst(1, 1, 3),
    labelSst(1, 2, 4),
    numberCell(2, 0, 12.345),
    rkCell(2, 1, rk(21289, true, false)),
    rkCell(2, 2, rk(1234, true, true)),
    rkCell(2, 3, rk(2.5, false, false)),
    // 42139 = 15/05/2015 (1900 system: 42139 − 25569 = 16570 days after 1 Jan 1970).
    mulRk(3, 0, [{ rk: rk(42139, true, false), xf: 1 }, { rk: rk(42139, true, false), xf: 2 }, { rk: rk(7, true, false), xf: 0 }]),
    label(4, 0, '00123', 4),
    formula(5, 0, 41),
    formula(5, 1, { kind: 0 }),
    record(0x04bc, Buffer.alloc(10)),
    stringResult('Sơn Hà'),
    formula(5, 2, { kind: 1, value: 1 }),
    formula(5, 3, { kind: 2, value: 0x07 }),
    formula(5, 4, { kind: 3 }),
    boolErr(6, 0, 0, false),
    boolErr(6, 1, 0x2a, true),
    record(0x0201, Buffer.alloc(6)),
    record(0x00be, Buffer.concat([u16(7), u16(0), u16(0), u16(0), u16(1)])),
    formula(8, 0, { kind: 0 }),
  ];

  it('reads every kind of cell as the .xlsx reader would, by the sheets\' names and states', async () => {
    const stream = workbookStream(8, [record(0x0042, u16(1200)), ...FORMATS(8), sst], [
      { name: 'TreEm', records: cells },
      { name: 'Ẩn', hidden: 1, records: [labelSst(0, 0, 1)] },
      { name: 'Rất ẩn', hidden: 2, records: [] },
    ]);
    writeFileSync(file('cells.xls'), buildCompound([{ name: 'Workbook', data: Buffer.concat([stream, Buffer.alloc(4096)]) }]).bytes);
    expect(await detectFormat(file('cells.xls'))).toBe('xls');
    const { sheets, notes } = await cellsOf(file('cells.xls'));
    expect(sheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['TreEm', 'visible'],
      ['Ẩn', 'hidden'],
      ['Rất ẩn', 'veryHidden'],
    ]);
    expect(Object.fromEntries(sheets[0]!.cells)).toEqual({
      '1,1': 'Mã trẻ em',
      '1,2': 'ABCDEFGHIJĐinh',
      '2,1': 'TE001',
      '2,2': 'Hồng',
      '2,3': 'Lò',
      '3,1': 12.345,
      '3,2': 21289,
      '3,3': 12.34,
      '3,4': 2.5,
      '4,1': utcDate(2015, 5, 15),
      '4,2': utcDate(2015, 5, 15),
      '4,3': 7,
      '5,1': '00123',
      '6,1': 41,
      '6,2': 'Sơn Hà',
      '6,3': true,
      '6,5': '',
      '7,1': false,
    });
    expect(Object.fromEntries(sheets[1]!.cells)).toEqual({ '1,1': 'TE001' });
    // #DIV/0! in D6, #N/A in B7: blank with a note; the text formula in A9 without its STRING record.
    expect(notes).toEqual([
      { row: 9, column: 1, kind: 'formula_without_result' },
      { row: 6, column: 4, kind: 'cell_error' },
      { row: 7, column: 2, kind: 'cell_error' },
    ]);
  });

  it('shows the cells and the error codes in inspect --cells', async () => {
    const inspection = await inspectFile(file('cells.xls'), true);
    const sheet = inspection.json.sheets[0]!;
    expect(sheet.cells).toContainEqual({ r: 4, c: 1, v: { date: '2015-05-15T00:00:00' } });
    expect(sheet.cells).toContainEqual({ r: 6, c: 4, v: { error: '#DIV/0!' } });
    expect(sheet.cells).toContainEqual({ r: 7, c: 2, v: { error: '#N/A' } });
    expect(sheet.cells).toContainEqual({ r: 1, c: 2, v: 'ABCDEFGHIJĐinh' });
  });

  it('reads a formula\'s long text result continued in a CONTINUE record, compressed then UTF-16', async () => {
    // STRING: 8,000 characters in all, 7,990 "a" compressed in the record, the last 10 ("Đắk Lắk Hà") in the CONTINUE, UTF-16 (flags byte 01).
    const tail = 'Đắk Lắk Hà';
    const head = Buffer.concat([u16(7_990 + tail.length), Buffer.from([0]), Buffer.alloc(7_990, 0x61)]);
    const stream = workbookStream(8, FORMATS(8), [
      { name: 'TreEm', records: [formula(0, 0, { kind: 0 }), record(0x0207, head), record(0x003c, Buffer.concat([Buffer.from([1]), Buffer.from(tail, 'utf16le')])), numberCell(1, 0, 1)] },
    ]);
    writeFileSync(file('long-result.xls'), buildCompound([{ name: 'Workbook', data: stream }]).bytes);
    const { sheets, notes } = await cellsOf(file('long-result.xls'));
    expect(Object.fromEntries(sheets[0]!.cells)).toEqual({ '1,1': `${'a'.repeat(7_990)}${tail}`, '2,1': 1 });
    expect(notes).toEqual([]);
  });

  it('reads dates in the 1904 system (DATEMODE): serial 40677 is 15/05/2015', async () => {
    // 1904 system: serial 0 = 1 Jan 1904, 1462 days after 30 Dec 1899; 40677 + 1462 = 42139 = 15/05/2015.
    const stream = workbookStream(8, [record(0x0022, u16(1)), ...FORMATS(8)], [
      { name: 'TreEm', records: [rkCell(0, 0, rk(40677, true, false), 1), numberCell(0, 1, 40677, 0)] },
    ]);
    writeFileSync(file('mac.xls'), buildCompound([{ name: 'Workbook', data: stream }]).bytes);
    const { sheets } = await cellsOf(file('mac.xls'));
    expect(Object.fromEntries(sheets[0]!.cells)).toEqual({ '1,1': utcDate(2015, 5, 15), '1,2': 40677 });
  });
});

/** Windows-1258 bytes for Vietnamese text: a letter it holds whole, or a base letter and one combining tone. */
function windows1258(text: string): Buffer {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) byChar.set(decoder.decode(Buffer.from([byte])), byte);
  const bytes: number[] = [];
  for (const ch of text) {
    const whole = byChar.get(ch);
    if (whole !== undefined) {
      bytes.push(whole);
      continue;
    }
    const decomposed = ch.normalize('NFD');
    const base = byChar.get(decomposed.slice(0, -1).normalize('NFC'));
    const tone = byChar.get(decomposed.slice(-1));
    if (base === undefined || tone === undefined) throw new Error(`not in Windows-1258: ${ch}`);
    bytes.push(base, tone);
  }
  return Buffer.from(bytes);
}

describe('BIFF5 (Excel 5/95)', () => {
  it('reads text in the workbook\'s code page, Windows-1258, composed as Excel shows it', async () => {
    const name = windows1258('Nguyễn Thị Hồng');
    // "ễ" is ê (0xEA) then the combining tilde (0xDE): two bytes for one letter.
    expect(name.subarray(4, 6)).toEqual(Buffer.from([0xea, 0xde]));
    const stream = workbookStream(5, [record(0x0042, u16(1258)), ...FORMATS(5)], [
      {
        name: 'TreEm',
        records: [
          label(0, 0, windows1258('Họ và tên')),
          label(1, 0, name),
          numberCell(1, 1, 42139, 1),
          formula(1, 2, { kind: 0 }),
          record(0x0207, Buffer.concat([u16(3), windows1258('Đăk')])),
          // RSTRING: row 3, column A, XF 0, the text, then its 2 formatting runs (2 bytes each after a count byte), skipped.
          record(0x00d6, Buffer.concat([u16(2), u16(0), u16(0), u16(windows1258('Sơn Hà').length), windows1258('Sơn Hà'), Buffer.from([2, 0, 1, 3, 2])])),
        ],
      },
    ]);
    writeFileSync(file('excel95.xls'), buildCompound([{ name: 'Book', data: stream }]).bytes);
    const { sheets } = await cellsOf(file('excel95.xls'));
    expect(Object.fromEntries(sheets[0]!.cells)).toEqual({
      '1,1': 'Họ và tên',
      '2,1': 'Nguyễn Thị Hồng',
      '2,2': utcDate(2015, 5, 15),
      '2,3': 'Đăk',
      '3,1': 'Sơn Hà',
    });
    expect(sheets[0]!.cells.get('2,1')).toBe('Nguyễn Thị Hồng'.normalize('NFC'));
  });
});

describe('password-protected .xls', () => {
  it('is told by FILEPASS also when its workbook stream is small enough to live in the mini stream', async () => {
    const stream = Buffer.concat([workbookStream(8, [record(0x002f, Buffer.alloc(54))], [{ name: 'TreEm', records: [] }])]);
    expect(stream.length).toBeLessThan(4096);
    writeFileSync(file('small-locked.xls'), buildCompound([{ name: 'Workbook', data: stream }]).bytes);
    expect((await inspectOle(file('small-locked.xls'))).kind).toBe('encrypted-xls');
    const error = await unreadableRefusal(importFiles([file('small-locked.xls')], { threads: 1 }));
    expect(error.text.vi).toContain('"small-locked.xls"');
    expect(error.text.vi).toContain('có đặt mật khẩu');
    expect(error.text.en).toContain('password-protected');
  });
});

describe('damaged .xls: refused whole, in one line, as damaged', () => {
  const sheetStream = (records = [labelSst(0, 0, 0)], sst = sstRecords([Buffer.concat([sstHeader(1, 1), unicodeString('Mã trẻ em')])])) =>
    workbookStream(8, [...FORMATS(8), sst], [{ name: 'TreEm', records }]);
  const padded = (stream: Buffer) => Buffer.concat([stream, Buffer.alloc(5000 - stream.length)]);

  async function refusedAsDamaged(name: string, bytes: Buffer, because: RegExp): Promise<void> {
    writeFileSync(file(name), bytes);
    const error = await unreadableRefusal(importFiles([file(name)], { threads: 1 }));
    expect(error.text.vi).toContain(`"${name}"`);
    expect(error.text.vi).toContain('tệp .xls bị hỏng');
    expect(error.text.en).toMatch(because);
    // Not blamed on a header row, nor on LibreOffice's temporary "input" sheet.
    expect(error.text.vi).not.toMatch(/tiêu đề|input|LibreOffice/);
  }

  it('a workbook stream whose sector chain loops (FAT)', async () => {
    const layout = buildCompound([{ name: 'Workbook', data: padded(sheetStream()) }]);
    const last = layout.starts[0]! + Math.ceil(5000 / 512) - 1;
    layout.bytes.writeUInt32LE(layout.starts[0]!, layout.fatAt + last * 4);
    await refusedAsDamaged('fat-loop.xls', layout.bytes, /"Workbook" stream loops/);
  });

  it('a directory whose sector chain loops', async () => {
    const layout = buildCompound([{ name: 'Workbook', data: padded(sheetStream()) }]);
    layout.bytes.writeUInt32LE(1, layout.fatAt + 1 * 4);
    await refusedAsDamaged('dir-loop.xls', layout.bytes, /directory loops/);
  });

  it('a stream declaring a size larger than the file', async () => {
    const layout = buildCompound([{ name: 'Workbook', data: padded(sheetStream()) }]);
    layout.bytes.writeUInt32LE(0x7fff_ffff, layout.directoryAt + 128 + 0x78);
    await refusedAsDamaged('huge.xls', layout.bytes, /larger than the whole file/);
  });

  it('a stream in the mini stream whose chain loops', async () => {
    const layout = buildCompound([{ name: 'Workbook', data: sheetStream() }]);
    // Mini sector 0 points to itself (mini FAT is sector 2: byte (2 + 1) × 512).
    layout.bytes.writeUInt32LE(0, 3 * 512);
    await refusedAsDamaged('mini-loop.xls', layout.bytes, /loops/);
  });

  it('a record running past the end of the workbook stream', async () => {
    const stream = sheetStream();
    // The sheet's last record is EOF (4 bytes): make it claim 200 bytes of data.
    stream.writeUInt16LE(200, stream.length - 2);
    await refusedAsDamaged('past-end.xls', buildCompound([{ name: 'Workbook', data: stream }]).bytes, /past the end/);
  });

  it('a shared-string table declaring more strings than it holds', async () => {
    const sst = sstRecords([Buffer.concat([sstHeader(1000, 1000), unicodeString('Mã trẻ em')])]);
    await refusedAsDamaged('sst-lies.xls', buildCompound([{ name: 'Workbook', data: sheetStream(undefined, sst) }]).bytes, /declares more strings/);
    const sst2 = sstRecords([Buffer.concat([sstHeader(3, 3), unicodeString('Mã trẻ em'), unicodeString('Họ và tên')])]);
    await refusedAsDamaged('sst-short.xls', buildCompound([{ name: 'Workbook', data: sheetStream(undefined, sst2) }]).bytes, /declares more strings/);
  });

  it('a cell referring to a shared string that is not there', async () => {
    const bytes = buildCompound([{ name: 'Workbook', data: sheetStream([labelSst(0, 0, 0), labelSst(1, 0, 7)]) }]).bytes;
    await refusedAsDamaged('sst-index.xls', bytes, /shared string 7/);
  });

  it('a sheet that does not start where the workbook says', async () => {
    const stream = sheetStream();
    // BOUNDSHEET's offset (first 4 bytes of its data) moved past the sheet's BOF (4 + 16 bytes), onto its first cell.
    const at = stream.indexOf(Buffer.from([0x85, 0x00]));
    stream.writeUInt32LE(stream.readUInt32LE(at + 4) + 20, at + 4);
    await refusedAsDamaged('offset.xls', buildCompound([{ name: 'Workbook', data: stream }]).bytes, /does not start where/);
  });

  it('two sheets at the same place in the stream (each would be read again)', async () => {
    const stream = workbookStream(8, FORMATS(8), [{ name: 'TreEm', records: [numberCell(0, 0, 1)] }, { name: 'Khac', records: [] }]);
    // The second BOUNDSHEET's offset set to the first's.
    const first = stream.indexOf(Buffer.from([0x85, 0x00]));
    const second = stream.indexOf(Buffer.from([0x85, 0x00]), first + 4);
    stream.writeUInt32LE(stream.readUInt32LE(first + 4), second + 4);
    await refusedAsDamaged('same-place.xls', buildCompound([{ name: 'Workbook', data: stream }]).bytes, /two sheets claim the same place/);
  });

  it('a cell beyond Excel 97–2003\'s 256 columns (rows would grow 65,536 cells wide)', async () => {
    const bytes = buildCompound([{ name: 'Workbook', data: sheetStream([labelSst(0, 0, 0), numberCell(1, 65_535, 5)]) }]).bytes;
    await refusedAsDamaged('wide.xls', bytes, /column 65,536, beyond Excel 97–2003's 256/);
  });

  it('a cell written twice', async () => {
    const bytes = buildCompound([{ name: 'Workbook', data: sheetStream([labelSst(0, 0, 0), numberCell(0, 0, 5)]) }]).bytes;
    await refusedAsDamaged('twice.xls', bytes, /cell A1 twice/);
  });
});

describe('a commune file as .xls', () => {
  it('is read into the same records as the contract says, by its own reader', async () => {
    const headers = ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã'];
    const sst = sstRecords([Buffer.concat([sstHeader(10, 9), ...headers.map((text) => unicodeString(text)), unicodeString('TE001'), unicodeString('Lò Thị Mai'), unicodeString('Nữ')])]);
    const records = [
      ...headers.map((_, column) => labelSst(0, column, column)),
      labelSst(1, 0, 6),
      labelSst(1, 1, 7),
      rkCell(1, 2, rk(42139, true, false), 1),
      labelSst(1, 3, 8),
      label(1, 4, '51', 4),
      label(1, 5, '21289', 4),
    ];
    writeFileSync(file('xa.xls'), buildCompound([{ name: 'Workbook', data: workbookStream(8, [...FORMATS(8), sst], [{ name: 'TreEm', records }]) }]).bytes);
    const result = await importFiles([file('xa.xls')], { threads: 1 });
    expect(result.files[0]).toMatchObject({ file: 'xa.xls', read: 1, accepted: 1, rejected: 0 });
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.fullName, child.dateOfBirth, child.sex, child.communeCode])).toEqual([
      ['TE001', 'Lò Thị Mai', '2015-05-15', 'NU', '21289'],
    ]);
  });
});

describe('older worksheets', () => {
  it('an Excel 4.0 worksheet (a bare BIFF4 stream, no OLE container) is called too old, not unknown', async () => {
    // BIFF4 BOF (0x0409): version 0, worksheet 0x0010, then EOF.
    writeFileSync(file('excel4.xls'), Buffer.concat([record(0x0409, Buffer.from([0, 0, 0x10, 0, 0, 0])), record(0x000a)]));
    const error = await unreadableRefusal(importFiles([file('excel4.xls')], { threads: 1 }));
    expect(error.text.vi).toContain('"excel4.xls": sổ Excel 2.x–4.x quá cũ');
  });
});

describe('bytes changed at random', () => {
  it('a workbook stream with bytes changed is read or refused in one line, never a crash or a hang', async () => {
    const sst = sstRecords([Buffer.concat([sstHeader(3, 3), unicodeString('Mã trẻ em'), unicodeString('TE001'), unicodeString('Hồng')])]);
    const stream = workbookStream(8, [record(0x0042, u16(1200)), ...FORMATS(8), sst], [
      { name: 'TreEm', records: [labelSst(0, 0, 0), labelSst(1, 0, 1), labelSst(1, 1, 2), numberCell(1, 2, 42139, 1), formula(1, 3, { kind: 0 }), stringResult('Sơn Hà'), mulRk(2, 0, [{ rk: rk(5, true, false), xf: 0 }, { rk: rk(6, true, false), xf: 0 }])] },
    ]);
    // A fixed linear congruential generator: the same 400 damaged files on every run.
    let state = 24;
    const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
    const outcomes = { read: 0, refused: 0 };
    for (let round = 0; round < 400; round += 1) {
      const damaged = Buffer.from(stream);
      for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips -= 1) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      writeFileSync(file('random.xls'), buildCompound([{ name: 'Workbook', data: damaged }]).bytes);
      try {
        await parseXlsFile(file('random.xls'));
        outcomes.read += 1;
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        expect((error as UserError).text.vi).not.toContain('\n');
        outcomes.refused += 1;
      }
    }
    // Both happen: some bytes (a value, a string's character) do not break the structure.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('container bytes changed at random', () => {
  it('an OLE container with bytes of its header, FAT or directory changed is read or refused in one line', async () => {
    const stream = workbookStream(8, FORMATS(8), [{ name: 'TreEm', records: [numberCell(0, 0, 1)] }]);
    const whole = buildCompound([{ name: 'Workbook', data: Buffer.concat([stream, Buffer.alloc(4096)]) }]).bytes;
    let state = 22;
    const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
    const outcomes = { read: 0, refused: 0 };
    for (let round = 0; round < 300; round += 1) {
      const damaged = Buffer.from(whole);
      // The header (first 512 bytes), the FAT, the directory and the mini FAT: the first 2,048 bytes.
      for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips -= 1) damaged[Math.floor(random() * 2048)] = Math.floor(random() * 256);
      writeFileSync(file('random-ole.xls'), damaged);
      const refusal = await importFiles([file('random-ole.xls')], { threads: 1 }).then(() => undefined, (error: unknown) => error);
      if (refusal === undefined) {
        outcomes.read += 1;
        continue;
      }
      expect(refusal).toBeInstanceOf(UserError);
      expect((refusal as UserError).text.vi).not.toContain('\n');
      outcomes.refused += 1;
    }
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
