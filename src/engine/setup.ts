/**
 * Checks a run's options against the reference date and prepares its tables: shared by
 * compute and explain, so both see the same rows on the same units.
 */
import { CommuneUnits, levelWords, levelsAt, type Level } from '../model/levels.js';
import { engineText, ExitCode, UserError } from '../messages/index.js';
import type { Dataset } from '../model/record-columns.js';
import { eraAt, type AdminUnits, type Era } from '../units/index.js';
import type { VillageMap } from '../units/village-map.js';
import { Run } from './compute.js';
import { isIsoDate } from './dates.js';
import type { Period, PeriodPresets } from './period.js';
import { UnitPlacer } from './placement.js';
import { prepare } from './prepare.js';

export interface RunOptions {
  readonly dataset: Dataset;
  readonly period: Period;
  /** Highest level reported (default: province). `district` exists only before 1 July 2025; `national` adds the nation (VN). */
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
  /** Each commune's units at the reported levels. */
  readonly communeUnits: CommuneUnits;
  /** The vintage forced by --codes-as-of; otherwise each sheet's own. */
  readonly childVintage: Era | undefined;
}

/** The highest level reported when none is asked for. */
const DEFAULT_LEVEL: Level = 'province';

/** The levels reported at R, lowest first, up to `level`. */
export function reportedLevels(referenceDate: string, level: Level | undefined): Level[] {
  const levels = levelsAt(referenceDate);
  const index = levels.indexOf(level ?? DEFAULT_LEVEL);
  if (index < 0) {
    const asked = levelWords(level ?? DEFAULT_LEVEL).label;
    const choices = levels.map((choice) => `--level ${choice}`).join(', ');
    throw new UserError(
      ExitCode.usage,
      engineText.levelNotAtDate({ level: asked, referenceDate, choices }),
    );
  }
  return levels.slice(0, index + 1);
}

export function setUp(options: RunOptions): RunSetup {
  const referenceDate = options.period.to;
  const levels = reportedLevels(referenceDate, options.level);
  const childCodesAsOf = options.codesAsOf;
  const { units } = options;
  const common = { units, levels, placer: new UnitPlacer(units, referenceDate, options.villageMap), communeUnits: new CommuneUnits(units, referenceDate) };
  if (childCodesAsOf === undefined) return { ...common, childVintage: undefined };
  if (!isIsoDate(childCodesAsOf)) {
    throw new UserError(ExitCode.usage, engineText.codesAsOfNotValid({ childCodesAsOf }));
  }
  // A new commune was formed from several old ones: new codes cannot be put on old units.
  if (eraAt(childCodesAsOf) === 'post' && eraAt(referenceDate) === 'pre') {
    throw new UserError(
      ExitCode.usage,
      engineText.codesAsOfAfterReform({ childCodesAsOf, referenceDate }),
    );
  }
  return { ...common, childVintage: eraAt(childCodesAsOf) };
}

/** Tables for a window, on the units of the setup's reference date. */
export function runFor(setup: RunSetup, options: RunOptions, window: Period): Run {
  const prepared = prepare({
    dataset: options.dataset,
    window,
    placer: setup.placer,
    communeUnits: setup.communeUnits,
    ...(setup.childVintage ? { childVintage: setup.childVintage } : {}),
    ...(options.presets ? { presets: options.presets } : {}),
  });
  return new Run(prepared, setup.levels);
}
