/**
 * Records → the engine's tables, one per source of the indicator vocabulary (population,
 * births, deaths, events, communeFacts). Each row carries its unit at every level (already at
 * R, through the crosswalk when needed) and the derived values the conditions and breakdowns
 * read: ages at the right date, age group, active special groups, breakdown codes with KHONG_RO
 * for blanks. Rows whose commune code is unknown at their date become rejected rows here.
 */
import * as aq from 'arquero';
import { BitSet, ColumnTable } from 'arquero';
import { recordValues } from '../model/record-values.js';
import { sheetSpecOf } from '../model/columns.js';
import { ABUSE_FORMS, AGE_GROUPS, SPECIAL_GROUPS, UNKNOWN } from '../model/codes.js';
import {
  ABSENT_CODE,
  ABSENT_FLAG,
  BLANK_CODE,
  NO_DATE,
  childAt,
  codeAt,
  dateNumber,
  eventAt,
  isoOfDateNumber,
  listCodes,
  eventChildRows,
  type ChildColumns,
  type CodeColumn,
  type EventColumns,
} from '../model/record-columns.js';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { engineText } from '../messages/index.js';
import type { Child, ChildEvent, CommuneFacts } from '../model/records.js';
import type { Dataset } from '../model/record-columns.js';
import { LEVELS, type CommuneUnits, type Level, type LevelUnits } from '../model/levels.js';
import type { Source } from '../indicators/schema.js';
import { ageGroupOf } from './breakdowns.js';
import { agesOnNumber, yearsBetween } from './dates.js';
import { parsePeriod, type Period, type PeriodPresets } from './period.js';
import type { PeriodRef } from '../model/results.js';
import type { Placement, PlacementOutcome, UnitPlacer } from './placement.js';
import { childVintages, type Vintage } from './vintage.js';
import { REFORM_DATE, type Era } from '../units/index.js';

export interface PrepareInput {
  readonly dataset: Dataset;
  /** W; its last day is the reference date of ages and of the population. */
  readonly window: Period;
  /** Places rows on the units every figure is reported on. */
  readonly placer: UnitPlacer;
  /** Each commune's units at the levels valid at R. */
  readonly communeUnits: CommuneUnits;
  /** The vintage of the children's commune codes forced by --codes-as-of; otherwise each sheet's own. */
  readonly childVintage?: Era;
  readonly presets?: PeriodPresets;
}

export interface Prepared {
  readonly window: Period;
  readonly tables: Readonly<Record<Source, ColumnTable>>;
  /** Communes (at R) with any input row, and their units at every level. */
  readonly communes: ReadonlyMap<string, LevelUnits>;
  /** How to read the `fine` column of the children's tables. */
  readonly fineKeys: FineKeys;
  /** False when the data has no TreEm rows at all: every figure from children is "no data". */
  readonly hasChildren: boolean;
  /** Per children source and optional TreEm column: the communes with a child whose file lacks the column. */
  readonly absent: Readonly<Record<ChildSource | 'events', ReadonlyMap<AbsentColumn, ReadonlySet<string>>>>;
  readonly rejected: RejectedRow[];
  readonly warnings: ImportWarning[];
  /** How the children's codes were read and placed, per sheet. */
  readonly placement: PlacementAccount;
}

/** How one children's sheet was placed on the units at R. */
export interface SheetPlacement {
  readonly file: string;
  readonly sheet: string;
  readonly vintage: Vintage;
  /** Children placed. */
  placed: number;
  /** Of those, read in the old list and carried to a new commune (crosswalk or village map). */
  converted: number;
  /** Of those, from a split old commune carried whole to one successor. */
  approximate: number;
  /** Of those, placed exactly by the village map. */
  byVillage: number;
  /** Children rejected while being placed. */
  rejected: number;
}

export interface PlacementAccount {
  readonly sheets: readonly SheetPlacement[];
  /** Children that could not be placed, per commune code as written, most first. */
  readonly unplaced: readonly { readonly code: string; readonly children: number }[];
}

/** Codes of the units that have any input row, per level. */
export function unitsWithRows(prepared: Prepared, levels: readonly Level[]): Map<Level, string[]> {
  const sets = new Map<Level, Set<string>>(levels.map((level) => [level, new Set<string>()]));
  for (const unitsOf of prepared.communes.values()) {
    for (const [level, codes] of sets) {
      const unit = unitsOf[level];
      if (unit !== undefined) codes.add(unit);
    }
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

/** A column per level holds the row's unit at that level ('' where the level does not exist at R). */
const PLACE_COLUMNS = ['key', ...LEVELS, 'approx'] as const;
type PlaceColumn = (typeof PLACE_COLUMNS)[number];

function pushPlace<Name extends string>(columns: Columns<Name | PlaceColumn>, key: string, placement: Placement, unitsOf: LevelUnits): void {
  columns.col('key').push(key);
  for (const level of LEVELS) columns.col(level).push(unitsOf[level] ?? '');
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
const UNKNOWN_FORMS: readonly string[] = Object.freeze([UNKNOWN]);

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
  /** (origin or column, commune) pairs already noted: a sheet's absent columns are the same for all its rows. */
  private readonly seen = new Set<number>();

  /** `commune` is the commune's small index, `code` its code. */
  noteOnce(what: number, absentKeys: readonly string[], mapping: Readonly<Record<string, AbsentColumn>>, commune: number, code: string): void {
    if (absentKeys.length === 0) return;
    const key = what * 1_000_000 + commune;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.note(absentKeys, mapping, code);
  }

  note(absentKeys: readonly string[], mapping: Readonly<Record<string, AbsentColumn>>, commune: string): void {
    for (const key of absentKeys) {
      const column = mapping[key];
      if (column === undefined) continue;
      let communes = this.communes.get(column);
      if (communes === undefined) this.communes.set(column, (communes = new Set()));
      communes.add(commune);
    }
  }

  /** A child's own nulls say the same as an absent column (the importer sets both). */
  noteNulls(children: ChildColumns, index: number, commune: number, code: string): void {
    const fields = children.fields;
    const origin = children.origin[index]!;
    // Rows come sheet by sheet: the same origin and commune as the row before need no look-up.
    if (origin !== this.lastOrigin || commune !== this.lastCommune) {
      this.lastOrigin = origin;
      this.lastCommune = commune;
      this.noteOnce(origin + NULL_KEYS.length, children.origins[origin]!.absentColumns, CHILD_ABSENCE, commune, code);
    }
    if (fields.birthRegistered.flags[index] === ABSENT_FLAG) this.noteOnce(0, ['birthRegistered'], CHILD_ABSENCE, commune, code);
    if (fields.hasHealthInsurance.flags[index] === ABSENT_FLAG) this.noteOnce(1, ['hasHealthInsurance'], CHILD_ABSENCE, commune, code);
    if (fields.schoolStatus.codes[index] === ABSENT_CODE) this.noteOnce(2, ['schoolStatus'], CHILD_ABSENCE, commune, code);
  }
  private lastOrigin = -1;
  private lastCommune = -1;
}

const NULL_KEYS = ['birthRegistered', 'hasHealthInsurance', 'schoolStatus'] as const;

/** The age groups in their order, and the one for an unknown age, as small numbers for the fine key. */
const AGE_GROUP_CODES = [...AGE_GROUPS.map((group) => group.code), UNKNOWN];
const AGE_GROUP_INDEX = new Map(AGE_GROUP_CODES.map((code, index) => [code, index]));
const UNKNOWN_AGE_GROUP = AGE_GROUP_CODES.length - 1;

/** `ageGroupOf` as the index of the group in AGE_GROUP_CODES (the last: unknown). */
function ageGroupIndex(age: number): number {
  if (age < 0) return UNKNOWN_AGE_GROUP;
  for (let index = 0; index < AGE_GROUPS.length; index++) {
    const group = AGE_GROUPS[index]!;
    if (age >= group.min && age <= group.max) return index;
  }
  return UNKNOWN_AGE_GROUP;
}

/**
 * The commune × sex × age-group key of a child's row, as one small number (commune index,
 * sex's dictionary index, age group), dense from 0 to `size`: counting on it is what makes
 * every split by sex or age cheap (measure.ts, `fineCells`).
 */
export interface FineKeys {
  readonly size: number;
  /** "commune|sex|ageGroup" split as [commune, "sex|ageGroup"]. */
  decode(fine: number): readonly [string, string];
}

class FineIndex implements FineKeys {
  private readonly communes: string[] = [];
  private readonly communeIndex = new Map<string, number>();
  private readonly sexCount: number;
  constructor(private readonly sexes: readonly string[]) {
    this.sexCount = Math.max(1, sexes.length);
  }

  get size(): number {
    return this.communes.length * this.sexCount * AGE_GROUP_CODES.length;
  }

  commune(code: string): number {
    let index = this.communeIndex.get(code);
    if (index === undefined) {
      index = this.communes.length;
      this.communes.push(code);
      this.communeIndex.set(code, index);
    }
    return index;
  }

  key(commune: number, sex: number, ageGroup: string): number {
    return this.keyOf(commune, sex, AGE_GROUP_INDEX.get(ageGroup)!);
  }

  /** `key` with the age group as its index in AGE_GROUP_CODES. */
  keyOf(commune: number, sex: number, ageGroup: number): number {
    return (commune * this.sexCount + sex) * AGE_GROUP_CODES.length + ageGroup;
  }

  decode(fine: number): readonly [string, string] {
    const ageGroup = fine % AGE_GROUP_CODES.length;
    const rest = Math.floor(fine / AGE_GROUP_CODES.length);
    return [this.communes[Math.floor(rest / this.sexCount)]!, `${this.sexes[rest % this.sexCount]}|${AGE_GROUP_CODES[ageGroup]}`];
  }
}

/** What every child table row takes from the child's columns and placement. */
interface ChildRow {
  readonly index: number;
  readonly placement: Placement;
  readonly unitsOf: LevelUnits;
  readonly commune: number;
  readonly age: number;
  readonly ageMonths: number;
}

/**
 * Columns of the children's tables that no window changes, decoded once per dataset: a
 * computation with last year's figures, or explain after compute, shares them.
 */
interface ChildBase {
  readonly sex: readonly (string | undefined)[];
  readonly birthRegistered: readonly (boolean | null)[];
  readonly hasHealthInsurance: readonly (boolean | null)[];
  readonly schoolStatus: readonly (string | null)[];
  readonly risk: Uint8Array;
  readonly supportDate: readonly (string | null)[];
}

const childBases = new WeakMap<ChildColumns, ChildBase>();

/**
 * A column of text that is a dictionary's codes spelled out: its value at a row is
 * `values[codes[row] + offset]`. A condition on it is decided once per code, not per row.
 */
export interface CodedColumn {
  readonly codes: Int32Array;
  readonly offset: number;
  readonly values: readonly unknown[];
}
const codedColumns = new WeakMap<object, CodedColumn>();

/** The codes behind a prepared column, when it was made from them. */
export function codedColumn(column: object): CodedColumn | undefined {
  return codedColumns.get(column);
}

type ColumnData = ConstructorParameters<typeof ColumnTable>[0];

function childBase(children: ChildColumns): ChildBase {
  let base = childBases.get(children);
  if (base !== undefined) return base;
  const fields = children.fields;
  const n = children.length;
  const sexCodes = fields.sex.codes;
  const sexNames = fields.sex.dictionary;
  const registered = fields.birthRegistered.flags;
  const insured = fields.hasHealthInsurance.flags;
  const schoolCodes = fields.schoolStatus.codes;
  const schoolNames = fields.schoolStatus.dictionary;
  const riskBits = fields.riskGroups.bits;
  const supportDates = fields.supportDate.dates;
  const sex = new Array<string | undefined>(n);
  const birthRegistered = new Array<boolean | null>(n);
  const hasHealthInsurance = new Array<boolean | null>(n);
  const schoolStatus = new Array<string | null>(n);
  const risk = new Uint8Array(n);
  const supportDate = new Array<string | null>(n);
  // Support dates repeat: each day's text is made once.
  const isoOf = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    sex[i] = sexNames[sexCodes[i]!];
    const flag = registered[i]!;
    birthRegistered[i] = flag === ABSENT_FLAG ? null : flag === 1;
    const insuredFlag = insured[i]!;
    hasHealthInsurance[i] = insuredFlag === ABSENT_FLAG ? null : insuredFlag === 1;
    const school = schoolCodes[i]!;
    // null: the column is absent from the file; '' a blank cell.
    schoolStatus[i] = school === ABSENT_CODE ? null : school === BLANK_CODE ? '' : schoolNames[school]!;
    risk[i] = riskBits[i]! !== 0 ? 1 : 0;
    const date = supportDates[i]!;
    if (date === NO_DATE) supportDate[i] = null;
    else {
      let iso = isoOf.get(date);
      if (iso === undefined) isoOf.set(date, (iso = isoOfDateNumber(date)));
      supportDate[i] = iso;
    }
  }
  // Codes are dictionary indexes, or BLANK_CODE (-1) and ABSENT_CODE (-2): offset 2.
  codedColumns.set(sex, { codes: sexCodes, offset: 2, values: [sexNames[ABSENT_CODE], sexNames[BLANK_CODE], ...sexNames] });
  codedColumns.set(schoolStatus, { codes: schoolCodes, offset: 2, values: [null, '', ...schoolNames] });
  base = { sex, birthRegistered, hasHealthInsurance, schoolStatus, risk, supportDate };
  childBases.set(children, base);
  return base;
}

/**
 * The population and births of a window: one set of columns over all children (the shared
 * base and this window's ages, groups and units), seen through two row masks. No child is
 * copied into a table of its own.
 */
class WindowChildren {
  private readonly n: number;
  readonly age: Int32Array;
  readonly ageMonths: Int32Array;
  readonly ageGroup: string[];
  readonly special: Uint8Array;
  readonly groups: (readonly string[])[];
  readonly fine: Int32Array;
  readonly population: BitSet;
  readonly births: BitSet;
  readonly populationAbsence = new Absence();
  readonly birthsAbsence = new Absence();
  private readonly specialBits: Uint32Array;
  private readonly sexCodes: Int32Array;

  constructor(
    private readonly children: ChildColumns,
    private readonly placed: PlacedChildren,
  ) {
    const n = (this.n = children.length);
    this.age = new Int32Array(n);
    this.ageMonths = new Int32Array(n);
    this.ageGroup = new Array<string>(n).fill(UNKNOWN);
    this.special = new Uint8Array(n);
    this.groups = new Array<readonly string[]>(n).fill(NO_GROUPS);
    this.fine = new Int32Array(n);
    this.population = new BitSet(n);
    this.births = new BitSet(n);
    this.specialBits = children.fields.specialGroups.bits;
    this.sexCodes = children.fields.sex.codes;
  }

  /** A placed child's window values: `age` at R, everything else at R (its units are the placement's). */
  set(index: number, commune: number, age: number, ageMonths: number, reference: number, fine: FineIndex): void {
    const ageGroup = ageGroupIndex(age);
    this.age[index] = age;
    this.ageMonths[index] = ageMonths;
    this.ageGroup[index] = AGE_GROUP_CODES[ageGroup]!;
    // Most children have no special-circumstance group: the default (none) stands.
    if (this.specialBits[index]! !== 0) {
      const groups = activeGroups(this.children, index, reference);
      this.special[index] = groups.length > 0 ? 1 : 0;
      this.groups[index] = groups;
    }
    this.fine[index] = fine.keyOf(commune, this.sexCodes[index]!, ageGroup);
  }

  table(mask: BitSet): ColumnTable {
    const base = childBase(this.children);
    const columns: Record<ChildColumn, ColumnData[string]> = {
      key: this.children.fields.childId.values,
      ...this.placed.levelUnits,
      approx: this.placed.approx,
      sex: base.sex,
      age: this.age,
      ageMonths: this.ageMonths,
      ageGroup: this.ageGroup,
      birthRegistered: base.birthRegistered,
      hasHealthInsurance: base.hasHealthInsurance,
      schoolStatus: base.schoolStatus,
      special: this.special,
      groups: this.groups,
      risk: base.risk,
      supportDate: base.supportDate,
      fine: this.fine,
    };
    return new ColumnTable(columns, [...CHILD_COLUMNS], mask.count() === this.n ? undefined : mask);
  }
}

/** The deaths of a window (few rows, `age` at death): a table of their own. */
class ChildTable {
  readonly columns = new Columns<ChildColumn>(CHILD_COLUMNS);
  readonly absence = new Absence();

  constructor(
    private readonly children: ChildColumns,
    private readonly reference: number,
    private readonly fine: FineIndex,
  ) {}

  add(row: ChildRow): void {
    const { index, placement } = row;
    const base = childBase(this.children);
    const columns = this.columns;
    const ageGroup = ageGroupOf(row.age);
    const groups = activeGroups(this.children, index, this.reference);
    pushPlace(columns, this.children.fields.childId.values[index]!, placement, row.unitsOf);
    columns.col('sex').push(base.sex[index]);
    columns.col('age').push(row.age);
    columns.col('ageMonths').push(row.ageMonths);
    columns.col('ageGroup').push(ageGroup);
    columns.col('birthRegistered').push(base.birthRegistered[index]);
    columns.col('hasHealthInsurance').push(base.hasHealthInsurance[index]);
    columns.col('schoolStatus').push(base.schoolStatus[index]);
    columns.col('special').push(groups.length > 0 ? 1 : 0);
    columns.col('groups').push(groups);
    columns.col('risk').push(base.risk[index]);
    columns.col('supportDate').push(base.supportDate[index]);
    columns.col('fine').push(this.fine.key(row.commune, this.children.fields.sex.codes[index]!, ageGroup));
    this.absence.noteNulls(this.children, index, row.commune, placement.commune);
  }
}

/** Special-circumstance groups active at R: the child's dates decide for all its groups. */
function activeGroups(children: ChildColumns, index: number, reference: number): readonly string[] {
  const bits = children.fields.specialGroups.bits[index]!;
  if (bits === 0) return NO_GROUPS;
  const since = children.fields.specialSince.dates[index]!;
  const until = children.fields.specialUntil.dates[index]!;
  if (since !== NO_DATE && since > reference) return NO_GROUPS;
  if (until !== NO_DATE && until <= reference) return NO_GROUPS;
  return listCodes(SPECIAL_GROUPS, bits);
}

function rejectRow(kind: 'children' | 'events' | 'communeFacts', record: Child | ChildEvent | CommuneFacts, issue: RejectedRow['issues'][number]): RejectedRow {
  return { source: record.source, recordKind: kind, issues: [issue], values: recordValues(sheetSpecOf(kind), record) };
}

/**
 * The date a ThongTinXa row's codes are read at, and whether it belongs to the window: its
 * period id names the window itself or any id of the same window ("2025-H1" and
 * "2025-01-01..2025-06-30" are one period). The report's commune facts use the same rule.
 */
export function factsPeriod(row: Pick<CommuneFacts, 'periodId'>, window: PeriodRef, presets: PeriodPresets | undefined): { matches: boolean; readAt: string } {
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
  const warnings: ImportWarning[] = [];
  const communes = new Map<string, LevelUnits>();
  /** Notes the commune as having rows; its units at every level. */
  const note = (placement: Placement): LevelUnits => {
    let unitsOf = communes.get(placement.commune);
    if (unitsOf === undefined) communes.set(placement.commune, (unitsOf = input.communeUnits.of(placement.commune)));
    return unitsOf;
  };

  const children = dataset.children;
  const child = children.fields;
  const ref = dateNumber(reference);
  const from = dateNumber(window.from);
  const to = dateNumber(window.to);
  const fine = new FineIndex(child.sex.dictionary);
  const placed = placedChildren(input);
  // The children's communes first, in the order their first child was met (as events and facts add theirs after).
  placed.communeCodes.forEach((code, commune) => {
    communes.set(code, placed.communeUnits[commune]!);
    fine.commune(code);
  });
  const rejected: RejectedRow[] = [...placed.rejected];
  const windowChildren = new WindowChildren(children, placed);
  const deaths = new ChildTable(children, ref, fine);
  const { childOfEvent } = placed;
  const ages = agesOnNumber(ref);
  // Per status code: active, dead (a status compared once per code, not per child).
  const statuses = child.status.dictionary;
  const isActive = Uint8Array.from(statuses, (status) => (status === 'ACTIVE' ? 1 : 0));
  const isDead = Uint8Array.from(statuses, (status) => (status === 'DEAD' ? 1 : 0));
  const { communeCodes, communeUnits } = placed;
  const placedCommune = placed.commune;
  const births = child.dateOfBirth.dates;
  const statusCodes = child.status.codes;
  const statusDates = child.statusDate.dates;
  const { population, births: bornInWindow, populationAbsence, birthsAbsence } = windowChildren;
  for (let index = 0; index < children.length; index++) {
    const commune = placedCommune[index]!;
    if (commune < 0) continue;
    const born = births[index]!;
    const statusCode = statusCodes[index]!;
    const statusDate = statusDates[index]!;
    const isBorn = born <= ref;
    const age = isBorn ? ages.years(born) : -1;
    const ageMonths = isBorn ? ages.months(born) : -1;
    windowChildren.set(index, commune, age, ageMonths, ref, fine);
    // P(R): born on or before R, under 16 at R, not moved away or dead by R. A status without
    // its date cannot be placed in time; the importer requires the date.
    if (isBorn && age < 16 && (isActive[statusCode] === 1 || (statusDate !== NO_DATE && statusDate > ref))) {
      population.set(index);
      populationAbsence.noteNulls(children, index, commune, communeCodes[commune]!);
    }
    if (born >= from && born <= to) {
      bornInWindow.set(index);
      birthsAbsence.noteNulls(children, index, commune, communeCodes[commune]!);
    }
    if (isDead[statusCode] === 1 && statusDate !== NO_DATE && statusDate >= from && statusDate <= to) {
      const placement = placed.placements[index]!;
      deaths.add({ index, placement, unitsOf: communeUnits[commune]!, commune, age: yearsBetween(born, statusDate), ageMonths });
    }
  }

  const events = new Columns(EVENT_COLUMNS);
  const eventAbsence = new Absence();
  const event = dataset.events.fields;
  const text = (column: CodeColumn, index: number, blank: string) => codeAt(column, index) ?? blank;
  // A code read on any day of one era is placed alike: a placement found is kept per (code, era).
  // (A code that cannot be placed is asked again: its message names the event's own day.)
  const reform = dateNumber(REFORM_DATE);
  const placedEvents = new Array<PlacementOutcome | undefined>(2 * event.communeCode.dictionary.length);
  for (let index = 0; index < dataset.events.length; index++) {
    const eventDate = event.eventDate.dates[index]!;
    const code = event.communeCode.codes[index]!;
    const known = code >= 0 ? placedEvents[2 * code + (eventDate < reform ? 0 : 1)] : undefined;
    const outcome = known ?? placer.place(codeAt(event.communeCode, index)!, isoOfDateNumber(eventDate));
    if (known === undefined && outcome.ok && code >= 0) placedEvents[2 * code + (eventDate < reform ? 0 : 1)] = outcome;
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_unit') rejected.push(rejectRow('events', eventAt(dataset.events, index), outcome.issue));
      continue;
    }
    const unitsOf = note(outcome.placement);
    if (eventDate < from || eventDate > to) continue;
    // TreEm's sex and birth date win over the event row's (docs/indicator-rules.md, "Who is counted").
    const linkedChild = childOfEvent[index]!;
    const childIndex = linkedChild >= 0 ? linkedChild : undefined;
    const dateOfBirth = childIndex !== undefined ? child.dateOfBirth.dates[childIndex]! : event.dateOfBirth.dates[index]!;
    const age = dateOfBirth === NO_DATE ? null : yearsBetween(dateOfBirth, eventDate);
    // Events count only for children under 16 on the event date; an unknown age is kept (KHONG_RO).
    if (age !== null && (age >= 16 || age < 0)) continue;
    pushPlace(events, event.childId.values[index]!, outcome.placement, unitsOf);
    const origin = dataset.events.origin[index]!;
    eventAbsence.noteOnce(origin, dataset.events.origins[origin]!.absentColumns, EVENT_ABSENCE, fine.commune(outcome.placement.commune), outcome.placement.commune);
    const forms = event.abuseForms.bits[index]!;
    const amount = event.fineAmount.numbers[index]!;
    events.col('caseId').push(event.caseId.values[index]);
    events.col('sex').push((childIndex !== undefined ? codeAt(child.sex, childIndex) : undefined) ?? codeAt(event.sex, index) ?? UNKNOWN);
    events.col('age').push(age);
    events.col('ageGroup').push(ageGroupOf(age));
    events.col('eventType').push(codeAt(event.eventType, index));
    events.col('outcome').push(text(event.outcome, index, ''));
    events.col('cause').push(text(event.injuryCause, index, UNKNOWN));
    events.col('setting').push(text(event.abuseSetting, index, UNKNOWN));
    events.col('forms').push(forms !== 0 ? listCodes(ABUSE_FORMS, forms) : UNKNOWN_FORMS);
    events.col('handling').push(text(event.handling, index, ''));
    events.col('interventions').push(event.interventions.bits[index]! !== 0 ? 1 : 0);
    events.col('fine').push(Number.isNaN(amount) ? null : amount);
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
        message: engineText.communeFactsRepeated({ communeCode: row.communeCode }),
      });
      continue;
    }
    seenFacts.add(row.communeCode);
    pushPlace(facts, row.communeCode, outcome.placement, note(outcome.placement));
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
      population: windowChildren.table(windowChildren.population),
      births: windowChildren.table(windowChildren.births),
      deaths: deaths.columns.table(),
      events: events.table(),
      communeFacts: facts.table(),
    },
    communes,
    hasChildren: dataset.children.length > 0,
    fineKeys: fine,
    absent: {
      population: windowChildren.populationAbsence.communes,
      births: windowChildren.birthsAbsence.communes,
      deaths: deaths.absence.communes,
      events: eventAbsence.communes,
    },
    rejected,
    warnings,
    placement: placed.account,
  };
}

/**
 * Where each child goes on the units at R. It depends on the run (its placer and forced
 * vintage) and the records, not on the window: last year's window and an explain after
 * compute reuse it rather than placing half a million children again.
 */
interface PlacedChildren {
  /** Per child, its commune's index in `communeCodes`; -1 when the child is not placed. */
  readonly commune: Int32Array;
  readonly placements: readonly (Placement | undefined)[];
  /** The communes (at R) of the placed children, in the order their first child was met, and their units. */
  readonly communeCodes: readonly string[];
  readonly communeUnits: readonly LevelUnits[];
  /** Per level, each child's unit ('' where the level does not exist at R or the child is not placed). */
  readonly levelUnits: Readonly<Record<Level, string[]>>;
  readonly approx: Uint8Array;
  /** Placed children that have events, by Mã trẻ em (the last row of an id wins). */
  /** Per event row, its placed child's row (-1: none). */
  readonly childOfEvent: Int32Array;
  /** Children whose commune code cannot be read. */
  readonly rejected: readonly RejectedRow[];
  readonly account: PlacementAccount;
}

interface PlacedFor {
  readonly childVintage: Era | undefined;
  readonly events: EventColumns;
  readonly placed: PlacedChildren;
}
const placedByRun = new WeakMap<UnitPlacer, WeakMap<ChildColumns, PlacedFor>>();

function placedChildren(input: PrepareInput): PlacedChildren {
  const { placer, childVintage } = input;
  const children = input.dataset.children;
  const events = input.dataset.events;
  let ofRun = placedByRun.get(placer);
  if (ofRun === undefined) placedByRun.set(placer, (ofRun = new WeakMap()));
  const known = ofRun.get(children);
  if (known !== undefined && known.childVintage === childVintage && known.events === events) return known.placed;
  const placed = placeChildren(children, events, placer, input.communeUnits, childVintage);
  ofRun.set(children, { childVintage, events, placed });
  return placed;
}

function placeChildren(children: ChildColumns, events: EventColumns, placer: UnitPlacer, units: CommuneUnits, childVintage: Era | undefined): PlacedChildren {
  const child = children.fields;
  const n = children.length;
  const commune = new Int32Array(n).fill(-1);
  const placements = new Array<Placement | undefined>(n);
  const communeCodes: string[] = [];
  const communeUnits: LevelUnits[] = [];
  const communeIndex = new Map<string, number>();
  const approx = new Uint8Array(n);
  const rejected: RejectedRow[] = [];
  // Every child of a commune code in a sheet of one vintage is placed alike: once per (vintage, code).
  const vintages: readonly Vintage[] = childVintage !== undefined ? children.origins.map(() => childVintage) : childVintages(children, placer.units);
  const sheets: SheetPlacement[] = children.origins.map((origin, index) => ({
    file: origin.file,
    sheet: origin.sheet,
    vintage: vintages[index]!,
    placed: 0,
    converted: 0,
    approximate: 0,
    byVillage: 0,
    rejected: 0,
  }));
  const unplaced = new Map<string, number>();
  const codes = child.communeCode.codes;
  const codeNames = child.communeCode.dictionary;
  const codeCount = codeNames.length;
  // Indexed by vintage × code: an array, not a map, as it is read once per child.
  const outcomes = new Array<PlacementOutcome | undefined>(VINTAGES.length * codeCount);
  const originVintage = Int32Array.from(vintages, (vintage) => VINTAGES.indexOf(vintage));
  const PRE = VINTAGES.indexOf('pre');
  const villages = child.village;
  const districts = child.districtCode.codes;
  const origins = children.origin;
  for (let index = 0; index < n; index++) {
    const code = codes[index]!;
    const origin = origins[index]!;
    // A row with a Mã huyện value is of the old codes whatever its sheet's mix (unless forced).
    const vintage = childVintage === undefined && districts[index]! >= 0 ? PRE : originVintage[origin]!;
    const key = vintage * codeCount + code;
    let outcome = outcomes[key];
    if (outcome === undefined) outcomes[key] = outcome = placer.placeChild(codeNames[code]!, VINTAGES[vintage]!, undefined);
    if (outcome.ok && outcome.placement.approximate && placer.hasVillageMap) {
      const village = codeAt(villages, index);
      if (village !== undefined) outcome = placer.placeChild(codeNames[code]!, VINTAGES[vintage]!, village);
    }
    const sheet = sheets[origin]!;
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_unit') {
        rejected.push(rejectRow('children', childAt(children, index), outcome.issue));
        sheet.rejected += 1;
        const written = codeNames[code]!;
        unplaced.set(written, (unplaced.get(written) ?? 0) + 1);
      }
      continue;
    }
    const placement = outcome.placement;
    sheet.placed += 1;
    if (placement.via !== 'same') sheet.converted += 1;
    if (placement.approximate) sheet.approximate += 1;
    if (placement.via === 'village') sheet.byVillage += 1;
    let at = communeIndex.get(placement.commune);
    if (at === undefined) {
      at = communeCodes.length;
      communeIndex.set(placement.commune, at);
      communeCodes.push(placement.commune);
      communeUnits.push(units.of(placement.commune));
    }
    commune[index] = at;
    placements[index] = placement;
    approx[index] = placement.approximate ? 1 : 0;
  }
  // Children come commune by commune: each level's column is filled a run of one commune at a time.
  const runEnds: number[] = [];
  for (let index = 1; index <= n; index++) if (index === n || commune[index] !== commune[index - 1]) runEnds.push(index);
  const levelUnits = {} as Record<Level, string[]>;
  for (const level of LEVELS) {
    const unitOf = communeUnits.map((unitsOf) => unitsOf[level] ?? '');
    const column = new Array<string>(n);
    let start = 0;
    for (const end of runEnds) {
      const at = commune[start]!;
      column.fill(at < 0 ? '' : unitOf[at]!, start, end);
      start = end;
    }
    levelUnits[level] = column;
  }
  const account: PlacementAccount = {
    sheets,
    unplaced: [...unplaced].map(([code, count]) => ({ code, children: count })).sort((a, b) => b.children - a.children || (a.code < b.code ? -1 : 1)),
  };
  return { commune, placements, communeCodes, communeUnits, levelUnits, approx, childOfEvent: eventChildren(children, events, commune), rejected, account };
}

const VINTAGES: readonly Vintage[] = ['pre', 'post', 'mixed', 'unknown'];

/**
 * Per event row, the row of its child if the child is placed (-1: none): as the import linked
 * them, or else by Mã trẻ em (the last row of an id wins), looking up only the ids of children
 * with events.
 */
function eventChildren(children: ChildColumns, events: EventColumns, commune: Int32Array): Int32Array {
  const linked = eventChildRows(events, children);
  if (linked !== undefined) return Int32Array.from(linked, (child) => (child >= 0 && commune[child]! >= 0 ? child : -1));
  const eventIds = events.fields.childId.values;
  const withEvents = new Set(eventIds);
  const childById = new Map<string, number>();
  const childIds = children.fields.childId.values;
  for (let index = 0; index < children.length; index++) {
    const childId = childIds[index]!;
    if (commune[index]! >= 0 && withEvents.has(childId)) childById.set(childId, index);
  }
  return Int32Array.from(eventIds, (childId) => (childId === undefined ? -1 : (childById.get(childId) ?? -1)));
}
