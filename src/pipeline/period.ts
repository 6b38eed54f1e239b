import { parsePeriod, periodFromWindow, type Period } from '../engine/period.js';
import { pipelineText, ExitCode, UserError } from '../messages/index.js';
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
    throw new UserError(ExitCode.usage, pipelineText.periodAndDatesBoth());
  }
  if (choice.period !== undefined) return parsePeriod(choice.period, loadPeriodPresets(choice.periods));
  if (choice.from !== undefined && choice.to !== undefined) return periodFromWindow(choice.from, choice.to);
  throw new UserError(ExitCode.usage, pipelineText.periodMissing());
}
