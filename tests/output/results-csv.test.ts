/**
 * The results as CSV (`compute --out x.csv`), read back with chitieu's own CSV reader, as an
 * office would import it again: one line per unit, indicator and breakdown value, numbers as
 * the JSON has them, names as text that no spreadsheet takes for a formula.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/engine/index.js';
import { readCsvSheet } from '../../src/import/readers/csv.js';
import type { ComputeResult } from '../../src/model/results.js';
import { bytesOf, OUTPUTS } from '../../src/output/formats.js';
import type { ResultsDocument } from '../../src/output/results-model.js';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-results-csv-'));

// TE-0102 (sex ratio at birth) = boys born ÷ girls born × 100.
// Huyện 529: 21 boys, 20 girls → 21 ÷ 20 × 100 = 105.
// Xã 21292: 3 boys, 0 girls → no value (denominator 0), approximate (a split commune is in it).
// TE-0101 (child population, a count: numerator = value, no denominator) in 529: 1 234
// children, of them 600 girls ("NU").
const result: ComputeResult = {
  period: { id: '2025-H1', from: '2025-01-01', to: '2025-06-30' },
  results: [
    { indicator: 'TE-0102', unit: '529', level: 'district', breakdown: {}, numerator: 21, denominator: 20, value: 105 },
    { indicator: 'TE-0102', unit: '21292', level: 'commune', breakdown: {}, numerator: 3, denominator: 0, value: null, approximate: true },
    { indicator: 'TE-0101', unit: '529', level: 'district', breakdown: {}, numerator: 1234, denominator: null, value: 1234 },
    { indicator: 'TE-0101', unit: '529', level: 'district', breakdown: { sex: 'NU' }, numerator: 600, denominator: null, value: 600 },
  ],
  targets: [],
};

/** A unit list a person edited: one name starts like a formula. */
const names = (_level: string, code: string) => (code === '529' ? 'Huyện Sơn Hà' : code === '21292' ? '=HYPERLINK("http://x","Xã")' : code);

async function readBack(document: ResultsDocument): Promise<{ bytes: Buffer; rows: string[][] }> {
  const bytes = bytesOf(await OUTPUTS.resultsCsv.write(document));
  const path = join(dir, `ket-qua-${document.lang}.csv`);
  writeFileSync(path, bytes);
  const rows: string[][] = [];
  for await (const batch of readCsvSheet(path, 'ket-qua').batches) for (const row of batch) rows.push(row.cells.map((cell) => String(cell ?? '')));
  return { bytes, rows };
}

describe('results CSV', () => {
  it('one line per unit, indicator and breakdown value, with the JSON numbers unrounded', async () => {
    const { bytes, rows } = await readBack({ result, catalogue: loadCatalogue(), names, lang: 'vi' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(rows).toEqual([
      ['Cấp', 'Mã đơn vị', 'Tên đơn vị', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Phân tổ', 'Tử số', 'Mẫu số', 'Giá trị', 'Ước tính'],
      ['Huyện', '529', 'Huyện Sơn Hà', 'TE-0102', 'Tỷ số giới tính khi sinh', '', '21', '20', '105', ''],
      // Denominator 0: the value is empty, not 0 and not "–" (a program reads it as missing).
      ['Xã', '21292', `'=HYPERLINK("http://x","Xã")`, 'TE-0102', 'Tỷ số giới tính khi sinh', '', '3', '0', '', 'ước tính'],
      ['Huyện', '529', 'Huyện Sơn Hà', 'TE-0101', 'Dân số trẻ em', '', '1234', '', '1234', ''],
      ['Huyện', '529', 'Huyện Sơn Hà', 'TE-0101', 'Dân số trẻ em', 'Nữ', '600', '', '600', ''],
    ]);
  });

  it('in English with --lang en', async () => {
    const { rows } = await readBack({ result, catalogue: loadCatalogue(), names, lang: 'en' });
    expect(rows[0]).toEqual(['Level', 'Unit code', 'Unit', 'Indicator', 'Indicator name', 'Breakdown', 'Numerator', 'Denominator', 'Value', 'Approximate']);
    expect(rows[1]).toEqual(['District', '529', 'Huyện Sơn Hà', 'TE-0102', 'Sex ratio at birth', '', '21', '20', '105', '']);
    expect(rows[2]![9]).toBe('approximate');
  });

  it('a ratio that is not whole keeps every digit the JSON has (2 ÷ 3 × 100)', async () => {
    const row = { indicator: 'TE-0102', unit: '529', level: 'district' as const, breakdown: {}, numerator: 2, denominator: 3, value: (2 / 3) * 100 };
    const { rows } = await readBack({ result: { ...result, results: [row] }, catalogue: loadCatalogue(), names, lang: 'vi' });
    expect(rows[1]![8]).toBe(JSON.stringify((2 / 3) * 100));
    expect(Number(rows[1]![8])).toBeCloseTo(66.6667, 4);
  });

  it('a name with a comma, a quote or a line break stays one field', async () => {
    const odd = (_level: string, code: string) => (code === '529' ? 'Sơn Hà, "cũ"\nmới' : code);
    const { rows } = await readBack({ result: { ...result, results: [result.results[0]!] }, catalogue: loadCatalogue(), names: odd, lang: 'vi' });
    expect(rows[1]![2]).toBe('Sơn Hà, "cũ"\nmới');
    expect(rows[1]).toHaveLength(10);
  });
});

