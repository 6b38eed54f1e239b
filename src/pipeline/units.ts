import { communeNames, coverageOf } from '../engine/completeness.js';
import type { ComputeResult, PeriodRef } from '../model/results.js';
import { communesUnder, findUnit, isUnder as isUnderIn, levelOfCode, unitsBelow } from '../model/levels.js';
import { pipelineText, ExitCode, UserError } from '../messages/index.js';
import type { Level } from '../model/results.js';
import { completenessOf, withUnitsBelow, type Completeness } from '../report/completeness.js';
import { unitsWord, type UnitName } from '../report/unit-name.js';
import { eraAt, type AdminUnits } from '../units/index.js';
import type { UnitNamer } from '../output/results-model.js';

/** The unit of a report and its units one level down, in the list valid at the period's end. */
export function reportUnit(code: string, period: PeriodRef, units: AdminUnits): { unit: UnitName; subUnits: UnitName[] } {
  const found = findUnit(units, code, period.to);
  if (found === undefined) {
    const beforeReform = eraAt(period.to) === 'pre';
    const districtGone = levelOfCode(code) === 'district' && !beforeReform;
    throw new UserError(ExitCode.usage, pipelineText.unitNotInList({ code, to: period.to, beforeReform, districtGone }));
  }
  const name = (u: { code: string; name: string; level: Level }): UnitName => ({ code: u.code, fullName: u.name, level: u.level });
  return { unit: name(found), subUnits: unitsBelow(units, found, period.to).map(name) };
}

/** A completeness that names only some missing communes (the nation's) also says which units one level down sent nothing. */
export function byUnitsBelow(completeness: Completeness, unit: UnitName, periodEnd: string, units: AdminUnits): Completeness {
  if (completeness.named === undefined) return completeness;
  const children = unitsBelow(units, unit, periodEnd).map((child): UnitName => ({ code: child.code, fullName: child.name, level: child.level }));
  const word = children[0] ? unitsWord(unit, children[0].level, periodEnd) : '';
  return withUnitsBelow(completeness, children, word, (child) => communesUnder(units, child, periodEnd).map((commune) => commune.code));
}

/** Which communes of the unit had data, with the names of those that had none. */
export function completenessFor(result: ComputeResult, unit: UnitName, units: AdminUnits): Completeness | undefined {
  const { to } = result.period;
  const completeness = completenessOf(coverageOf(result.coverage, unit.code), unit, to, (codes) => communeNames(units, to, codes));
  return completeness && byUnitsBelow(completeness, unit, to, units);
}

/** Whether a unit code lies under `parent` in the list valid at the period's end. */
export function isUnder(parent: UnitName, code: string, period: PeriodRef, units: AdminUnits): boolean {
  return isUnderIn(units, parent, code, period.to);
}

export type { UnitNamer };

/** Names of the units valid at R ("Xã Sơn Hà", "Toàn quốc"), the code itself when unknown. */
export function unitNamer(referenceDate: string, units: AdminUnits): UnitNamer {
  return (_level, code) => findUnit(units, code, referenceDate)?.name ?? code;
}

/** Full name of the province a district or commune lies in, in the list valid at the period's end. */
export function provinceNameOf(unit: UnitName, period: PeriodRef, units: AdminUnits): string | undefined {
  if (unit.level === 'province') return undefined;
  const era = eraAt(period.to);
  const province = unit.level === 'district' ? units.province(units.district(unit.code)?.provinceCode ?? '', era) : units.parentsOf(unit.code, era)?.province;
  return province?.name;
}
