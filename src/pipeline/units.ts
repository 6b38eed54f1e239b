import type { Period } from '../engine/index.js';
import { ExitCode, UserError, msg } from '../model/messages.js';
import type { Level } from '../model/results.js';
import { levelOfCode, type UnitName } from '../report/unit-name.js';
import { eraAt, type AdminUnits } from '../units/index.js';

/** The unit of a report and its units one level down, in the list valid at the period's end. */
export function reportUnit(code: string, period: Period, units: AdminUnits): { unit: UnitName; children: UnitName[] } {
  const level = levelOfCode(code);
  const era = eraAt(period.to);
  const found = level ? units.unit(level, code, era) : undefined;
  if (!level || !found) {
    const when = era === 'pre' ? 'trước 01/07/2025' : 'từ 01/07/2025';
    throw new UserError(
      ExitCode.usage,
      msg(
        `--unit ${code}: không có đơn vị hành chính mã này trong danh mục ${when} (ngày cuối kỳ ${period.to}). Dùng mã tỉnh 2 số, huyện 3 số hoặc xã 5 số.`,
        `--unit ${code}: no administrative unit has this code in the list valid at ${period.to}. Use a 2-digit province, 3-digit district or 5-digit commune code.`,
      ),
    );
  }
  const children = level === 'commune' ? [] : units.childrenOf(level, code, era);
  const name = (u: { code: string; name: string; level: UnitName['level'] }): UnitName => ({ code: u.code, fullName: u.name, level: u.level });
  return { unit: name(found), children: children.map(name) };
}

/** Whether a unit code lies under `parent` in the list valid at the period's end. */
export function isUnder(parent: UnitName, code: string, period: Period, units: AdminUnits): boolean {
  const era = eraAt(period.to);
  const level = levelOfCode(code);
  if (parent.level === 'commune' || !level || level === parent.level) return false;
  if (level === 'district') return parent.level === 'province' && units.district(code)?.provinceCode === parent.code;
  const parents = units.parentsOf(code, era);
  return parent.level === 'district' ? parents?.district?.code === parent.code : parents?.province.code === parent.code;
}

export type UnitNamer = (level: Level, code: string) => string;

/** Names of the units valid at R ("Xã Sơn Hà"), the code itself when unknown. */
export function unitNamer(referenceDate: string, units: AdminUnits): UnitNamer {
  const era = eraAt(referenceDate);
  return (level, code) => units.unit(level, code, era)?.name ?? code;
}

/** Full name of the province a district or commune lies in, in the list valid at the period's end. */
export function provinceNameOf(unit: UnitName, period: Period, units: AdminUnits): string | undefined {
  if (unit.level === 'province') return undefined;
  const era = eraAt(period.to);
  const province = unit.level === 'district' ? units.province(units.district(unit.code)?.provinceCode ?? '', era) : units.parentsOf(unit.code, era)?.province;
  return province?.name;
}
