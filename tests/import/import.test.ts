import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childRecords, eventRecords } from '../../src/model/record-columns.js';
import { SharedCounter } from '../../src/import/pool.js';
import { importFiles } from '../../src/import/index.js';
import { UserError } from '../../src/messages/index.js';
import {
  CHILD_HEADERS, EVENT_HEADERS, childRow, eventRow, tempDir, utc, writeText, writeWorkbook, type Cell,
} from '../helpers/workbooks.js';

const dir = tempDir();
const file = (name: string) => join(dir, name);

async function expectUnreadable(promise: Promise<unknown>, fragment: string): Promise<UserError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(UserError);
  const userError = error as UserError;
  expect(userError.exitCode).toBe(2);
  expect(userError.text.vi).toContain(fragment);
  return userError;
}

describe('sheets and headers', () => {
  it('finds the header below title rows, with Vietnamese header variants, and reads every value', async () => {
    const headers = CHILD_HEADERS.map((header) =>
      header === 'Ngày sinh' ? 'NGÀY SINH' : header === 'Nhóm HCĐB' ? 'Nhom HCDB' : header === 'Họ và tên' ? 'Ho va ten' : header,
    );
    const path = await writeWorkbook(file('titles.xlsx'), [
      {
        name: 'DS tre em',
        rows: [
          ['DANH SÁCH TRẺ EM XÃ SƠN HẠ'],
          ['(Kèm theo báo cáo 6 tháng đầu năm 2025)'],
          [],
          headers,
          childRow({ 'Mã xã': 21292, 'Nhóm HCĐB': 'd', 'Ngày bắt đầu HCĐB': '01/02/2020', 'Ngày trợ giúp': utc(2025, 3, 1) }),
        ],
      },
    ]);
    const result = await importFiles([path]);
    expect(result.files[0]!.sheets[0]!.headerRow).toBe(4);
    expect(result.rejected).toEqual([]);
    const child = childRecords(result.dataset.children)[0]!;
    expect(child).toMatchObject({
      childId: 'TE001',
      dateOfBirth: '2015-05-03',
      sex: 'NAM',
      provinceCode: '51',
      districtCode: '529',
      communeCode: '21292',
      birthRegistered: true,
      hasHealthInsurance: true,
      schoolStatus: 'TIEU_HOC',
      specialGroups: ['HCDB04'],
      specialSince: '2020-02-01',
      supportDate: '2025-03-01',
      status: 'ACTIVE',
      source: { file: 'titles.xlsx', sheet: 'DS tre em', row: 5 },
    });
  });

  it('normalises NFD text to NFC and tells a sheet with an odd name by its headers', async () => {
    const nfdHeaders = EVENT_HEADERS.map((header) => header.normalize('NFD'));
    const path = await writeWorkbook(file('nfd.xlsx'), [
      { name: 'Sheet1', rows: [nfdHeaders, eventRow({ 'Loại sự việc': 'Tai nạn thương tích'.normalize('NFD'), 'Nguyên nhân TNTT': 'Đuối nước'.normalize('NFD'), 'Hậu quả': 'Tử vong'.normalize('NFD') })] },
    ]);
    const result = await importFiles([path]);
    expect(result.files[0]!.sheets[0]!.kind).toBe('events');
    expect(eventRecords(result.dataset.events)[0]).toMatchObject({ eventType: 'TNTT', injuryCause: 'DUOI_NUOC', outcome: 'TU_VONG', eventDate: '2025-03-10' });
  });

  it('keeps unknown columns aside and treats absent yes/no columns as no data', async () => {
    const path = await writeWorkbook(file('minimal.xlsx'), [
      { name: 'TreEm', rows: [['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã', 'Ghi chú riêng'], ['A1', 'Hồ Thị B', '01/01/2020', 'Nữ', '51', '21289', 'bất kỳ']] },
    ]);
    const result = await importFiles([path]);
    expect(childRecords(result.dataset.children)[0]).toMatchObject({ birthRegistered: null, hasHealthInsurance: null, schoolStatus: null, sex: 'NU' });
  });

  it('reads a blank yes/no cell in a present column as Không', async () => {
    const path = await writeWorkbook(file('blank-yesno.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Thẻ BHYT': null })] }]);
    const result = await importFiles([path]);
    expect(childRecords(result.dataset.children)[0]!.hasHealthInsurance).toBe(false);
  });

  it('skips totals rows and blank rows without counting them', async () => {
    const path = await writeWorkbook(file('totals.xlsx'), [
      { name: 'TreEm', rows: [CHILD_HEADERS, childRow(), [], childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': null }), ['Tổng cộng', null, null, 2]] },
    ]);
    const result = await importFiles([path]);
    const sheet = result.files[0]!.sheets[0]!;
    expect([sheet.read, sheet.accepted, sheet.rejected, sheet.totalsSkipped]).toEqual([2, 2, 0, 1]);
    expect(result.warnings.map((warning) => warning.kind)).toContain('totals_row');
  });

  it('reads commune facts', async () => {
    const path = await writeWorkbook(file('facts.xlsx'), [
      { name: 'ThongTinXa', rows: [['Mã xã', 'Kỳ báo cáo', 'Dân số', 'Số thôn', 'Có điểm vui chơi cho trẻ em', 'Kinh phí cho công tác trẻ em'], ['21289', '2025-H1', '12.345', 8, 'Có', '150.000.000']] },
    ]);
    const result = await importFiles([path]);
    expect(result.dataset.communeFacts[0]).toMatchObject({ communeCode: '21289', periodId: '2025-H1', population: 12345, villages: 8, hasPlayground: true, budget: 150_000_000 });
  });
});

describe('CSV', () => {
  it('reads UTF-8 with BOM, keeps leading zeros and quoted commas', async () => {
    const lines = [
      'Mã trẻ em,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã,Nhóm HCĐB',
      'C001,"Nguyễn Thị, A",05/06/2012,Nữ,01,09552,"Trẻ em khuyết tật"',
      'C002,Trần Văn B,2010-01-31,Nam,01,9552,',
    ];
    const path = writeText(file('bom.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
    const result = await importFiles([path]);
    expect(result.rejected).toEqual([]);
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.provinceCode, child.communeCode, child.fullName])).toEqual([
      ['C001', '01', '09552', 'Nguyễn Thị, A'],
      ['C002', '01', '09552', 'Trần Văn B'],
    ]);
  });

  it('reads ";"-separated files without BOM', async () => {
    const path = writeText(file('semicolon.csv'), 'Mã trẻ em;Họ và tên;Ngày sinh;Giới tính;Mã tỉnh;Mã xã\nC9;Lê C;01/01/2019;1;51;21289\n');
    const result = await importFiles([path]);
    expect(childRecords(result.dataset.children)[0]).toMatchObject({ childId: 'C9', sex: 'NAM' });
  });
});

describe('rejected rows name file, sheet, row, column and value', () => {
  it('lists every problem of a row, one rejected row per bad row', async () => {
    const path = await writeWorkbook(file('bad.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          CHILD_HEADERS,
          childRow({ 'Mã trẻ em': 'B1', 'Ngày sinh': '31/02/2019', 'Giới tính': 'X', 'Mã xã': '99999', 'Số định danh cá nhân': null }),
          childRow({ 'Mã trẻ em': 'B2', 'Ngày sinh': null, 'Số định danh cá nhân': null }),
          childRow({ 'Mã trẻ em': 'B3', 'Tình trạng': 'Tử vong', 'Số định danh cá nhân': null }),
          childRow({ 'Mã trẻ em': 'B4', 'Thẻ BHYT': 'có lẽ', 'Nhóm HCĐB': 'z', 'Mã tỉnh': '5', 'Số định danh cá nhân': null }),
          childRow({ 'Mã trẻ em': 'B5', 'Mã xã': '2128', 'Số định danh cá nhân': null }),
        ],
      },
    ]);
    const result = await importFiles([path]);
    expect(result.files[0]).toMatchObject({ read: 5, accepted: 0, rejected: 5 });
    const byRow = new Map(result.rejected.map((row) => [row.source.row, row.issues.map((issue) => [issue.column, issue.kind])]));
    expect(byRow.get(2)).toEqual([
      ['Ngày sinh', 'invalid_date'],
      ['Giới tính', 'unknown_code_value'],
      ['Mã xã', 'unknown_unit'],
    ]);
    expect(byRow.get(3)).toEqual([['Ngày sinh', 'missing_value']]);
    expect(byRow.get(4)).toEqual([['Ngày thay đổi tình trạng', 'missing_value']]);
    expect(byRow.get(5)).toEqual([
      ['Mã tỉnh', 'unknown_unit'],
      ['Thẻ BHYT', 'invalid_yes_no'],
      ['Nhóm HCĐB', 'unknown_code_value'],
    ]);
    // "2128" is padded to "02128", a code that exists in neither list.
    expect(byRow.get(6)).toEqual([['Mã xã', 'unknown_unit']]);
    expect(result.rejected[0]!.source).toEqual({ file: 'bad.xlsx', sheet: 'TreEm', row: 2 });
    expect(result.rejected[0]!.values['Họ và tên']).toBe('Đinh Văn A');
  });

  it('requires the abuse form and setting of an abuse event and the cause of an injury', async () => {
    const path = await writeWorkbook(file('events-bad.xlsx'), [
      {
        name: 'SuViec',
        rows: [
          EVENT_HEADERS,
          eventRow({ 'Loại sự việc': 'Xâm hại', 'Nguyên nhân TNTT': null, 'Hậu quả': null }),
          eventRow({ 'Mã vụ việc': 'VV2', 'Nguyên nhân TNTT': null }),
          eventRow({ 'Mã vụ việc': 'VV3', 'Loại sự việc': 'Xâm hại', 'Hình thức xâm hại': 'Bỏ rơi, bỏ mặc', 'Môi trường xâm hại': 'Gia đình', 'Nguyên nhân TNTT': null, 'Hậu quả': null, 'Hình thức hỗ trợ, can thiệp': 'Không', 'Xử lý': 'Xử phạt hành chính', 'Số tiền phạt': '1.500.000' }),
        ],
      },
    ]);
    const result = await importFiles([path]);
    expect(result.rejected.map((row) => row.issues.map((issue) => issue.column))).toEqual([
      ['Hình thức xâm hại', 'Môi trường xâm hại'],
      ['Nguyên nhân TNTT'],
    ]);
    expect(eventRecords(result.dataset.events)).toHaveLength(1);
    expect(eventRecords(result.dataset.events)[0]).toMatchObject({ abuseForms: ['BO_ROI_BO_MAC'], abuseSetting: 'GIA_DINH', interventions: [], handling: 'XU_PHAT_HC', fineAmount: 1_500_000 });
  });
});

describe('the other row error kinds', () => {
  it('rejects malformed codes, bad numbers and dates out of order', async () => {
    const path = await writeWorkbook(file('kinds.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          CHILD_HEADERS,
          childRow({ 'Mã trẻ em': 'K1', 'Mã xã': '2128A', 'Số định danh cá nhân': null }),
          childRow({ 'Mã trẻ em': 'K2', 'Ngày sinh': utc(2020, 1, 1), 'Ngày trợ giúp': utc(2019, 5, 5), 'Số định danh cá nhân': null }),
          childRow({ 'Mã trẻ em': 'K3', 'Nhóm HCĐB': 'd', 'Ngày bắt đầu HCĐB': utc(2022, 1, 1), 'Ngày thôi HCĐB': utc(2021, 1, 1), 'Số định danh cá nhân': null }),
          childRow({ 'Mã trẻ em': 'K4', 'Số định danh cá nhân': '12345' }),
        ],
      },
      { name: 'SuViec', rows: [EVENT_HEADERS, eventRow({ 'Số tiền phạt': 'một triệu' })] },
    ]);
    const result = await importFiles([path]);
    expect(result.rejected.map((row) => [row.source.sheet, row.source.row, row.issues.map((issue) => issue.kind)])).toEqual([
      ['SuViec', 2, ['invalid_number']],
      ['TreEm', 2, ['invalid_code']],
      ['TreEm', 5, ['invalid_code']],
    ]);
    // The personal ID is personal data: flagged so that terminals mask it.
    expect(result.rejected[2]!.issues[0]!.personal).toBe(true);
    // Dates that contradict each other within a child row warn; the child stays (data-contract.md, "Bad input").
    expect(result.warnings.map((warning) => [warning.source.row, warning.kind, warning.column, warning.value])).toEqual([
      [3, 'date_before_birth', 'Ngày trợ giúp', '05/05/2019'],
      [4, 'invalid_date_order', 'Ngày thôi HCĐB', '01/01/2021'],
    ]);
  });

  it('reads hidden sheets only when their name is a known kind', async () => {
    const path = await writeWorkbook(file('hidden.xlsx'), [
      { name: 'TreEm', rows: [CHILD_HEADERS, childRow()] },
      { name: 'Nhap', state: 'hidden', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'H2', 'Số định danh cá nhân': null })] },
      { name: 'SuViec', state: 'hidden', rows: [EVENT_HEADERS, eventRow()] },
    ]);
    const result = await importFiles([path]);
    expect(childRecords(result.dataset.children).map((child) => child.childId)).toEqual(['TE001']);
    expect(eventRecords(result.dataset.events)).toHaveLength(1);
    // Skipped, but not quietly: the accounting names it with its rows.
    expect(result.files[0]!.skippedSheets).toEqual([{ sheet: 'Nhap', reason: 'hidden', rows: 2 }]);
  });
});

describe('duplicates and links between sheets', () => {
  const childrenA: Cell[][] = [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'D1', 'Số định danh cá nhân': '051215000001' })];
  const childrenB: Cell[][] = [
    CHILD_HEADERS,
    childRow({ 'Mã trẻ em': 'D1', 'Số định danh cá nhân': null, 'Mã xã': '21292' }),
    childRow({ 'Mã trẻ em': 'D2', 'Số định danh cá nhân': '051215000001', 'Mã xã': '21292' }),
  ];

  it('rejects the later of two rows with the same key or personal ID, whatever the order the files come in', async () => {
    const a = await writeWorkbook(file('a-xa-son-ha.xlsx'), [{ name: 'TreEm', rows: childrenA }]);
    const b = await writeWorkbook(file('b-xa-son-ha.xlsx'), [{ name: 'TreEm', rows: childrenB }]);
    for (const order of [[a, b], [b, a]]) {
      const result = await importFiles(order);
      expect(childRecords(result.dataset.children).map((child) => [child.childId, child.source.file])).toEqual([['D1', 'a-xa-son-ha.xlsx']]);
      expect(result.rejected.map((row) => [row.source.file, row.source.row, row.issues[0]!.kind])).toEqual([
        ['b-xa-son-ha.xlsx', 2, 'duplicate_child'],
        ['b-xa-son-ha.xlsx', 3, 'duplicate_child'],
      ]);
      expect(result.rejected[0]!.issues[0]!.message.vi).toContain('a-xa-son-ha.xlsx, TreEm, dòng 2');
      const fileB = result.files.find((account) => account.file === 'b-xa-son-ha.xlsx')!;
      expect([fileB.read, fileB.accepted, fileB.rejected]).toEqual([2, 0, 2]);
    }
  });

  it('counts events of a child missing from TreEm with a warning, and rejects events before birth or after death', async () => {
    const path = await writeWorkbook(file('links.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          CHILD_HEADERS,
          childRow({ 'Mã trẻ em': 'L1', 'Ngày sinh': utc(2024, 6, 1), 'Số định danh cá nhân': null }),
          childRow({ 'Mã trẻ em': 'L2', 'Tình trạng': 'Tử vong', 'Ngày thay đổi tình trạng': utc(2025, 2, 1), 'Số định danh cá nhân': null }),
        ],
      },
      {
        name: 'SuViec',
        rows: [
          EVENT_HEADERS,
          eventRow({ 'Mã vụ việc': 'E1', 'Mã trẻ em': 'L1', 'Ngày xảy ra': utc(2024, 5, 1) }),
          eventRow({ 'Mã vụ việc': 'E2', 'Mã trẻ em': 'L2', 'Ngày xảy ra': utc(2025, 3, 1) }),
          eventRow({ 'Mã vụ việc': 'E3', 'Mã trẻ em': 'NGOAI', 'Giới tính': 'Nữ', 'Ngày sinh': utc(2012, 1, 1) }),
          eventRow({ 'Mã vụ việc': 'E3', 'Mã trẻ em': 'NGOAI', 'Giới tính': 'Nữ', 'Ngày sinh': utc(2012, 1, 1) }),
        ],
      },
    ]);
    const result = await importFiles([path]);
    expect(result.rejected.map((row) => [row.source.row, row.issues.map((issue) => issue.kind)])).toEqual([
      [2, ['event_before_birth']],
      [3, ['event_after_death']],
      [5, ['duplicate_event']],
    ]);
    expect(eventRecords(result.dataset.events).map((event) => event.caseId)).toEqual(['E3']);
    expect(result.warnings.filter((warning) => warning.kind === 'missing_child')).toHaveLength(1);
    const events = result.files[0]!.sheets.find((sheet) => sheet.kind === 'events')!;
    expect([events.read, events.accepted, events.rejected]).toEqual([4, 1, 3]);
  });
});

describe('several files at once', () => {
  it('reads files in worker threads with the same result as one by one', async () => {
    const a = await writeWorkbook(file('p-a.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'P1', 'Số định danh cá nhân': null }), childRow({ 'Mã trẻ em': 'P2', 'Ngày sinh': 'sai', 'Số định danh cá nhân': null })] }]);
    const b = await writeWorkbook(file('p-b.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'P1', 'Số định danh cá nhân': null }), childRow({ 'Mã trẻ em': 'P3', 'Số định danh cá nhân': null })] }]);
    const parallel = await importFiles([b, a], { threads: 2 });
    const sequential = await importFiles([a, b], { threads: 1 });
    expect(parallel).toEqual(sequential);
    expect(childRecords(parallel.dataset.children).map((child) => child.childId)).toEqual(['P1', 'P3']);
  });

  it('reads many files on three threads taking turns, each file once, as one thread would', async () => {
    // 12 files, two of them unreadable: each thread takes the next file itself (a shared counter).
    const paths = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        index === 4 || index === 9
          ? writeText(file(`t-${String(index).padStart(2, '0')}.xlsx`), 'not a workbook')
          : writeWorkbook(file(`t-${String(index).padStart(2, '0')}.xlsx`), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': `T${index}`, 'Số định danh cá nhân': null })] }]),
      ),
    );
    const parallel = await importFiles([...paths].reverse(), { threads: 3, keepGoing: true });
    const sequential = await importFiles(paths, { threads: 1, keepGoing: true });
    expect(parallel).toEqual(sequential);
    // 10 readable files, one child each, in the files' order; the 2 others named once each.
    expect(childRecords(parallel.dataset.children).map((child) => child.childId)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 10, 11].map((index) => `T${index}`));
    expect(parallel.unreadable.map((input) => input.file)).toEqual(['t-04.xlsx', 't-09.xlsx']);
  });

  it('hands out each file index once to claims from every side, and none after a stop', () => {
    const counter = SharedCounter.create(5);
    const twin = new SharedCounter(counter.buffer, 5);
    expect([counter.claim(), twin.claim(), counter.claim(), twin.claim(), counter.claim(), twin.claim()]).toEqual([0, 1, 2, 3, 4, undefined]);
    const stopped = SharedCounter.create(5);
    new SharedCounter(stopped.buffer, 5).stop();
    expect(stopped.claim()).toBeUndefined();
  });

  it('names each file by its path when two inputs share a name', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(file('xa-1'), { recursive: true });
    mkdirSync(file('xa-2'), { recursive: true });
    const one = await writeWorkbook(file('xa-1/DanhSach.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'S1', 'Số định danh cá nhân': null })] }]);
    const two = await writeWorkbook(file('xa-2/DanhSach.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow({ 'Mã trẻ em': 'S1', 'Số định danh cá nhân': null })] }]);
    const result = await importFiles([two, one]);
    expect(result.files.map((account) => account.file)).toEqual([one, two]);
    expect(result.rejected[0]!.source.file).toBe(two);
  });

  it('stops with the one-line error of a file that cannot be read, from a worker too', async () => {
    const good = await writeWorkbook(file('q-good.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
    const bad = writeText(file('q-bad.xlsx'), 'garbage');
    await expectUnreadable(importFiles([good, bad], { threads: 2 }), 'q-bad.xlsx');
  });
});

describe('files that cannot be read', () => {
  it('refuses a zero-byte file', async () => {
    await expectUnreadable(importFiles([writeText(file('empty.xlsx'), '')]), 'empty.xlsx');
  });
  it('refuses a file that is not a workbook', async () => {
    await expectUnreadable(importFiles([writeText(file('notes.xlsx'), 'hello, this is not excel')]), 'hỏng');
  });
  it('refuses a truncated workbook', async () => {
    const path = await writeWorkbook(file('whole.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    writeFileSync(file('truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectUnreadable(importFiles([file('truncated.xlsx')]), 'truncated.xlsx');
  });
  it('refuses an OLE container whose header is zeros as a damaged .xls', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    writeFileSync(file('old.xls'), ole);
    await expectUnreadable(importFiles([file('old.xls')]), 'tệp .xls bị hỏng (phần đầu tệp bị hỏng)');
  });
  it('refuses a sheet without a recognisable header', async () => {
    const path = await writeWorkbook(file('noheader.xlsx'), [{ name: 'Sheet1', rows: [['a', 'b', 'c'], [1, 2, 3]] }]);
    const error = await expectUnreadable(importFiles([path]), 'trang "Sheet1" có dữ liệu nhưng không nhận ra dòng tiêu đề');
    expect(error.text.vi).toContain('chitieu inspect noheader.xlsx --draft-profile');
  });
  it('refuses a sheet that lacks a required column, naming it', async () => {
    const headers = CHILD_HEADERS.filter((header) => header !== 'Ngày sinh');
    const path = await writeWorkbook(file('nodob.xlsx'), [{ name: 'TreEm', rows: [headers, childRow().slice(0, 4)] }]);
    const error = await expectUnreadable(importFiles([path]), '"Ngày sinh"');
    expect(error.text.vi).toContain('nodob.xlsx');
  });
});
