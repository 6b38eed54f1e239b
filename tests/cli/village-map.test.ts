/**
 * A split old commune from a child list to exact figures: `inspect --draft-village-map` lists its
 * villages with the candidate new communes; filled in, `--village-map` places them exactly.
 * Old Phường Phú La (09552, Quận Hà Đông 268) went partly to Kiến Hưng 09552 (which kept the
 * code) and partly to Dương Nội 09886.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComputeResult } from '../../src/model/results.js';
import { ExitCode } from '../../src/messages/index.js';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, childRow, tempDir, writeWorkbook } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-village-map-');
const phuLa = (id: string, village: string | null, n: number) =>
  childRow({ STT: n, 'Mã trẻ em': id, 'Số định danh cá nhân': null, 'Mã tỉnh': '01', 'Mã huyện': '268', 'Mã xã': '09552', 'Thôn/Tổ dân phố': village });

describe('village maps on the command line', () => {
  it('drafts the map from a file, and the filled map makes the figures exact', async () => {
    // TDP 1: 2 children, TDP 7: 1, no village: 1.
    const data = await writeWorkbook(join(dir, 'phu-la.xlsx'), [
      { name: 'TreEm', rows: [CHILD_HEADERS, phuLa('P1', 'Tổ dân phố 1', 1), phuLa('P2', 'Tổ dân phố 1', 2), phuLa('P3', 'Tổ dân phố 7', 3), phuLa('P4', null, 4)] },
    ]);
    const draft = join(dir, 'ban-do.csv');
    const drafted = await runCli('inspect', data, '--draft-village-map', draft);
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain('2 thôn của 1 xã cũ bị chia');
    expect(drafted.stdout).toContain('1 trẻ của các xã này không ghi thôn');
    const lines = readFileSync(draft, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toEqual([
      'Mã xã cũ,Tên xã cũ,Thôn/Tổ dân phố,Số trẻ,Mã xã mới,Các xã mới nhận phần của xã cũ (xã đầu tiên: xã được chọn khi không có bản đồ)',
      '09552,Phường Phú La,Tổ dân phố 1,2,,09552 Phường Kiến Hưng | 09886 Phường Dương Nội',
      '09552,Phường Phú La,Tổ dân phố 7,1,,09552 Phường Kiến Hưng | 09886 Phường Dương Nội',
    ]);

    // Without the map: all 4 in Kiến Hưng, approximate, and the terminal says how many.
    const before = join(dir, 'truoc.json');
    const plain = await runCli('compute', data, '--period', '2025', '--out', before);
    expect(plain.stderr).toContain('4 trẻ em của xã cũ bị chia');
    const approximate = ComputeResult.parse(JSON.parse(readFileSync(before, 'utf8')));
    expect(approximate.placement).toEqual({ converted: 4, approximate: 4, byVillage: 0, unplaced: [] });

    // Filled in: TDP 1 stays in Kiến Hưng, TDP 7 went to Dương Nội. P4 (no village) stays approximate.
    writeFileSync(draft, readFileSync(draft, 'utf8').replace('Tổ dân phố 1,2,,', 'Tổ dân phố 1,2,09552,').replace('Tổ dân phố 7,1,,', 'Tổ dân phố 7,1,09886,'));
    const after = join(dir, 'sau.json');
    const mapped = await runCli('compute', data, '--period', '2025', '--village-map', draft, '--out', after);
    expect(mapped.code).toBe(0);
    const exact = ComputeResult.parse(JSON.parse(readFileSync(after, 'utf8')));
    expect(exact.placement).toEqual({ converted: 4, approximate: 1, byVillage: 3, unplaced: [] });
    const total = (unit: string) => exact.results.find((row) => row.indicator === 'TE-0101' && row.unit === unit && Object.keys(row.breakdown).length === 0);
    // Kiến Hưng: P1, P2 (mapped) + P4 (approximate) = 3; Dương Nội: P3 = 1, exact.
    expect(total('09552')).toMatchObject({ numerator: 3, approximate: true });
    expect(total('09886')?.numerator).toBe(1);
    expect(total('09886')?.approximate).toBeUndefined();
  });

  it('a bad map is exit 4, naming the file and the line', async () => {
    const data = await writeWorkbook(join(dir, 'phu-la-2.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, phuLa('P1', 'Tổ dân phố 1', 1)] }]);
    const bad = join(dir, 'sai.csv');
    writeFileSync(bad, 'Mã xã cũ,Thôn/Tổ dân phố,Mã xã mới\n09552,Tổ dân phố 1,21289\n');
    const run = await runCli('report', data, '--period', '2025', '--unit', '01', '--village-map', bad, '--out', dir);
    expect(run.code).toBe(ExitCode.invalidDefinition);
    expect(run.stderr).toContain('sai.csv, dòng 2');
  });
});
