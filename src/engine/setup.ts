/**
 * Checks a run's options against the reference date and prepares its tables: shared by
 * compute and explain, so both see the same rows on the same units.
 */
import type { Level } from '../model/results.js';
import { ExitCode, UserError, msg } from '../model/messages.js';
import type { Dataset } from '../model/records.js';
import { eraAt, type AdminUnits, type Era } from '../units/index.js';
import type { VillageMap } from '../units/village-map.js';
import { Run } from './compute.js';
import { isIsoDate } from './dates.js';
import type { Period, PeriodPresets } from './period.js';
import { UnitPlacer, levelsAt } from './placement.js';
import { prepare } from './prepare.js';

export interface RunOptions {
  readonly dataset: Dataset;
  readonly period: Period;
  /** Highest level reported (default: province). `district` exists only before 1 July 2025. */
  readonly level?: Level;
  /**
   * The date the children's commune codes are read at, forcing their vintage (default: each
   * sheet's vintage, told from its codes: vintage.ts).
   */
  readonly codesAsOf?: string;
  /** Where the villages of split old communes went (`--village-map`): their rows are placed exactly. */
  readonly villageMap?: VillageMap;
  /** Named windows a ThongTinXa row's period id may use (the pipeline loads them). */
  readonly presets?: PeriodPresets;
  /** The unit lists of both eras, loaded by the pipeline: the engine reads no files. */
  readonly units: AdminUnits;
}

export interface RunSetup {
  readonly units: AdminUnits;
  readonly levels: readonly Level[];
  readonly placer: UnitPlacer;
  /** The vintage forced by --codes-as-of; otherwise each sheet's own. */
  readonly childVintage: Era | undefined;
}

/** The levels reported at R, lowest first, up to `level`. */
export function reportedLevels(referenceDate: string, level: Level | undefined): Level[] {
  const levels = levelsAt(referenceDate);
  if (level === undefined) return [...levels];
  const index = levels.indexOf(level);
  if (index < 0) {
    throw new UserError(
      ExitCode.usage,
      msg(
        `Không có cấp huyện từ ngày 01/07/2025 (ngày cuối kỳ ${referenceDate}): dùng --level commune hoặc --level province.`,
        `There is no district level from 1 July 2025 (the period ends ${referenceDate}): use --level commune or --level province.`,
      ),
    );
  }
  return levels.slice(0, index + 1);
}

export function setUp(options: RunOptions): RunSetup {
  const referenceDate = options.period.to;
  const levels = reportedLevels(referenceDate, options.level);
  const childCodesAsOf = options.codesAsOf;
  if (childCodesAsOf === undefined) {
    return { units: options.units, levels, placer: new UnitPlacer(options.units, referenceDate, options.villageMap), childVintage: undefined };
  }
  if (!isIsoDate(childCodesAsOf)) {
    throw new UserError(ExitCode.usage, msg(`--codes-as-of: ngày "${childCodesAsOf}" không hợp lệ (YYYY-MM-DD).`, `--codes-as-of: invalid date "${childCodesAsOf}" (YYYY-MM-DD).`));
  }
  // A new commune was formed from several old ones: new codes cannot be put on old units.
  if (eraAt(childCodesAsOf) === 'post' && eraAt(referenceDate) === 'pre') {
    throw new UserError(
      ExitCode.usage,
      msg(
        `Mã xã theo danh mục từ 01/07/2025 (--codes-as-of ${childCodesAsOf}) không quy đổi được về đơn vị cũ của kỳ kết thúc ${referenceDate}.`,
        `Commune codes of the list from 1 July 2025 (--codes-as-of ${childCodesAsOf}) cannot be put on the older units of a period ending ${referenceDate}.`,
      ),
    );
  }
  const { units } = options;
  return { units, levels, placer: new UnitPlacer(units, referenceDate, options.villageMap), childVintage: eraAt(childCodesAsOf) };
}

/** Tables for a window, on the units of the setup's reference date. */
export function runFor(setup: RunSetup, options: RunOptions, window: Period): Run {
  const prepared = prepare({
    dataset: options.dataset,
    window,
    placer: setup.placer,
    ...(setup.childVintage ? { childVintage: setup.childVintage } : {}),
    ...(options.presets ? { presets: options.presets } : {}),
  });
  return new Run(prepared, setup.levels);
}
