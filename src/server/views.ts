/**
 * What the page shows, shaped from the pipeline's data: plain JSON with every message in both
 * languages ({ vi, en }), so the page switches language without asking again. Rejected rows
 * and warnings are the terminal's lines, personal values masked the same way.
 */
import { type AdminUnits, completenessMessage, countsByKind, eraAt, type Explanation, type ImportResult, issueLabel, KEY_LABELS, KIND_LABELS, parsePeriod, type Period, type PeriodPresets, periodWording, placementLines, placementNotes, type RecordKeys, rejectedLine, samePeriodLastYear, SKIP_REASONS, type UnitName, valueLabel, warningLine } from '../pipeline/stages.js';
import { type Bilingual, commonText, engineText, type Message, serverFormText, serverText } from '../messages/index.js';
import { NO_DATE, type CodeColumn } from '../model/record-columns.js';
import type { BreakdownKey, ComputeResult, IndicatorResult, Level, TargetStatus } from '../model/results.js';
import { communesUnder, levelRank, NATION_CODE, unitsAbove } from '../model/levels.js';
import type { Computed, Definitions } from '../pipeline/compute.js';
import { completenessFor } from '../pipeline/units.js';
import { totalsOf } from '../pipeline/read.js';
import { commonUnit, defaultPeriodId, latestRecordDate } from '../pipeline/defaults.js';

/** Rows listed one by one on the page; the error workbook has them all. */
export const LISTED_ROWS = 200;

/** Ignored columns named per sheet; a sheet of thousands of columns says how many more. */
export const LISTED_COLUMNS = 30;

/** Text another stage renders per language (its own catalogue's), sent to the page in both. */
const both = (make: (lang: 'vi' | 'en') => string): Bilingual => ({ vi: make('vi'), en: make('en') });

/** A name the data gives in both languages (an indicator's, a group's): not a message. */
const named = (vi: string, en: string | undefined): Bilingual => ({ vi, en: en ?? vi });

/** Which profile made on the page a sheet was read with, so the page can offer to save it. */
export type MadeProfileOf = (profile: { readonly name: string; readonly file: string }) => { readonly id: string; readonly saved?: string } | undefined;

export function dataView(imported: ImportResult, madeProfileOf: MadeProfileOf = () => undefined) {
  const issueKinds = imported.rejected.flatMap((row) => [...new Set(row.issues.map((issue) => issue.kind))]);
  // Every warning, skipped total rows too: the count is the terminal's "Cảnh báo (2)" and the error workbook's (#19).
  const { warnings } = imported;
  return {
    totals: totalsOf(imported),
    files: imported.files.map((file) => ({
      file: file.file,
      // "trang web xuất ra dạng .xls": what the file really is, when its name does not say.
      origin: file.origin ?? null,
      read: file.read,
      accepted: file.accepted,
      rejected: file.rejected,
      sheets: file.sheets.map((sheet) => ({
        sheet: sheet.sheet,
        kind: KIND_LABELS[sheet.kind] ?? commonText.verbatim({ text: sheet.kind }),
        headerRow: sheet.headerRow,
        read: sheet.read,
        accepted: sheet.accepted,
        rejected: sheet.rejected,
        totalsSkipped: sheet.totalsSkipped,
        profile: sheet.profile ? { name: sheet.profile.name, file: sheet.profile.file, automatic: sheet.profile.automatic, made: madeProfileOf(sheet.profile) ?? null } : null,
        // What the header gave, as `validate` prints it: columns not read, with the contract header a misspelt one was probably meant to be.
        ignored: (sheet.columns?.ignored ?? []).slice(0, LISTED_COLUMNS),
        ignoredCount: sheet.columns?.ignored.length ?? 0,
        // After computing: children carried from the old codes, rows rejected while being placed.
        placement: sheet.placement ? both((lang) => placementLines(sheet.placement!, lang, '').join('; ')) : null,
      })),
      skipped: file.skippedSheets.map((skipped) => ({ sheet: skipped.sheet, why: SKIP_REASONS[skipped.reason], rows: skipped.rows })),
    })),
    errorsByKind: countsByKind(issueKinds).map(([kind, count]) => ({ kind, label: both((lang) => issueLabel(kind, lang)), count })),
    warningsByKind: countsByKind(warnings.map((warning) => warning.kind)).map(([kind, count]) => ({ kind, label: both((lang) => issueLabel(kind, lang)), count })),
    rejected: imported.rejected.slice(0, LISTED_ROWS).map((row) => both((lang) => rejectedLine(row, lang))),
    rejectedCount: imported.rejected.length,
    warnings: warnings.slice(0, LISTED_ROWS).map((warning) => both((lang) => warningLine(warning, lang))),
    warningCount: warnings.length,
  };
}

export function periodLabel(period: Period, presets: PeriodPresets): Message {
  const preset = period.kind === 'named' ? presets.get(period.name) : undefined;
  const dates = `${period.from.split('-').reverse().join('/')} – ${period.to.split('-').reverse().join('/')}`;
  if (preset) return serverText.periodNamed({ label: preset.label ?? preset.name, labelEn: preset.labelEn ?? preset.name, year: period.to.slice(0, 4), dates });
  const wording = periodWording(period);
  const year = Number(period.to.slice(0, 4));
  const label = wording.label.charAt(0).toUpperCase() + wording.label.slice(1);
  switch (period.kind) {
    case 'year':
      return serverText.periodYear({ label, year });
    case 'half-year':
      return serverText.periodHalf({ label, half: period.half, year });
    case 'nine-months':
      return serverText.periodNineMonths({ label, year });
    case 'quarter':
      return serverText.periodQuarter({ label, quarter: period.quarter, year });
    case 'custom':
    case 'named':
      return commonText.verbatim({ text: dates });
  }
}

/** The periods offered for the years the records speak of, most recent year first; and a default (src/pipeline/defaults.ts). */
export function periodsView(imported: ImportResult, presets: PeriodPresets, today: string = new Date().toISOString().slice(0, 10)) {
  const years = new Set<number>();
  for (const date of imported.dataset.events.fields.eventDate.dates) {
    if (date === NO_DATE) continue;
    years.add(Math.floor(date / 10_000));
  }
  const periodEnd = (periodId: string) => {
    try {
      return parsePeriod(periodId, presets).to;
    } catch {
      return undefined;
    }
  };
  for (const fact of imported.dataset.communeFacts) {
    const year = Number(/^(\d{4})/.exec(fact.periodId)?.[1]);
    if (year) years.add(year);
  }
  const latest = latestRecordDate(imported.dataset, today, periodEnd);
  const chosen = defaultPeriodId(latest);
  // The year of the proposed period is offered even when no event falls in it.
  if (chosen) years.add(Number(chosen.slice(0, 4)));
  if (years.size === 0) years.add(Number(today.slice(0, 4)));
  const sorted = [...years].filter((year) => year >= 2000 && year <= 2100).sort((a, b) => b - a).slice(0, 5);
  const ids = sorted.flatMap((year) => [`${year}-H1`, `${year}-9M`, `${year}`, `${year}-H2`, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`, ...[...presets.keys()].map((name) => `${year}-${name}`)]);
  const periods = ids.map((id) => parsePeriod(id, presets));
  return {
    periods: periods.map((period) => ({ id: period.id, from: period.from, to: period.to, label: periodLabel(period, presets) })),
    defaultPeriod: chosen && periods.some((period) => period.id === chosen) ? chosen : periods[0]!.id,
  };
}

/** The codes a code column holds in at least one row. */
function codesIn(column: CodeColumn): string[] {
  const used = new Set<number>(column.codes);
  return [...used].filter((index) => index >= 0).map((index) => column.dictionary[index]!);
}

export interface UnitOption {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
}

/** The communes, districts and province(s) the records name, on the units valid at the period's end; and the one they all lie in. */
export function unitsView(imported: ImportResult, period: Period, units: AdminUnits): { units: UnitOption[]; defaultUnit: string | null } {
  const communes = communesIn(imported, period, units);
  const found = new Map<string, UnitOption>();
  for (const code of communes) {
    const commune = units.commune(code, eraAt(period.to))!;
    found.set(code, { code, name: commune.name, level: 'commune' });
    for (const above of unitsAbove(units, { code, level: 'commune' }, period.to)) found.set(above.code, { ...above });
  }
  // The nation is offered whenever a province's records are there: what its figure covers is said beside it (coverageView).
  // Proposed until the person picks one: the unit all the files belong to (src/pipeline/defaults.ts).
  const common = commonUnit([...communes], units, period.to);
  return {
    units: [...found.values()].sort((a, b) => levelRank(b.level) - levelRank(a.level) || (a.code < b.code ? -1 : 1)),
    defaultUnit: common && found.has(common.code) ? common.code : null,
  };
}

/**
 * The communes of a unit that no file speaks of (no child, event or commune record), on the
 * list valid at the period's end: the files the unit still has to collect.
 */
export function coverageView(imported: ImportResult, unit: { code: string; level: Level }, period: Period, units: AdminUnits) {
  const withData = communesIn(imported, period, units);
  if (unit.level === 'national') return nationalCoverage(withData, period, units);
  const all = communesUnder(units, unit, period.to);
  const missing = all.filter((commune) => !withData.has(commune.code));
  return { communes: all.length, missing: missing.map((commune) => ({ code: commune.code, name: commune.name })) };
}

/**
 * What a national figure covers: the provinces the records are of, out of all (a commune's 3,321
 * names would say nothing). The nation's figure is the sum of these provinces only.
 */
function nationalCoverage(withData: ReadonlySet<string>, period: Period, units: AdminUnits) {
  const all = units.provinces(eraAt(period.to));
  const present = all.filter((province) => [...withData].some((commune) => unitsAbove(units, { code: commune, level: 'commune' }, period.to).some((above) => above.code === province.code)));
  return {
    communes: communesUnder(units, { code: NATION_CODE, level: 'national' }, period.to).length,
    missing: [],
    national: serverText.nationalCovers({ provinces: present.length, total: all.length, names: present.map((province) => province.name) }),
  };
}

/** The communes the records name, on the list valid at the period's end (old codes carried to their new commune). */
function communesIn(imported: ImportResult, period: Period, units: AdminUnits): Set<string> {
  const era = eraAt(period.to);
  const communes = new Set<string>();
  const { children, events, communeFacts } = imported.dataset;
  const codes = new Set([...codesIn(children.fields.communeCode), ...codesIn(events.fields.communeCode), ...communeFacts.map((record) => record.communeCode)]);
  for (const code of codes) {
    if (units.commune(code, era)) communes.add(code);
    else if (era === 'post') {
      const target = units.crosswalk(code);
      if (target) communes.add(target.code);
    }
  }
  return communes;
}

const STATUS: Record<TargetStatus, () => Message> = {
  met: serverText.statusMet,
  not_met: serverText.statusNotMet,
  insufficient_data: serverText.statusInsufficient,
  not_occurred: serverFormText.statusNotOccurred,
};

interface Figure {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly noData: boolean;
  readonly approximate: boolean;
}

function figureOf(row: IndicatorResult | undefined): Figure | null {
  if (!row) return null;
  return { value: row.value, numerator: row.numerator, denominator: row.denominator, noData: row.noData === true, approximate: row.approximate === true };
}

const totalKey = (indicator: string, unit: string) => `${indicator}|${unit}`;

function totals(result: ComputeResult | undefined): Map<string, IndicatorResult> {
  const map = new Map<string, IndicatorResult>();
  for (const row of result?.results ?? []) if (Object.keys(row.breakdown).length === 0) map.set(totalKey(row.indicator, row.unit), row);
  return map;
}

/**
 * The figures of the unit and the units under it: every indicator, this period and the same
 * period last year (when asked for), and the plan's target statuses. The page draws its
 * tables from this; further views (charts) can be drawn from the same rows.
 */
export function resultView(computed: Computed, unit: UnitName, subUnits: readonly UnitName[], definitions: Definitions) {
  const { catalogue, presets } = definitions;
  const { result, baselineResult } = computed.output;
  const completeness = completenessFor(result, unit, definitions.units);
  const now = totals(result);
  const last = totals(baselineResult);
  const units = [unit, ...subUnits].filter((candidate) => catalogue.indicators.some((definition) => now.has(totalKey(definition.code, candidate.code))));
  return {
    period: { ...result.period, label: periodLabel(computed.output.period, presets) },
    baselinePeriod: baselineResult ? { ...baselineResult.period, label: periodLabel(samePeriodLastYear(computed.output.period), presets) } : null,
    unit,
    units: units.map((entry) => ({ code: entry.code, name: entry.fullName, level: entry.level })),
    indicators: catalogue.indicators.map((definition) => ({
      code: definition.code,
      name: named(definition.name, definition.nameEn),
      group: named(definition.groupName, definition.groupNameEn),
      ratio: definition.denominator !== undefined,
      factor: definition.factor ?? null,
      // The word of the count beside a rate ("67 em"): children, cases, communes…
      unitOfCount: definition.unitOfCount,
      // A change of a percentage is in percentage points; of any other ratio (a sex ratio "per 100", a rate per 1,000 or 100,000) per its factor.
      percentage: definition.factor === 100 && /tỷ lệ/i.test(definition.name),
      breakdowns: definition.breakdowns.map((keys) => keys.join('+')),
    })),
    rows: units.flatMap((entry) =>
      catalogue.indicators.map((definition) => ({
        indicator: definition.code,
        unit: entry.code,
        now: figureOf(now.get(totalKey(definition.code, entry.code))),
        last: baselineResult ? figureOf(last.get(totalKey(definition.code, entry.code))) : null,
      })),
    ),
    targets: result.targets
      .filter((target) => target.unit === unit.code)
      .map((target) => ({ ...target, statusLabel: STATUS[target.status]() })),
    rejectedByEngine: computed.output.rejected.length,
    // Children not placed, or placed approximately: said before any figure.
    placement: placementNotes(result.placement),
    // A district's figures made of some of its communes say so, as the report does.
    completeness: completeness && completeness.missing.length > 0 ? completenessMessage(unit.fullName, completeness) : null,
  };
}

/** One indicator's breakdown rows for one unit, labelled. */
export function breakdownView(computed: Computed, indicator: string, unit: string) {
  const label = (breakdown: IndicatorResult['breakdown']) =>
    both((lang) =>
      (Object.entries(breakdown) as [BreakdownKey, string][])
        .map(([key, value]) => `${KEY_LABELS[key][lang]}: ${valueLabel(key, value, lang)}`)
        .join(' · '),
    );
  const pick = (result: ComputeResult | undefined) =>
    (result?.results ?? []).filter((row) => row.indicator === indicator && row.unit === unit && Object.keys(row.breakdown).length > 0);
  const lastById = new Map(pick(computed.output.baselineResult).map((row) => [JSON.stringify(row.breakdown), row]));
  return pick(computed.output.result).map((row) => ({
    breakdown: row.breakdown,
    label: label(row.breakdown),
    now: figureOf(row),
    last: computed.output.baselineResult ? figureOf(lastById.get(JSON.stringify(row.breakdown))) : null,
  }));
}

const KEYS_LABEL: Record<RecordKeys['kind'], () => Message> = {
  children: engineText.explainKeysChildren,
  cases: engineText.explainKeysCases,
  communes: engineText.explainKeysCommunes,
};

/** How many keys of each list go to the page; the CLI's `--limit` default. */
const KEYS_SHOWN = 200;

function keysView(keys: RecordKeys | undefined) {
  if (!keys) return null;
  const shown = keys.amounts ? keys.amounts.slice(0, KEYS_SHOWN).map((entry) => engineText.explainKeyWithAmount({ key: entry.key, amount: entry.amount })) : keys.keys.slice(0, KEYS_SHOWN);
  return { label: KEYS_LABEL[keys.kind](), count: keys.keys.length, shown };
}

export function explanationView(explanation: Explanation, unitName: string) {
  const { definition, row } = explanation;
  return {
    indicator: definition.code,
    name: named(definition.name, definition.nameEn),
    modelled: definition.modelled,
    unit: { code: row.unit, name: unitName },
    period: explanation.period,
    breakdown: row.breakdown,
    rule: explanation.rule,
    numeratorRule: explanation.numeratorRule,
    denominatorRule: explanation.denominatorRule ?? null,
    figure: figureOf(row),
    ratio: definition.denominator !== undefined,
    unitOfCount: definition.unitOfCount,
    notes: definition.notes ? named(definition.notes, definition.notesEn) : null,
    numerator: keysView(explanation.numerator),
    denominator: keysView(explanation.denominator),
    notice: serverText.personalKeysNotice(),
  };
}
