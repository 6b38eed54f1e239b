/** Rows rejected while being placed on the units are part of read = accepted + rejected, per file and sheet. */
import { describe, expect, it } from 'vitest';
import type { FileAccount } from '../../src/import/index.js';
import { accountingLines } from '../../src/import/summary.js';
import type { RejectedRow } from '../../src/model/issues.js';
import { accountPlacement } from '../../src/pipeline/compute.js';
import { msg } from '../helpers/test-messages.js';

const sheet = (name: string, kind: 'children' | 'events', read: number, accepted: number) => ({ sheet: name, kind, headerRow: 1, read, accepted, rejected: read - accepted, totalsSkipped: 0 });
const files: FileAccount[] = [
  { file: 'xa.xlsx', path: '/x/xa.xlsx', sha256: '0', sheets: [sheet('TreEm', 'children', 2500, 2498), sheet('SuViec', 'events', 40, 40)], skippedSheets: [], read: 2540, accepted: 2538, rejected: 2 },
];
const rejectedAt = (sheetName: string, row: number): RejectedRow => ({
  source: { file: 'xa.xlsx', sheet: sheetName, row },
  recordKind: sheetName === 'TreEm' ? 'children' : 'events',
  issues: [{ kind: 'ambiguous_unit', column: 'Mã xã', value: '09552', message: msg('x', 'x') }],
  values: {},
});

describe('accounting with placement', () => {
  // 3 children and 1 event rejected while placed; 2,401 children converted, 12 of them approximately.
  const engineRejected = [rejectedAt('TreEm', 5), rejectedAt('TreEm', 6), rejectedAt('TreEm', 7), rejectedAt('SuViec', 3)];
  const placement = { sheets: [{ file: 'xa.xlsx', sheet: 'TreEm', vintage: 'pre' as const, placed: 2495, converted: 2401, approximate: 12, byVillage: 0, rejected: 3 }], unplaced: [{ code: '09552', children: 3 }] };
  const [account] = accountPlacement(files, engineRejected, placement);

  it('moves them from accepted to rejected, sheet by sheet and for the file', () => {
    // TreEm: 2,500 = (2,498 − 3) + (2 + 3); SuViec: 40 = (40 − 1) + (0 + 1); file: 2,540 = 2,534 + 6.
    expect(account!.sheets.map((s) => [s.read, s.accepted, s.rejected])).toEqual([
      [2500, 2495, 5],
      [40, 39, 1],
    ]);
    expect([account!.read, account!.accepted, account!.rejected]).toEqual([2540, 2534, 6]);
    // The import's own accounting is left as it was.
    expect(files[0]!.accepted).toBe(2538);
  });

  it('says what was converted and what was rejected while placed', () => {
    const lines = accountingLines([account!], 'vi');
    expect(lines[0]).toBe('xa.xlsx: đọc 2.540 dòng = 2.534 hợp lệ + 6 bị loại');
    expect(lines).toContain('      mã xã theo danh mục trước 01/07/2025: 2.401 trẻ quy đổi sang xã mới (12 trẻ của xã cũ bị chia, xếp gần đúng)');
    expect(lines).toContain('      3 dòng bị loại khi xếp vào đơn vị hành chính (đã tính trong số bị loại)');
    expect(accountingLines([account!], 'en')).toContain('      commune codes of the list before 1 July 2025: 2,401 children carried to the new communes (12 from split communes, placed approximately)');
  });
});
