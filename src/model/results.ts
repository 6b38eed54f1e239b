import { z } from 'zod';
import { Level } from './levels.js';
import { isoDate } from './records.js';

export { Level } from './levels.js';

/** The stable JSON output of `compute` (indicator-rules.md, "JSON output"). */

export const BreakdownKey = z.enum(['sex', 'ageGroup', 'group', 'cause', 'setting', 'form']);
export type BreakdownKey = z.infer<typeof BreakdownKey>;

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

export const TargetStatus = z.enum(['met', 'not_met', 'insufficient_data']);
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

export const ComputeResult = z.object({
  period: PeriodRef,
  results: z.array(IndicatorResult),
  targets: z.array(TargetResult),
  /** Per district and province with rows (optional: files written before it existed lack it). */
  coverage: z.array(UnitCoverage).optional(),
});
export type ComputeResult = z.infer<typeof ComputeResult>;
