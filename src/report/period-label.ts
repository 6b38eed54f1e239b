/**
 * How a report names its period, the next one and the one it compares with:
 * "6 tháng đầu năm 2025" / "6 tháng cuối năm 2025" / "cùng kỳ năm 2024";
 * "năm 2025" / "năm 2026" / "năm 2024" (plan 003 compares a year "so với năm 2024").
 */
import type { Period } from '../model/period.js';
import { formatDate } from './format-vi.js';

/** How a template sees the period's kind (`period.kind` in its context): a named or custom window is a `window`. */
export type WordingKind = 'year' | 'half' | 'nineMonths' | 'quarter' | 'window';

export interface PeriodWording {
  readonly kind: WordingKind;
  /** The year of the reference date. */
  readonly year: number;
  /** "6 tháng đầu năm 2025". */
  readonly label: string;
  /** "6 tháng cuối năm 2025": what section IV plans for. */
  readonly nextLabel: string;
  /** "cùng kỳ năm 2024". */
  readonly baselineLabel: string;
  /** "01/01/2025", "30/06/2025". */
  readonly fromText: string;
  readonly toText: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export function periodWording(period: Period): PeriodWording {
  const year = Number(period.to.slice(0, 4));
  const common = { year, fromText: formatDate(period.from), toText: formatDate(period.to) };
  const lastYear = `cùng kỳ năm ${year - 1}`;
  switch (period.kind) {
    case 'year':
      return { ...common, kind: 'year', label: `năm ${year}`, nextLabel: `năm ${year + 1}`, baselineLabel: `năm ${year - 1}` };
    case 'half-year':
      return period.half === 1
        ? { ...common, kind: 'half', label: `6 tháng đầu năm ${year}`, nextLabel: `6 tháng cuối năm ${year}`, baselineLabel: lastYear }
        : { ...common, kind: 'half', label: `6 tháng cuối năm ${year}`, nextLabel: `6 tháng đầu năm ${year + 1}`, baselineLabel: lastYear };
    case 'nine-months':
      return { ...common, kind: 'nineMonths', label: `9 tháng đầu năm ${year}`, nextLabel: `quý IV năm ${year}`, baselineLabel: lastYear };
    case 'quarter': {
      const { quarter } = period;
      const next = quarter === 4 ? `quý I năm ${year + 1}` : `quý ${ROMAN[quarter]} năm ${year}`;
      return { ...common, kind: 'quarter', label: `quý ${ROMAN[quarter - 1]} năm ${year}`, nextLabel: next, baselineLabel: lastYear };
    }
    case 'custom':
    case 'named':
      // A custom window or a local preset (15/12 – 14/06 …): name it by its dates.
      return {
        ...common,
        kind: 'window',
        label: `từ ngày ${common.fromText} đến ngày ${common.toText}`,
        nextLabel: 'kỳ tiếp theo',
        baselineLabel: lastYear,
      };
  }
}

/** The bundled template that fits a period: the annual one for a year, else the six-month one. */
export function defaultTemplateFor(period: Period): string {
  return periodWording(period).kind === 'year' ? 'bao-cao-nam' : 'bao-cao-6-thang';
}
