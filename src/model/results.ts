import { z } from 'zod';
import { Level } from './levels.js';
import { isoDate } from './records.js';

export { Level } from './levels.js';

/** The stable JSON output of `compute` (docs/indicator-rules.md, "JSON output"). */

export const BreakdownKey = z.enum(['sex', 'ageGroup', 'group', 'cause', 'setting', 'form']);
export type BreakdownKey = z.infer<typeof BreakdownKey>;

export type Breakdown = Partial<Record<BreakdownKey, string>>;

/** A breakdown as a stable string: keys sorted, "ageGroup=0-2;sex=NU". */
export function breakdownId(breakdown: Breakdown): string {
  return Object.entries(breakdown)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join(';');
}

export const PeriodRef = z.object({ id: z.string(), from: isoDate, to: isoDate });
export type PeriodRef = z.infer<typeof PeriodRef>;

export const IndicatorResult = z.object({
  indicator: z.string(),
  unit: z.string(),
  level: Level,
  breakdown: z.partialRecord(BreakdownKey, z.string()),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  approximate: z.literal(true).optional(),
  noData: z.literal(true).optional(),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

/** not_occurred: a reduction target with nothing to reduce, 0 last year and 0 now ("không phát sinh"). */
export const TargetStatus = z.enum(['met', 'not_met', 'insufficient_data', 'not_occurred']);
export type TargetStatus = z.infer<typeof TargetStatus>;

export const TargetResult = z.object({
  target: z.string(),
  indicator: z.string(),
  unit: z.string(),
  level: Level,
  status: TargetStatus,
  current: z.number().nullable(),
  baseline: z.number().nullable(),
  note: z.string().optional(),
});
export type TargetResult = z.infer<typeof TargetResult>;

/**
 * Which communes of a district or province (in the list valid at the reference date) had any
 * input row: every figure of the unit is made of the `reporting` ones only.
 */
export const UnitCoverage = z.object({
  unit: z.string(),
  level: Level,
  /** How many communes the unit has at the reference date. */
  communes: z.number().int().nonnegative(),
  reporting: z.array(z.string()),
  missing: z.array(z.string()),
});
export type UnitCoverage = z.infer<typeof UnitCoverage>;

/**
 * How the children's commune codes were placed on the units at R (docs/indicator-rules.md, "Which
 * administrative unit a row belongs to"): read in an older list and carried to a new commune,
 * of which carried whole from a split commune (approximate) or placed by the village map, and
 * the children that could not be placed, per commune code as written.
 */
export const PlacementSummary = z.object({
  converted: z.number().int().nonnegative(),
  approximate: z.number().int().nonnegative(),
  byVillage: z.number().int().nonnegative(),
  /** `name`: the commune the code names in the list before 1 July 2025 (else after), when either knows it. */
  unplaced: z.array(z.object({ code: z.string(), name: z.string().optional(), children: z.number().int().positive() })),
});
export type PlacementSummary = z.infer<typeof PlacementSummary>;

export const ComputeResult = z.object({
  period: PeriodRef,
  results: z.array(IndicatorResult),
  targets: z.array(TargetResult),
  /** Per district and province with rows (optional: files written before it existed lack it). */
  coverage: z.array(UnitCoverage).optional(),
  /** Only when some child was read in the old codes, or could not be placed. */
  placement: PlacementSummary.optional(),
});
export type ComputeResult = z.infer<typeof ComputeResult>;
