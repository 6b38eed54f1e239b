/**
 * `npm run demo` (chitieu demo, today's scenario): the 2026-H1 reports of the new commune Xã Sơn
 * Hà and of Quảng Ngãi province from the committed post-reform sample, read back.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/engine/index.js';
import type { IndicatorResult } from '../../src/model/results.js';
import { computeStep, loadDefinitions, type Computed } from '../../src/pipeline/compute.js';
import { DEMO_2026, sampleFiles } from '../../src/pipeline/demo.js';
import { loadTargets } from '../../src/pipeline/load.js';
import { readData } from '../../src/pipeline/read.js';
import { readAnnex } from '../../src/report/aggregate/index.js';
import { formatNumber } from '../../src/report/format-vi.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { paragraphs, zipEntries } from './read-back.js';

const haveSample = existsSync(join(DEMO_2026.samples, 'README.md'));
let out: string;
let ran: CliRun;
let computed: Computed;

beforeAll(async () => {
  if (!haveSample) return;
  out = join(mkdtempSync(join(tmpdir(), 'chitieu-demo-2026-')), 'demo');
  ran = await runCli('demo', '--out', out);
  // The same figures computed here, as `chitieu compute --level province --baseline records` would.
  const definitions = loadDefinitions();
  const imported = await readData(sampleFiles(DEMO_2026.samples));
  const plan = loadTargets(DEMO_2026.targets, definitions.catalogue);
  computed = computeStep(imported, { period: parsePeriod('2026-H1'), level: 'province', plan, baseline: 'records' }, definitions);
}, 240_000);

async function docxText(file: string): Promise<string[]> {
  const entries = await zipEntries(readFileSync(join(out, file)));
  return paragraphs(entries['word/document.xml']!);
}

/** The lines after "Nơi nhận:" in the signature block. */
function recipients(text: readonly string[]): string[] {
  const start = text.indexOf('Nơi nhận:');
  return start < 0 ? [] : text.slice(start + 1, start + 10).filter((line) => line.startsWith('-'));
}

const totalRow = (rows: readonly IndicatorResult[], indicator: string, unit: string): IndicatorResult | undefined =>
  rows.find((row) => row.indicator === indicator && row.unit === unit && Object.keys(row.breakdown).length === 0);

describe.runIf(haveSample)('chitieu demo (today: 2026-H1 across the reform)', () => {
  it('writes the commune\'s and the province\'s DOCX and XLSX', () => {
    expect(ran.code, ran.stderr).toBe(0);
    for (const file of ['bao-cao-21289-2026-H1.docx', 'bao-cao-21289-2026-H1.xlsx', 'bao-cao-51-2026-H1.docx', 'bao-cao-51-2026-H1.xlsx']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(ran.stdout).toContain('1. Báo cáo của Xã Sơn Hà');
    // The lists of 2025 carry the old codes: the run says they were carried to the new communes.
    expect(ran.stdout).toMatch(/mã xã theo danh mục trước 01\/07\/2025: [\d.]+ trẻ quy đổi sang xã mới/);
    expect(ran.stdout).toContain('2. Báo cáo của Tỉnh Quảng Ngãi');
  });

  it('issues the commune\'s report from ỦY BAN NHÂN DÂN XÃ SƠN HÀ to the province through Sở Y tế, with no LĐTBXH', async () => {
    const text = await docxText('bao-cao-21289-2026-H1.docx');
    expect(text.slice(0, 6)).toEqual(expect.arrayContaining(['ỦY BAN NHÂN DÂN', 'XÃ SƠN HÀ']));
    // Not in settings/xa-son-ha-2026.yaml: the default for a commune after the reform.
    expect(text).toContain('Kính gửi: UBND tỉnh Quảng Ngãi (qua Sở Y tế).');
    expect(text.some((line) => line.startsWith('Sơn Hà, ngày 06 tháng 7 năm 2026'))).toBe(true);
    const to = recipients(text);
    expect(to).toContain('- Lưu: VT, VHXH.');
    expect(to.join(' ')).not.toContain('LĐTBXH');
    expect(text.join(' ')).not.toMatch(/huyện Sơn Hà(?! \(cũ\)|\))/);
  });

  it('issues the province\'s report from ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI to Bộ Y tế, with no LĐTBXH', async () => {
    const text = await docxText('bao-cao-51-2026-H1.docx');
    expect(text.slice(0, 6)).toEqual(expect.arrayContaining(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI']));
    expect(text).toContain('Kính gửi: Bộ Y tế (Cục Bà mẹ và Trẻ em).');
    const to = recipients(text);
    expect(to).toContain('- Sở Y tế;');
    expect(to.join(' ')).not.toContain('LĐTBXH');
  });

  it('writes in each annex the figures compute gives, this half-year and the same half of 2025', async () => {
    const { result, baselineResult } = computed.output;
    for (const unit of ['21289', '51']) {
      const annex = await readAnnex(join(out, `bao-cao-${unit}-2026-H1.xlsx`));
      expect(annex.info.unitCode).toBe(unit);
      expect(annex.info.unitName).toBe(unit === '51' ? 'Tỉnh Quảng Ngãi' : 'Xã Sơn Hà');
      expect(annex.info.period.id).toBe('2026-H1');
      expect(annex.info.baseline?.id).toBe('2025-H1');
      for (const indicator of ['TE-0101', 'TE-0104', 'TE-0304', 'TE-0305', 'XH-0101']) {
        const want = totalRow(result.results, indicator, unit);
        const got = totalRow(annex.rows, indicator, unit);
        expect([got?.numerator, got?.denominator], `${unit} ${indicator}`).toEqual([want?.numerator, want?.denominator]);
        const wantBefore = totalRow(baselineResult!.results, indicator, unit);
        const gotBefore = totalRow(annex.baselineRows, indicator, unit);
        expect([gotBefore?.numerator, gotBefore?.denominator], `${unit} ${indicator} 2025-H1`).toEqual([wantBefore?.numerator, wantBefore?.denominator]);
      }
      // The DOCX states the unit's number of children as compute counts it.
      const children = totalRow(result.results, 'TE-0101', unit)!.numerator!;
      const text = (await docxText(`bao-cao-${unit}-2026-H1.docx`)).join('\n');
      expect(text).toContain(formatNumber(children));
    }
  });

  it('places every child of the old lists in its new commune: the README\'s true totals, both halves', async () => {
    // sample-data/quang-ngai-2026/README.md, "Xã Sơn Hà (21289)" and "Cả 5 xã mới": TE-0101 at
    // 30/06/2026 and at 30/06/2025; 2 injury deaths against 3 over the five communes.
    const expected: Record<string, readonly [number, number]> = { '21289': [4_139, 4_124], '51': [19_809, 19_741] };
    for (const [unit, [now, before]] of Object.entries(expected)) {
      const annex = await readAnnex(join(out, `bao-cao-${unit}-2026-H1.xlsx`));
      expect([totalRow(annex.rows, 'TE-0101', unit)?.numerator, totalRow(annex.baselineRows, 'TE-0101', unit)?.numerator], unit).toEqual([now, before]);
    }
    const province = await readAnnex(join(out, 'bao-cao-51-2026-H1.xlsx'));
    expect([totalRow(province.rows, 'TE-0305', '51')?.numerator, totalRow(province.baselineRows, 'TE-0305', '51')?.numerator]).toEqual([2, 3]);
  });
});
