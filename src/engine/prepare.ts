/**
 * Records → the engine's tables, one per source of the indicator vocabulary (population,
 * births, deaths, events, communeFacts). Each row carries its unit at every level (already at
 * R, through the crosswalk when needed) and the derived values the conditions and breakdowns
 * read: ages at the right date, age group, active special groups, breakdown codes with KHONG_RO
 * for blanks. Rows whose commune code is unknown at their date become rejected rows here.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { recordValues } from '../model/record-values.js';
import { sheetSpecOf } from '../model/columns.js';
import { UNKNOWN } from '../model/codes.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { msg } from '../model/messages.js';
import type { Child, ChildEvent, CommuneFacts, Dataset } from '../model/records.js';
import type { Level } from '../model/results.js';
import type { Source } from '../indicators/schema.js';
import { ageGroupOf } from './breakdowns.js';
import { ageInYears, agesOn, inWindow } from './dates.js';
import { parsePeriod, type Period, type PeriodPresets } from './period.js';
import type { Placement, UnitPlacer } from './placement.js';

export interface PrepareInput {
  readonly dataset: Dataset;
  /** W; its last day is the reference date of ages and of the population. */
  readonly window: Period;
  /** Places rows on the units every figure is reported on. */
  readonly placer: UnitPlacer;
  /** The date the children's commune codes are read at (R, or --codes-as-of). */
  readonly childCodesAsOf: string;
  readonly presets?: PeriodPresets;
}

export interface UnitParents {
  readonly district: string | undefined;
  readonly province: string;
}

export interface Prepared {
  readonly window: Period;
  readonly tables: Readonly<Record<Source, ColumnTable>>;
  /** Communes (at R) with any input row, and their parents. */
  readonly communes: ReadonlyMap<string, UnitParents>;
  /** False when the data has no TreEm rows at all: every figure from children is "no data". */
  readonly hasChildren: boolean;
  /** Per children source and optional TreEm column: the communes with a child whose file lacks the column. */
  readonly absent: Readonly<Record<ChildSource | 'events', ReadonlyMap<AbsentColumn, ReadonlySet<string>>>>;
  readonly rejected: RejectedRow[];
  readonly warnings: ImportWarning[];
}

/** Codes of the units that have any input row, per level. */
export function unitsWithRows(prepared: Prepared, levels: readonly Level[]): Map<Level, string[]> {
  const sets = new Map<Level, Set<string>>(levels.map((level) => [level, new Set<string>()]));
  for (const [commune, parents] of prepared.communes) {
    sets.get('commune')?.add(commune);
    if (parents.district !== undefined) sets.get('district')?.add(parents.district);
    sets.get('province')?.add(parents.province);
  }
  return new Map([...sets].map(([level, codes]) => [level, [...codes].sort()]));
}

/**
 * Column arrays filled row by row (no object per row: half a million children must stay cheap),
 * then handed to arquero as a table.
 */
class Columns<Name extends string> {
  private readonly data = {} as Record<Name, unknown[]>;
  constructor(names: readonly Name[]) {
    for (const name of names) this.data[name] = [];
  }
  col(name: Name): unknown[] {
    return this.data[name];
  }
  table(): ColumnTable {
    return aq.table(this.data);
  }
}

const PLACE_COLUMNS = ['key', 'commune', 'district', 'province', 'approx'] as const;
type PlaceColumn = (typeof PLACE_COLUMNS)[number];

function pushPlace<Name extends string>(columns: Columns<Name | PlaceColumn>, key: string, placement: Placement): void {
  columns.col('key').push(key);
  columns.col('commune').push(placement.commune);
  columns.col('district').push(placement.district ?? '');
  columns.col('province').push(placement.province);
  columns.col('approx').push(placement.approximate ? 1 : 0);
}

const CHILD_COLUMNS = [
  ...PLACE_COLUMNS,
  'sex',
  'age',
  'ageMonths',
  'ageGroup',
  'birthRegistered',
  'hasHealthInsurance',
  'schoolStatus',
  'special',
  'groups',
  'risk',
  'supportDate',
  'fine',
] as const;

const EVENT_COLUMNS = [
  ...PLACE_COLUMNS,
  'caseId',
  'sex',
  'age',
  'ageGroup',
  'eventType',
  'outcome',
  'cause',
  'setting',
  'forms',
  'handling',
  'interventions',
  'fine',
] as const;

const FACT_COLUMNS = [
  ...PLACE_COLUMNS,
  'population',
  'villages',
  'villagesWithFacilities',
  'childrenConsulted',
  'budget',
  'childFriendly',
  'hasPlayground',
] as const;

const NO_GROUPS: readonly string[] = Object.freeze([]);

/** Special-circumstance groups active at R: the child's dates decide for all its groups. */
function activeGroups(child: Child, reference: string): readonly string[] {
  if (child.specialGroups.length === 0) return NO_GROUPS;
  if (child.specialSince !== undefined && child.specialSince > reference) return NO_GROUPS;
  if (child.specialUntil !== undefined && child.specialUntil <= reference) return NO_GROUPS;
  return [...new Set(child.specialGroups)];
}

type Ages = ReturnType<typeof agesOn>;

/** P(R): born on or before R, under 16 at R, not moved away or dead by R. */
function inPopulation(child: Child, reference: string, ages: Ages): boolean {
  if (child.dateOfBirth > reference) return false;
  if (ages.years(child.dateOfBirth) >= 16) return false;
  if (child.status !== 'ACTIVE') {
    // A status without its date cannot be placed in time; the importer requires the date.
    if (child.statusDate === undefined || child.statusDate <= reference) return false;
  }
  return true;
}

type ChildColumn = (typeof CHILD_COLUMNS)[number];
export type ChildSource = 'population' | 'births' | 'deaths';
/**
 * What a missing column takes away ("no data" for the measures that need it), by the
 * contract key of the column. `status` is what placing deaths in time needs.
 */
const CHILD_ABSENCE = {
  birthRegistered: 'birthRegistered',
  hasHealthInsurance: 'hasHealthInsurance',
  schoolStatus: 'schoolStatus',
  specialGroups: 'specialCircumstances',
  riskGroups: 'riskGroups',
  supportDate: 'supportDate',
  status: 'status',
} as const;
const EVENT_ABSENCE = { interventions: 'interventions', handling: 'handling', fineAmount: 'fineAmount' } as const;
export type AbsentColumn = (typeof CHILD_ABSENCE)[keyof typeof CHILD_ABSENCE] | (typeof EVENT_ABSENCE)[keyof typeof EVENT_ABSENCE];

/** Communes (codes) whose records lack a column, by what the column gives. */
class Absence {
  readonly communes = new Map<AbsentColumn, Set<string>>();

  note(absentKeys: readonly string[] | undefined, mapping: Readonly<Record<string, AbsentColumn>>, commune: string): void {
    for (const key of absentKeys ?? []) {
      const column = mapping[key];
      if (column === undefined) continue;
      let communes = this.communes.get(column);
      if (communes === undefined) this.communes.set(column, (communes = new Set()));
      communes.add(commune);
    }
  }
}

const NULLABLE = ['birthRegistered', 'hasHealthInsurance', 'schoolStatus'] as const;

class ChildTable {
  readonly columns = new Columns<ChildColumn>(CHILD_COLUMNS);
  readonly absence = new Absence();

  add(child: Child, placement: Placement, reference: string, age: number, ageMonths: number): void {
    pushChild(this.columns, child, placement, reference, age, ageMonths);
    this.absence.note(child.absentColumns, CHILD_ABSENCE, placement.commune);
    // The record's own null says the same for these (the importer sets both).
    const nulls = NULLABLE.filter((key) => child[key] === null);
    if (nulls.length > 0) this.absence.note(nulls, CHILD_ABSENCE, placement.commune);
  }
}

/** One child's row: `age` at R or at death, everything else at R. */
function pushChild(columns: Columns<ChildColumn>, child: Child, placement: Placement, reference: string, age: number, ageMonths: number): void {
  const groups = activeGroups(child, reference);
  const ageGroup = ageGroupOf(age);
  pushPlace(columns, child.childId, placement);
  columns.col('sex').push(child.sex);
  columns.col('age').push(age);
  columns.col('ageMonths').push(ageMonths);
  columns.col('ageGroup').push(ageGroup);
  columns.col('birthRegistered').push(child.birthRegistered);
  columns.col('hasHealthInsurance').push(child.hasHealthInsurance);
  // null: the column is absent from the file; '' a blank cell.
  columns.col('schoolStatus').push(child.schoolStatus === null ? null : (child.schoolStatus ?? ''));
  columns.col('special').push(groups.length > 0 ? 1 : 0);
  columns.col('groups').push(groups);
  columns.col('risk').push(child.riskGroups.length > 0 ? 1 : 0);
  columns.col('supportDate').push(child.supportDate ?? null);
  // One key for the commune × sex × age-group grouping every split by sex or age is summed from.
  columns.col('fine').push(`${placement.commune}|${child.sex}|${ageGroup}`);
}

function rejectRow(kind: 'children' | 'events' | 'communeFacts', record: Child | ChildEvent | CommuneFacts, issue: RejectedRow['issues'][number]): RejectedRow {
  return { source: record.source, recordKind: kind, issues: [issue], values: recordValues(sheetSpecOf(kind), record) };
}

/**
 * The date a ThongTinXa row's codes are read at, and whether it belongs to the window: its
 * period id names the window itself or any id of the same window ("2025-H1" and
 * "2025-01-01..2025-06-30" are one period). The report's commune facts use the same rule.
 */
export function factsPeriod(row: Pick<CommuneFacts, 'periodId'>, window: Period, presets: PeriodPresets | undefined): { matches: boolean; readAt: string } {
  if (row.periodId.trim() === window.id) return { matches: true, readAt: window.to };
  try {
    const period = parsePeriod(row.periodId, presets);
    return { matches: period.from === window.from && period.to === window.to, readAt: period.to };
  } catch {
    return { matches: false, readAt: window.to };
  }
}

export function prepare(input: PrepareInput): Prepared {
  const { dataset, window, placer } = input;
  const reference = window.to;
  const rejected: RejectedRow[] = [];
  const warnings: ImportWarning[] = [];
  const communes = new Map<string, UnitParents>();
  const note = (placement: Placement) => {
    if (!communes.has(placement.commune)) communes.set(placement.commune, { district: placement.district, province: placement.province });
  };

  const population = new ChildTable();
  const births = new ChildTable();
  const deaths = new ChildTable();
  // Only children with events are looked up: no map of half a million children for nothing.
  const withEvents = new Set(dataset.events.map((event) => event.childId));
  const childById = new Map<string, Child>();
  const ages = agesOn(reference);
  for (const child of dataset.children) {
    const outcome = placer.place(child.communeCode, input.childCodesAsOf);
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_unit') rejected.push(rejectRow('children', child, outcome.issue));
      continue;
    }
    if (withEvents.has(child.childId)) childById.set(child.childId, child);
    note(outcome.placement);
    const born = child.dateOfBirth <= reference;
    const age = born ? ages.years(child.dateOfBirth) : -1;
    const ageMonths = born ? ages.months(child.dateOfBirth) : -1;
    const placement = outcome.placement;
    if (inPopulation(child, reference, ages)) population.add(child, placement, reference, age, ageMonths);
    if (inWindow(child.dateOfBirth, window.from, window.to)) births.add(child, placement, reference, age, ageMonths);
    if (child.status === 'DEAD' && child.statusDate !== undefined && inWindow(child.statusDate, window.from, window.to)) {
      deaths.add(child, placement, reference, ageInYears(child.dateOfBirth, child.statusDate), ageMonths);
    }
  }

  const events = new Columns(EVENT_COLUMNS);
  const eventAbsence = new Absence();
  for (const event of dataset.events) {
    const outcome = placer.place(event.communeCode, event.eventDate);
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_unit') rejected.push(rejectRow('events', event, outcome.issue));
      continue;
    }
    note(outcome.placement);
    if (!inWindow(event.eventDate, window.from, window.to)) continue;
    // TreEm's sex and birth date win over the event row's (indicator-rules.md, "Who is counted").
    const child = childById.get(event.childId);
    const dateOfBirth = child?.dateOfBirth ?? event.dateOfBirth;
    const age = dateOfBirth === undefined ? null : ageInYears(dateOfBirth, event.eventDate);
    // Events count only for children under 16 on the event date; an unknown age is kept (KHONG_RO).
    if (age !== null && (age >= 16 || age < 0)) continue;
    pushPlace(events, event.childId, outcome.placement);
    eventAbsence.note(event.absentColumns, EVENT_ABSENCE, outcome.placement.commune);
    events.col('caseId').push(event.caseId);
    events.col('sex').push(child?.sex ?? event.sex ?? UNKNOWN);
    events.col('age').push(age);
    events.col('ageGroup').push(ageGroupOf(age));
    events.col('eventType').push(event.eventType);
    events.col('outcome').push(event.outcome ?? '');
    events.col('cause').push(event.injuryCause ?? UNKNOWN);
    events.col('setting').push(event.abuseSetting ?? UNKNOWN);
    events.col('forms').push(event.abuseForms.length > 0 ? [...new Set(event.abuseForms)] : [UNKNOWN]);
    events.col('handling').push(event.handling ?? '');
    events.col('interventions').push(event.interventions.length > 0 ? 1 : 0);
    events.col('fine').push(event.fineAmount ?? null);
  }

  const facts = new Columns(FACT_COLUMNS);
  const seenFacts = new Set<string>();
  for (const row of dataset.communeFacts) {
    const period = factsPeriod(row, window, input.presets);
    // A ThongTinXa sheet holds one row per commune per period: other periods' rows are not errors.
    if (!period.matches) continue;
    const outcome = placer.place(row.communeCode, period.readAt);
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_unit') rejected.push(rejectRow('communeFacts', row, outcome.issue));
      continue;
    }
    if (seenFacts.has(row.communeCode)) {
      warnings.push({
        source: row.source,
        kind: 'duplicate_facts',
        message: msg(
          `xã ${row.communeCode} đã có dòng thông tin xã cho kỳ này; dòng này bị bỏ qua`,
          `commune ${row.communeCode} already has a facts row for this period; this row is ignored`,
        ),
      });
      continue;
    }
    seenFacts.add(row.communeCode);
    note(outcome.placement);
    pushPlace(facts, row.communeCode, outcome.placement);
    facts.col('population').push(row.population ?? null);
    facts.col('villages').push(row.villages ?? null);
    facts.col('villagesWithFacilities').push(row.villagesWithFacilities ?? null);
    facts.col('childrenConsulted').push(row.childrenConsulted ?? null);
    facts.col('budget').push(row.budget ?? null);
    facts.col('childFriendly').push(row.childFriendly ?? null);
    facts.col('hasPlayground').push(row.hasPlayground ?? null);
  }

  return {
    window,
    tables: {
      population: population.columns.table(),
      births: births.columns.table(),
      deaths: deaths.columns.table(),
      events: events.table(),
      communeFacts: facts.table(),
    },
    communes,
    hasChildren: dataset.children.length > 0,
    absent: {
      population: population.absence.communes,
      births: births.absence.communes,
      deaths: deaths.absence.communes,
      events: eventAbsence.communes,
    },
    rejected,
    warnings,
  };
}
