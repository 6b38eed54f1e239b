/**
 * Why a figure is what it is: the rule, numerator, denominator, value, and the record keys
 * (Mã trẻ em, Mã vụ việc, Mã xã) behind each count. Keys come from the very contributions the
 * figure was counted from; names and personal IDs are never part of them.
 */
import { op } from 'arquero';
import type { Measure } from '../indicators/schema.js';
import { CHILD_PROPERTY_BREAKDOWNS, type Catalogue, type IndicatorDefinition } from '../indicators/schema.js';
import type { RejectedRow } from '../model/issues.js';
import { engineText, ExitCode, UserError, type Message } from '../messages/index.js';
import type { BreakdownKey, IndicatorResult } from '../model/results.js';
import { levelOfCode, type Level } from '../model/levels.js';
import { indicatorResults, type Run } from './compute.js';
import { describeMeasure, describeRule } from './describe.js';
import { contributions, countedColumn } from './measure.js';
import { eraAt } from '../units/index.js';
import type { Period } from './period.js';
import { runFor, setUp, type RunOptions } from './setup.js';

export interface ExplainInput extends RunOptions {
  readonly catalogue: Catalogue;
  readonly indicator: string;
  /** A commune (5 digits), district (3) or province (2) code valid at R. */
  readonly unit: string;
  readonly breakdown?: Partial<Record<BreakdownKey, string>>;
}

export interface RecordKeys {
  /** What the keys are: Mã trẻ em, Mã vụ việc or Mã xã. */
  readonly kind: 'children' | 'cases' | 'communes';
  readonly keys: readonly string[];
  /** Sums of fines: the amount taken for each case. */
  readonly amounts?: readonly { readonly key: string; readonly amount: number }[];
}

export interface Explanation {
  readonly definition: IndicatorDefinition;
  readonly period: Period;
  readonly level: Level;
  readonly row: IndicatorResult;
  readonly rule: Message;
  readonly numeratorRule: Message;
  readonly denominatorRule?: Message;
  readonly numerator: RecordKeys;
  readonly denominator?: RecordKeys;
  readonly rejected: readonly RejectedRow[];
}

function usage(message: Message): UserError {
  return new UserError(ExitCode.usage, message);
}

/** The breakdown entry of the definition with exactly these keys, and the values in its order. */
function matchBreakdown(definition: IndicatorDefinition, asked: Partial<Record<BreakdownKey, string>>): { keys: BreakdownKey[]; values: string[] } {
  const askedKeys = Object.keys(asked) as BreakdownKey[];
  if (askedKeys.length === 0) return { keys: [], values: [] };
  const entry = definition.breakdowns.find((keys) => keys.length === askedKeys.length && keys.every((key) => askedKeys.includes(key)));
  if (entry === undefined) {
    const known = definition.breakdowns.map((keys) => keys.join('+')).join(', ') || '–';
    throw usage(engineText.breakdownNotDefined({ code: definition.code, asked: askedKeys.join('+'), known }));
  }
  return { keys: [...entry], values: entry.map((key) => asked[key]!) };
}

function keyKind(measure: Measure): RecordKeys['kind'] {
  if (measure.count === 'cases' || measure.sum === 'fineAmount') return 'cases';
  if (measure.count === 'communes' || measure.of === 'communeFacts') return 'communes';
  return 'children';
}

function recordKeys(run: Run, measure: Measure, level: Level, unit: string, keys: readonly BreakdownKey[], values: readonly string[]): RecordKeys {
  const { table, columns } = contributions(run.prepared, measure, keys);
  const params: Record<string, string> = { unit };
  const parts = [`d.${level} === $.unit`];
  values.forEach((value, index) => {
    params[`v${index}`] = value;
    parts.push(`d.${columns[index]!} === $.v${index}`);
  });
  const rows = table.params(params).filter(parts.join(' && '));
  const column = countedColumn(measure);
  const kind = keyKind(measure);
  if (measure.sum === 'fineAmount') {
    const cases = rows
      .filter('d.fine != null')
      .groupby('caseId')
      .rollup({ amount: op.max('fine') })
      .orderby('caseId');
    const caseIds = cases.array('caseId') as string[];
    const amounts = cases.array('amount') as number[];
    return { kind, keys: caseIds, amounts: caseIds.map((key, index) => ({ key, amount: amounts[index]! })) };
  }
  const distinct = [...new Set(rows.array(column) as string[])].sort();
  return { kind, keys: distinct };
}

export function explainFigure(input: ExplainInput): Explanation {
  const definition = input.catalogue.get(input.indicator.toUpperCase());
  if (definition === undefined) {
    throw usage(engineText.indicatorUnknown({ indicator: input.indicator }));
  }
  const level = levelOfCode(input.unit);
  if (level === undefined) {
    throw usage(engineText.unitCodeNotValid({ unit: input.unit }));
  }
  if (level === 'district' && eraAt(input.period.to) === 'post') {
    throw usage(engineText.districtAfterReform({ unit: input.unit, to: input.period.to }));
  }
  const setup = setUp({ ...input, level });
  const run = runFor(setup, input, input.period);
  const { keys, values } = matchBreakdown(definition, input.breakdown ?? {});
  const rows = indicatorResults(run, definition).filter((row) => row.level === level && row.unit === input.unit);
  if (rows.length === 0) {
    throw usage(engineText.unitHasNoRows({ unit: input.unit, period: input.period.id }));
  }
  const row = rows.find((candidate) => {
    const rowKeys = Object.keys(candidate.breakdown) as BreakdownKey[];
    return rowKeys.length === keys.length && keys.every((key, index) => candidate.breakdown[key] === values[index]);
  });
  if (row === undefined) {
    const breakdown = keys.map((key, i) => `${key}=${values[i]}`).join(', ');
    throw usage(engineText.breakdownValueAbsent({ code: definition.code, unit: input.unit, breakdown }));
  }
  const denominatorIndexes = keys.flatMap((key, index) => (CHILD_PROPERTY_BREAKDOWNS.has(key) ? [index] : []));
  return {
    definition,
    period: input.period,
    level,
    row,
    rule: describeRule(definition),
    numeratorRule: describeMeasure(definition.numerator),
    ...(definition.denominator ? { denominatorRule: describeMeasure(definition.denominator) } : {}),
    numerator: recordKeys(run, definition.numerator, level, input.unit, keys, values),
    ...(definition.denominator
      ? {
          denominator: recordKeys(
            run,
            definition.denominator,
            level,
            input.unit,
            denominatorIndexes.map((index) => keys[index]!),
            denominatorIndexes.map((index) => values[index]!),
          ),
        }
      : {}),
    rejected: run.prepared.rejected,
  };
}
