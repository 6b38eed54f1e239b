/**
 * Completeness: which communes of each reported district or province had data. A district's
 * figures made of 2 of its 14 communes are the figures of those 2; the result says which, so
 * that every document can say it where the figures are (docs/indicator-rules.md, "JSON output").
 *
 * The communes a unit should have are those of the bundled list valid at the reference date
 * (the period's last day). A commune "has data" when any input row (child, event or commune
 * facts) was placed on it.
 */
import type { UnitCoverage } from '../model/results.js';
import { LEVELS, communesUnder, type Level } from '../model/levels.js';
import { eraAt, type AdminUnits } from '../units/index.js';

/** Coverage of every unit above the communes with rows (district, province, nation), in level then code order. */
export function unitCoverage(
  units: AdminUnits,
  referenceDate: string,
  reported: ReadonlyMap<Level, readonly string[]>,
): UnitCoverage[] {
  const withData = new Set(reported.get('commune') ?? []);
  const coverage: UnitCoverage[] = [];
  for (const level of LEVELS.filter((candidate) => candidate !== 'commune')) {
    for (const unit of reported.get(level) ?? []) {
      const expected = communesUnder(units, { code: unit, level }, referenceDate).map((commune) => commune.code);
      coverage.push({
        unit,
        level,
        communes: expected.length,
        reporting: expected.filter((code) => withData.has(code)),
        missing: expected.filter((code) => !withData.has(code)),
      });
    }
  }
  return coverage;
}

/** The coverage of one unit, if it was computed (communes have none: they are their own data). */
export function coverageOf(coverage: readonly UnitCoverage[] | undefined, unit: string): UnitCoverage | undefined {
  return coverage?.find((entry) => entry.unit === unit);
}

export function isIncomplete(coverage: UnitCoverage | undefined): coverage is UnitCoverage {
  return coverage !== undefined && coverage.missing.length > 0;
}

/** Names of communes at the reference date ("Xã Sơn Thành"), the code itself when unknown. */
export function communeNames(units: AdminUnits, referenceDate: string, codes: readonly string[]): { code: string; name: string }[] {
  const era = eraAt(referenceDate);
  return codes.map((code) => ({ code, name: units.commune(code, era)?.name ?? code }));
}
