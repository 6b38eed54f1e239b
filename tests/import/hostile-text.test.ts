/**
 * Text that reaches us broken: legacy Vietnamese encodings (TCVN3, VNI), and workbook XML cut
 * anywhere into chunks (rich-text cells, entities and CDATA split in two).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childRecords } from '../../src/model/record-columns.js';
import { importFiles } from '../../src/import/index.js';
import { decodeLegacy, decodeTcvn3, decodeVni, readsAsVietnamese } from '../../src/io/legacy-encoding.js';
import { readCsvSheet } from '../../src/import/readers/csv.js';
import { noteMessage } from '../../src/import/readers/notes.js';
import { readXlsxSheets } from '../../src/import/readers/xlsx.js';
import { SharedStrings, SharedStringsScanner, SheetScanner } from '../../src/import/readers/sheet-scan.js';
import { Utf8Feeder } from '../../src/import/readers/xml-scan.js';
import type { CellNote, RawRow } from '../../src/import/readers/types.js';
import { tempDir, writeText, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-text-');
const file = (name: string) => join(dir, name);

// ---------------------------------------------------------------- encoders written from the published tables

/**
 * TCVN3 (TCVN 5712:1993, VN3), Unicode letter → the Latin-1 character Excel stores, written
 * out independently of the decoder's table (here by letter, there by vowel and tone).
 */
const TCVN3_TABLE: Record<string, string> = {
  à: 'µ', á: '¸', ả: '¶', ã: '·', ạ: '¹', ă: '¨', ằ: '»', ắ: '¾', ẳ: '¼', ẵ: '½', ặ: 'Æ',
  â: '©', ầ: 'Ç', ấ: 'Ê', ẩ: 'È', ẫ: 'É', ậ: 'Ë', đ: '®', è: 'Ì', é: 'Ð', ẻ: 'Î', ẽ: 'Ï', ẹ: 'Ñ',
  ê: 'ª', ề: 'Ò', ế: 'Õ', ể: 'Ó', ễ: 'Ô', ệ: 'Ö', ì: '×', í: 'Ý', ỉ: 'Ø', ĩ: 'Ü', ị: 'Þ',
  ò: 'ß', ó: 'ã', ỏ: 'á', õ: 'â', ọ: 'ä', ô: '«', ồ: 'å', ố: 'è', ổ: 'æ', ỗ: 'ç', ộ: 'é',
  ơ: '¬', ờ: 'ê', ớ: 'í', ở: 'ë', ỡ: 'ì', ợ: 'î', ù: 'ï', ú: 'ó', ủ: 'ñ', ũ: 'ò', ụ: 'ô',
  ư: '\u00ad', ừ: 'õ', ứ: 'ø', ử: 'ö', ữ: '÷', ự: 'ù', ỳ: 'ú', ý: 'ý', ỷ: 'û', ỹ: 'ü', ỵ: 'þ',
  Ă: '¡', Â: '¢', Đ: '§', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦',
};

/** VNI Windows: each letter in the order (none, sắc, huyền, hỏi, ngã, nặng), as xvnkb's vni.h lists them. */
const VNI_ROWS: [string, string[]][] = [
  ['aáàảãạ', ['a', 'aù', 'aø', 'aû', 'aõ', 'aï']],
  ['âấầẩẫậ', ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä']],
  ['ăắằẳẵặ', ['aê', 'aé', 'aè', 'aú', 'aü', 'aë']],
  ['eéèẻẽẹ', ['e', 'eù', 'eø', 'eû', 'eõ', 'eï']],
  ['êếềểễệ', ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä']],
  ['oóòỏõọ', ['o', 'où', 'oø', 'oû', 'oõ', 'oï']],
  ['ôốồổỗộ', ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä']],
  ['ơớờởỡợ', ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï']],
  ['uúùủũụ', ['u', 'uù', 'uø', 'uû', 'uõ', 'uï']],
  ['ưứừửữự', ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï']],
  ['iíìỉĩị', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
  ['yýỳỷỹỵ', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']],
  ['đ', ['ñ']],
];
const VNI_TABLE = new Map<string, string>();
for (const [letters, codes] of VNI_ROWS) {
  [...letters].forEach((letter, index) => {
    VNI_TABLE.set(letter, codes[index]!);
    VNI_TABLE.set(letter.toUpperCase(), codes[index]!.toUpperCase());
  });
}

const toTcvn3 = (text: string) => [...text].map((char) => TCVN3_TABLE[char] ?? char).join('');
const toVni = (text: string) => [...text].map((char) => VNI_TABLE.get(char) ?? char).join('');

const ALPHABET = [...'aáàảãạăắằẳẵặâấầẩẫậeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđ'];
const SENTENCES = [
  'Nguyễn Văn An', 'Trương Thị Hạnh', 'Đặng Thị Ngọc Ánh', 'Hoàng Hưởng', 'Lê Thị Hà', 'Võ Thị Hoa', 'Hồ Sỹ Quyết',
  'Nữ', 'Tày', 'Mường', 'Tiểu học', 'Mẫu giáo', 'Đang quản lý', 'Chuyển đi', 'Tử vong', 'Xâm hại', 'Tai nạn thương tích',
  'Đuối nước', 'Thôn Làng Rêu', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Khuỷu', 'Nguyệt', 'Khuyên', 'Giữa', 'Người', 'Rượu', 'Chuyện',
];

describe('legacy encodings: tables', () => {
  it('decodes every TCVN3 letter of the alphabet (and the 7 capitals the subset has)', () => {
    for (const letter of [...ALPHABET, ...'ĂÂĐÊÔƠƯ']) {
      expect(decodeTcvn3(toTcvn3(letter))).toBe(letter);
    }
  });

  it('decodes every VNI letter of the alphabet, in small and capital letters', () => {
    for (const letter of [...ALPHABET, ...ALPHABET.map((char) => char.toUpperCase())]) {
      expect(decodeVni(toVni(letter))).toBe(letter);
    }
  });

  it('round-trips names and labels through both encodings, as NFC', () => {
    const undetected: string[] = [];
    for (const text of SENTENCES) {
      expect(decodeTcvn3(toTcvn3(text))).toBe(text);
      expect(decodeVni(toVni(text))).toBe(text);
      for (const [encoding, encoded] of [['TCVN3', toTcvn3(text)], ['VNI', toVni(text)]] as const) {
        const decoded = decodeLegacy(encoded);
        if (decoded) expect(decoded, `${encoding} ${text}`).toEqual({ text, encoding });
        else undetected.push(`${encoding} ${text}`);
      }
    }
    // Alone, TCVN3 "Tö" cannot be told: it is "Tử", but VNI "Tư". In a column that has shown
    // its encoding, it is converted (as is VNI "Hoà Thò Hoa", which reads as Unicode words).
    expect(undetected).toEqual(['TCVN3 Tử vong']);
    expect(decodeLegacy('Hoà Thò Hoa')).toBeUndefined();
    expect(decodeLegacy(toTcvn3('Tử vong'), 'TCVN3')?.text).toBe('Tử vong');
    expect(decodeLegacy('NguyÔn V¨n An')).toEqual({ text: 'Nguyễn Văn An', encoding: 'TCVN3' });
    expect(decodeLegacy('Nguyeãn Vaên An')).toEqual({ text: 'Nguyễn Văn An', encoding: 'VNI' });
    expect(decodeLegacy('N÷')).toEqual({ text: 'Nữ', encoding: 'TCVN3' });
    expect(decodeLegacy('Nöõ')).toEqual({ text: 'Nữ', encoding: 'VNI' });
  });

  it('puts all-capital TCVN3 words (.VnTimeH) back in capitals', () => {
    // .VnTimeH draws the small-letter codes as capitals: "TRẦN" is typed "TRÇN".
    expect(decodeLegacy('DANH S¸CH TRÎ EM X· S¥N H¹')?.text).toBe('DANH SÁCH TRẺ EM XÃ SƠN HẠ');
    expect(decodeLegacy('§INH V¡N TRÇN')?.text).toBe('ĐINH VĂN TRẦN');
  });

  it('leaves alone what is not legacy text', () => {
    for (const text of [
      'Nguyễn Văn An', 'Tày', 'Hà', 'Lê', 'Hoà', 'Thái', 'Hrê', 'Brâu', 'Xtiêng', 'Kinh', 'Ksor H\'Mai', 'José', 'Müller',
      '2×3', '37°C', '09552', '05/06/2012', '1.500.000', 'Nữ'.normalize('NFD'),
    ]) {
      expect(decodeLegacy(text), text).toBeUndefined();
    }
    expect(readsAsVietnamese('Tày')).toBe(true);
    expect(readsAsVietnamese('NguyÔn')).toBe(false);
  });
});

async function rowsOfFirstSheet(path: string): Promise<{ rows: RawRow[]; notes: ReturnType<typeof noteMessage>[]; kinds: string[] }> {
  for await (const sheet of readXlsxSheets(path)) {
    const rows: RawRow[] = [];
    for await (const batch of sheet.batches) rows.push(...batch);
    return { rows, notes: sheet.notes.map(noteMessage), kinds: sheet.notes.map((note) => note.kind) };
  }
  throw new Error('no sheet');
}

describe('legacy encodings: workbooks', () => {
  it('converts a TCVN3 sheet (headers, names, labels) and warns once per converted column', async () => {
    const headers = ['M· trÎ em', 'Hä vµ tªn', 'Ngµy sinh', 'Giíi tÝnh', 'M· tØnh', 'M· x·', 'D©n téc', 'T×nh tr¹ng ®i häc'];
    const path = await writeWorkbook(file('tcvn3.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          ['DANH S¸CH TRÎ EM'],
          headers,
          ['T1', 'NguyÔn V¨n An', '05/06/2012', 'Nam', '51', '21289', 'Tµy', 'TiÓu häc'],
          ['T2', 'Lª ThÞ Hµ', '07/08/2014', 'N÷', '51', '21289', 'Kinh', 'MÉu gi¸o'],
          ['T3', 'Vâ ThÞ Hoa', '07/08/2015', 'N÷', '51', '21289', 'M\u00adêng', 'Nhµ trÎ'],
        ],
      },
    ]);
    const result = await importFiles([path], { threads: 1 });
    expect(result.rejected.map((row) => row.issues)).toEqual([]);
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.fullName, child.sex, child.ethnicity, child.schoolStatus])).toEqual([
      ['T1', 'Nguyễn Văn An', 'NAM', 'Tày', 'TIEU_HOC'],
      ['T2', 'Lê Thị Hà', 'NU', 'Kinh', 'MAU_GIAO'],
      ['T3', 'Võ Thị Hoa', 'NU', 'Mường', 'NHA_TRE'],
    ]);
    const legacy = result.warnings.filter((warning) => warning.kind === 'legacy_encoding');
    // Every column's header was converted (column A's title too); code and date values are ASCII and never change.
    expect(legacy.map((warning) => warning.source.row).sort()).toEqual([1, 2, 2, 2, 2, 2, 2, 2]);

    const { notes } = await rowsOfFirstSheet(path);
    expect(notes.map((note) => note.vi)).toContain(
      'cột B: 4 ô gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime) đã được chuyển sang Unicode; hãy kiểm tra và chuyển mã tệp gốc sang Unicode (Unikey › Công cụ chuyển mã)',
    );
  });

  it('converts a VNI column, including names that would also read as Unicode words ("Hoà Thò Hoa")', async () => {
    const path = await writeWorkbook(file('vni.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã', 'Dân tộc', 'Thôn/Tổ dân phố'],
          ['V1', 'Nguyeãn Vaên An', '05/06/2012', 'Nam', '51', '21289', 'Kinh', 'Thoân 1'],
          ['V2', 'Hoà Thò Hoa', '07/08/2014', 'Nöõ', '51', '21289', 'Taøy', 'Laøng Reâu'],
          ['V3', 'Tröông Thò Haïnh', '07/08/2015', 'Nöõ', '51', '21289', 'Möôøng', 'Thoân 2'],
        ],
      },
    ]);
    const result = await importFiles([path], { threads: 1 });
    expect(result.rejected).toEqual([]);
    expect(childRecords(result.dataset.children).map((child) => [child.fullName, child.sex, child.ethnicity, child.village])).toEqual([
      ['Nguyễn Văn An', 'NAM', 'Kinh', 'Thôn 1'],
      ['Hồ Thị Hoa', 'NU', 'Tày', 'Làng Rêu'],
      ['Trương Thị Hạnh', 'NU', 'Mường', 'Thôn 2'],
    ]);
    expect(result.warnings.filter((warning) => warning.kind === 'legacy_encoding')).toHaveLength(4);
  });

  it('reads a repeated name again once its column shows its encoding, past the rows read ahead', async () => {
    // 300 rows of "Hoà Thò Hoa" (readable as Unicode words: left as it is while nothing tells),
    // then two unmistakable VNI names (the Unicode header counts against one), then "Hoà Thò
    // Hoa" again: now read as VNI, "Hồ Thị Hoa".
    const row = (index: number, name: string) => [`R${index}`, name, '05/06/2012', 'Nam', '51', '21289'];
    const names = [...Array.from({ length: 300 }, () => 'Hoà Thò Hoa'), 'Nguyeãn Vaên An', 'Tröông Thò Haïnh', ...Array.from({ length: 9 }, () => 'Hoà Thò Hoa')];
    const path = await writeWorkbook(file('vni-late.xlsx'), [
      { name: 'TreEm', rows: [['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã'], ...names.map((name, index) => row(index + 1, name))] },
    ]);
    const result = await importFiles([path], { threads: 1 });
    const read = childRecords(result.dataset.children).map((child) => child.fullName);
    expect(read.slice(0, 300).every((name) => name === 'Hoà Thò Hoa')).toBe(true);
    expect(read.slice(300)).toEqual(['Nguyễn Văn An', 'Trương Thị Hạnh', ...Array.from({ length: 9 }, () => 'Hồ Thị Hoa')]);
  });

  it('does not convert a Unicode column, even where a cell could be read as VNI ("Hoà")', async () => {
    const path = await writeWorkbook(file('unicode.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã', 'Dân tộc'],
          ['U1', 'Nguyễn Thị Hoà', '05/06/2012', 'Nữ', '51', '21289', 'Tày'],
          ['U2', 'Lê Hoà', '05/06/2012', 'Nam', '51', '21289', 'Thái'],
        ],
      },
    ]);
    const result = await importFiles([path], { threads: 1 });
    expect(childRecords(result.dataset.children).map((child) => [child.fullName, child.ethnicity])).toEqual([
      ['Nguyễn Thị Hoà', 'Tày'],
      ['Lê Hoà', 'Thái'],
    ]);
    expect(result.warnings.filter((warning) => warning.kind === 'legacy_encoding')).toEqual([]);
  });

  it('converts TCVN3 in a UTF-8 CSV too', async () => {
    const path = writeText(file('tcvn3.csv'), 'Mã trẻ em,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã\nC1,TrÇn V¨n B×nh,01/01/2019,Nam,51,21289\n');
    const sheet = readCsvSheet(path, 'tcvn3');
    const rows: RawRow[] = [];
    for await (const batch of sheet.batches) rows.push(...batch);
    expect(rows[1]!.cells[1]).toBe('Trần Văn Bình');
    expect(sheet.notes).toMatchObject([{ kind: 'legacy_encoding', encoding: 'TCVN3', row: 2, column: 2, cells: 1 }]);
  });
});

describe('XML cut into chunks anywhere', () => {
  const sheet = [
    '<worksheet><sheetData><row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>05</t></r><r><t xml:space="preserve">578 </t></r><rPh sb="0" eb="1"><t>X</t></rPh></is></c>',
    '<c r="B2" t="inlineStr"><is><t>plain &amp; simple &#7877;</t></is></c><c r="C2" t="e"><f>VLOOKUP(A2,B:C,2,0)</f><v>#N/A</v></c>',
    '<c r="D2" t="s"><v>1</v></c><c r="E2" t="inlineStr"><is><r><t>Nguy</t></r><r><t><![CDATA[ễn <b>]]></t></r></is></c><c r="F2"><v>42</v></c></row></sheetData></worksheet>',
  ].join('');
  const expected = ['05578 ', 'plain & simple ễ', null, 'Lan', 'Nguyễn <b>', 42];

  function scan(chunks: readonly string[]) {
    const notes: CellNote[] = [];
    const scanner = new SheetScanner('sheet1.xml', { sharedStrings: SharedStrings.of(['x', 'Lan']), dateStyles: new Uint8Array(0), date1904: false, notes });
    for (const chunk of chunks) scanner.feed(chunk);
    scanner.finish();
    return { rows: scanner.rows, notes };
  }

  it('joins the runs of inline strings, decodes entities and CDATA, and reads error cells as blank with a note, whatever the cut', () => {
    for (let cut = 0; cut <= sheet.length; cut += 1) {
      const { rows, notes } = scan([sheet.slice(0, cut), sheet.slice(cut)]);
      expect(rows.map((row) => [row.number, row.cells]), `cut at ${cut}`).toEqual([[2, expected]]);
      expect(notes, `cut at ${cut}`).toEqual([{ row: 2, column: 3, kind: 'cell_error' }]);
    }
  });

  it('reads a sheet whose bytes are cut anywhere, letters split in two included', () => {
    const bytes = Buffer.from(sheet, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const notes: CellNote[] = [];
      const scanner = new SheetScanner('sheet1.xml', { sharedStrings: SharedStrings.of(['x', 'Lan']), dateStyles: new Uint8Array(0), date1904: false, notes });
      const feeder = new Utf8Feeder(scanner);
      feeder.push(bytes.subarray(0, cut));
      feeder.push(bytes.subarray(cut));
      feeder.end();
      expect(scanner.rows.map((row) => row.cells), `cut at byte ${cut}`).toEqual([expected]);
    }
  });

  it('reads a sheet fed one character at a time', () => {
    expect(scan([...sheet]).rows[0]!.cells).toEqual(expected);
  });

  // openpyxl writes every text cell as one inline string, letters beyond ASCII as character references: read in one go.
  const openpyxlSheet = [
    '<worksheet><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>M&#227; tr&#7867; em</t></is></c>',
    '<c r="B2" t="inlineStr"><is><t xml:space="preserve"> Hồ &amp; L&#xEA; </t></is></c><c r="C2" t="inlineStr"><is><t></t></is></c>',
    '<c r="D2" s="1" t="n"><v>45000</v></c><c r="E2" t="inlineStr"><is><t>&amp&lt;&#0;&#X41;&#x41;&#65;&#12345678;&bogus;&</t></is></c></row></sheetData></worksheet>',
  ].join('');
  // &#227; = ã, &#7867; = ẻ, &#xEA; = ê; in E2 only &lt; (<), &#x41; and &#65; (A) are references: "&amp" lacks its
  // ";", code 0 is none, "#X" is not "#x", 8 digits are too many, "bogus" is no entity, a lone "&" stays.
  const openpyxlExpected = ['Mã trẻ em', ' Hồ & Lê ', '', 45000, '&amp<&#0;&#X41;AA&#12345678;&bogus;&'];

  it("reads openpyxl's inline strings with character references, whose bytes are cut anywhere", () => {
    const bytes = Buffer.from(openpyxlSheet, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const scanner = new SheetScanner('sheet1.xml', { sharedStrings: SharedStrings.of([]), dateStyles: new Uint8Array(0), date1904: false, notes: [] });
      const feeder = new Utf8Feeder(scanner);
      feeder.push(bytes.subarray(0, cut));
      feeder.push(bytes.subarray(cut));
      feeder.end();
      expect(scanner.rows.map((row) => row.cells), `cut at byte ${cut}`).toEqual([openpyxlExpected]);
    }
    expect(scan([...openpyxlSheet]).rows[0]!.cells).toEqual(openpyxlExpected);
  });

  // Plain items are read in one go, the others by the generic path: both, cut anywhere, give the same strings.
  const strings = [
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">',
    '<si><t>Nguyễn Văn A</t></si><si><t xml:space="preserve"> Hồ &amp; Lê </t></si><si><t></t></si><si/>',
    '<si><r><t>Trần</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Bình</t></r></si><si><t>Lý</t><rPh sb="0" eb="1"><t>リ</t></rPh></si>',
    '<si><t><![CDATA[a <b> c]]></t></si><si>\n<t>Đinh &#7877;</t></si><si><t>21289-000001</t></si></sst>',
  ].join('');
  const expectedStrings = ['Nguyễn Văn A', ' Hồ & Lê ', '', '', 'Trần Bình', 'Lý', 'a <b> c', 'Đinh ễ', '21289-000001'];

  it('reads the shared strings whose bytes are cut anywhere, letters split in two included', () => {
    const bytes = Buffer.from(strings, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const scanner = new SharedStringsScanner('sharedStrings.xml');
      const feeder = new Utf8Feeder(scanner);
      feeder.push(bytes.subarray(0, cut));
      feeder.push(bytes.subarray(cut));
      feeder.end();
      expect(scanner.strings.all(), `cut at byte ${cut}`).toEqual(expectedStrings);
    }
  });

  it('reads the shared strings fed as text, one character at a time', () => {
    const scanner = new SharedStringsScanner('sharedStrings.xml');
    for (const char of strings) scanner.feed(char);
    scanner.finish();
    expect(scanner.strings.all()).toEqual(expectedStrings);
  });
});
