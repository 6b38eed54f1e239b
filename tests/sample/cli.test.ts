import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('chitieu sample', () => {
  it('writes the first N communes and a README into --out, and says what it wrote', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'chitieu-sample-cli-')), 'nested', 'out');
    const ran = await runCli('sample', '--out', dir, '--seed', '3', '--communes', '2');
    const lines = ran.stdout.split('\n');
    expect(ran.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '51-529-21289-thi-tran-di-lang.xlsx',
      '51-529-21292-xa-son-ha.xlsx',
      'README.md',
    ]);
    expect(lines.at(-1)).toMatch(/^Đã ghi 2 tệp mẫu và README\.md .*seed 3/);
    // No personal data on the terminal: only paths and counts.
    expect(lines.join('\n')).not.toMatch(/Đinh (Văn|Thị)/);
  });

  it('writes the workbooks of the bundled profiles\' layouts into khac/ with --other-layouts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-sample-cli-'));
    const ran = await runCli('sample', '--out', dir, '--communes', '2', '--other-layouts');
    expect(ran.code).toBe(0);
    expect(readdirSync(join(dir, 'khac')).sort()).toEqual(['README.md', 'mau-tieng-anh-huyen-21289.xlsx', 'so-theo-doi-cua-xa-21292.xlsx']);
  });

  it('speaks English with --lang en', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-sample-cli-'));
    const lines = (await runCli('--lang', 'en', 'sample', '--out', dir, '--communes', '1')).stdout.split('\n');
    expect(lines.at(-1)).toMatch(/^Wrote 1 sample workbooks and README\.md .*seed 2025/);
    expect(existsSync(join(dir, '51-529-21289-thi-tran-di-lang.xlsx'))).toBe(true);
  });

  it('writes today\'s set with --post-reform: 2025 exports, mixed and 2026 workbooks, and a README', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-sample-cli-'));
    const ran = await runCli('sample', '--out', dir, '--post-reform', '--seed', '3');
    expect(ran.code, ran.stderr).toBe(0);
    const names = readdirSync(dir).sort();
    // 3 mixed workbooks + 5 old communes' 2025 exports + 2 workbooks of 2026 + README.
    expect(names).toHaveLength(11);
    expect(names.filter((name) => name.startsWith('2025-51-529-'))).toHaveLength(5);
    expect(names).toContain('2026-51-21289-xa-son-ha.xlsx');
    expect(ran.stdout.split('\n').at(-1)).toMatch(/^Đã ghi 10 tệp mẫu sau sắp xếp và README\.md .*seed 3: 5 xã mới \(Xã Sơn Hà, Xã Sơn Hạ, Xã Sơn Linh, Xã Sơn Thuỷ, Xã Sơn Kỳ\)/);
  }, 60_000);

  it('rejects bad options with exit code 1 and a one-line message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-sample-cli-'));
    for (const args of [
      ['sample'],
      ['sample', '--out', dir, '--seed', 'abc'],
      ['sample', '--out', dir, '--seed', '-1'],
      ['sample', '--out', dir, '--seed', '99999999999'],
      ['sample', '--out', dir, '--communes', '0'],
      ['sample', '--out', dir, '--communes', '15'],
      ['sample', '--out', dir, '--communes', '2.5'],
      ['sample', '--out', dir, '--post-reform', '--communes', '2'],
      ['sample', '--out', dir, '--post-reform', '--other-layouts'],
      ['demo', '--out', dir, '--scenario', '2024-district'],
    ]) {
      for (const lang of ['vi', 'en']) {
        const ran = await runCli('--lang', lang, ...args);
        expect(ran.code, args.join(' ')).toBe(1);
        expect(ran.stderr, args.join(' ')).not.toContain('\n');
      }
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
