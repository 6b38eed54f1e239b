/**
 * "Excel" files that are web pages or Excel 2003 XML (issue #22, defect 1): read by chitieu
 * itself whatever their name (.xls, a renamed .xlsx, .html), cells as the text they show, so
 * that "12.345" is 12,345 people by the contract's rule on every machine, codes keep their
 * leading zeros and a 20-digit id all its digits; the accounting line says what the file was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/import/files.js';
import { importFiles } from '../../src/import/index.js';
import { inspectFile } from '../../src/import/inspect.js';
import { accountingLines } from '../../src/import/summary.js';
import { childRecords } from '../../src/model/record-columns.js';
import { dataView } from '../../src/server/views.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { tempDir } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-web-');
const file = (name: string) => join(dir, name);
const read = (path: string) => importFiles([path], { threads: 1 });

const CHILD_HEADERS = ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã', 'Thôn/Tổ dân phố'];

/**
 * A page as ASP.NET/PHP "Xuất Excel" writes it: a style marking the code columns as text
 * (`mso-number-format:"\@"`), a title row spanning the table, headers in <th>, entities.
 */
function webPage(rows: readonly (readonly string[])[], title = 'DANH SÁCH TRẺ EM', cellClass = 'text'): string {
  const width = rows[0]!.length;
  const body = rows
    .map((cells, index) =>
      `<tr>${cells.map((cell) => (index === 0 ? `<th>${cell}</th>` : `<td class="${cellClass}">${cell}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style>.text { mso-number-format:"\\@"; }</style>
<script>var row = "<tr><td>không phải ô</td></tr>";</script></head><body>
<table border="1"><tr><td colspan="${width}" align="center"><b>${title}</b></td></tr>
${body}
</table></body></html>`;
}

const CHILDREN = [
  CHILD_HEADERS,
  // Two children whose codes differ only by leading zeros, and a 20-digit id: all kept as written.
  ['000123', 'Lò Thị Mai', '05/06/2013', 'Nữ', '51', '21289', 'Thôn 3 &middot; Xã Sơn Hạ'],
  ['0123', 'Đinh Văn Hùng', '17/11/2014', 'Nam', '51', '21289', 'Thôn 1'],
  ['12345678901234567890', 'Phạm Thị Lan', '01/02/2016', 'N&#7919;', '51', '21289', 'Thôn 2'],
];

describe('HTML tables saved as Excel', () => {
  it('reads an HTML-table .xls by our own reader: leading zeros, 20-digit ids and entities kept', async () => {
    writeFileSync(file('xuat-tu-web.xls'), webPage(CHILDREN));
    // Not 'xls': that would go through LibreOffice and the machine's locale.
    expect(await detectFormat(file('xuat-tu-web.xls'))).toBe('html');
    const result = await read(file('xuat-tu-web.xls'));
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.fullName, child.sex, child.dateOfBirth, child.village])).toEqual([
      ['000123', 'Lò Thị Mai', 'NU', '2013-06-05', 'Thôn 3 · Xã Sơn Hạ'],
      ['0123', 'Đinh Văn Hùng', 'NAM', '2014-11-17', 'Thôn 1'],
      ['12345678901234567890', 'Phạm Thị Lan', 'NU', '2016-02-01', 'Thôn 2'],
    ]);
    expect(result.rejected).toEqual([]);
    // Title row 1, header row 2.
    expect(result.files[0]!.sheets[0]).toMatchObject({ headerRow: 2, read: 3, accepted: 3 });
    expect(accountingLines(result.files, 'vi')[0]).toBe('xuat-tu-web.xls (trang web xuất ra dạng .xls): đọc 3 dòng = 3 hợp lệ + 0 bị loại');
    expect(accountingLines(result.files, 'en')[0]).toBe('xuat-tu-web.xls (a web page exported as .xls): read 3 rows = 3 accepted + 0 rejected');
    // The page's accounting table says it too.
    expect(dataView(result).files[0]!.origin).toEqual({ vi: 'trang web xuất ra dạng .xls', en: 'a web page exported as .xls' });
  });

  it('reads "12.345" in a number column as 12,345 (the contract\'s Vietnamese rule), not 12.345', async () => {
    const facts = [
      ['Mã xã', 'Kỳ báo cáo', 'Dân số', 'Số thôn', 'Kinh phí cho công tác trẻ em'],
      ['21289', '2025-H1', '12.345', '8', '150.000.000'],
    ];
    // Plain cells, no text mark: LibreOffice read them through the machine's locale (12.345 in English).
    writeFileSync(file('thong-tin-xa.xls'), webPage(facts, 'THÔNG TIN XÃ', 'so'));
    const result = await read(file('thong-tin-xa.xls'));
    expect(result.dataset.communeFacts.map((fact) => [fact.communeCode, fact.population, fact.villages, fact.budget])).toEqual([
      // 12.345 = 12 × 1000 + 345; 150.000.000 = 150 × 10⁶.
      ['21289', 12_345, 8, 150_000_000],
    ]);
  });

  it('reads such a page renamed .xlsx or saved as .html, saying what it is', async () => {
    writeFileSync(file('doi-ten.xlsx'), webPage(CHILDREN));
    writeFileSync(file('trang.html'), webPage(CHILDREN));
    const renamed = await read(file('doi-ten.xlsx'));
    expect(childRecords(renamed.dataset.children).map((child) => child.childId)).toEqual(['000123', '0123', '12345678901234567890']);
    expect(accountingLines(renamed.files, 'vi')[0]).toContain('doi-ten.xlsx (trang web xuất ra dạng .xlsx)');
    const page = await read(file('trang.html'));
    expect(accountingLines(page.files, 'vi')[0]).toContain('trang.html (trang web)');
  });

  it('keeps the columns of a two-row header with rowspan and colspan in place', async () => {
    const html = `<table>
      <tr><th rowspan="2">Mã trẻ em</th><th rowspan="2">Họ và tên</th><th rowspan="2">Ngày sinh</th><th rowspan="2">Giới tính</th><th colspan="2">Địa chỉ</th></tr>
      <tr><th>Mã tỉnh</th><th>Mã xã</th></tr>
      <tr><td>TE01</td><td>Lò Thị Mai</td><td>05/06/2013</td><td>Nữ</td><td>51</td><td>21289</td></tr>
    </table>`;
    writeFileSync(file('hai-dong.xls'), html);
    const inspected = await inspectFile(file('hai-dong.xls'), true);
    // Row 2 holds "Mã tỉnh" and "Mã xã" under "Địa chỉ" (columns E, F), not in A and B.
    expect(inspected.json.sheets[0]!.cells!.filter((cell) => cell.r === 2)).toEqual([
      { r: 2, c: 5, v: 'Mã tỉnh' },
      { r: 2, c: 6, v: 'Mã xã' },
    ]);
    const result = await read(file('hai-dong.xls'));
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.provinceCode, child.communeCode])).toEqual([['TE01', '51', '21289']]);
  });

  it('reads a UTF-16 page (what Excel\'s "Web Page" may write) the same way', async () => {
    writeFileSync(file('utf16.xls'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(webPage(CHILDREN), 'utf16le')]));
    const result = await read(file('utf16.xls'));
    expect(childRecords(result.dataset.children).map((child) => child.fullName)).toEqual(['Lò Thị Mai', 'Đinh Văn Hùng', 'Phạm Thị Lan']);
  });
});

describe('Excel 2003 XML Spreadsheet', () => {
  const cell = (type: string, value: string, extra = '') => `<Cell${extra}><Data ss:Type="${type}">${value}</Data></Cell>`;
  const xml = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles><Style ss:ID="sText"><NumberFormat ss:Format="@"/></Style></Styles>
 <Worksheet ss:Name="Ghi chú"><Table><Row>${cell('String', 'không phải dữ liệu')}</Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
 <Worksheet ss:Name="TreEm"><Table>
  <Row>${CHILD_HEADERS.slice(0, 6).map((header) => cell('String', header)).join('')}</Row>
  <Row>${cell('Number', '000123', ' ss:StyleID="sText"').replace('</Cell>', '<Comment ss:Author="Cán bộ"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B>Ghi chú</B> của xã</ss:Data></Comment></Cell>')}${cell('String', 'Lò Thị Mai')}${cell('DateTime', '2013-06-05T00:00:00.000')}${cell('String', 'Nữ')}${cell('Number', '51', ' ss:StyleID="sText"')}${cell('Number', '21289')}</Row>
  <Row ss:Index="4">${cell('String', 'TE02')}${cell('String', 'Đinh Văn Hùng')}${cell('String', '17/11/2014')}${cell('String', 'Nam')}${cell('String', '51')}${cell('Number', '21289', ' ss:Index="6"')}</Row>
 </Table></Worksheet>
</Workbook>`;

  // Row 2's code is a Number in a text style ("@"): kept as written, "000123", not 123; its comment is not its value.
  it('reads its sheets by name and type, skips the hidden one, and says what the file was', async () => {
    writeFileSync(file('xml-2003.xls'), xml);
    expect(await detectFormat(file('xml-2003.xls'))).toBe('spreadsheetml');
    const result = await read(file('xml-2003.xls'));
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.dateOfBirth, child.provinceCode, child.communeCode, child.source.row])).toEqual([
      ['000123', '2013-06-05', '51', '21289', 2],
      ['TE02', '2014-11-17', '51', '21289', 4],
    ]);
    expect(result.files[0]!.skippedSheets).toEqual([{ sheet: 'Ghi chú', reason: 'hidden', rows: 1 }]);
    expect(accountingLines(result.files, 'vi')[0]).toContain('xml-2003.xls (bảng tính XML 2003 xuất ra dạng .xls)');
  });

  it('refuses a row index going backwards as damage, naming the sheet', async () => {
    writeFileSync(file('xml-lui.xls'), xml.replace('<Row ss:Index="4">', '<Row ss:Index="1">'));
    const error = await unreadableRefusal(read(file('xml-lui.xls')));
    expect(error.text.vi).toContain('trang "TreEm", dòng 1');
  });
});
