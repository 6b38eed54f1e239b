/**
 * What a report says about the communes whose data it was made of (engine/completeness.ts
 * finds them): one sentence where the figures start, a note under every annex table when
 * some are missing, the ThongTin rows, and the line the command line prints.
 */
import type { UnitCoverage } from '../model/results.js';
import { msg, type Message } from '../model/messages.js';
import { formatNumber } from './format-vi.js';
import { levelWords } from '../model/levels.js';
import { unitsWord, type UnitName } from './unit-name.js';

export interface NamedCommune {
  readonly code: string;
  readonly name: string;
}

/** The communes of the report's unit (a district or province) and which of them had data. */
export interface Completeness {
  /** Communes the unit has at the reference date. */
  readonly communes: number;
  readonly reporting: readonly string[];
  readonly missing: readonly NamedCommune[];
  /** What the communes are called: "xã, thị trấn". */
  readonly word: string;
  /** How many missing communes the report names before counting the rest (all when absent). */
  readonly named?: number;
  /** The units one level down (the nation's provinces): a long list of communes is said by them. */
  readonly byUnit?: UnitsCoverage;
}

/** Which units one level down have data from any of their communes. */
export interface UnitsCoverage {
  /** "tỉnh, thành phố". */
  readonly word: string;
  readonly units: number;
  readonly withData: number;
  /** Names of the units none of whose communes had data. */
  readonly missing: readonly string[];
  /** Communes without data in the units that have some. */
  readonly missingCommunesElsewhere: number;
}

/** Adds the coverage of the units one level down, for a unit whose report names only some missing communes. */
export function withUnitsBelow(
  completeness: Completeness,
  children: readonly UnitName[],
  word: string,
  communesOf: (child: UnitName) => readonly string[],
): Completeness {
  if (completeness.named === undefined || children.length === 0 || children[0]!.level === 'commune') return completeness;
  const reporting = new Set(completeness.reporting);
  const missing: string[] = [];
  let elsewhere = 0;
  for (const child of children) {
    const communes = communesOf(child);
    const without = communes.filter((code) => !reporting.has(code)).length;
    if (without === communes.length) missing.push(child.fullName);
    else elsewhere += without;
  }
  return { ...completeness, byUnit: { word, units: children.length, withData: children.length - missing.length, missing, missingCommunesElsewhere: elsewhere } };
}

export function completenessOf(
  coverage: UnitCoverage | undefined,
  unit: UnitName,
  referenceDate: string,
  names: (codes: readonly string[]) => NamedCommune[],
): Completeness | undefined {
  if (coverage === undefined) return undefined;
  return { communes: coverage.communes, reporting: coverage.reporting, missing: names(coverage.missing), ...completenessWords(unit, referenceDate) };
}

/** "xã, thị trấn" for a district, "xã, phường, đặc khu" from 2025; how many missing ones a report of the unit names. */
export function completenessWords(unit: UnitName, referenceDate: string): Pick<Completeness, 'word' | 'named'> {
  const named = levelWords(unit.level).missingNamed;
  return { word: unitsWord(unit, 'commune', referenceDate), ...(named !== undefined ? { named } : {}) };
}

/** Names in list order; beyond `limit` the rest are counted. */
function nameList(missing: readonly NamedCommune[], limit: number, others: (n: string) => string): string {
  // "and 1 more" would be longer than the name it stands for.
  const shown = missing.length > limit + 1 ? limit : missing.length;
  const names = missing.slice(0, shown).map((commune) => commune.name);
  if (missing.length > shown) names.push(others(formatNumber(missing.length - shown)));
  return names.join(', ');
}

/** "Số liệu tổng hợp từ 2/14 xã, thị trấn; chưa có số liệu của: Xã Sơn Thành, …." */
export function completenessSentence(completeness: Completeness): string {
  const share = `${formatNumber(completeness.reporting.length)}/${formatNumber(completeness.communes)} ${completeness.word}`;
  if (completeness.missing.length === 0) return `Số liệu tổng hợp từ đủ ${share}.`;
  const byUnit = missingByUnit(completeness);
  if (byUnit !== undefined) {
    const units = `${formatNumber(completeness.byUnit!.withData)}/${formatNumber(completeness.byUnit!.units)} ${completeness.byUnit!.word}`;
    return `Số liệu tổng hợp từ ${share} của ${units}; chưa có số liệu của ${byUnit}.`;
  }
  const others = (n: string) => `và ${n} ${completeness.word} khác`;
  return `Số liệu tổng hợp từ ${share}; chưa có số liệu của: ${nameList(completeness.missing, completeness.named ?? Number.POSITIVE_INFINITY, others)}.`;
}

/**
 * What is missing said by the units one level down, when the unit names only some of its
 * missing communes (the nation's 3,321): "32 tỉnh, thành phố: …; và 218 xã, phường, đặc khu
 * của các tỉnh, thành phố đã có số liệu".
 */
export function missingByUnit(completeness: Completeness): string | undefined {
  const byUnit = completeness.byUnit;
  if (byUnit === undefined || completeness.missing.length <= (completeness.named ?? Number.POSITIVE_INFINITY)) return undefined;
  const parts: string[] = [];
  if (byUnit.missing.length > 0) parts.push(`${formatNumber(byUnit.missing.length)} ${byUnit.word}: ${byUnit.missing.join(', ')}`);
  if (byUnit.missingCommunesElsewhere > 0) parts.push(`${formatNumber(byUnit.missingCommunesElsewhere)} ${completeness.word} của các ${byUnit.word} đã có số liệu`);
  return parts.join('; và ');
}

/** The note under each annex table; none when every commune had data. */
export function completenessNote(completeness: Completeness | undefined): string | undefined {
  if (completeness === undefined || completeness.missing.length === 0) return undefined;
  return `${completenessSentence(completeness)} Số liệu của đơn vị chỉ gồm các ${completeness.word} đã có số liệu.`;
}

/** The line `compute`, `report` and `aggregate` print for a unit with missing communes. */
export function completenessMessage(unit: string, completeness: Completeness): Message {
  const share = `${completeness.reporting.length}/${completeness.communes}`;
  const count = completeness.missing.length;
  const byUnit = completeness.byUnit;
  if (byUnit && byUnit.missing.length > 0) {
    // The nation: the provinces that sent nothing, then the communes missing in the others.
    const units = `${byUnit.withData}/${byUnit.units}`;
    const names = (others: (n: string) => string) => nameList(byUnit.missing.map((name) => ({ code: '', name })), 12, others);
    const rest = byUnit.missingCommunesElsewhere;
    return msg(
      `${unit}: số liệu từ ${share} xã của ${units} ${byUnit.word}; chưa có số liệu của ${byUnit.missing.length} ${byUnit.word}: ${names((n) => `và ${n} đơn vị khác`)}${rest > 0 ? `; và của ${rest} xã thuộc các đơn vị đã có số liệu` : ''}.`,
      `${unit}: figures from ${share} communes in ${units} units below; no data from ${byUnit.missing.length} of them: ${names((n) => `and ${n} more`)}${rest > 0 ? `; nor from ${rest} communes of the others` : ''}.`,
    );
  }
  return msg(
    `${unit}: số liệu từ ${share} xã; chưa có số liệu của ${count} xã: ${nameList(completeness.missing, 12, (n) => `và ${n} xã khác`)}.`,
    `${unit}: figures from ${share} communes; no data from ${count}: ${nameList(completeness.missing, 12, (n) => `and ${n} more`)}.`,
  );
}

/** Refusal under --strict (exit 3 is "data problems under --strict"). */
export function incompleteRefusal(unit: string, completeness: Completeness): Message {
  const share = `${completeness.reporting.length}/${completeness.communes}`;
  return msg(
    `--strict: ${unit} mới có số liệu của ${share} xã (thiếu ${nameList(completeness.missing, 12, (n) => `và ${n} xã khác`)}); bổ sung tệp của các xã còn thiếu, hoặc bỏ --strict để vẫn lập báo cáo.`,
    `--strict: ${unit} has figures from ${share} communes only (missing ${nameList(completeness.missing, 12, (n) => `and ${n} more`)}); add the missing communes' files, or drop --strict.`,
  );
}
