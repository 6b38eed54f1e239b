/**
 * What a front end proposes once the files are read, before the person chooses anything
 * (#18, "defaults from the data"): the report period, the unit and the plan. Pure functions of
 * the records and the lists; the page only shows what they return.
 *
 * - Period: the most recent Circular 13 period (the first six months, or the year) that the
 *   records reach the last month of. Nine months and quarters are offered, never proposed.
 * - Unit: the lowest unit all the communes of the records lie in, in the list valid at the
 *   period's end: the district for one district's communes before the reform, the commune for
 *   one commune's files, the province for several communes after it.
 * - Plan: only a plan whose year is the period's and whose issuer is the unit; otherwise none
 *   ("Không đánh giá"): a plan of another unit or year is never evaluated unasked.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetPlan } from '../indicators/index.js';
import { loadSettingsFile, ReportSettingsFile, resolveSettings } from '../report/settings.js';
import type { UnitName } from '../report/unit-name.js';
import type { Column, Dataset } from '../model/record-columns.js';
import { isoOfDateNumber, NO_DATE } from '../model/record-columns.js';
import { levelWords, unitsAbove, type NamedUnit } from '../model/levels.js';
import type { PeriodRef } from '../model/results.js';
import { eraAt, type AdminUnits } from '../units/index.js';

/** The periods of Circular 13 a year is reported on, latest last: the first six months, then the year. */
const REPORTED_PERIODS = (year: number) => [
  { id: `${year}-H1`, lastMonth: `${year}-06`, to: `${year}-06-30` },
  { id: `${year}`, lastMonth: `${year}-12`, to: `${year}-12-31` },
];

/** The dates a column holds, as ISO strings, on or before `today` (a date after it is a typing slip, never coverage). */
function latestIn(columns: Readonly<Record<string, Column>>, today: string): string | undefined {
  let latest = NO_DATE;
  const limit = Number(today.replaceAll('-', ''));
  for (const column of Object.values(columns)) {
    if (column.type !== 'date') continue;
    for (const date of column.dates) if (date !== NO_DATE && date <= limit && date > latest) latest = date;
  }
  return latest === NO_DATE ? undefined : isoOfDateNumber(latest);
}

/**
 * The last day the records cover: each kind of record present (the child lists, the events, the
 * commune facts) reaches its latest date (birth, support, status, event…, or the end of a facts
 * period), up to `today`; the records cover up to the earliest of those. Child lists exported in
 * June with events typed until December cover June: the population after it is unknown.
 */
export function latestRecordDate(dataset: Dataset, today: string, periodEnd: (periodId: string) => string | undefined): string | undefined {
  const facts = dataset.communeFacts
    .map((fact) => periodEnd(fact.periodId))
    .filter((date): date is string => date !== undefined && date <= today)
    .sort()
    .at(-1);
  const reached = [
    dataset.children.length > 0 ? latestIn(dataset.children.fields as Readonly<Record<string, Column>>, today) : undefined,
    dataset.events.length > 0 ? latestIn(dataset.events.fields as Readonly<Record<string, Column>>, today) : undefined,
    facts,
  ].filter((date): date is string => date !== undefined);
  return reached.sort()[0];
}

/**
 * The most recent six-month or annual period whose last month the records reach (data up to
 * 28/06/2025 covers the first half of 2025); `undefined` when they reach none.
 */
export function defaultPeriodId(latest: string | undefined): string | undefined {
  if (latest === undefined) return undefined;
  const year = Number(latest.slice(0, 4));
  const month = latest.slice(0, 7);
  const covered = [...REPORTED_PERIODS(year - 1), ...REPORTED_PERIODS(year)].filter((period) => period.lastMonth <= month);
  return covered.at(-1)?.id;
}

/**
 * The lowest unit every commune lies in, in the list valid on `periodEnd`: the commune itself
 * when there is one, the district, the province or the nation. `undefined` for no commune.
 */
export function commonUnit(communes: readonly string[], units: AdminUnits, periodEnd: string): NamedUnit | undefined {
  const chains = [...new Set(communes)].map((code) => {
    const name = units.commune(code, eraAt(periodEnd))?.name ?? code;
    return [{ code, name, level: 'commune' as const }, ...unitsAbove(units, { code, level: 'commune' }, periodEnd)];
  });
  return commonParent(chains);
}

/** The lowest unit common to several chains of units above (each lowest first); `undefined` when none is. */
export function commonParent(chains: readonly (readonly NamedUnit[])[]): NamedUnit | undefined {
  const [first, ...others] = chains;
  return first?.find((candidate) => others.every((chain) => chain.some((unit) => unit.code === candidate.code && unit.level === candidate.level)));
}

const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ');

/**
 * Whether a plan is the unit's own for the period: its name says the period's year ("năm
 * 2026"), and its issuer (or, without one, its name) names the unit ("phường Phú La").
 */
export function planFits(plan: Pick<TargetPlan, 'plan' | 'issuedBy'>, unit: Pick<NamedUnit, 'name'>, period: PeriodRef): boolean {
  const years = [...plan.plan.matchAll(/\b(20\d{2})\b/g)].map((match) => match[1]);
  if (!years.includes(period.to.slice(0, 4))) return false;
  return folded(plan.issuedBy ?? plan.plan).includes(folded(unit.name));
}

/** The plan to propose: the one plan that fits the unit and period, else 'none'. */
export function defaultPlanId(plans: readonly { readonly id: string; readonly plan: Pick<TargetPlan, 'plan' | 'issuedBy'> }[], unit: Pick<NamedUnit, 'name'>, period: PeriodRef): string {
  const fitting = plans.filter((entry) => planFits(entry.plan, unit, period));
  return fitting.length === 1 ? fitting[0]!.id : 'none';
}

/** The bundled settings files (examples of every level: settings/). */
export const SETTINGS_DIR = fileURLToPath(new URL('../../settings/', import.meta.url));

/** One settings file found for a unit: its name (no folder) and what it says. */
export interface UnitSettings {
  readonly file: string;
  readonly settings: ReportSettingsFile;
}

/** The name an issuing body must hold to be the unit's: the unit's own ("Huyện Sơn Hà"), or its body's heading (the nation's "BỘ Y TẾ"). */
export function issuingBodyName(unit: Pick<UnitName, 'fullName' | 'level'>): string {
  const body = levelWords(unit.level).body;
  return body ? body.heading.join(' ') : unit.fullName;
}

/**
 * Whether the issuing body (and the governing body above it) names the unit: "ỦY BAN NHÂN DÂN /
 * HUYỆN SƠN HÀ" for Huyện Sơn Hà, and "SỞ Y TẾ" under "UBND TỈNH QUẢNG NGÃI" for the province.
 */
export function issuingBodyNames(lines: readonly string[], unit: Pick<UnitName, 'fullName' | 'level'>): boolean {
  return folded(lines.join(' ')).includes(folded(issuingBodyName(unit)));
}

/**
 * The settings file of `unit` in `folders` (the office's settings/ folder, then the bundled
 * one): a file whose issuing body names the unit. Among several, the one dated on or after
 * the period's end first. A report date before the period's end (last year's file) is dropped:
 * the form would be refused with it. Files that are not settings (narratives, periods) are skipped.
 */
export function settingsForUnit(folders: readonly string[], unit: Pick<UnitName, 'fullName' | 'level'>, period: PeriodRef): UnitSettings | undefined {
  const found: UnitSettings[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => /\.ya?ml$/i.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      let settings: ReportSettingsFile;
      try {
        settings = loadSettingsFile(join(folder, name));
      } catch {
        continue;
      }
      if (settings.issuingBody && issuingBodyNames([...settings.issuingBody, ...(settings.parentBody ?? [])], unit)) found.push({ file: name, settings });
    }
  }
  const dated = (entry: UnitSettings) => entry.settings.reportDate !== undefined && entry.settings.reportDate >= period.to;
  const chosen = found.find(dated) ?? found[0];
  if (!chosen) return undefined;
  if (dated(chosen) || chosen.settings.reportDate === undefined) return chosen;
  const { reportDate: _stale, ...rest } = chosen.settings;
  return { file: chosen.file, settings: rest };
}

/**
 * The form of a unit without a settings file: its issuing body, place and signer as the
 * report writes them by default (Ủy ban nhân dân + the unit's name); the rest left to fill.
 */
export function defaultSettingsFor(unit: UnitName, period: PeriodRef, provinceName?: string): ReportSettingsFile {
  const resolved = resolveSettings(undefined, unit, period.to, provinceName);
  const addressees = resolved.addressees.filter((line) => !line.startsWith('[['));
  return ReportSettingsFile.parse({
    issuingBody: resolved.issuingBody,
    place: resolved.place,
    ...(addressees.length > 0 ? { addressees } : {}),
    signer: { authority: resolved.signer.authority, title: resolved.signer.title },
  });
}
