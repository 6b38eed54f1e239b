/**
 * The national level end to end, after the reform (2026-H1, codes of the list from 1 July 2025):
 * `compute --level national` over the records of two provinces, each province's report and
 * annex, and `aggregate` of the two province annexes into VN (the ministry's roll-up), read back
 * from the XLSX and the DOCX. Also what the report text says at each level.
 *
 *   Hà Nội (01):     00004 H1 (boy), H2 (girl); 00008 H3 (boy). H1 abused (VV-H1, 2026-02-01).
 *   Quảng Ngãi (51): 21025 Q1 (boy), Q2 (girl); 21028 Q3 (girl). Q1 injured (TN-Q1, 2026-04-01).
 *
 *   TE-0101: 01 = 3, 51 = 3, VN = 3 + 3 = 6
 *   XH-0101 per 100,000 children: 01 = 1/3, 51 = 0/3, VN = (1 + 0)/(3 + 3) = 1/6 × 100000 = 16666.67
 *   TE-0304 per 100,000 children: 01 = 0/3, 51 = 1/3, VN = 1/6 × 100000 = 16666.67
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComputeResult, type IndicatorResult } from '../../src/model/results.js';
import { readAnnex } from '../../src/import/annex.js';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, EVENT_HEADERS, childRow, eventRow, tempDir, utc, writeWorkbook } from '../helpers/workbooks.js';
import { paragraphs, tableRows, zipEntries } from './read-back.js';

let dir: string;
let hanoi: string;
let quangNgai: string;

/** A child of the list from 1 July 2025: no district code. */
const kid = (id: string, province: string, commune: string, sex: 'Nam' | 'Nữ', n: number) =>
  childRow({ STT: n, 'Mã trẻ em': id, 'Số định danh cá nhân': `0${province}215000${n}00`, 'Giới tính': sex, 'Mã tỉnh': province, 'Mã huyện': null, 'Mã xã': commune });

beforeAll(async () => {
  dir = tempDir('chitieu-national-');
  hanoi = await writeWorkbook(join(dir, 'ha-noi.xlsx'), [
    { name: 'TreEm', rows: [CHILD_HEADERS, kid('H1', '01', '00004', 'Nam', 1), kid('H2', '01', '00004', 'Nữ', 2), kid('H3', '01', '00008', 'Nam', 3)] },
    {
      name: 'SuViec',
      rows: [
        EVENT_HEADERS,
        eventRow({
          'Mã vụ việc': 'VV-H1', 'Mã trẻ em': 'H1', 'Mã xã': '00004', 'Loại sự việc': 'Xâm hại', 'Ngày xảy ra': utc(2026, 2, 1),
          'Nguyên nhân TNTT': null, 'Hậu quả': null, 'Hình thức xâm hại': 'Bạo lực', 'Môi trường xâm hại': 'Gia đình',
        }),
      ],
    },
  ]);
  quangNgai = await writeWorkbook(join(dir, 'quang-ngai.xlsx'), [
    { name: 'TreEm', rows: [CHILD_HEADERS, kid('Q1', '51', '21025', 'Nam', 4), kid('Q2', '51', '21025', 'Nữ', 5), kid('Q3', '51', '21028', 'Nữ', 6)] },
    { name: 'SuViec', rows: [EVENT_HEADERS, eventRow({ 'Mã vụ việc': 'TN-Q1', 'Mã trẻ em': 'Q1', 'Mã xã': '21025', 'Ngày xảy ra': utc(2026, 4, 1) })] },
  ]);
}, 60_000);

const total = (rows: readonly IndicatorResult[], indicator: string, unit: string) =>
  rows.find((row) => row.indicator === indicator && row.unit === unit && Object.keys(row.breakdown).length === 0);

/** Each commune's report of a period from one file; the paths of their annex workbooks. */
async function communeAnnexes(file: string, period: string, communes: readonly string[]): Promise<string[]> {
  const annexes: string[] = [];
  for (const commune of communes) {
    const out = join(dir, `xa-${commune}-${period}`);
    expect((await runCli('report', file, '--period', period, '--unit', commune, '--out', out)).code).toBe(0);
    annexes.push(join(out, `bao-cao-${commune}-${period}.xlsx`));
  }
  return annexes;
}

async function documentText(path: string): Promise<{ text: string[]; rows: string[][] }> {
  const xml = (await zipEntries(readFileSync(path)))['word/document.xml']!;
  return { text: paragraphs(xml), rows: tableRows(xml) };
}

describe('the national level after the reform', () => {
  it('compute --level national adds up the provinces, ratios recomputed', async () => {
    const out = join(dir, 'ket-qua.json');
    const ran = await runCli('compute', hanoi, quangNgai, '--period', '2026-H1', '--level', 'national', '--out', out);
    expect(ran.code).toBe(0);
    // The nation's missing communes are said by province: 126 − 2 + 96 − 2 = 218 in the two that sent data.
    expect(ran.stderr).toContain(
      'Toàn quốc (VN): số liệu từ 4/3.321 xã của 2/34 tỉnh, thành phố; chưa có số liệu của 32 tỉnh, thành phố: Tỉnh Cao Bằng, ',
    );
    expect(ran.stderr).toContain(', và 20 đơn vị khác; và của 218 xã thuộc các đơn vị đã có số liệu.');
    const result = ComputeResult.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(total(result.results, 'TE-0101', '01')).toMatchObject({ level: 'province', numerator: 3 });
    expect(total(result.results, 'TE-0101', '51')).toMatchObject({ level: 'province', numerator: 3 });
    expect(total(result.results, 'TE-0101', 'VN')).toMatchObject({ level: 'national', numerator: 6, value: 6 });
    const abused = total(result.results, 'XH-0101', 'VN')!;
    expect([abused.numerator, abused.denominator]).toEqual([1, 6]);
    expect(abused.value).toBeCloseTo(100_000 / 6, 6);
    expect(total(result.results, 'TE-0304', 'VN')).toMatchObject({ numerator: 1, denominator: 6 });
    // Without --out, the summary shows the highest level: the nation.
    const summary = await runCli('compute', hanoi, quangNgai, '--period', '2026-H1', '--level', 'national');
    expect(summary.stdout).toContain('Toàn quốc (VN)');
    expect(summary.stdout).toMatch(/TE-0101 +Dân số trẻ em[^\n]* +6\n/);
  }, 60_000);

  it('a province\'s report lists its communes directly and counts them in today\'s words', async () => {
    const out = join(dir, 'tinh-51');
    const ran = await runCli('report', quangNgai, '--period', '2026-H1', '--unit', '51', '--out', out);
    expect(ran.code).toBe(0);
    const { text, rows } = await documentText(join(out, 'bao-cao-51-2026-H1.docx'));
    // Quảng Ngãi has 96 communes, wards and special zones from 1 July 2025, no districts.
    // The 96 and the 2 that sent data in one sentence; the 94 others counted, listed once in Biểu 06.
    expect(text).toContain('Toàn tỉnh có 96 xã, phường, đặc khu; số liệu tổng hợp từ 2/96 đơn vị; chưa có số liệu của 94/96 đơn vị: xem Phụ lục, Biểu\u00a006.');
    expect(text.some((line) => line.includes('huyện'))).toBe(false);
    const list = rows.slice(rows.findIndex((row) => row[1] === 'Tên đơn vị')).filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(list).toHaveLength(94);
    // The file has Phường Cẩm Thành (21025) and Phường Nghĩa Lộ (21028): the list starts with the next commune.
    expect(list[0]!.slice(1, 3)).toEqual(['Xã An Phú', '21034']);
    const labels = rows.map((row) => row[1]);
    expect(labels).toContain('Phường Cẩm Thành');
    expect(labels).toContain('Phường Nghĩa Lộ');
    expect(labels).toContain('Toàn tỉnh');
  }, 120_000);

  it('aggregate of commune annexes into a province after the reform speaks of communes, not districts', async () => {
    const out = join(dir, 'tinh-51-cong');
    const ran = await runCli('aggregate', ...(await communeAnnexes(quangNgai, '2026-H1', ['21025', '21028'])), '--unit', '51', '--period', '2026-H1', '--out', out);
    expect(ran.code).toBe(0);
    const { text, rows } = await documentText(join(out, 'bao-cao-51-2026-H1.docx'));
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('TỈNH QUẢNG NGÃI');
    expect(text).toContain('Toàn tỉnh có 96 xã, phường, đặc khu; số liệu tổng hợp từ 2/96 đơn vị; chưa có số liệu của 94/96 đơn vị: xem Phụ lục, Biểu\u00a006.');
    expect(text.some((line) => line.includes('huyện'))).toBe(false);
    // The communes are the rows, 96 of them, then the province: 3 children (Q1, Q2 in 21025; Q3 in 21028).
    const units = rows.filter((row) => /^\d+$/.test(row[0] ?? '') && row[1] !== undefined);
    const firstTable = units.slice(0, 96);
    expect(firstTable.map((row) => row[1])).toContain('Phường Cẩm Thành');
    expect(firstTable.find((row) => row[1] === 'Phường Cẩm Thành')![2]).toBe('2');
    expect(rows.find((row) => row[1] === 'Toàn tỉnh')![2]).toBe('3');
  }, 180_000);

  it('aggregate sums two province annexes into the nation (VN), read back from the XLSX and the DOCX', async () => {
    const a = join(dir, 'tinh-01');
    const b = join(dir, 'tinh-51');
    expect((await runCli('report', hanoi, '--period', '2026-H1', '--unit', '01', '--out', a)).code).toBe(0);
    const out = join(dir, 'toan-quoc');
    const ran = await runCli('aggregate', join(a, 'bao-cao-01-2026-H1.xlsx'), join(b, 'bao-cao-51-2026-H1.xlsx'), '--unit', 'VN', '--period', '2026-H1', '--out', out);
    expect(ran.stderr + ran.stdout).toContain('Đã cộng 2 phụ lục vào Toàn quốc.');
    expect(ran.code).toBe(0);
    // 32 of the 34 provinces sent nothing.
    expect(ran.stdout).toContain('Chưa có phụ lục của 32 đơn vị');

    const annex = await readAnnex(join(out, 'bao-cao-VN-2026-H1.xlsx'));
    expect(annex.info).toMatchObject({ unitCode: 'VN', unitName: 'Toàn quốc', level: 'national' });
    expect(annex.info.subUnits).toHaveLength(34);
    expect(total(annex.rows, 'TE-0101', 'VN')).toMatchObject({ numerator: 6, value: 6 });
    const abused = total(annex.rows, 'XH-0101', 'VN')!;
    expect([abused.numerator, abused.denominator]).toEqual([1, 6]);
    expect(abused.value).toBeCloseTo(100_000 / 6, 6);
    const injured = total(annex.rows, 'TE-0304', 'VN')!;
    expect([injured.numerator, injured.denominator]).toEqual([1, 6]);

    const { text, rows } = await documentText(join(out, 'bao-cao-VN-2026-H1.docx'));
    expect(text).toContain('BỘ Y TẾ');
    expect(text).toContain('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-BYT');
    expect(text.some((line) => line.startsWith('Hà Nội, ngày'))).toBe(true);
    // 4 of today's 3,321 communes sent data, in 2 of the 34 provinces: 3.321 − 4 = 3.317 without, counted.
    expect(text).toContain(
      'Toàn quốc có 34 tỉnh, thành phố; số liệu tổng hợp từ 4/3.321 xã, phường, đặc khu của 2/34 tỉnh, thành phố; chưa có số liệu của 3.317/3.321 xã, phường, đặc khu (32/34 tỉnh, thành phố chưa có số liệu): xem Phụ lục, Biểu\u00a006.',
    );
    // Biểu 06 lists a province that sent nothing as one row, then the communes without data in the
    // two that did: Hà Nội 126 − 2 + Quảng Ngãi 96 − 2 = 218; 32 + 218 = 250 rows.
    const list = rows.slice(rows.findIndex((row) => row[1] === 'Tên đơn vị')).filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(list).toHaveLength(250);
    expect(list[0]![1]).toMatch(/^Tỉnh Cao Bằng \(cả \d+ xã, phường, đặc khu\)$/);
    expect(list.slice(0, 32).map((row) => row[1]).join()).not.toContain('Thành phố Hà Nội');
    expect(list[32]![3]).toMatch(/^Phụ lục số liệu bao-cao-\d{5}-2026-H1\.xlsx$/);
    expect(text.find((line) => line.startsWith('Trong 6 tháng đầu năm 2026, trên phạm vi toàn quốc xảy ra 1 vụ xâm hại trẻ em'))).toBeDefined();
    expect(text.some((line) => /Ủy ban nhân dân toàn quốc|Toàn tỉnh|huyện/i.test(line))).toBe(false);
    // The tables list the provinces, then the nation.
    const labels = rows.map((row) => row[1]);
    expect(labels).toContain('Thành phố Hà Nội');
    expect(labels).toContain('Tỉnh Quảng Ngãi');
    expect(labels).toContain('Toàn quốc');
    const population = rows.find((row) => row[1] === 'Toàn quốc')!;
    expect(population[2]).toBe('6');
  }, 180_000);
});

describe('commune annexes summed into a province before the reform', () => {
  /**
   * 2025-H1 (R = 2025-06-30, the list before the reform): Sơn Hà (district 529) communes 21289
   * (S1 boy, S2 girl) and 21292 (S3 girl). Their two annexes summed into Quảng Ngãi (51): the
   * province has 13 districts, towns and cities; the Sơn Hà row is the sum of its communes'
   * annexes, 2 + 1 = 3 children, and the other 12 are the ones with nothing.
   */
  let sonHa: string;
  beforeAll(async () => {
    const pre = (id: string, commune: string, sex: 'Nam' | 'Nữ', n: number) =>
      childRow({ STT: n, 'Mã trẻ em': id, 'Số định danh cá nhân': `05121500${n}000`, 'Giới tính': sex, 'Mã xã': commune });
    sonHa = await writeWorkbook(join(dir, 'son-ha.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, pre('S1', '21289', 'Nam', 1), pre('S2', '21289', 'Nữ', 2), pre('S3', '21292', 'Nữ', 3)] }]);
  });

  it('lists the districts with the sums of their communes\' annexes', async () => {
    const out = join(dir, 'tinh-51-2025');
    const ran = await runCli('aggregate', ...(await communeAnnexes(sonHa, '2025-H1', ['21289', '21292'])), '--unit', '51', '--period', '2025-H1', '--out', out);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Chưa có phụ lục của 12 đơn vị');
    expect(ran.stdout).not.toContain('Huyện Sơn Hà (529)');
    const { text, rows } = await documentText(join(out, 'bao-cao-51-2025-H1.docx'));
    expect(text.find((line) => line.startsWith('Toàn tỉnh có 13 huyện, thị xã, thành phố; số liệu tổng hợp từ 2/'))).toMatch(/; chưa có số liệu của \d+\/\d+ xã, [^:]+: xem Phụ lục, Biểu\u00a006\.$/);
    const labels = rows.map((row) => row[1]);
    // Districts, not the communes, are the rows of a province before the reform.
    expect(labels).not.toContain('Thị trấn Di Lăng');
    expect(rows.find((row) => row[1] === 'Huyện Sơn Hà')![2]).toBe('3');
    expect(rows.find((row) => row[1] === 'Huyện Bình Sơn')![2]).toBe('–');
    expect(rows.find((row) => row[1] === 'Toàn tỉnh')![2]).toBe('3');
  }, 180_000);
});
