/**
 * Small hand-made records for engine tests. Every field not given takes a neutral default:
 * an active child in Sơn Hà (pre-reform commune 21289, district 529, province 51), registered,
 * insured, no special circumstances; events of type TNTT with no outcome.
 */
import type { Child, ChildEvent, CommuneFacts } from '../../src/model/records.js';
import { datasetOf, type Dataset } from '../../src/model/record-columns.js';
import type { BreakdownKey, IndicatorResult } from '../../src/model/results.js';
import { levelOfCode } from '../../src/model/levels.js';

let row = 1;
const source = (sheet: string) => ({ file: 'test.xlsx', sheet, row: ++row });

export function child(childId: string, fields: Partial<Child> = {}): Child {
  return {
    childId,
    fullName: `Trẻ ${childId}`,
    dateOfBirth: '2015-01-01',
    sex: 'NAM',
    provinceCode: '51',
    communeCode: '21289',
    birthRegistered: true,
    hasHealthInsurance: true,
    specialGroups: [],
    riskGroups: [],
    supportForms: [],
    status: 'ACTIVE',
    source: source('TreEm'),
    ...fields,
  };
}

export function event(caseId: string, childId: string, fields: Partial<ChildEvent> = {}): ChildEvent {
  return {
    caseId,
    childId,
    communeCode: '21289',
    eventType: 'TNTT',
    eventDate: '2025-03-01',
    abuseForms: [],
    interventions: [],
    source: source('SuViec'),
    ...fields,
  };
}

export function facts(communeCode: string, periodId: string, fields: Partial<CommuneFacts> = {}): CommuneFacts {
  return { communeCode, periodId, source: source('ThongTinXa'), ...fields };
}

/** The engine's input (columns) from plain records. */
export function dataset(parts: { children?: readonly Child[]; events?: readonly ChildEvent[]; communeFacts?: readonly CommuneFacts[] }): Dataset {
  return datasetOf(parts);
}

/** The result row of an indicator at a unit (level told by the code: length, or VN) and breakdown. */
export function figure(
  results: readonly IndicatorResult[],
  indicator: string,
  unit: string,
  breakdown: Partial<Record<BreakdownKey, string>> = {},
): IndicatorResult {
  const level = levelOfCode(unit);
  const found = results.filter(
    (row) =>
      row.indicator === indicator &&
      row.unit === unit &&
      row.level === level &&
      JSON.stringify(row.breakdown) === JSON.stringify(breakdown),
  );
  if (found.length !== 1) throw new Error(`${found.length} rows for ${indicator} ${unit} ${JSON.stringify(breakdown)}`);
  return found[0]!;
}

/** numerator / denominator / value of a row, for compact assertions. */
export const ndv = (row: IndicatorResult) => [row.numerator, row.denominator, row.value];
