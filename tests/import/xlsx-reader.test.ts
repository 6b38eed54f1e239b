/**
 * The xlsx reader (src/import/readers/): SpreadsheetML as producers really write it, each case
 * written by hand as raw XML; zips in any entry order, with data descriptors, and the hostile
 * ones (duplicate names, entries missing from the directory, orphan parts, XML cut short, a
 * DTD) refused or ignored as they must be.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childRecords } from '../../src/model/record-columns.js';
import { importFiles } from '../../src/import/index.js';
import type { CellErrorAt } from '../../src/import/readers/sheet-scan.js';
import type { CellNote } from '../../src/import/readers/types.js';
import { readXlsxWorkbook } from '../../src/import/readers/xlsx.js';
import { runCli } from '../helpers/cli.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';
import { buildZip, zipEntries, type ZipInput } from '../helpers/zips.js';

const dir = tempDir('chitieu-reader-');
const file = (name: string) => join(dir, name);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface RawSheetPart {
  readonly name: string;
  /** The `<sheetData>` content (rows), or a whole part when it starts with "<?xml" or "<". */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** The relationship's target (default "worksheets/sheetN.xml"), and the entry it names when not plain. */
  readonly target?: string;
  readonly part?: string;
}

interface RawBook {
  readonly sheets: readonly RawSheetPart[];
  readonly sharedStrings?: readonly string[];
  /** `<cellXfs>` number formats by style index, and custom formats by id. */
  readonly styles?: { readonly xfs: readonly number[]; readonly formats?: Readonly<Record<number, string>> };
  readonly date1904?: boolean;
  /** Replaces xl/workbook.xml. */
  readonly workbookXml?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The parts of a workbook, in the order Excel writes them. */
function rawParts(book: RawBook): ZipInput[] {
  const entry = (name: string, text: string): ZipInput => ({ name, data: Buffer.from(text, 'utf8') });
  const targets = book.sheets.map((sheet, index) => sheet.target ?? `worksheets/sheet${index + 1}.xml`);
  const sheetRels = book.sheets.map((_, index) => `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="${targets[index]}"/>`);
  const workbook =
    book.workbookXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
      (book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
      `<sheets>${book.sheets
        .map((sheet, index) => `<sheet name="${escape(sheet.name)}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${index + 1}"/>`)
        .join('')}</sheets></workbook>`;
  const parts: ZipInput[] = [
    entry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    entry('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    entry('xl/workbook.xml', workbook),
    entry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="${PACKAGE_REL}">${sheetRels.join('')}` +
        `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>` +
        (book.sharedStrings ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    ),
  ];
  const formats = Object.entries(book.styles?.formats ?? {});
  parts.push(
    entry(
      'xl/styles.xml',
      `<?xml version="1.0"?><styleSheet xmlns="${MAIN}">` +
        (formats.length > 0 ? `<numFmts count="${formats.length}">${formats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escape(code)}"/>`).join('')}</numFmts>` : '') +
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
        `<cellXfs>${(book.styles?.xfs ?? [0]).map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs></styleSheet>`,
    ),
  );
  if (book.sharedStrings) {
    parts.push(entry('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${MAIN}">${book.sharedStrings.join('')}</sst>`));
  }
  book.sheets.forEach((sheet, index) => {
    const xml = sheet.xml.startsWith('<?xml') || sheet.xml.startsWith('<worksheet') || sheet.xml.startsWith('<x:') ? sheet.xml : `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.xml}</sheetData></worksheet>`;
    const target = targets[index]!;
    parts.push(entry(sheet.part ?? (target.startsWith('/') ? target.slice(1) : `xl/${target}`), xml));
  });
  return parts;
}

function writeRaw(name: string, book: RawBook | ZipInput[]): string {
  writeFileSync(file(name), buildZip(Array.isArray(book) ? book : rawParts(book)));
  return file(name);
}

interface ReadSheet {
  name: string;
  state: string;
  rows: [number, unknown[]][];
  notes: CellNote[];
  errors: CellErrorAt[];
}

async function readAll(path: string): Promise<ReadSheet[]> {
  const sheets: ReadSheet[] = [];
  for await (const sheet of readXlsxWorkbook(path)) {
    const read: ReadSheet = { name: sheet.name, state: sheet.state, rows: [], notes: [], errors: [] };
    for await (const row of sheet.rows(read.notes, { errors: read.errors })) read.rows.push([row.number, [...row.cells]]);
    sheets.push(read);
  }
  return sheets;
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('cells and rows as producers write them', () => {
  it('places cells with and without r, and rows without r after the row before', async () => {
    const path = writeRaw('refs.xlsx', {
      sheets: [
        {
          name: 'S',
          xml:
            `<row r="1">${inline('A1', 'a')}<c t="inlineStr"><is><t>b</t></is></c><c r="D1"><v>4</v></c><c><v>5</v></c></row>` +
            '<row><c><v>1</v></c></row>' +
            '<row r="5"><c r="C5"><v>3</v></c></row>' +
            '<row><c r="B6"><v>2</v></c><c r="C6" s="0"/></row>',
        },
      ],
    });
    const [sheet] = await readAll(path);
    // B1 follows A1, E1 follows D1; row 2 follows row 1, row 6 follows row 5; C6 is empty.
    expect(sheet!.rows).toEqual([
      [1, ['a', 'b', null, 4, 5]],
      [2, [1]],
      [5, [null, null, 3]],
      [6, [null, 2]],
    ]);
  });

  it('reads every cell type: s, str, inlineStr with all its runs, b, e, n, d, and formulas without a value', async () => {
    const path = writeRaw('types.xlsx', {
      sharedStrings: [
        '<si><t>plain</t></si>',
        // Rich runs joined; the phonetic guide is not part of the value.
        '<si><r><t xml:space="preserve">Nguyễn </t></r><r><rPr><b/></rPr><t>Văn</t></r><rPh sb="0" eb="1"><t>グエン</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><t/></si>',
      ],
      sheets: [
        {
          name: 'Types',
          xml:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
            '<c r="D1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>' +
            '<c r="E1" t="inlineStr"><is><r><t>05</t></r><r><rPr><i/></rPr><t>578</t></r><rPh sb="0" eb="1"><t>X</t></rPh></is></c>' +
            '<c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c>' +
            '<c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="I1" t="e"><v>#REF!</v></c>' +
            // Exponents as spreadsheet programs write them (a fraction, a number of 10^15 or more);
            // "2E3" for a whole number below 10^15 no program writes, and is kept as text (issue #22).
            '<c r="J1" t="n"><v>1.5</v></c><c r="K1"><v>-2.5E-3</v></c>' +
            '<c r="L1" t="d"><v>2024-02-29T00:00:00</v></c><c r="M1" t="d"><v>2024-03-01</v></c>' +
            '<c r="N1"><f>SUM(J1:K1)</f></c><c r="O1" t="str"><f>A1</f></c><c r="P1"><v>1E+20</v></c><c r="Q1"><v>2E3</v></c></row>',
        },
      ],
    });
    const [sheet] = await readAll(path);
    expect(sheet!.rows).toEqual([
      [1, ['plain', 'Nguyễn Văn', '', 'xy', '05578', true, false, null, null, 1.5, -0.0025, utcDate('2024-02-29'), utcDate('2024-03-01'), null, null, 1e20, '2E3']],
    ]);
    expect(sheet!.errors).toEqual([
      { row: 1, column: 8, code: '#DIV/0!' },
      { row: 1, column: 9, code: '#REF!' },
    ]);
    expect(sheet!.notes).toEqual([
      { row: 1, column: 8, kind: 'cell_error' },
      { row: 1, column: 9, kind: 'cell_error' },
      { row: 1, column: 14, kind: 'formula_without_result' },
      { row: 1, column: 15, kind: 'formula_without_result' },
    ]);
  });

  it('decodes entities and numeric character references in values, shared strings and sheet names, and reads CDATA as it is', async () => {
    const path = writeRaw('entities.xlsx', {
      sharedStrings: ['<si><t>&lt;&amp;&gt;&quot;&apos;&#7879;&#x1EC7;</t></si>', '<si><t><![CDATA[Hồ & <Lê>]]></t></si>'],
      sheets: [
        {
          name: 'Sơn Hà & "Ba Tơ"',
          xml: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>${inline('C1', 'Tr&#432;&#x01A1;ng')}<c r="D1" t="inlineStr"><is><t>a <![CDATA[<b> & ]]>c</t></is></c></row>`,
        },
      ],
    });
    const [sheet] = await readAll(path);
    expect(sheet!.name).toBe('Sơn Hà & "Ba Tơ"');
    expect(sheet!.rows[0]![1]).toEqual(['<&>"\'ệệ', 'Hồ & <Lê>', 'Trương', 'a <b> & c']);
  });

  it('reads parts whose elements carry a namespace prefix (<x:c>)', async () => {
    const path = writeRaw('prefixed.xlsx', {
      workbookXml: `<?xml version="1.0"?><x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="TreEm" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      sheets: [
        {
          name: 'TreEm',
          xml: `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
        },
      ],
    });
    const [sheet] = await readAll(path);
    expect(sheet!.name).toBe('TreEm');
    expect(sheet!.rows).toEqual([[1, ['ok', 7]]]);
  });
});

describe('dates', () => {
  // Style index → number format: 0 General, 14…22 and 45…47 built-in dates and times, 2 "0.00",
  // 23 not a date, then custom formats.
  const xfs = [0, 14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 2, 23, 164, 165, 166, 167, 168, 169, 170];
  const formats = {
    164: 'dd/mm/yyyy', // date
    165: '"Ngày" 0', // d only inside quotes: a number
    166: '[Red]0.00', // letters only inside brackets: a number
    167: '[$-42A]d mmmm yyyy', // locale in brackets, the date outside: a date
    168: '0_m', // "_m" pads the width of an m: a number
    169: 'h:mm AM/PM', // a time
    170: '\\d0', // an escaped d: a number
  };
  const dateStyles = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 18, 20]);

  it('tells dates by built-in formats 14–22 and 45–47 and by custom formats with d, m, y or h outside quotes and brackets', async () => {
    const cells = xfs.map((_, style) => `<c s="${style}"><v>45000</v></c>`).join('');
    const path = writeRaw('formats.xlsx', { styles: { xfs, formats }, sheets: [{ name: 'S', xml: `<row r="1">${cells}</row>` }] });
    const [sheet] = await readAll(path);
    // Serial 45000 of the 1900 system is 15 March 2023 (45000 days after 30 Dec 1899).
    const expected = xfs.map((_, style) => (dateStyles.has(style) ? utcDate('2023-03-15') : 45000));
    expect(sheet!.rows[0]![1]).toEqual(expected);
  });

  it('reads serials of the 1904 date system from 1 Jan 1904', async () => {
    const row = '<row r="1"><c s="1"><v>0</v></c><c s="1"><v>366</v></c><c s="1"><v>366.5</v></c></row>';
    const path1904 = writeRaw('1904.xlsx', { date1904: true, styles: { xfs: [0, 14] }, sheets: [{ name: 'S', xml: row }] });
    const path1900 = writeRaw('1900.xlsx', { styles: { xfs: [0, 14] }, sheets: [{ name: 'S', xml: row }] });
    // 1904 is a leap year: 366 days after 1 Jan 1904 is 1 Jan 1905. In the 1900 system serial
    // 0 is 30 Dec 1899 and 366 is 31 Dec 1900. Half a day is noon.
    expect((await readAll(path1904))[0]!.rows[0]![1]).toEqual([utcDate('1904-01-01'), utcDate('1905-01-01'), new Date('1905-01-01T12:00:00Z')]);
    expect((await readAll(path1900))[0]!.rows[0]![1]).toEqual([utcDate('1899-12-30'), utcDate('1900-12-31'), new Date('1900-12-31T12:00:00Z')]);
  });

  it('imports a 1904 workbook with the right birth dates', async () => {
    const headers = `<row r="1">${['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã huyện', 'Mã xã'].map((h, i) => inline(`${'ABCDEFG'[i]}1`, h)).join('')}</row>`;
    // 41000 in the 1904 system: 41000 + 1462 = 42462 in the 1900 system. 1 Jan 2016 is 42370:
    // 92 days later, after January (31) and a leap February (29), is 2 April 2016.
    const child = `<row r="2">${inline('A2', 'TE1')}${inline('B2', 'Đinh Văn A')}<c r="C2" s="1"><v>41000</v></c>${inline('D2', 'Nam')}${inline('E2', '51')}${inline('F2', '529')}${inline('G2', '21289')}</row>`;
    const path = writeRaw('children-1904.xlsx', { date1904: true, styles: { xfs: [0, 14] }, sheets: [{ name: 'TreEm', xml: headers + child }] });
    const result = await importFiles([path], { threads: 1 });
    expect(childRecords(result.dataset.children).map((c) => c.dateOfBirth)).toEqual(['2016-04-02']);
  });
});

describe('sheets: names, states, targets', () => {
  it('gives each sheet its tab name and state, in the workbook order, whatever the targets look like', async () => {
    const path = writeRaw('states.xlsx', {
      sheets: [
        { name: 'Danh mục', xml: `<row r="1">${inline('A1', 'x')}</row>`, state: 'hidden' },
        { name: 'TreEm', xml: `<row r="1">${inline('A1', 'y')}</row>`, target: '/xl/worksheets/data.xml' },
        { name: 'Cũ', xml: `<row r="1">${inline('A1', 'z')}</row>`, state: 'veryHidden', target: '../sheets/old%20one.xml', part: 'sheets/old one.xml' },
      ],
    });
    const sheets = await readAll(path);
    expect(sheets.map((sheet) => [sheet.name, sheet.state, sheet.rows[0]![1][0]])).toEqual([
      ['Danh mục', 'hidden', 'x'],
      ['TreEm', 'visible', 'y'],
      ['Cũ', 'veryHidden', 'z'],
    ]);
  });

  it('names the real sheets of a workbook written in openpyxl\'s order (workbook.xml after the sheets)', async () => {
    const source = await writeWorkbook(file('openpyxl-source.xlsx'), [
      { name: 'Hướng dẫn', rows: [['Điền mỗi trẻ một dòng']] },
      { name: 'Xã Sơn Hạ', rows: [CHILD_HEADERS, childRow(), childRow({ 'Mã trẻ em': 'TE002', 'Giới tính': 'X' })] },
    ]);
    const entries = await zipEntries(source);
    const late = (name: string) => name === 'xl/workbook.xml' || name.startsWith('xl/_rels/');
    writeRaw('openpyxl.xlsx', [...entries.filter((entry) => !late(entry.name)), ...entries.filter((entry) => late(entry.name))]);
    const out = file('openpyxl-errors.xlsx');
    const run = await runCli('validate', file('openpyxl.xlsx'), '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Xã Sơn Hạ');
    expect(run.stdout).toContain('openpyxl.xlsx › Xã Sơn Hạ › dòng 3');
    expect(run.stdout).not.toMatch(/Sheet\d/);
    const errors = await readAll(out);
    const rejected = errors.find((sheet) => sheet.rows.some(([, cells]) => cells.includes('Xã Sơn Hạ')));
    expect(rejected, 'the error workbook names the tab').toBeDefined();
  });

  it('reads every sheet of a workbook whose sheets and shared strings come last in the zip', async () => {
    const sheets = Array.from({ length: 40 }, (_, index) => ({
      name: `Thôn ${index + 1}`,
      rows: [CHILD_HEADERS, ...Array.from({ length: 25 }, (_, row) => childRow({ 'Mã trẻ em': `T${index}-${row}`, 'Số định danh cá nhân': null }))],
    }));
    const entries = await zipEntries(await writeWorkbook(file('lost-source.xlsx'), sheets));
    const last = (name: string) => name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml';
    const path = writeRaw('lost.xlsx', [...entries.filter((entry) => !last(entry.name)), ...entries.filter((entry) => last(entry.name))]);
    const result = await importFiles([path], { threads: 1 });
    expect(result.files[0]!.sheets.map((sheet) => sheet.sheet)).toEqual(sheets.map((sheet) => sheet.name));
    expect(result.files[0]!.read).toBe(40 * 25);
    expect(childRecords(result.dataset.children)).toHaveLength(40 * 25);
  });

  it('does not read a part the workbook does not reference (an orphan sheet)', async () => {
    const entries = await zipEntries(await writeWorkbook(file('orphan-source.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]));
    const sheet = entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!;
    const path = writeRaw('orphan.xlsx', [...entries, { name: 'xl/worksheets/sheet2.xml', data: sheet.data }]);
    const result = await importFiles([path], { threads: 1 });
    expect(result.files[0]!.sheets).toHaveLength(1);
    expect(result.files[0]!.read).toBe(1);
  });

  it('reads entries whose sizes come in data descriptors, with or without their signature', async () => {
    const entries = await zipEntries(await writeWorkbook(file('descriptor-source.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]));
    for (const descriptor of ['signed', 'unsigned'] as const) {
      const path = writeRaw(`descriptor-${descriptor}.xlsx`, entries.map((entry) => ({ ...entry, descriptor })));
      const result = await importFiles([path], { threads: 1 });
      expect(childRecords(result.dataset.children).map((child) => child.childId), descriptor).toEqual(['TE001']);
    }
  });
});

describe('files that must not be read', () => {
  const plain = () => ({ sheets: [{ name: 'TreEm', xml: `<row r="1">${inline('A1', 'a')}</row>` }] });

  it('refuses a DTD with one clean line, in a sheet or in the workbook', async () => {
    const sheet = writeRaw('dtd-sheet.xlsx', {
      sheets: [{ name: 'S', xml: `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY big "${'x'.repeat(100)}">]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c t="inlineStr"><is><t>&big;</t></is></c></row></sheetData></worksheet>` }],
    });
    const error = await unreadableRefusal(importFiles([sheet], { threads: 1 }));
    expect(error.text.vi).toContain('"dtd-sheet.xlsx"');
    expect(error.text.en).toContain('DTD');
    const book = rawParts(plain()).map((entry) =>
      entry.name === 'xl/workbook.xml' ? { ...entry, data: Buffer.from(`<!DOCTYPE workbook SYSTEM "http://example.invalid/x.dtd">${entry.data!.toString()}`) } : entry,
    );
    expect((await unreadableRefusal(importFiles([writeRaw('dtd-book.xlsx', book)], { threads: 1 }))).text.en).toContain('DTD');
    const run = await runCli('validate', sheet);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(1);
  });

  it('refuses two entries of one name', async () => {
    const parts = rawParts(plain());
    const sheet = parts.find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!;
    const path = writeRaw('duplicate.xlsx', [...parts, { ...sheet, data: Buffer.from(`<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(5)}</sheetData></worksheet>`) }]);
    expect((await unreadableRefusal(importFiles([path], { threads: 1 }))).text.en).toContain('two entries named "xl/worksheets/sheet1.xml"');
  });

  it('refuses an entry its central directory does not list', async () => {
    const parts = rawParts(plain());
    const smuggled = { name: 'xl/worksheets/sheet2.xml', data: Buffer.from(`<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`), unlisted: true };
    const path = writeRaw('unlisted.xlsx', [...parts.slice(0, 3), smuggled, ...parts.slice(3)]);
    expect((await unreadableRefusal(importFiles([path], { threads: 1 }))).text.en).toContain('an entry its directory does not list');
  });

  it('refuses a sheet whose XML is cut short, and a workbook part cut short, instead of reading part of it', async () => {
    const rows = Array.from({ length: 50 }, (_, index) => `<row r="${index + 1}">${inline(`A${index + 1}`, `r${index}`)}</row>`).join('');
    const whole = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
    for (const cut of [whole.length - 1, whole.length - 20, Math.floor(whole.length / 2)]) {
      const path = writeRaw(`cut-${cut}.xlsx`, { sheets: [{ name: 'S', xml: whole.slice(0, cut) }] });
      const error = await unreadableRefusal(importFiles([path], { threads: 1 }));
      expect(error.text.en, `cut at ${cut}`).toContain('is cut short');
    }
    const book = rawParts(plain()).map((entry) => (entry.name === 'xl/workbook.xml' ? { ...entry, data: entry.data!.subarray(0, entry.data!.length - 12) } : entry));
    expect((await unreadableRefusal(importFiles([writeRaw('cut-book.xlsx', book)], { threads: 1 }))).text.en).toContain('"xl/workbook.xml" is cut short');
  });

  it('refuses a workbook whose sheet part is missing', async () => {
    const parts = rawParts(plain()).filter((entry) => entry.name !== 'xl/worksheets/sheet1.xml');
    expect((await unreadableRefusal(importFiles([writeRaw('missing.xlsx', parts)], { threads: 1 }))).text.en).toContain('is missing');
  });
});
