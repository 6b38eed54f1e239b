import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorResult } from '../../src/model/results.js';
import { UserError } from '../../src/messages/index.js';
import { aggregateAnnexes, DOUBLE_COUNT_NOTE, type AggregateRequest } from '../../src/pipeline/annexes.js';
import { sumAnnexes } from '../../src/engine/sum-annexes.js';
import { createAnnex, createReport } from '../../src/output/report.js';
import { breakdownId } from '../../src/report/result-index.js';
import { COMMUNES, DISTRICT, communeInput, fixtureResults } from './fixtures.js';
import { paragraphs, zipEntries } from './read-back.js';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-aggregate-'));
const paths: Record<string, string> = {};

function request(files: string[], overrides: Partial<AggregateRequest> = {}): AggregateRequest {
  return {
    paths: files,
    unit: DISTRICT,
    periodId: '2025-H1',
    expected: COMMUNES,
    isUnder: (code) => COMMUNES.some((commune) => commune.code === code),
    toolVersion: '0.1.0',
    ...overrides,
  };
}

async function refused(run: Promise<unknown>): Promise<UserError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const key = (row: IndicatorResult) => `${row.indicator}|${breakdownId(row.breakdown)}`;

function districtRows(rows: readonly IndicatorResult[]): Map<string, IndicatorResult> {
  return new Map(rows.filter((row) => row.unit === DISTRICT.code).map((row) => [key(row), row]));
}

beforeAll(async () => {
  for (const commune of COMMUNES) {
    const path = join(dir, `phu-luc-${commune.code}.xlsx`);
    writeFileSync(path, await createAnnex(communeInput(commune)));
    paths[commune.code] = path;
  }
});

describe('aggregate', () => {
  it('sums the communes into the district exactly as compute counts it when no child is in two communes', async () => {
    const outcome = await aggregateAnnexes(request(Object.values(paths)));
    expect(outcome.missing).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    const { current, baseline } = fixtureResults();
    for (const [summed, computed] of [
      [outcome.input.result.results, current.results],
      [outcome.input.baseline!.results, baseline.results],
    ] as const) {
      const got = districtRows(summed);
      const want = districtRows(computed);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [k, row] of want) {
        const sum = got.get(k)!;
        expect({ k, numerator: sum.numerator, denominator: sum.denominator, noData: sum.noData }).toEqual({ k, numerator: row.numerator, denominator: row.denominator, noData: row.noData });
        if (row.value === null) expect(sum.value).toBeNull();
        else expect(sum.value).toBeCloseTo(row.value, 9);
      }
    }
    // The communes' own rows come along for the tables.
    expect(outcome.input.result.results.filter((row) => row.unit === '21292').length).toBe(current.results.filter((row) => row.unit === '21292').length);
    expect(outcome.input.facts).toHaveLength(4);
    expect(outcome.input.sources!.map((s) => s.file)).toEqual(COMMUNES.map((c) => `phu-luc-${c.code}.xlsx`));
    expect(outcome.input.sources![0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills a breakdown value a commune lacks with 0 over that commune\'s denominator', () => {
    // Hand-worked: commune A has 1 drowning of 100 children, commune B none of 50 children.
    // Cause DUOI_NUOC: (1 + 0) / (100 + 50) × 100000 = 666,67; sex NU restricted to girls: 40 + 30.
    const row = (unit: string, breakdown: Record<string, string>, numerator: number, denominator: number) => ({
      indicator: 'TE-0304',
      unit,
      level: 'commune' as const,
      breakdown,
      numerator,
      denominator,
      value: (numerator / denominator) * 100000,
      factor: 100000,
    });
    const annex = (unit: string, rows: ReturnType<typeof row>[]) => ({
      file: `${unit}.xlsx`,
      sha256: '',
      info: { unitCode: unit, unitName: unit, level: 'commune' as const, period: { id: '2025-H1', from: '2025-01-01', to: '2025-06-30' }, origin: 'compute', subUnits: [] },
      rows,
      baselineRows: [],
      facts: [],
      sources: [],
    });
    const a = annex('00001', [row('00001', {}, 1, 100), row('00001', { sex: 'NU' }, 1, 40), row('00001', { cause: 'DUOI_NUOC' }, 1, 100), row('00001', { cause: 'DUOI_NUOC', sex: 'NU' }, 1, 40)]);
    const b = annex('00002', [row('00002', {}, 0, 50), row('00002', { sex: 'NU' }, 0, 30)]);
    const { rows } = sumAnnexes([a, b], { code: '001', level: 'district' }, (x) => x.rows);
    const get = (breakdown: Record<string, string>) => rows.find((r) => breakdownId(r.breakdown) === breakdownId(breakdown))!;
    expect(get({ cause: 'DUOI_NUOC' })).toMatchObject({ numerator: 1, denominator: 150 });
    expect(get({ cause: 'DUOI_NUOC' }).value).toBeCloseTo(666.667, 2);
    expect(get({ cause: 'DUOI_NUOC', sex: 'NU' })).toMatchObject({ numerator: 1, denominator: 70 });
  });

  it('lists the expected communes that sent nothing and shows "–" for them', async () => {
    const outcome = await aggregateAnnexes(request([paths['21289']!, paths['21292']!, paths['21295']!]));
    expect(outcome.missing.map((unit) => unit.fullName)).toEqual(['Xã Sơn Nham']);
    const files = await createReport(outcome.input);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files.xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Bieu01')!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(2).value === 'Xã Sơn Nham') row = n;
    });
    expect(sheet.getCell(row, 3).value).toBe('–');
    // The district total is the three communes: 1.850 + 1.220 + 980.
    let total = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(2).value === 'Toàn huyện') total = n;
    });
    expect(sheet.getCell(total, 3).value).toBe(4050);
    const text = paragraphs((await zipEntries(files.docx))['word/document.xml']!);
    expect(text).toContain(`- ${DOUBLE_COUNT_NOTE.vi}`);
  });

  it('refuses a workbook of another period (exit 2)', async () => {
    const input = communeInput(COMMUNES[0]!);
    const other = { ...input, result: { ...input.result, period: { id: '2025-Q1', from: '2025-01-01', to: '2025-03-31' } } };
    const path = join(dir, 'q1.xlsx');
    writeFileSync(path, await createAnnex(other));
    const error = await refused(aggregateAnnexes(request([path])));
    expect(error.exitCode).toBe(2);
    expect(error.text.vi).toBe('Tệp q1.xlsx là phụ lục kỳ 2025-Q1, không phải kỳ 2025-H1.');
  });

  it('refuses a workbook of a unit outside the district, or the same unit twice (exit 2)', async () => {
    const outside = await refused(aggregateAnnexes(request([paths['21289']!], { isUnder: () => false })));
    expect(outside.exitCode).toBe(2);
    expect(outside.text.vi).toContain('không thuộc Huyện Sơn Hà (mã 529)');
    const twice = await refused(aggregateAnnexes(request([paths['21289']!, paths['21289']!])));
    expect(twice.exitCode).toBe(2);
    expect(twice.text.vi).toContain('cùng là phụ lục của Thị trấn Di Lăng');
  });

  it('refuses files of an unknown layout (exit 2)', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('TreEm').addRow(['Mã trẻ em', 'Họ và tên']);
    const noAnnex = join(dir, 'tre-em.xlsx');
    writeFileSync(noAnnex, Buffer.from(await plain.xlsx.writeBuffer()));
    const a = await refused(aggregateAnnexes(request([noAnnex])));
    expect(a.exitCode).toBe(2);
    expect(a.text.vi).toContain('không phải phụ lục do chitieu tạo');

    const changed = new ExcelJS.Workbook();
    await changed.xlsx.readFile(paths['21289']!);
    changed.getWorksheet('DuLieu')!.getCell('B2').value = 'chi_tieu';
    const badColumns = join(dir, 'doi-cot.xlsx');
    await changed.xlsx.writeFile(badColumns);
    const b = await refused(aggregateAnnexes(request([badColumns])));
    expect(b.exitCode).toBe(2);
    expect(b.text.vi).toContain('trang DuLieu không đúng mẫu');

    const version = new ExcelJS.Workbook();
    await version.xlsx.readFile(paths['21289']!);
    version.getWorksheet('ThongTin')!.eachRow((row) => {
      if (row.getCell(1).value === 'format') row.getCell(3).value = 'chitieu-phu-luc/9';
    });
    const newer = join(dir, 'moi.xlsx');
    await version.xlsx.writeFile(newer);
    const c = await refused(aggregateAnnexes(request([newer])));
    expect(c.text.vi).toContain('chitieu-phu-luc/9');

    const text = join(dir, 'ghi-chu.xlsx');
    writeFileSync(text, 'không phải excel');
    const d = await refused(aggregateAnnexes(request([text])));
    expect(d.exitCode).toBe(2);
    expect(d.text.vi).toContain('không phải tệp Excel');

    const e = await refused(aggregateAnnexes(request([join(dir, 'khong-co.xlsx')])));
    expect(e.exitCode).toBe(2);
  });
});
