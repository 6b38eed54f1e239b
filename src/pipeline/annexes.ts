/**
 * `aggregate`: the district's (or province's) report from the annex workbooks its communes
 * sent up. Workbooks of another period, of a unit outside the one asked for, of the same unit
 * twice, or of an unknown layout are refused (exit 2). The expected units that sent nothing
 * are listed, and their rows in the tables show "–".
 */
import { DOUBLE_COUNT_NOTE, combinedResult, sumAnnexes } from '../engine/index.js';
import { readAnnex } from '../import/index.js';
import type { Annex } from '../model/annex-contract.js';
import { pipelineText, ExitCode, UserError, type Message } from '../messages/index.js';
import { completenessWords, type Completeness, type NamedCommune } from '../report/completeness.js';
import type { ReportInput, UnitName } from '../report/index.js';

export { DOUBLE_COUNT_NOTE } from '../engine/index.js';
export { readAnnex } from '../import/index.js';
export type { Annex } from '../model/annex-contract.js';

export interface AggregateRequest {
  readonly paths: readonly string[];
  /** The unit to report on. */
  readonly unit: UnitName;
  readonly periodId: string;
  /** The units one level down that should have sent a workbook, in list order. */
  readonly expected: readonly UnitName[];
  /** Whether a unit code lies under `unit` (a commune of the district, …). */
  readonly isUnder: (code: string) => boolean;
  /**
   * The expected unit a unit code lies under, for annexes from further down (communes' annexes
   * summed into a province before the reform: their districts' rows are their sums).
   */
  readonly childOf?: (code: string) => string | undefined;
  readonly toolVersion: string;
  /** The communes of the unit at the period's end: what completeness is measured against. */
  readonly communes?: readonly NamedCommune[];
}

export interface AggregateOutcome {
  /** Ready for `createReport`. */
  readonly input: ReportInput;
  readonly annexes: readonly Annex[];
  /** Expected units without a workbook. */
  readonly missing: readonly UnitName[];
  readonly warnings: readonly Message[];
}

function check(annexes: readonly Annex[], request: AggregateRequest): void {
  const seen = new Map<string, string>();
  for (const annex of annexes) {
    const { info } = annex;
    if (info.period.id !== request.periodId) {
      throw new UserError(ExitCode.unreadableInput, pipelineText.annexOfOtherPeriod({ file: annex.file, period: info.period.id, expected: request.periodId }));
    }
    if (info.unitCode === request.unit.code || !request.isUnder(info.unitCode)) {
      throw new UserError(
        ExitCode.unreadableInput,
        pipelineText.annexOfUnitOutside({ file: annex.file, unitName: info.unitName, unitCode: info.unitCode, summedName: request.unit.fullName, summedCode: request.unit.code }),
      );
    }
    const earlier = seen.get(info.unitCode);
    if (earlier) {
      throw new UserError(ExitCode.unreadableInput, pipelineText.twoAnnexesOfOneUnit({ earlier, file: annex.file, unitName: info.unitName }));
    }
    seen.set(info.unitCode, annex.file);
  }
}

/** The communes whose data an annex holds: itself, or what it says it was made of. */
function communesOf(annex: Annex): readonly string[] {
  if (annex.info.level === 'commune') return [annex.info.unitCode];
  return annex.info.communesWithData ?? annex.info.subUnits;
}

function completenessOf(annexes: readonly Annex[], request: AggregateRequest, periodTo: string): Completeness | undefined {
  if (request.communes === undefined || request.unit.level === 'commune') return undefined;
  const withData = new Set(annexes.flatMap(communesOf));
  return {
    communes: request.communes.length,
    reporting: request.communes.filter((commune) => withData.has(commune.code)).map((commune) => commune.code),
    missing: request.communes.filter((commune) => !withData.has(commune.code)),
    ...completenessWords(request.unit, periodTo),
  };
}

/** The annexes of units further down, by the expected unit they lie under (that sent no annex of its own). */
function annexesBelow(annexes: readonly Annex[], request: AggregateRequest, byCode: ReadonlyMap<string, Annex>): Map<string, Annex[]> {
  const groups = new Map<string, Annex[]>();
  if (request.childOf === undefined) return groups;
  for (const annex of annexes) {
    if (request.expected.some((unit) => unit.code === annex.info.unitCode)) continue;
    const child = request.childOf(annex.info.unitCode);
    if (child === undefined || byCode.has(child)) continue;
    const group = groups.get(child);
    if (group) group.push(annex);
    else groups.set(child, [annex]);
  }
  return groups;
}

export async function aggregateAnnexes(request: AggregateRequest): Promise<AggregateOutcome> {
  const annexes: Annex[] = [];
  for (const path of request.paths) annexes.push(await readAnnex(path));
  // By unit code, then file: the summed report must not depend on the order the files were given in.
  annexes.sort((a, b) => (a.info.unitCode < b.info.unitCode ? -1 : a.info.unitCode > b.info.unitCode ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (annexes.length === 0) {
    throw new UserError(ExitCode.usage, pipelineText.noAnnexGiven());
  }
  check(annexes, request);
  const warnings: Message[] = [];
  const period = annexes[0]!.info.period;
  const current = sumAnnexes(annexes, request.unit, (annex) => annex.rows);
  warnings.push(...current.warnings);

  const baselineIds = new Set(annexes.map((annex) => annex.info.baseline?.id ?? ''));
  const baselinePeriod = baselineIds.size === 1 && !baselineIds.has('') ? annexes[0]!.info.baseline : undefined;
  if (!baselinePeriod && [...baselineIds].some((id) => id !== '')) {
    warnings.push(
      pipelineText.baselineNotInEveryAnnex(),
    );
  }
  const previous = baselinePeriod ? sumAnnexes(annexes, request.unit, (annex) => annex.baselineRows) : undefined;

  const byCode = new Map(annexes.map((annex) => [annex.info.unitCode, annex]));
  const below = annexesBelow(annexes, request, byCode);
  const missing = request.expected.filter((unit) => !byCode.has(unit.code) && !below.has(unit.code));
  const belowRows = (pick: (annex: Annex) => Annex['rows']) =>
    [...below].flatMap(([code, group]) => sumAnnexes(group, request.expected.find((unit) => unit.code === code)!, pick).rows);
  const extra: UnitName[] = annexes
    .filter((annex) => !request.expected.some((unit) => unit.code === annex.info.unitCode) && ![...below.values()].some((group) => group.includes(annex)))
    .map((annex) => ({ code: annex.info.unitCode, fullName: annex.info.unitName, level: annex.info.level }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const ownRows = (pick: (annex: Annex) => Annex['rows']) =>
    annexes.flatMap((annex) => pick(annex).filter((row) => row.unit === annex.info.unitCode));
  const catalogueVersions = [...new Set(annexes.map((annex) => annex.info.catalogueVersion).filter((v): v is string => v !== undefined))];

  const completeness = completenessOf(annexes, request, period.to);
  const input: ReportInput = {
    result: combinedResult(period, current.rows, [...ownRows((annex) => annex.rows), ...belowRows((annex) => annex.rows)]),
    ...(baselinePeriod && previous
      ? { baseline: combinedResult(baselinePeriod, previous.rows, [...ownRows((annex) => annex.baselineRows), ...belowRows((annex) => annex.baselineRows)]) }
      : {}),
    unit: request.unit,
    subUnits: [...request.expected, ...extra],
    indicatorFactors: current.factors,
    facts: annexes.flatMap((annex) => annex.facts),
    sources: annexes.map((annex) => ({
      file: annex.file,
      read: annex.rows.length + annex.baselineRows.length,
      accepted: annex.rows.length + annex.baselineRows.length,
      rejected: 0,
      sha256: annex.sha256,
    })),
    ...(catalogueVersions.length > 0 ? { catalogueVersion: catalogueVersions.join(', ') } : {}),
    toolVersion: request.toolVersion,
    origin: 'aggregate',
    extraNotes: [DOUBLE_COUNT_NOTE.vi],
    ...(completeness ? { completeness } : {}),
  };
  return { input, annexes, missing, warnings };
}
