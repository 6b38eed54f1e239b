/**
 * Which administrative unit a row belongs to (indicator-rules.md, "Which administrative unit a
 * row belongs to"). A code is read in the list valid at the row's own date; results are
 * reported on the units valid at R. An old (pre-reform) commune is carried to its successor
 * through the crosswalk: exact for whole merges, `approximate` for split communes.
 */
import type { RowIssue } from '../model/issues.js';
import { msg } from '../model/messages.js';
import { eraAt, type AdminUnits, type Era } from '../units/index.js';
import { formatDmy } from '../model/dates.js';

/** A row's commune at R; the units above it come from the hierarchy (model/levels.ts). */
export interface Placement {
  readonly commune: string;
  /** A split commune's row carried whole to one of its successors. */
  readonly approximate: boolean;
}

export type PlacementOutcome =
  | { readonly ok: true; readonly placement: Placement }
  /** The code does not exist in the list valid at the row's date: a row error. */
  | { readonly ok: false; readonly reason: 'unknown_unit'; readonly issue: RowIssue }
  /**
   * A post-reform code cannot be put on pre-reform units (a new commune has no single old one).
   * Only rows dated after R meet this, and those are outside every window of the run.
   */
  | { readonly ok: false; readonly reason: 'after_reform' };

const ERA_NAME = {
  pre: msg('danh mục trước ngày 01/07/2025', 'the list before 1 July 2025'),
  post: msg('danh mục từ ngày 01/07/2025', 'the list from 1 July 2025'),
} as const;

export class UnitPlacer {
  readonly reportEra: Era;
  private readonly cache = new Map<string, PlacementOutcome | 'unknown'>();

  /** `referenceDate`: R, whose units every figure is reported on. */
  constructor(
    private readonly units: AdminUnits,
    readonly referenceDate: string,
  ) {
    this.reportEra = eraAt(referenceDate);
  }

  /** The unit at R of a commune code read in the list valid at `readAt`. */
  place(code: string, readAt: string, column = 'Mã xã'): PlacementOutcome {
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
    return { ok: true, placement: { commune, approximate } };
  }

  private unknown(code: string, readAt: string, era: Era, column: string): RowIssue {
    const day = formatDmy(readAt);
    const other: Era = era === 'pre' ? 'post' : 'pre';
    const hint =
      this.units.commune(code, other) !== undefined
        ? msg(
            ` (mã này có trong ${ERA_NAME[other].vi}; nếu mã trẻ em theo danh mục khác, dùng --codes-as-of)`,
            ` (the code exists in ${ERA_NAME[other].en}; if the children's codes are of another vintage, use --codes-as-of)`,
          )
        : msg('', '');
    return {
      column,
      value: code,
      kind: 'unknown_unit',
      message: msg(
        `mã xã ${code} không có trong ${ERA_NAME[era].vi} (mã được đọc theo ngày ${day})${hint.vi}`,
        `commune code ${code} is not in ${ERA_NAME[era].en} (the code is read as of ${day})${hint.en}`,
      ),
    };
  }
}

