/**
 * The sample's child lists (pre-reform codes with Mã huyện, as every commune's list made before
 * July 2025) give the same children whatever the period: a period ending after 1 July 2025 reads
 * them in their own vintage and carries them to today's communes (every old commune of Sơn Hà
 * went whole into one new commune, so nothing is approximate). Issue #16: before, 14,094 of the
 * 22,298 rows were rejected for 2025 and TE-0101 at 2025-9M was 6,920 instead of 19,443.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/engine/index.js';
import type { ImportResult } from '../../src/import/index.js';
import { accountingLines } from '../../src/import/summary.js';
import { computeStep, loadDefinitions } from '../../src/pipeline/compute.js';
import { readData, totalsOf } from '../../src/pipeline/read.js';
import { figure } from '../engine/fixtures.js';

const folder = join(import.meta.dirname, '../../sample-data');
// The Sơn Hà district's commune lists (a post-reform sample set may sit beside them).
const files = readdirSync(folder).filter((name) => /^51-529-.*\.xlsx$/.test(name)).sort().map((name) => join(folder, name));
const definitions = loadDefinitions();
let imported: ImportResult;

beforeAll(async () => {
  imported = await readData(files);
}, 120_000);

const te0101 = (period: string, unit: string, codesAsOf?: string) => {
  const computed = computeStep(imported, { period: parsePeriod(period), ...(codesAsOf ? { codesAsOf } : {}) }, definitions);
  return { computed, value: figure(computed.output.result.results, 'TE-0101', unit) };
};

describe('the sample across the reform', () => {
  it('2025-H1: the province and the district (old units) agree', () => {
    const district = te0101('2025-H1', '529').value;
    expect(te0101('2025-H1', '51').value.numerator).toBe(district.numerator);
    expect(district.numerator).toBe(19_741);
  });

  it('2025-9M at the province: 19,443 children, none rejected while placed, none approximate', () => {
    const { computed, value } = te0101('2025-9M', '51');
    expect(value.numerator).toBe(19_443);
    expect(value.approximate).toBeUndefined();
    expect(computed.output.rejected.filter((row) => row.recordKind === 'children')).toEqual([]);
    // Every child accepted by the importer was read in the old codes and carried over.
    const childrenAccepted = imported.files.flatMap((file) => file.sheets).filter((sheet) => sheet.kind === 'children').reduce((sum, sheet) => sum + sheet.accepted, 0);
    expect(computed.output.result.placement).toEqual({ converted: childrenAccepted, approximate: 0, byVillage: 0, unplaced: [] });
  });

  it('2025-H2, 2025 and 2025-9M: without --codes-as-of the same as reading the codes as of 30/06/2025', () => {
    for (const period of ['2025-H2', '2025', '2025-9M']) {
      const told = te0101(period, '51').value.numerator;
      expect(told, period).toBe(te0101(period, '51', '2025-06-30').value.numerator);
    }
  });

  it('the accounting stays read = accepted + rejected and says what was converted', () => {
    const { computed } = te0101('2025', '51');
    const before = totalsOf(imported);
    const after = totalsOf({ files: [...computed.files] });
    expect(after.read).toBe(before.read);
    expect(after.accepted + after.rejected).toBe(after.read);
    expect(after.rejected - before.rejected).toBe(computed.output.rejected.length);
    const lines = accountingLines(computed.files, 'vi');
    expect(lines.some((line) => /mã xã theo danh mục trước 01\/07\/2025: [\d.]+ trẻ quy đổi sang xã mới/.test(line))).toBe(true);
  });
});
