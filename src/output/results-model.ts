/**
 * What the results formats (XLSX, JSON, CSV) are made from: the computed result and what
 * it takes to show it to people (indicator names, unit names, the language, the input files),
 * and the words they share with the terminal's summary (a target's status, a breakdown value).
 * Light on purpose: `compute` without --out loads it, not the writers (output/formats.ts).
 */
import { valueLabel } from '../engine/breakdowns.js';
import type { Catalogue } from '../indicators/index.js';
import { outputText, type Lang, type Message } from '../messages/index.js';
import type { BreakdownKey, ComputeResult, IndicatorResult, Level, TargetStatus } from '../model/results.js';

/** The name of a unit at the result's reference date ("Xã Sơn Hà"). */
export type UnitNamer = (level: Level, code: string) => string;

/** An input file as the about sheet lists it. */
export interface ResultSource {
  readonly file: string;
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly sha256?: string;
}

export interface ResultsDocument {
  readonly result: ComputeResult;
  readonly catalogue: Catalogue;
  readonly names: UnitNamer;
  readonly lang: Lang;
  readonly sources?: readonly ResultSource[];
}

/** A target's status in words ("Đạt", "Chưa đạt"), as the workbook and the terminal say it. */
export const STATUS_LABEL: Record<TargetStatus, Message> = {
  met: outputText.targetMet(),
  not_met: outputText.targetNotMet(),
  insufficient_data: outputText.targetInsufficientData(),
  not_occurred: outputText.targetNotOccurred(),
};

/** A breakdown in words ("Nữ – Dưới 6 tuổi"), as a workbook's column and a CSV field say it. */
export function breakdownText(breakdown: IndicatorResult['breakdown'], lang: Lang): string {
  return (Object.entries(breakdown) as [BreakdownKey, string][]).map(([key, value]) => valueLabel(key, value, lang)).join(' – ');
}
