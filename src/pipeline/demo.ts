/**
 * The demo's steps on the synthetic data of huyện Sơn Hà (sample-data/): the district's
 * six-month report from all the records, one annex per commune from its own records, and the
 * check that those annexes sum back to the district's figures. `chitieu demo` writes what
 * these return; the page's sample button uses the same paths.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePeriod } from '../engine/index.js';
import type { ImportResult } from '../import/index.js';
import type { TargetPlan } from '../indicators/index.js';
import { pipelineText, ExitCode, UserError, type Message } from '../messages/index.js';
import { filesOf, rowsWithCode, selectChildren, selectEvents } from '../model/record-columns.js';
import type { Dataset } from '../model/record-columns.js';
import type { ComputeResult, IndicatorResult } from '../model/results.js';
import type { AggregateOutcome } from './annexes.js';
import type { UnitName } from '../report/index.js';
import { createAnnex } from '../output/report.js';
import { breakdownId } from '../model/results.js';
import { computeStep, loadDefinitions, type Computed, type Definitions } from './compute.js';
import type { OnPipelineEvent } from './events.js';
import { loadTargets } from './load.js';
import { bornBy, readData } from './read.js';
import { loadReportOptions, reportInputFor, reportStep, type LoadedReportOptions, type UnitReport } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO = {
  samples: join(ROOT, 'sample-data'),
  targets: join(ROOT, 'targets', 'ke-hoach-003-phu-la-2025.yaml'),
  settings: join(ROOT, 'settings', 'huyen-son-ha.yaml'),
  narrative: join(ROOT, 'settings', 'noi-dung-mau.yaml'),
  unit: '529',
  period: '2025-H1',
} as const;

/**
 * Today's demo (the default): the post-reform sample (sample-data/quang-ngai-2026, made by
 * `npm run sample`), the first half of 2026 against the first half of 2025 across the reform,
 * for the new commune Xã Sơn Hà (formed from Thị trấn Di Lăng, Xã Sơn Bao and Xã Sơn Thượng)
 * and for the province, whose communes are directly under it.
 */
export const DEMO_2026 = {
  samples: join(ROOT, 'sample-data', 'quang-ngai-2026'),
  targets: join(ROOT, 'targets', 'chi-tieu-mau-2026.yaml'),
  period: '2026-H1',
  commune: {
    unit: '21289',
    settings: join(ROOT, 'settings', 'xa-son-ha-2026.yaml'),
    narrative: join(ROOT, 'settings', 'noi-dung-mau-xa-2026.yaml'),
  },
  province: {
    unit: '51',
    settings: join(ROOT, 'settings', 'tinh-quang-ngai-2026.yaml'),
    narrative: join(ROOT, 'settings', 'noi-dung-mau-tinh-2026.yaml'),
  },
} as const;

/** The demo scenarios `chitieu demo --scenario` knows, today's first. */
export const DEMO_SCENARIOS = ['2026', '2025-district'] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

export interface TodayRun {
  readonly imported: ImportResult;
  readonly computed: Computed;
  readonly commune: UnitReport;
  readonly province: UnitReport;
}

/**
 * Today's reports from one reading of the files and one computation up to the province (with the
 * sample targets and the same half of 2025 from the same records): the commune's and the
 * province's, each with its own settings and narrative.
 */
export async function todayReports(paths: readonly string[], suppress?: number, onEvent?: OnPipelineEvent): Promise<TodayRun> {
  const definitions = loadDefinitions();
  const plan = loadTargets(DEMO_2026.targets, definitions.catalogue);
  const options = (files: { settings: string; narrative: string }): LoadedReportOptions =>
    loadReportOptions({ ...files, ...(suppress !== undefined ? { suppress } : {}) });
  const communeOptions = options(DEMO_2026.commune);
  const provinceOptions = options(DEMO_2026.province);
  const period = parsePeriod(DEMO_2026.period, definitions.presets);
  const imported = await readData(paths, { ...bornBy(period), ...(onEvent ? { onEvent } : {}) });
  const computed = computeStep(imported, { period, level: 'province', plan, baseline: 'records' }, definitions, onEvent);
  const province = await reportStep(DEMO_2026.province.unit, imported, computed, definitions, provinceOptions);
  const commune = await reportStep(DEMO_2026.commune.unit, imported, computed, definitions, communeOptions);
  return { imported, computed, commune, province };
}

/** The sample workbooks, or a message saying how to make them. */
export function sampleFiles(samples: string = DEMO.samples): string[] {
  const files = existsSync(samples) ? readdirSync(samples).filter((name) => name.endsWith('.xlsx')).sort() : [];
  if (files.length === 0) {
    throw new UserError(
      ExitCode.unreadableInput,
      pipelineText.noSampleData({ samples }),
    );
  }
  return files.map((name) => join(samples, name));
}

export interface DemoSetup {
  readonly definitions: Definitions;
  readonly plan: TargetPlan;
  readonly loaded: LoadedReportOptions;
}

export function demoSetup(suppress?: number): DemoSetup {
  const definitions = loadDefinitions();
  return {
    definitions,
    plan: loadTargets(DEMO.targets, definitions.catalogue),
    loaded: loadReportOptions({ settings: DEMO.settings, narrative: DEMO.narrative, ...(suppress !== undefined ? { suppress } : {}) }),
  };
}

export interface DistrictRun {
  readonly imported: ImportResult;
  readonly computed: Computed;
  readonly report: UnitReport;
}

/** Step 1: the district report, computed from all the communes' records. */
export async function districtReport(paths: readonly string[], setup: DemoSetup, onEvent?: OnPipelineEvent): Promise<DistrictRun> {
  const period = parsePeriod(DEMO.period, setup.definitions.presets);
  const imported = await readData(paths, { ...bornBy(period), ...(onEvent ? { onEvent } : {}) });
  const computed = computeStep(imported, { period, level: 'district', plan: setup.plan, baseline: 'records' }, setup.definitions, onEvent);
  const report = await reportStep(DEMO.unit, imported, computed, setup.definitions, setup.loaded, onEvent ? { onEvent } : {});
  return { imported, computed, report };
}

export interface CommuneAnnex {
  readonly unit: UnitName;
  readonly xlsx: Buffer;
}

/**
 * Step 2: each commune's annex, from its own records. They come from the district's reading of
 * all the files, so a child already rejected there as a duplicate of another commune's child
 * (sample error E05) is not counted twice: the check of step 3 can then ask for equality.
 */
export async function communeAnnexes(district: DistrictRun, setup: DemoSetup): Promise<CommuneAnnex[]> {
  const period = district.computed.output.period;
  const { reportDate } = setup.loaded.settings ?? {};
  const communeSettings = reportDate ? { settings: { numberPattern: '{number}/BC-UBND', fontSize: 14 as const, reportDate } } : {};
  const dataset = district.imported.dataset;
  const annexes: CommuneAnnex[] = [];
  for (const commune of district.report.subUnits) {
    const own: Dataset = {
      children: selectChildren(dataset.children, rowsWithCode(dataset.children.fields.communeCode, commune.code)),
      events: selectEvents(dataset.events, rowsWithCode(dataset.events.fields.communeCode, commune.code)),
      communeFacts: dataset.communeFacts.filter((record) => record.communeCode === commune.code),
    };
    if (own.children.length === 0 && own.events.length === 0) continue;
    const files = new Set([...filesOf(own.children), ...filesOf(own.events), ...own.communeFacts.map((record) => record.source.file)]);
    const imported = { dataset: own, files: district.imported.files.filter((file) => files.has(file.file)), rejected: [], warnings: [], unreadable: [] };
    const computed = computeStep(imported, { period, level: 'commune', plan: setup.plan, baseline: 'records' }, setup.definitions);
    const input = reportInputFor(commune, [], computed.output, imported, setup.definitions);
    annexes.push({ unit: commune, xlsx: await createAnnex(input, communeSettings) });
  }
  return annexes;
}

/** Child rows rejected as repeating another commune's child when all files were read together. */
export function duplicateChildren(imported: ImportResult): number {
  return imported.rejected.filter((row) => row.issues.some((issue) => issue.kind === 'duplicate_child')).length;
}

const fraction = (row: IndicatorResult) => ({ numerator: row.numerator, denominator: row.denominator });

/** Rows of one unit where compute and aggregate disagree, as lines to print. */
export function differences(unit: string, computed: readonly IndicatorResult[], summed: readonly IndicatorResult[]): Message[] {
  const key = (row: IndicatorResult) => `${row.indicator} {${breakdownId(row.breakdown)}}`;
  const mine = new Map(summed.filter((row) => row.unit === unit).map((row) => [key(row), row]));
  const lines: Message[] = [];
  for (const row of computed.filter((r) => r.unit === unit)) {
    const other = mine.get(key(row));
    mine.delete(key(row));
    const same =
      other !== undefined &&
      other.numerator === row.numerator &&
      other.denominator === row.denominator &&
      (other.value === row.value || (other.value !== null && row.value !== null && Math.abs(other.value - row.value) < 1e-9));
    if (!same) lines.push(pipelineText.demoDifference({ key: key(row), computed: fraction(row), summed: other ? fraction(other) : null }));
  }
  for (const [k, row] of mine) lines.push(pipelineText.demoDifference({ key: k, computed: null, summed: fraction(row) }));
  return lines;
}

export interface DemoCheck {
  readonly differences: readonly Message[];
  readonly targetsAgree: boolean;
  /** Result rows of the district this period. */
  readonly rows: number;
}

/** Step 3's check: the summed annexes against the district's figures computed from the records. */
export function checkSum(district: DistrictRun, outcome: AggregateOutcome): DemoCheck {
  const unit = district.report.unit.code;
  const { result, baselineResult } = district.computed.output;
  const diff = [
    ...differences(unit, result.results, outcome.input.result.results),
    ...(baselineResult && outcome.input.baseline ? differences(unit, baselineResult.results, outcome.input.baseline.results) : []),
  ];
  const statuses = (targets: ComputeResult['targets']) =>
    targets
      .filter((t) => t.unit === unit)
      .map((t) => `${t.indicator}:${t.status}`)
      .sort()
      .join(',');
  return {
    differences: diff,
    targetsAgree: statuses(result.targets) === statuses(outcome.input.result.targets),
    rows: result.results.filter((row) => row.unit === unit).length,
  };
}
