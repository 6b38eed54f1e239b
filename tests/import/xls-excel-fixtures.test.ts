/**
 * .xls files written by Microsoft Excel (tests/fixtures/xls/README.md: from xlrd's samples),
 * read by the BIFF reader cell by cell against LibreOffice's committed .xlsx conversion of each.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawValue } from '../../src/import/cells.js';
import { readXlsxWorkbook } from '../../src/import/readers/xlsx.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'xls');

async function sheetsOf(path: string): Promise<{ name: string; state: string; cells: Record<string, RawValue> }[]> {
  const sheets: { name: string; state: string; cells: Record<string, RawValue> }[] = [];
  for await (const sheet of readXlsxWorkbook(path)) {
    const cells: Record<string, RawValue> = {};
    for await (const row of sheet.rows([])) {
      row.cells.forEach((value, index) => {
        if (value !== null) cells[`${row.number},${index + 1}`] = value;
      });
    }
    sheets.push({ name: sheet.name, state: sheet.state, cells });
  }
  return sheets;
}

/**
 * The .xls value against LibreOffice's .xlsx one: the same, except what LibreOffice changes
 * in writing .xlsx (15 significant digits, so a relative difference under 10⁻¹⁴; a boolean
 * formula result as 1/0).
 */
function sameAsLibreOfficeWrote(fromXls: RawValue, fromXlsx: RawValue): boolean {
  if (typeof fromXls === 'boolean') return fromXlsx === fromXls || fromXlsx === (fromXls ? 1 : 0);
  if (typeof fromXls === 'number' && typeof fromXlsx === 'number') return Math.abs(fromXls - fromXlsx) <= 1e-14 * Math.max(1, Math.abs(fromXls));
  if (fromXls instanceof Date && fromXlsx instanceof Date) return fromXls.getTime() === fromXlsx.getTime();
  return fromXls === fromXlsx;
}

describe('.xls written by Excel', () => {
  for (const name of ['xf_class', 'profiles']) {
    it(`${name}.xls: every sheet and cell as in LibreOffice's .xlsx of it`, async () => {
      const fromXls = await sheetsOf(join(FIXTURES, `${name}.xls`));
      const fromXlsx = await sheetsOf(join(FIXTURES, `${name}.libreoffice.xlsx`));
      expect(fromXls.map((sheet) => [sheet.name, sheet.state])).toEqual(fromXlsx.map((sheet) => [sheet.name, sheet.state]));
      const differences: string[] = [];
      fromXls.forEach((sheet, index) => {
        const other = fromXlsx[index]!.cells;
        expect(Object.keys(sheet.cells).sort()).toEqual(Object.keys(other).sort());
        for (const [at, value] of Object.entries(sheet.cells)) {
          if (!sameAsLibreOfficeWrote(value, other[at] ?? null)) differences.push(`${sheet.name}!${at}: ${String(value)} ≠ ${String(other[at])}`);
        }
      });
      expect(differences).toEqual([]);
      expect(fromXls.flatMap((sheet) => Object.keys(sheet.cells)).length).toBeGreaterThanOrEqual(20);
    });
  }

  it('profiles.xls: values Excel saved, read exactly (not rounded to 15 digits)', async () => {
    const sheets = await sheetsOf(join(FIXTURES, 'profiles.xls'));
    const values = sheets.flatMap((sheet) => Object.values(sheet.cells));
    expect(values).toContain(0.2000099999999918);
    expect(values).not.toContain(0.200009999999992);
  });
});
