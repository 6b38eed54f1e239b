/**
 * Faults a hostile-input campaign found (issue 8, item 6): CSV quotes and sizes, control and
 * zero-width characters in values, a commune of another province, file names that would break
 * a one-line message.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/index.js';
import { CsvParser, CSV_LIMITS } from '../../src/import/readers/csv.js';
import { printableName } from '../../src/io/file-names.js';
import { UserError } from '../../src/messages/index.js';
import { CHILD_HEADERS, childRow, tempDir, writeText, writeWorkbook, type Cell } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-faults-');
const file = (name: string) => join(dir, name);

const CSV_HEADER = 'Mã trẻ em,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã';
const csvRow = (id: string, commune = '21289', name = 'Đinh Văn A') => `${id},${name},03/05/2015,Nam,51,${commune}`;

async function unreadable(work: Promise<unknown>): Promise<UserError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof UserError) {
      expect(error.exitCode).toBe(2);
      return error;
    }
    throw error;
  }
  throw new Error('the file was read');
}

describe('CSV quotes and sizes', () => {
  it('refuses a quote that is never closed, naming the line it opened on', async () => {
    // Without the check, rows 3 and 4 would vanish into one "name" of row 3, with no message.
    const path = writeText(file('quote.csv'), [CSV_HEADER, csvRow('TE01'), csvRow('TE02', '21289', '"Đinh Văn B'), csvRow('TE03'), csvRow('TE04')].join('\n'));
    const error = await unreadable(importFiles([path]));
    expect(error.text.vi).toContain('quote.csv');
    expect(error.text.vi).toContain('mở ở dòng 3');
    expect(error.text.en).toContain('opened on line 3');
  });

  it('still reads a quoted value that holds a line break and a doubled quote', async () => {
    const path = writeText(file('multiline.csv'), [CSV_HEADER, csvRow('TE01', '21289', '"Đinh ""Văn""\nA"'), csvRow('TE02')].join('\n'));
    const result = await importFiles([path]);
    expect(result.rejected).toEqual([]);
    expect(result.files[0]!.accepted).toBe(2);
  });

  it('refuses a 10 MB single-line file at once, however it is made', async () => {
    for (const [name, line] of [
      ['one-field.csv', 'a'.repeat(10_000_000)],
      ['many-fields.csv', ','.repeat(10_000_000)],
      ['one-quote.csv', `"${'a'.repeat(10_000_000)}`],
    ] as const) {
      const path = writeText(file(name), line);
      const error = await unreadable(importFiles([path]));
      expect(error.text.vi).toContain(name);
      expect(error.text.en).toMatch(/line 1 |opened on line 1/);
    }
  });

  it('refuses a record over the limits in the parser itself, and keeps one at the limit', () => {
    const atLimit = new CsvParser().end(`a,${'b'.repeat(CSV_LIMITS.fieldChars)}\n`);
    expect(atLimit[0]![1]).toHaveLength(CSV_LIMITS.fieldChars);
    expect(() => new CsvParser().end(`a,${'b'.repeat(CSV_LIMITS.fieldChars + 1)}\n`)).toThrow(/longer than 32,767/);
    expect(() => new CsvParser().end(`${','.repeat(CSV_LIMITS.fields)}\n`)).toThrow(/too long/);
  });
});

describe('invisible characters in values', () => {
  it('rejects a value holding NUL or another control character, and shows it', async () => {
    const path = writeText(file('nul.csv'), [CSV_HEADER, csvRow('TE01', '2128\u00009'), csvRow('TE02', '21289', 'Đinh\u0007 Văn B'), csvRow('TE03')].join('\n'));
    const result = await importFiles([path]);
    expect(result.rejected.map((row) => [row.source.row, row.issues.map((issue) => [issue.kind, issue.column, issue.value])])).toEqual([
      [2, [['control_character', 'Mã xã', '2128\u24009']]],
      [3, [['control_character', 'Họ và tên', 'Đinh\u2407 Văn B']]],
    ]);
    expect(result.rejected[0]!.issues[0]!.message.vi).toContain('U+0000');
    // The error workbook gets the visible form too: no raw control character reaches its XML.
    expect(Object.values(result.rejected[0]!.values).join('')).not.toMatch(/\u0000/);
    expect(result.files[0]!.accepted).toBe(1);
  });

  it('rejects a Mã trẻ em made only of zero-width characters and soft hyphens as blank, and drops them inside a key', async () => {
    const rows: Cell[][] = [
      CHILD_HEADERS,
      childRow({ 'Mã trẻ em': '\u200b\u00ad\u200d\ufeff', 'Số định danh cá nhân': null }),
      childRow({ 'Mã trẻ em': 'TE01', 'Số định danh cá nhân': null }),
      childRow({ 'Mã trẻ em': 'TE\u200b01', 'Số định danh cá nhân': null }),
    ];
    const result = await importFiles([await writeWorkbook(file('zero-width.xlsx'), [{ name: 'TreEm', rows }])]);
    expect(result.rejected.map((row) => [row.source.row, row.issues.map((issue) => issue.kind)])).toEqual([
      [2, ['missing_value']],
      [4, ['duplicate_child']],
    ]);
    expect(result.rejected[0]!.issues[0]!.column).toBe('Mã trẻ em');
  });
});

describe('units', () => {
  it('rejects a commune of another province than the row says, and accepts an old code of the province it went to', async () => {
    const rows: Cell[][] = [
      CHILD_HEADERS,
      // 00004 is in Hà Nội (01) in both lists.
      childRow({ 'Mã trẻ em': 'P1', 'Mã huyện': null, 'Mã xã': '00004', 'Số định danh cá nhân': null }),
      // 23281 was in Kon Tum (62), which went into Quảng Ngãi (51) on 1 July 2025.
      childRow({ 'Mã trẻ em': 'P2', 'Mã huyện': null, 'Mã xã': '23281', 'Số định danh cá nhân': null }),
      childRow({ 'Mã trẻ em': 'P3', 'Số định danh cá nhân': null }),
    ];
    const result = await importFiles([await writeWorkbook(file('province.xlsx'), [{ name: 'TreEm', rows }])]);
    expect(result.rejected.map((row) => [row.source.row, row.issues.map((issue) => [issue.kind, issue.column, issue.value])])).toEqual([
      [2, [['unit_mismatch', 'Mã xã', '00004']]],
    ]);
    expect(result.rejected[0]!.issues[0]!.message.en).toBe('commune 00004 is not in province 51 (the province code column)');
    expect(result.files[0]!.accepted).toBe(2);

    // Read at a date before the reform, 23281 is in Kon Tum only.
    const before = await importFiles([file('province.xlsx')], { codesAsOf: '2025-06-30' });
    expect(before.rejected.map((row) => [row.source.row, row.issues[0]!.kind])).toEqual([
      [2, 'unit_mismatch'],
      [3, 'unit_mismatch'],
    ]);
  });
});

describe('file names', () => {
  it('prints a name holding a newline or an escape sequence on one line, escaped', async () => {
    const name = 'xa\nson\u001b[31mha.csv';
    writeFileSync(file(name), '');
    const error = await unreadable(importFiles([file(name)]));
    expect(error.text.vi).not.toMatch(/[\n\u001b]/);
    expect(error.text.vi).toContain('xa\\nson\\u001B[31mha.csv');
  });

  it('names the file escaped in the accounts and warnings of a file that is read', async () => {
    const name = 'xa\rson\u202eha.csv';
    writeText(file(name), [CSV_HEADER, csvRow('TE01'), 'Tổng cộng,,,,,'].join('\n'));
    const result = await importFiles([file(name)]);
    expect(result.files[0]!.file).toBe('xa\\rson\\u202Eha.csv');
    expect(result.warnings.map((warning) => warning.source.file)).toEqual(['xa\\rson\\u202Eha.csv']);
    expect(printableName('Sơn Hà.xlsx')).toBe('Sơn Hà.xlsx');
  });
});
