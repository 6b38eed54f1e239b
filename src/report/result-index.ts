/**
 * Looks up result rows by indicator, unit and breakdown: the one way reports read figures.
 */
import { breakdownId, type Breakdown, type IndicatorResult } from '../model/results.js';

export { breakdownId, type Breakdown } from '../model/results.js';

export class ResultIndex {
  private readonly rows = new Map<string, IndicatorResult>();

  constructor(results: readonly IndicatorResult[]) {
    for (const row of results) this.rows.set(ResultIndex.key(row.indicator, row.unit, row.breakdown), row);
  }

  private static key(indicator: string, unit: string, breakdown: Breakdown): string {
    return `${indicator}|${unit}|${breakdownId(breakdown)}`;
  }

  get(indicator: string, unit: string, breakdown: Breakdown = {}): IndicatorResult | undefined {
    return this.rows.get(ResultIndex.key(indicator, unit, breakdown));
  }

  /** The row if it holds figures (not `noData`). */
  figures(indicator: string, unit: string, breakdown: Breakdown = {}): IndicatorResult | undefined {
    const row = this.get(indicator, unit, breakdown);
    return row && !row.noData ? row : undefined;
  }

  /** The count a row stands for: its value for a count, its numerator for a ratio. */
  count(indicator: string, unit: string, breakdown: Breakdown = {}): number | null {
    const row = this.figures(indicator, unit, breakdown);
    return row ? row.numerator : null;
  }

  value(indicator: string, unit: string, breakdown: Breakdown = {}): number | null {
    return this.figures(indicator, unit, breakdown)?.value ?? null;
  }

  /** Whether the indicator has any row for the unit (it was computed at all). */
  has(indicator: string, unit: string): boolean {
    return this.get(indicator, unit) !== undefined;
  }

  /** Whether the indicator has figures for the unit (computed and not `noData`). */
  hasFigures(indicator: string, unit: string): boolean {
    return this.figures(indicator, unit) !== undefined;
  }
}
