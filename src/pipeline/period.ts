import { parsePeriod, periodFromWindow, type Period } from '../engine/index.js';
import { ExitCode, UserError, msg } from '../model/messages.js';
import { loadPeriodPresets } from './load.js';

export interface PeriodChoice {
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  /** A YAML file of named cut-off windows (default: the bundled settings/periods.yaml). */
  readonly periods?: string;
}

/** A period id (calendar ids, custom `from..to`, named presets) or from/to dates. */
export function resolvePeriod(choice: PeriodChoice): Period {
  if (choice.period !== undefined && (choice.from !== undefined || choice.to !== undefined)) {
    throw new UserError(ExitCode.usage, msg('Dùng --period hoặc --from/--to, không dùng cả hai.', 'Give --period or --from/--to, not both.'));
  }
  if (choice.period !== undefined) return parsePeriod(choice.period, loadPeriodPresets(choice.periods));
  if (choice.from !== undefined && choice.to !== undefined) return periodFromWindow(choice.from, choice.to);
  throw new UserError(ExitCode.usage, msg('Cần --period (ví dụ 2025-H1) hoặc cả --from và --to.', 'Give --period (e.g. 2025-H1) or both --from and --to.'));
}
