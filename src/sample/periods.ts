/** The windows the sample covers and the dates that shape it. */

export interface Window {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** TreEm is a register as of this day, under the codes valid then (before the reform). */
export const SNAPSHOT_DATE = '2025-06-30';

/** Children born from this day on were under 16 on some day of 2024, so they belong on the register. */
export const FIRST_BIRTH_DATE = '2008-01-02';

export const HALVES: readonly Window[] = [
  { id: '2024-H1', from: '2024-01-01', to: '2024-06-30' },
  { id: '2024-H2', from: '2024-07-01', to: '2024-12-31' },
  { id: '2025-H1', from: '2025-01-01', to: '2025-06-30' },
  { id: '2025-H2', from: '2025-07-01', to: '2025-12-31' },
];

/** The report periods whose true totals the README lists. */
export const REPORT_PERIODS: readonly Window[] = [
  { id: '2024-H1', from: '2024-01-01', to: '2024-06-30' },
  { id: '2024', from: '2024-01-01', to: '2024-12-31' },
  { id: '2025-H1', from: '2025-01-01', to: '2025-06-30' },
  { id: '2025', from: '2025-01-01', to: '2025-12-31' },
];

/** Periods of the ThongTinXa rows: those whose reference date is before the reform. */
export const FACT_PERIODS: readonly Window[] = REPORT_PERIODS.filter((period) => period.to <= SNAPSHOT_DATE);
