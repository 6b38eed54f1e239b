/**
 * What reading says when it cannot take a value or a file (#19): the day that does not exist,
 * the line a CSV quote opened on, what a file picked by mistake is, text files in the encodings
 * Excel saves on a Vietnamese Windows, a run that read nothing, and numbers grouped the
 * Vietnamese way. Each checks the message text itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/import/cells.js';
import { importFiles } from '../../src/import/index.js';
import { importText } from '../../src/messages/index.js';
import { childRecords } from '../../src/model/record-columns.js';
import { runCli } from '../helpers/cli.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { buildZip } from '../helpers/zips.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-reading-');
const file = (name: string) => join(dir, name);

const refusal = unreadableRefusal;

function dateFault(text: string): { vi: string; en: string } {
  const parsed = parseDate(text);
  if (parsed.ok) throw new Error(`${text} was read as ${parsed.value}`);
  return { vi: parsed.message.vi, en: parsed.message.en };
}

describe('a date in the right form that does not exist says which part does not exist', () => {
  it('31/02/2025: February has no 31st (28 days in 2025), not "use dd/mm/yyyy"', () => {
    expect(dateFault('31/02/2025')).toEqual({
      vi: 'tháng 2 không có ngày 31 (tháng 2 có 28 ngày)',
      en: 'February has no day 31 (it has 28 days)',
    });
  });

  it('31/04/2025 and 2025-06-31: 30-day months', () => {
    expect(dateFault('31/04/2025').vi).toBe('tháng 4 không có ngày 31 (tháng 4 có 30 ngày)');
    expect(dateFault('2025-06-31').en).toBe('June has no day 31 (it has 30 days)');
  });

  it('29/02 of a year that is not a leap year (2025: 2025 mod 4 = 1), but 29/02/2024 is read', () => {
    expect(dateFault('29/02/2025')).toEqual({
      vi: 'tháng 2 năm 2025 không có ngày 29 (năm 2025 không nhuận)',
      en: 'February 2025 has no day 29 (2025 is not a leap year)',
    });
    expect(parseDate('29/02/2024')).toMatchObject({ ok: true, value: '2024-02-29' });
  });

  it('a month 13 or a day 32 is named; text that is no date at all still gets the form to use', () => {
    expect(dateFault('12/13/2025').vi).toBe('không có tháng 13 (tháng từ 1 đến 12; ngày viết dd/mm/yyyy)');
    expect(dateFault('32/01/2025').vi).toBe('không có ngày 32 (ngày từ 1 đến 31)');
    expect(dateFault('hôm qua').vi).toBe('ngày không hợp lệ (dùng dd/mm/yyyy)');
  });

  it('validate prints it against the cell, with the value as typed', async () => {
    const path = await writeWorkbook(file('ngay-sai.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Ngày sinh': '31/02/2025' })] }]);
    const ran = await runCli('validate', path);
    expect(ran.stdout).toContain('ngay-sai.xlsx › TreEm › dòng 2 › cột "Ngày sinh" = "31/02/2025": tháng 2 không có ngày 31 (tháng 2 có 28 ngày)');
  });
});

describe('a CSV quote left open names the line it opened on', () => {
  it('an open quote on line 1 (the header), closed by a quote of line 3, is reported on line 1', async () => {
    const lines = ['"Mã trẻ em,Họ và tên,Ngày sinh', 'TE01,An,01/01/2020', 'TE02,"Nguyễn, Văn A",01/01/2020', 'TE03,"B",01/01/2020'];
    const path = file('ngoac-dong-1.csv');
    writeFileSync(path, lines.join('\n'));
    const error = await refusal(importFiles([path], { threads: 1 }));
    expect(error.text.vi).toBe(
      'Không đọc được tệp "ngoac-dong-1.csv": dấu ngoặc kép (") mở ở dòng 1 không được đóng, nên phần sau của tệp bị gộp vào một ô; hãy sửa dòng đó',
    );
    expect(error.text.en).toContain('the double quote (") opened on line 1 is never closed');
  });

  it('a quoted value over two lines that closes properly is still read', async () => {
    const path = file('hai-dong.csv');
    writeFileSync(path, ['Mã trẻ em,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã', 'TE01,"Nguyễn\nVăn A",01/01/2020,Nam,51,21289'].join('\n'));
    const result = await importFiles([path], { threads: 1 });
    expect(result.files[0]!.accepted).toBe(1);
  });
});

describe('a file that is not a spreadsheet says what it is', () => {
  const notAList = (what: string) => `${what}, không phải danh sách trẻ em; hãy chọn tệp Excel (.xlsx, .xls) hoặc .csv của danh sách`;

  it.each([
    ['bao-cao.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'tệp PDF', 'a PDF file'],
    ['anh-chup.xlsx', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'tệp ảnh (JPEG)', 'an image (JPEG)'],
    ['anh.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'tệp ảnh (PNG)', 'an image (PNG)'],
    ['danh-sach.rar', Buffer.from('Rar!\x1a\x07\x01\x00'), 'tệp nén (.rar)', 'an archive (.rar)'],
  ])('%s, whatever its name', async (name, bytes, vi, en) => {
    writeFileSync(file(name), bytes);
    const error = await refusal(importFiles([file(name)], { threads: 1 }));
    expect(error.text.vi).toBe(`Không đọc được tệp "${name}": ${notAList(vi)}`);
    expect(error.text.en).toContain(`${en}, not a list of children`);
  });

  it('a Word document (.docx) saved as .xlsx by mistake, not "save it as .xlsx"', async () => {
    writeFileSync(file('cong-van.xlsx'), buildZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]));
    const error = await refusal(importFiles([file('cong-van.xlsx')], { threads: 1 }));
    expect(error.text.vi).toBe(`Không đọc được tệp "cong-van.xlsx": ${notAList('tệp Word (.docx)')}`);
    expect(error.text.vi).not.toContain('lưu lại dạng .xlsx');
  });

  it('a zip of workbooks: unzip it first', async () => {
    writeFileSync(file('cac-xa.zip'), buildZip([{ name: 'xa-a.xlsx', data: Buffer.from('x') }, { name: 'xa-b.xlsx', data: Buffer.from('y') }]));
    const error = await refusal(importFiles([file('cac-xa.zip')], { threads: 1 }));
    expect(error.text.vi).toBe('Không đọc được tệp "cac-xa.zip": tệp nén (.zip) chứa 2 tệp bảng tính; hãy giải nén rồi chọn các tệp trong đó');
  });
});

describe('text files in the encodings Excel saves on a Vietnamese Windows are read', () => {
  const HEADER = 'Mã trẻ em,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã,Thôn/Tổ dân phố';
  const ROW = 'TE01,Nguyễn Thị Hồng,05/03/2015,Nữ,51,21289,Thôn Đồng Tâm';

  it('"CSV (Comma delimited)": Windows-1258 with tone marks as combining characters, read as NFC', async () => {
    // The two lines above in Windows-1258, as Excel writes them: "ã" is a (61) + combining
    // tilde (DE), "ẻ" e (65) + hook (D2), "ọ" o (6F) + dot below (F2), "ễ" ê (EA) + tilde (DE),
    // "ồ" ô (F4) + grave (CC), "Đ" is D0, "à" E0 and "â" E2 are precomposed.
    const hex = [
      '4d 61 de 20 74 72 65 d2 20 65 6d 2c 48 6f f2 20 76 e0 20 74 ea 6e 2c 4e 67 e0 79 20 73 69 6e 68 2c 47 69 f5 ec 69 20 74 ed 6e 68 2c',
      '4d 61 de 20 74 69 d2 6e 68 2c 4d 61 de 20 78 61 de 2c 54 68 f4 6e 2f 54 f4 d2 20 64 e2 6e 20 70 68 f4 ec 0d 0a',
      '54 45 30 31 2c 4e 67 75 79 ea de 6e 20 54 68 69 f2 20 48 f4 cc 6e 67 2c 30 35 2f 30 33 2f 32 30 31 35 2c 4e fd de 2c 35 31 2c',
      '32 31 32 38 39 2c 54 68 f4 6e 20 d0 f4 cc 6e 67 20 54 e2 6d 0d 0a',
    ].join(' ');
    const bytes = Buffer.from(hex.replaceAll(' ', ''), 'hex');
    // The bytes are the text above: Node's Windows-1258 table gives it back (decomposed).
    expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toBe(`${HEADER}\r\n${ROW}\r\n`);
    const path = file('ansi.csv');
    writeFileSync(path, bytes);
    const result = await importFiles([path], { threads: 1 });
    expect(result.unreadable).toEqual([]);
    expect(result.files[0]!.accepted).toBe(1);
    const [child] = childRecords(result.dataset.children);
    expect(child!.fullName).toBe('Nguyễn Thị Hồng');
    expect(child!.fullName).toBe(child!.fullName.normalize('NFC'));
    expect(child!.village).toBe('Thôn Đồng Tâm');
    expect(child!.sex).toBe('NU');
  });

  it('Windows-1258 whose first 64 KiB are plain ASCII: told by the first accented bytes, not refused as damaged', async () => {
    const ascii = ['Ma tre em,Ho va ten,Ngay sinh,Gioi tinh,Ma tinh,Ma xa'];
    // 2,000 rows of 41 bytes: 82,000 bytes, past the first 65,536-byte chunk.
    for (let index = 0; index < 2000; index += 1) ascii.push(`TE${String(index).padStart(5, '0')},Dinh Van A,05/03/2015,Nam,51,21289`);
    // "Hồng": H, ô (F4) + combining grave (CC), n, g.
    const last = Buffer.from([...Buffer.from('TE99999,'), 0x48, 0xf4, 0xcc, 0x6e, 0x67, ...Buffer.from(',05/03/2015,Nam,51,21289\r\n')]);
    const path = file('ansi-late.csv');
    writeFileSync(path, Buffer.concat([Buffer.from(`${ascii.join('\r\n')}\r\n`), last]));
    const result = await importFiles([path], { threads: 1 });
    expect(result.unreadable).toEqual([]);
    expect(result.files[0]!.accepted).toBe(2001);
    expect(childRecords(result.dataset.children).at(-1)!.fullName).toBe('Hồng');
  });

  it('"Unicode Text": UTF-16 LE with its byte-order mark, tab-separated, saved as .txt', async () => {
    const text = [HEADER, ROW].map((line) => line.replaceAll(',', '\t')).join('\r\n');
    const path = file('unicode.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await importFiles([path], { threads: 1 });
    expect(result.files[0]!.accepted).toBe(1);
    expect(childRecords(result.dataset.children)[0]!.fullName).toBe('Nguyễn Thị Hồng');
  });

  it('UTF-16 BE with its byte-order mark', async () => {
    const path = file('unicode-be.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${HEADER}\r\n${ROW}\r\n`, 'utf16le').swap16()]));
    const result = await importFiles([path], { threads: 1 });
    expect(childRecords(result.dataset.children)[0]!.village).toBe('Thôn Đồng Tâm');
  });

  it('only a damaged file is refused as such: UTF-8 marked, with a byte that is not UTF-8', async () => {
    const path = file('hong.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\n`), Buffer.from([0x54, 0x45, 0xff, 0x2c])]));
    const error = await refusal(importFiles([path], { threads: 1 }));
    expect(error.text.vi).toContain('không đọc được chữ tiếng Việt');
  });
});

describe("a commune's facts row refused by the last check", () => {
  it('names the column by its header and says why in our words (a population below 0)', async () => {
    const path = await writeWorkbook(file('thong-tin-xa.xlsx'), [
      { name: 'ThongTinXa', rows: [['Mã xã', 'Kỳ báo cáo', 'Dân số'], ['21289', '2025-H1', -5]] },
    ]);
    const result = await importFiles([path], { threads: 1 });
    const [issue] = result.rejected[0]!.issues;
    expect(issue!.column).toBe('Dân số');
    expect({ vi: issue!.message.vi, en: issue!.message.en }).toEqual({ vi: 'giá trị không hợp lệ (phải từ 0 trở lên)', en: 'invalid value (must be at least 0)' });
  });
});

describe('a run that read no row says so, and exits 2', () => {
  it('a missing file: "Chưa đọc được dòng nào", not "Không có dòng nào bị loại."', async () => {
    const ran = await runCli('validate', file('khong-co.xlsx'));
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain('Chưa đọc được dòng nào: 1 tệp hoặc trang không đọc được (xem lý do ở trên).');
    expect(ran.stdout).not.toContain('Không có dòng nào bị loại');
  });

  it('a folder holding only unreadable files', async () => {
    const folder = file('chi-tep-hong');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a.xlsx'), Buffer.from('%PDF-1.4\n'));
    writeFileSync(join(folder, 'b.csv'), '"Mã trẻ em,Họ và tên\nTE01,An\n');
    const ran = await runCli('validate', folder, '--lang', 'en');
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain('No row was read: 2 file(s) or sheet(s) could not be read (see why above).');
    expect(ran.stdout).not.toContain('No row was rejected');
  });

  it('a sheet with headers only: nothing read either, exit 0 (nothing was wrong with the file)', async () => {
    const path = await writeWorkbook(file('chi-tieu-de.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS] }]);
    const ran = await runCli('validate', path);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Chưa đọc được dòng nào: các tệp không có dòng dữ liệu nào dưới dòng tiêu đề.');
  });
});

describe('numbers a person reads are grouped the Vietnamese way', () => {
  it('22,298 rows: "22.298" in Vietnamese, "22,298" in English', () => {
    const account = importText.fileAccount({ file: 'a.xlsx', read: 22_298, accepted: 22_000, rejected: 298 });
    expect(account.vi).toBe('a.xlsx: đọc 22.298 dòng = 22.000 hợp lệ + 298 bị loại');
    expect(account.en).toBe('a.xlsx: read 22,298 rows = 22,000 accepted + 298 rejected');
    expect(importText.rowNumbered({ row: 12_345 }).vi).toBe('dòng 12.345');
  });
});
