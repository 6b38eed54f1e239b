/**
 * What the results formats (XLSX, JSON, CSV) are made from: the computed result and what
 * it takes to show it to people (indicator names, unit names, the language, the input files).
 */
import type { Catalogue } from '../indicators/index.js';
import type { Lang } from '../messages/index.js';
import type { ComputeResult, Level } from '../model/results.js';

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
