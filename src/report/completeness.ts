/**
 * What a report says about the communes whose data it was made of (engine/completeness.ts
 * finds them): one sentence where the figures start, a note under every annex table when
 * some are missing, the ThongTin rows, and the line the command line prints.
 */
import type { UnitCoverage } from '../model/results.js';
import { reportText, type Message } from '../messages/index.js';
import { formatNumber, upperFirst } from './format-vi.js';
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
  /** The units none of whose communes had data, with how many communes each has: one row each in the annex's list. */
  readonly missingUnits?: readonly (NamedCommune & { readonly communes: number })[];
  /** The communes without data in the units that have some: listed one by one. */
  readonly missingElsewhere?: readonly NamedCommune[];
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
  const missingUnits: (NamedCommune & { communes: number })[] = [];
  const inMissingUnits = new Set<string>();
  let elsewhere = 0;
  for (const child of children) {
    const communes = communesOf(child);
    const without = communes.filter((code) => !reporting.has(code)).length;
    if (without === communes.length) {
      missing.push(child.fullName);
      missingUnits.push({ code: child.code, name: child.fullName, communes: communes.length });
      for (const code of communes) inMissingUnits.add(code);
    } else elsewhere += without;
  }
  const missingElsewhere = completeness.missing.filter((commune) => !inMissingUnits.has(commune.code));
  return {
    ...completeness,
    byUnit: { word, units: children.length, withData: children.length - missing.length, missing, missingCommunesElsewhere: elsewhere, missingUnits, missingElsewhere },
  };
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

/** "5/96 xã, phường, đặc khu": the communes that had data, of all. */
function reportingShare(completeness: Completeness): string {
  return `${formatNumber(completeness.reporting.length)}/${formatNumber(completeness.communes)} ${completeness.word}`;
}

/**
 * Where the figures start: "số liệu tổng hợp từ 5/96 xã, phường, đặc khu; chưa có số liệu của
 * 91/96 xã, phường, đặc khu: xem Phụ lục, Biểu 06". The missing units are counted here and
 * listed once, in the annex table `listedIn` names (missingUnitsTable).
 */
export function completenessClause(completeness: Completeness, listedIn: string, word = completeness.word): string {
  const share = `${formatNumber(completeness.reporting.length)}/${formatNumber(completeness.communes)} ${word}`;
  if (completeness.missing.length === 0) return `số liệu tổng hợp từ ${share}`;
  const missing = `${formatNumber(completeness.missing.length)}/${formatNumber(completeness.communes)} ${word}`;
  const byUnit = completeness.byUnit;
  const units = byUnit && byUnit.missing.length > 0 ? ` (${formatNumber(byUnit.missing.length)}/${formatNumber(byUnit.units)} ${byUnit.word} chưa có số liệu)` : '';
  const of = byUnit ? ` của ${formatNumber(byUnit.withData)}/${formatNumber(byUnit.units)} ${byUnit.word}` : '';
  return `số liệu tổng hợp từ ${share}${of}; chưa có số liệu của ${missing}${units}: xem ${listedIn}`;
}

/** The same as a sentence of its own. */
export function completenessSentence(completeness: Completeness, listedIn: string): string {
  return `${upperFirst(completenessClause(completeness, listedIn))}.`;
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

/** The note under each annex table: the count only (the list is the annex table's); none when every commune had data. */
export function completenessNote(completeness: Completeness | undefined, listedIn: string): string | undefined {
  if (completeness === undefined || completeness.missing.length === 0) return undefined;
  return `Số liệu chỉ gồm ${reportingShare(completeness)} đã có số liệu; danh sách ${formatNumber(completeness.missing.length)} ${completeness.word} chưa có số liệu: ${listedIn}.`;
}

/** The line `compute`, `report` and `aggregate` print for a unit with missing communes. */
export function completenessMessage(unit: string, completeness: Completeness): Message {
  const coverage = { unit, reporting: completeness.reporting.length, communes: completeness.communes, names: completeness.missing.map((commune) => commune.name) };
  const byUnit = completeness.byUnit;
  if (byUnit && byUnit.missing.length > 0) {
    // The nation: the provinces that sent nothing, then the communes missing in the others.
    return reportText.unitsBelowMissing({ ...coverage, word: byUnit.word, units: byUnit.units, withData: byUnit.withData, missingUnits: byUnit.missing, elsewhere: byUnit.missingCommunesElsewhere });
  }
  return reportText.communesMissing(coverage);
}

/** Refusal under --strict (exit 3 is "data problems under --strict"). */
export function incompleteRefusal(unit: string, completeness: Completeness): Message {
  return reportText.incompleteRefused({ unit, reporting: completeness.reporting.length, communes: completeness.communes, names: completeness.missing.map((commune) => commune.name) });
}
