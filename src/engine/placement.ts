/**
 * Which administrative unit a row belongs to (docs/indicator-rules.md, "Which administrative unit a
 * row belongs to"). A code is read in the list valid at the row's own date; results are
 * reported on the units valid at R. An old (pre-reform) commune is carried to its successor
 * through the crosswalk: exact for whole merges, `approximate` for split communes.
 */
import type { RowIssue } from '../model/issues.js';
import { engineText } from '../messages/index.js';
import { REFORM_DATE, eraAt, type AdminUnits, type Era } from '../units/index.js';
import type { VillageMap } from '../units/village-map.js';
import { formatDmy } from '../model/dates.js';
import { CHILD_FIELDS } from '../model/fields.js';

/** Where a commune code is read: the contract's own header, as row issues name columns. */
const COMMUNE_COLUMN = CHILD_FIELDS.communeCode.header;
import type { Vintage } from './vintage.js';

/** A row's commune at R; the units above it come from the hierarchy (model/levels.ts). */
export interface Placement {
  readonly commune: string;
  /** A split commune's row carried whole to one of its successors. */
  readonly approximate: boolean;
  /**
   * How the code was read: `same` (in the list valid at R), `crosswalk` (an old code carried to
   * its new commune by the bundled crosswalk), `village` (a split commune's row placed by the
   * village map).
   */
  readonly via: 'same' | 'crosswalk' | 'village';
}

export type PlacementOutcome =
  | { readonly ok: true; readonly placement: Placement }
  /**
   * A row error: the code does not exist in the list it is read in, or (`ambiguous_unit`) it
   * exists in both lists with different meanings and its file does not say which.
   */
  | { readonly ok: false; readonly reason: 'unknown_unit'; readonly issue: RowIssue }
  /**
   * A post-reform code cannot be put on pre-reform units (a new commune has no single old one).
   * Only rows dated after R meet this, and those are outside every window of the run.
   */
  | { readonly ok: false; readonly reason: 'after_reform' };

/** The last day of the old list: a code of an old-vintage file is read on it. */
const LAST_OLD_DAY = '2025-06-30';

const ERA_NAME = {
  pre: engineText.unitListBeforeReform(),
  post: engineText.unitListAfterReform(),
} as const;

export class UnitPlacer {
  readonly reportEra: Era;
  private readonly cache = new Map<string, PlacementOutcome | 'unknown'>();

  /** `referenceDate`: R, whose units every figure is reported on. */
  private readonly villageCache = new Map<string, PlacementOutcome>();
  get hasVillageMap(): boolean {
    return this.villageMap !== undefined;
  }

  constructor(
    readonly units: AdminUnits,
    readonly referenceDate: string,
    private readonly villageMap?: VillageMap,
  ) {
    this.reportEra = eraAt(referenceDate);
  }

  /**
   * A child's commune code read in its sheet's vintage (vintage.ts). A sheet whose vintage
   * cannot be told (or that mixes both) reads a code valid in one list only in that list; a
   * code valid in both is read at R, unless its two meanings differ after R: then the row is
   * rejected naming both. Before the reform only the old list can hold R's units.
   */
  placeChild(code: string, vintage: Vintage, village: string | undefined): PlacementOutcome {
    const outcome = this.placeInVintage(code, vintage);
    if (!outcome.ok || !outcome.placement.approximate || village === undefined || this.villageMap === undefined) return outcome;
    const key = `${code}|${village}`;
    let exact = this.villageCache.get(key);
    if (exact === undefined) {
      const commune = this.villageMap.placeVillage(code, village);
      const parents = commune === undefined ? undefined : this.units.parentsOf(commune, this.reportEra);
      exact =
        commune === undefined || parents === undefined
          ? outcome
          : { ok: true, placement: { commune, approximate: false, via: 'village' } };
      this.villageCache.set(key, exact);
    }
    return exact;
  }

  private placeInVintage(code: string, vintage: Vintage): PlacementOutcome {
    if (vintage === 'pre') return this.place(code, LAST_OLD_DAY);
    if (vintage === 'post') {
      if (this.reportEra === 'post') return this.place(code, this.referenceDate);
      // A child listed in new codes has no single old unit: a row error, not a silent loss.
      return this.units.commune(code, 'post') === undefined ? this.place(code, REFORM_DATE) : { ok: false, reason: 'unknown_unit', issue: this.newCodeBeforeReform(code) };
    }
    if (this.reportEra === 'pre') return this.place(code, this.referenceDate);
    const inPre = this.units.commune(code, 'pre') !== undefined;
    const inPost = this.units.commune(code, 'post') !== undefined;
    if (inPre && !inPost) return this.place(code, LAST_OLD_DAY);
    if (!inPre || !inPost) return this.place(code, this.referenceDate);
    // In both lists: one meaning when the old commune went whole into the new one of its code.
    const target = this.units.crosswalk(code);
    if (target !== undefined && target.code === code && !target.approximate) return this.place(code, this.referenceDate);
    return { ok: false, reason: 'unknown_unit', issue: this.ambiguous(code) };
  }

  private newCodeBeforeReform(code: string): RowIssue {
    const day = formatDmy(this.referenceDate);
    return {
      column: COMMUNE_COLUMN,
      value: code,
      kind: 'new_code_before_reform',
      message: engineText.newCodeBeforeReform({ code, day }),
    };
  }

  private ambiguous(code: string): RowIssue {
    const old = this.units.commune(code, 'pre')!;
    const now = this.units.commune(code, 'post')!;
    const oldParents = this.units.parentsOf(code, 'pre');
    const nowParents = this.units.parentsOf(code, 'post');
    const oldWhere = [old.name, oldParents?.district?.name, oldParents?.province.name].filter(Boolean).join(', ');
    const nowWhere = [now.name, nowParents?.province.name].filter(Boolean).join(', ');
    return {
      column: COMMUNE_COLUMN,
      value: code,
      kind: 'ambiguous_unit',
      message: engineText.communeCodeAmbiguous({ code, oldWhere, nowWhere }),
    };
  }

  /** The unit at R of a commune code read in the list valid at `readAt`. */
  place(code: string, readAt: string, column = COMMUNE_COLUMN): PlacementOutcome {
    const codeEra = eraAt(readAt);
    const cacheKey = `${codeEra}|${code}`;
    let resolved = this.cache.get(cacheKey);
    if (resolved === undefined) {
      resolved = this.resolve(code, codeEra);
      this.cache.set(cacheKey, resolved);
    }
    if (resolved === 'unknown') return { ok: false, reason: 'unknown_unit', issue: this.unknown(code, readAt, codeEra, column) };
    return resolved;
  }

  private resolve(code: string, codeEra: Era): PlacementOutcome | 'unknown' {
    if (this.units.commune(code, codeEra) === undefined) return 'unknown';
    let commune = code;
    let approximate = false;
    if (codeEra !== this.reportEra) {
      if (codeEra === 'post') return { ok: false, reason: 'after_reform' };
      const target = this.units.crosswalk(code);
      if (target === undefined) return 'unknown';
      commune = target.code;
      approximate = target.approximate;
    }
    if (this.units.parentsOf(commune, this.reportEra) === undefined) return 'unknown';
    return { ok: true, placement: { commune, approximate, via: codeEra === this.reportEra ? 'same' : 'crosswalk' } };
  }

  private unknown(code: string, readAt: string, era: Era, column: string): RowIssue {
    const day = formatDmy(readAt);
    const other: Era = era === 'pre' ? 'post' : 'pre';
    const message =
      this.units.commune(code, other) !== undefined
        ? engineText.communeCodeInOtherList({ code, list: ERA_NAME[era], day, otherList: ERA_NAME[other] })
        : engineText.communeCodeUnknown({ code, list: ERA_NAME[era], day });
    return { column, value: code, kind: 'unknown_unit', message };
  }
}

