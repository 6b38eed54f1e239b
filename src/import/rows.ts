import type { z } from 'zod';
import type { ColumnSpec } from '../model/columns.js';
import type { RowIssue } from '../model/issues.js';
import { formatDmy } from '../model/dates.js';
import { importText, type Message } from '../messages/index.js';
import { issueMessage, issuePath } from '../messages/zod-issue.js';
import { COMMUNE_FACT_FIELDS } from '../model/fields.js';
import { CommuneFacts, type RecordKind, type SourceRef } from '../model/records.js';
import {
  displayText,
  isBlank,
  NO_SUPPORT_WORDS,
  parseCode,
  parseDate,
  parseEnum,
  parseInteger,
  parseList,
  parseNumber,
  parseText,
  parseYesNo,
  type Parsed,
  type RawValue,
} from './cells.js';
import type { MappedColumn, SheetLayout } from './sheet.js';
import { codePointName, controlCharacterIn, foldHeader, foldValue } from './text.js';

/** Which administrative codes exist (at the date `validate` checks against, or in either list). */
export interface UnitCheck {
  province(code: string): boolean;
  district(code: string): boolean;
  commune(code: string): boolean;
  /** Whether the commune lies in the province (both codes known). */
  communeInProvince(commune: string, province: string): boolean;
}

/** Something worth fixing in a row that is accepted all the same (the row still counts). */
export interface RowWarning {
  readonly column: string;
  readonly value: string;
  readonly kind: string;
  readonly message: Message;
}

/**
 * An accepted row: a TreEm or SuViec row as its parsed values (field → value, every check
 * passed; they go straight into columns, record-columns.ts), a ThongTinXa row as a record.
 */
export type ParsedRecord =
  | { kind: 'children' | 'events'; values: Readonly<Record<string, unknown>> }
  | { kind: 'communeFacts'; record: CommuneFacts };

export type RowOutcome =
  | { type: 'empty' }
  | { type: 'total' }
  | { type: 'accepted'; parsed: ParsedRecord; warnings: readonly RowWarning[] }
  | { type: 'rejected'; issues: RowIssue[] };

const TOTAL_LABELS = new Set(['tong', 'tong cong', 'cong', 'tong so']);
const LONGEST_TOTAL_LABEL = 16;
const TOTAL_START = /^\s*[TtCc][OoÔôỔổỘộ]/;
/** T, t, C, c, or white space before them. */
const TOTAL_FIRST = new Set([0x54, 0x74, 0x43, 0x63, 0x20, 0x09, 0xa0]);

/** A totals row ("Tổng", "Tổng cộng", "Cộng") is skipped, not counted. */
function isTotalsRow(cells: readonly RawValue[]): boolean {
  return cells.some(
    (cell) =>
      typeof cell === 'string' &&
      cell.length <= LONGEST_TOTAL_LABEL &&
      TOTAL_FIRST.has(cell.charCodeAt(0)) &&
      // Every label starts with "To", "Tổ", "Co", "Cộ" (NFD: T or C then o): a cheap test before
      // folding, which villages ("Thôn 3") and school levels ("Tiểu học") would otherwise all go through.
      TOTAL_START.test(cell) &&
      TOTAL_LABELS.has(foldHeader(cell)),
  );
}

const NO_SUPPORT = NO_SUPPORT_WORDS;

function parseCell(column: ColumnSpec, value: RawValue): Parsed<unknown> {
  const cell = column.cell;
  switch (cell.type) {
    case 'text':
      return { ok: true, value: parseText(value) };
    case 'code':
      return parseCode(value, cell.digits, cell.maxPadding);
    case 'date':
      return parseDate(value);
    case 'yesNo':
      return parseYesNo(value);
    case 'enum':
      return parseEnum(value, cell.list);
    case 'list':
      // "Không", "0" or "No" in the interventions column mean no support (docs/data-contract.md).
      if (column.key === 'interventions' && NO_SUPPORT.has(foldValue(displayText(value)))) return { ok: true, value: [] };
      return parseList(value, cell.list);
    case 'number':
      return parseNumber(value);
    case 'integer':
      return parseInteger(value);
  }
}

/**
 * A profile's value replaced by the contract's text for it (profiles/README.md); the contract's
 * own parser then reads that text, so a profile cannot make a value mean something new. In a
 * list cell each value is mapped on its own.
 */
function profileValue(values: ReadonlyMap<string, string>, column: ColumnSpec, raw: RawValue): RawValue {
  if (isBlank(raw)) return raw;
  const text = displayText(raw);
  const whole = values.get(foldValue(text));
  if (whole !== undefined) return whole;
  if (column.cell.type !== 'list') return raw;
  const pieces = text.split(/([;,\n])/);
  let changed = false;
  const mapped = pieces.map((piece) => {
    const target = values.get(foldValue(piece));
    if (target === undefined) return piece;
    changed = true;
    return target;
  });
  return changed ? mapped.join('') : raw;
}

/** What one cell gives: a value (undefined: nothing to record), a blank, or a problem. */
type CellOutcome =
  | { readonly type: 'value'; readonly value: unknown }
  | { readonly type: 'blank' }
  | { readonly type: 'problem'; readonly kind: string; readonly message: Message };

const BLANK_CELL: CellOutcome = { type: 'blank' };
const MAX_REMEMBERED = 4096;
const DAY_MS = 86_400_000;
/** About 55 years of days. */
const MAX_DAYS = 20_000;
const MIN_TRIED = 256;

/**
 * Reads the cells of one column. A column holds the same few values thousands of times (sex,
 * codes, labels, dates): each distinct cell is parsed once and its outcome remembered (parsed
 * values are never changed afterwards, so they can be shared).
 */
class CellReader {
  private readonly seen = new Map<string | number | boolean, CellOutcome>();
  private readonly days = new Map<number, CellOutcome>();
  /** Names and keys are all different: looking them up would cost more than parsing them. */
  private remember = true;
  private hits = 0;
  private misses = 0;
  constructor(private readonly column: MappedColumn) {}

  read(raw: RawValue): CellOutcome {
    if (raw instanceof Date) return this.readDate(raw);
    if (raw === null || !this.remember) return this.parse(raw);
    const cache = this.seen;
    const key = raw;
    let outcome = cache.get(key);
    if (outcome !== undefined) {
      this.hits += 1;
      return outcome;
    }
    outcome = this.parse(raw);
    this.misses += 1;
    if (this.misses > MIN_TRIED && this.hits < this.misses) this.remember = false;
    else if (cache.size < MAX_REMEMBERED) cache.set(key, outcome);
    return outcome;
  }

  /**
   * A date cell, by its day: a province's birth dates are a few thousand days, too many for the
   * cache above to keep trying, too few to parse each of half a million again.
   */
  private readDate(raw: Date): CellOutcome {
    const day = raw.getTime() / DAY_MS;
    if (!Number.isInteger(day)) return this.parse(raw);
    let outcome = this.days.get(day);
    if (outcome === undefined) {
      outcome = this.parse(raw);
      if (this.days.size < MAX_DAYS) this.days.set(day, outcome);
    }
    return outcome;
  }

  private parse(raw: RawValue): CellOutcome {
    const spec = this.column.spec;
    const control = typeof raw === 'string' ? controlCharacterIn(raw) : undefined;
    if (control !== undefined) {
      // Never stripped: "0557␀8" is not "05578", and an official should see what the export wrote.
      const name = codePointName(control);
      return { type: 'problem', kind: 'control_character', message: importText.controlCharacterNamed({ name }) };
    }
    const value = this.column.values ? profileValue(this.column.values, spec, raw) : raw;
    if (isBlank(value) && spec.cell.type !== 'yesNo' && spec.cell.type !== 'list') return BLANK_CELL;
    const parsed = parseCell(spec, value);
    return parsed.ok ? { type: 'value', value: parsed.value } : { type: 'problem', kind: parsed.kind, message: parsed.message };
  }
}


/** Reads one data row of a sheet into a record, or lists every problem it has. */
export function readRow(
  layout: SheetLayout,
  cells: readonly RawValue[],
  /** Where the row is: asked for only by a ThongTinXa row, whose record keeps it. */
  sourceOf: () => SourceRef,
  units: UnitCheck,
): RowOutcome {
  if (cells.every(isBlank)) return { type: 'empty' };
  if (isTotalsRow(cells)) return { type: 'total' };

  const { headerOf, present, readers, blank } = columnsOf(layout);
  // Every field there from the start (undefined: no value), so that filling it never reshapes the object.
  const values: Record<string, unknown> = blank === undefined ? {} : { ...blank };
  const row = new RowChecks(values, headerOf);

  const columns = layout.columns;
  for (let at = 0; at < columns.length; at += 1) {
    const column = columns[at]!;
    const raw = cells[column.index] ?? null;
    const outcome = readers[at]!.read(raw);
    if (outcome.type === 'value') {
      values[column.spec.key] = outcome.value;
    } else if (outcome.type === 'problem') {
      row.add(cellIssue(column, raw, outcome.kind, outcome.message));
    } else if (column.spec.required) {
      row.add(cellIssue(column, raw, 'missing_value', importText.requiredValueMissing()));
    }
  }

  checkUnits(values, units, row);

  const kind = layout.spec.kind;
  if (kind === 'children') checkChild(values, present, row);
  if (kind === 'events') checkEvent(values, row);

  const issues = row.issues;
  if (issues !== undefined) {
    // Problems in the order of the file's columns, as the official reads the row.
    const position = (issue: RowIssue) => layout.headers.indexOf(issue.column ?? '');
    return { type: 'rejected', issues: issues.map((issue, index) => ({ issue, index })).sort((a, b) => position(a.issue) - position(b.issue) || a.index - b.index).map(({ issue }) => issue) };
  }
  return finish(kind, values, sourceOf, row.warnings ?? NO_WARNINGS);
}

const NO_WARNINGS: readonly RowWarning[] = [];

/** The checks of one row across its cells: problems that reject it, and warnings. */
class RowChecks {
  /** Made at the first problem or warning: most rows have none. */
  issues: RowIssue[] | undefined;
  warnings: RowWarning[] | undefined;
  constructor(
    private readonly values: Record<string, unknown>,
    private readonly headerOf: ReadonlyMap<string, string>,
  ) {}

  get issueCount(): number {
    return this.issues?.length ?? 0;
  }

  add(issue: RowIssue): void {
    (this.issues ??= []).push(issue);
  }

  check(key: string, kind: string, message: Message): void {
    this.add({ column: this.headerOf.get(key) ?? key, value: this.shown(key), kind, message });
  }

  warn(key: string, kind: string, message: Message): void {
    (this.warnings ??= []).push({ column: this.headerOf.get(key) ?? key, value: this.shown(key), kind, message });
  }

  private shown(key: string): string {
    const value = this.values[key];
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDmy(value) : String(value ?? '');
  }
}

function cellIssue(column: MappedColumn, raw: RawValue, kind: string, message: Message): RowIssue {
  return { column: column.header, value: displayText(raw), personal: column.spec.personal ?? false, kind, message };
}

/** Per sheet, not per row: half a million rows share one layout. */
interface LayoutColumns {
  readonly headerOf: ReadonlyMap<string, string>;
  readonly present: ReadonlySet<string>;
  /** One per `layout.columns`, in the same order. */
  readonly readers: readonly CellReader[];
  /**
   * A TreEm or SuViec row's values before any is read: every field of the kind, undefined. A
   * ThongTinXa row starts empty (its record is checked by zod, to which a key present differs).
   */
  readonly blank: Readonly<Record<string, undefined>> | undefined;
}

const layoutColumns = new WeakMap<SheetLayout, LayoutColumns>();

function columnsOf(layout: SheetLayout): LayoutColumns {
  let found = layoutColumns.get(layout);
  if (!found) {
    found = {
      // A column the sheet lacks is named by the contract's header, never by its internal key.
      headerOf: new Map([
        ...layout.spec.columns.map((column): [string, string] => [column.key, column.header]),
        ...layout.columns.map((column): [string, string] => [column.spec.key, column.header]),
      ]),
      present: new Set(layout.columns.map((column) => column.spec.key)),
      readers: layout.columns.map((column) => new CellReader(column)),
      blank: layout.spec.kind === 'communeFacts' ? undefined : Object.fromEntries(layout.spec.columns.map((column) => [column.key, undefined])),
    };
    layoutColumns.set(layout, found);
  }
  return found;
}

/**
 * The codes of the last row whose units were consistent, and for which check: a commune's file
 * repeats the same three codes on every row, and the answer depends on nothing else.
 */
const lastConsistent: { units?: UnitCheck; province?: unknown; district?: unknown; commune?: unknown } = {};

function checkUnits(values: Record<string, unknown>, units: UnitCheck, row: RowChecks): void {
  const { provinceCode: province, districtCode: district, communeCode: commune } = values;
  const last = lastConsistent;
  if (last.units === units && last.province === province && last.district === district && last.commune === commune) return;
  const issues = row.issueCount;
  checkUnitCodes(values, units, row);
  if (row.issueCount === issues) {
    last.units = units;
    last.province = province;
    last.district = district;
    last.commune = commune;
  }
}

function checkUnitCodes(values: Record<string, unknown>, units: UnitCheck, row: RowChecks): void {
  if (typeof values.provinceCode === 'string' && !units.province(values.provinceCode))
    row.check('provinceCode', 'unknown_unit', importText.unknownProvinceCode());
  if (typeof values.districtCode === 'string' && !units.district(values.districtCode))
    row.check('districtCode', 'unknown_unit', importText.unknownDistrictCode());
  if (typeof values.communeCode === 'string' && !units.commune(values.communeCode)) {
    row.check('communeCode', 'unknown_unit', importText.unknownCommuneCode());
  } else if (
    typeof values.communeCode === 'string' &&
    typeof values.provinceCode === 'string' &&
    units.province(values.provinceCode) &&
    !units.communeInProvince(values.communeCode, values.provinceCode)
  ) {
    // A code typed in the wrong column or copied from another file: the child would be counted in another province.
    row.check('communeCode', 'unit_mismatch', importText.communeNotInProvince({ communeCode: values.communeCode, provinceCode: values.provinceCode }));
  }
}

/**
 * Dates that contradict each other within a child row are warnings (docs/data-contract.md, "Bad
 * input"): the child is real, stays in every count, and its dates are used as written.
 */
const NO_DATA_WHEN_ABSENT = ['birthRegistered', 'hasHealthInsurance', 'schoolStatus'] as const;
const CHILD_LISTS = ['specialGroups', 'riskGroups', 'supportForms'] as const;
const CHILD_LATER_DATES = ['specialSince', 'specialUntil', 'supportDate', 'statusDate'] as const;
const EVENT_LISTS = ['abuseForms', 'interventions'] as const;

function checkChild(values: Record<string, unknown>, present: ReadonlySet<string>, row: RowChecks): void {
  // Yes/no and school columns absent from the file mean "no data", not "Không".
  for (const key of NO_DATA_WHEN_ABSENT) {
    if (!present.has(key)) values[key] = null;
  }
  for (const key of CHILD_LISTS) values[key] ??= [];
  values.status ??= 'ACTIVE';
  if (values.status !== 'ACTIVE' && values.statusDate === undefined) {
    row.check('statusDate', 'missing_value', importText.statusDateNeeded());
  }
  const born = values.dateOfBirth;
  if (typeof born === 'string') {
    for (const key of CHILD_LATER_DATES) {
      const date = values[key];
      if (typeof date === 'string' && date < born) {
        row.warn(key, 'date_before_birth', importText.dateBeforeBirthFix());
      }
    }
  }
  if (typeof values.specialSince === 'string' && typeof values.specialUntil === 'string' && values.specialUntil < values.specialSince) {
    row.warn('specialUntil', 'invalid_date_order', importText.specialEndBeforeStartFix());
  }
}

function checkEvent(values: Record<string, unknown>, row: RowChecks): void {
  for (const key of EVENT_LISTS) values[key] ??= [];
  const required = (key: string, what: Message): void => row.check(key, 'missing_value', what);
  if (values.eventType === 'XAM_HAI') {
    if (Array.isArray(values.abuseForms) && values.abuseForms.length === 0) required('abuseForms', importText.abuseValueNeeded());
    if (values.abuseSetting === undefined) required('abuseSetting', importText.abuseValueNeeded());
  }
  if (values.eventType === 'TNTT') {
    if (values.injuryCause === undefined) required('injuryCause', importText.injuryValueNeeded());
    if (values.outcome === undefined) required('outcome', importText.injuryValueNeeded());
  }
  if (typeof values.dateOfBirth === 'string' && typeof values.eventDate === 'string' && values.eventDate < values.dateOfBirth) {
    row.check('eventDate', 'event_before_birth', importText.eventBeforeBirthPlain());
  }
}

/**
 * The zod schema is the last gate of a ThongTinXa row. TreEm and SuViec rows (half a million)
 * skip it: every value came from its cell parser and the checks above, and the column builder
 * refuses a value of the wrong shape.
 */
function finish(kind: RecordKind, values: Record<string, unknown>, sourceOf: () => SourceRef, warnings: readonly RowWarning[]): RowOutcome {
  if (kind !== 'communeFacts') return { type: 'accepted', parsed: { kind, values }, warnings };
  const input = { ...values, source: sourceOf() };
  const result = CommuneFacts.safeParse(input);
  return result.success ? { type: 'accepted', parsed: { kind, record: result.data }, warnings } : schemaRejection(result.error, input);
}

function headerOfFact(key: PropertyKey | undefined): string | undefined {
  return typeof key === 'string' && Object.hasOwn(COMMUNE_FACT_FIELDS, key) ? COMMUNE_FACT_FIELDS[key as keyof typeof COMMUNE_FACT_FIELDS].header : undefined;
}

function schemaRejection(error: z.ZodError, input: unknown): RowOutcome {
  return {
    type: 'rejected',
    issues: error.issues.map((issue) => ({
      // The contract's header, as every other rejection names its column ("Dân số", not "population").
      column: headerOfFact(issue.path[0]) ?? issuePath(issue.path),
      kind: 'invalid_value',
      message: importText.invalidValueDetail({ detail: issueMessage(issue, { schema: CommuneFacts, input }) }),
    })),
  };
}
