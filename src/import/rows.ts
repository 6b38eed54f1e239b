import type { z } from 'zod';
import type { ColumnSpec } from '../model/columns.js';
import type { RowIssue } from '../model/issues.js';
import { formatDmy } from '../model/dates.js';
import { msg, type Message } from '../model/messages.js';
import { Child, ChildEvent, CommuneFacts, type RecordKind, type SourceRef } from '../model/records.js';
import {
  displayText,
  isBlank,
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

export type ParsedRecord =
  | { kind: 'children'; record: Child }
  | { kind: 'events'; record: ChildEvent }
  | { kind: 'communeFacts'; record: CommuneFacts };

export type RowOutcome =
  | { type: 'empty' }
  | { type: 'total' }
  | { type: 'accepted'; parsed: ParsedRecord; warnings: readonly RowWarning[] }
  | { type: 'rejected'; issues: RowIssue[] };

const TOTAL_LABELS = new Set(['tong', 'tong cong', 'cong', 'tong so']);
const LONGEST_TOTAL_LABEL = 16;

/** A totals row ("Tổng", "Tổng cộng", "Cộng") is skipped, not counted. */
function isTotalsRow(cells: readonly RawValue[]): boolean {
  return cells.some(
    (cell) =>
      typeof cell === 'string' &&
      cell.length <= LONGEST_TOTAL_LABEL &&
      // Every label starts with T or C (NFD too): a cheap test before folding (bench: most cells).
      /^\s*[TtCc]/.test(cell) &&
      TOTAL_LABELS.has(foldHeader(cell)),
  );
}

const NO_SUPPORT = new Set(['không', 'khong', '0', 'no', 'k']);

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
      // "Không", "0" or "No" in the interventions column mean no support (data-contract.md).
      if (column.key === 'interventions' && NO_SUPPORT.has(foldValue(displayText(value)))) return { ok: true, value: [] };
      return parseList(value, cell.list);
    case 'number':
      return parseNumber(value);
    case 'integer':
      return parseInteger(value);
  }
}

/** Reads one data row of a sheet into a record, or lists every problem it has. */
export function readRow(
  layout: SheetLayout,
  cells: readonly RawValue[],
  source: SourceRef,
  units: UnitCheck,
): RowOutcome {
  if (cells.every(isBlank)) return { type: 'empty' };
  if (isTotalsRow(cells)) return { type: 'total' };

  const issues: RowIssue[] = [];
  const values: Record<string, unknown> = {};
  const { headerOf, present } = columnsOf(layout);

  for (const column of layout.columns) {
    const raw = cells[column.index] ?? null;
    const control = typeof raw === 'string' ? controlCharacterIn(raw) : undefined;
    if (control !== undefined) {
      // Never stripped: "0557␀8" is not "05578", and an official should see what the export wrote.
      const name = codePointName(control);
      issues.push(cellIssue(column, raw, 'control_character', msg(`ô có ký tự điều khiển ${name} (không nhìn thấy được); hãy xoá ký tự đó`, `the cell holds the control character ${name} (invisible); delete it`)));
      continue;
    }
    if (isBlank(raw) && column.spec.cell.type !== 'yesNo' && column.spec.cell.type !== 'list') {
      if (column.spec.required) issues.push(cellIssue(column, raw, 'missing_value', msg('thiếu giá trị bắt buộc', 'required value is missing')));
      continue;
    }
    const parsed = parseCell(column.spec, raw);
    if (!parsed.ok) {
      issues.push(cellIssue(column, raw, parsed.kind, parsed.message));
      continue;
    }
    values[column.spec.key] = parsed.value;
  }

  const shown = (key: string) => {
    const value = values[key];
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDmy(value) : String(value ?? '');
  };
  const check: Check = (key, kind, message) => issues.push({ column: headerOf.get(key) ?? key, value: shown(key), kind, message });
  const warnings: RowWarning[] = [];
  const warn: Check = (key, kind, message) => warnings.push({ column: headerOf.get(key) ?? key, value: shown(key), kind, message });
  checkUnits(values, units, check);

  const kind = layout.spec.kind;
  if (kind === 'children') checkChild(values, present, check, warn);
  if (kind === 'events') checkEvent(values, check);

  if (issues.length > 0) {
    // Problems in the order of the file's columns, as the official reads the row.
    const position = (issue: RowIssue) => layout.headers.indexOf(issue.column ?? '');
    return { type: 'rejected', issues: issues.map((issue, index) => ({ issue, index })).sort((a, b) => position(a.issue) - position(b.issue) || a.index - b.index).map(({ issue }) => issue) };
  }
  const outcome = finish(kind, values, source, warnings);
  // Set after parsing: zod would copy the array into every one of 500,000 records.
  if (outcome.type === 'accepted' && outcome.parsed.kind !== 'communeFacts' && layout.absentKeys.length > 0) {
    outcome.parsed.record.absentColumns = layout.absentKeys;
  }
  return outcome;
}

type Check = (key: string, kind: string, message: Message) => void;

function cellIssue(column: MappedColumn, raw: RawValue, kind: string, message: Message): RowIssue {
  return { column: column.header, value: displayText(raw), personal: column.spec.personal ?? false, kind, message };
}

/** Per sheet, not per row: half a million rows share one layout. */
const layoutColumns = new WeakMap<SheetLayout, { headerOf: ReadonlyMap<string, string>; present: ReadonlySet<string> }>();

function columnsOf(layout: SheetLayout): { headerOf: ReadonlyMap<string, string>; present: ReadonlySet<string> } {
  let found = layoutColumns.get(layout);
  if (!found) {
    found = {
      // A column the sheet lacks is named by the contract's header, never by its internal key.
      headerOf: new Map([
        ...layout.spec.columns.map((column): [string, string] => [column.key, column.header]),
        ...layout.columns.map((column): [string, string] => [column.spec.key, column.header]),
      ]),
      present: new Set(layout.columns.map((column) => column.spec.key)),
    };
    layoutColumns.set(layout, found);
  }
  return found;
}

function checkUnits(values: Record<string, unknown>, units: UnitCheck, check: Check): void {
  const unknownUnit = (what: string, whatEn: string) =>
    msg(`mã ${what} không có trong danh mục đơn vị hành chính`, `unknown ${whatEn} code`);
  if (typeof values.provinceCode === 'string' && !units.province(values.provinceCode))
    check('provinceCode', 'unknown_unit', unknownUnit('tỉnh', 'province'));
  if (typeof values.districtCode === 'string' && !units.district(values.districtCode))
    check('districtCode', 'unknown_unit', unknownUnit('huyện', 'district'));
  if (typeof values.communeCode === 'string' && !units.commune(values.communeCode)) {
    check('communeCode', 'unknown_unit', unknownUnit('xã', 'commune'));
  } else if (
    typeof values.communeCode === 'string' &&
    typeof values.provinceCode === 'string' &&
    units.province(values.provinceCode) &&
    !units.communeInProvince(values.communeCode, values.provinceCode)
  ) {
    // A code typed in the wrong column or copied from another file: the child would be counted in another province.
    check('communeCode', 'unit_mismatch', msg(`xã ${values.communeCode} không thuộc tỉnh ${values.provinceCode} (cột Mã tỉnh)`, `commune ${values.communeCode} is not in province ${values.provinceCode} (the province code column)`));
  }
}

/**
 * Dates that contradict each other within a child row are warnings (data-contract.md, "Bad
 * input"): the child is real, stays in every count, and its dates are used as written.
 */
function checkChild(values: Record<string, unknown>, present: ReadonlySet<string>, check: Check, warn: Check): void {
  // Yes/no and school columns absent from the file mean "no data", not "Không".
  for (const key of ['birthRegistered', 'hasHealthInsurance'] as const) {
    if (!present.has(key)) values[key] = null;
  }
  if (!present.has('schoolStatus')) values.schoolStatus = null;
  for (const key of ['specialGroups', 'riskGroups', 'supportForms'] as const) values[key] ??= [];
  values.status ??= 'ACTIVE';
  if (values.status !== 'ACTIVE' && values.statusDate === undefined) {
    check('statusDate', 'missing_value', msg('trẻ chuyển đi hoặc tử vong phải có ngày thay đổi tình trạng', 'a moved or dead child needs the status change date'));
  }
  const born = values.dateOfBirth;
  if (typeof born === 'string') {
    for (const key of ['specialSince', 'specialUntil', 'supportDate', 'statusDate'] as const) {
      const date = values[key];
      if (typeof date === 'string' && date < born) {
        warn(key, 'date_before_birth', msg('ngày này trước ngày sinh của trẻ; trẻ vẫn được tính, hãy sửa ngày', 'this date is before the child was born; the child still counts, correct the date'));
      }
    }
  }
  if (typeof values.specialSince === 'string' && typeof values.specialUntil === 'string' && values.specialUntil < values.specialSince) {
    warn('specialUntil', 'invalid_date_order', msg('ngày thôi HCĐB trước ngày bắt đầu; trẻ vẫn được tính, hãy sửa ngày', 'the end of special circumstances is before its start; the child still counts, correct the date'));
  }
}

function checkEvent(values: Record<string, unknown>, check: Check): void {
  for (const key of ['abuseForms', 'interventions'] as const) values[key] ??= [];
  const required = (key: string, what: string) =>
    check(key, 'missing_value', msg(`sự việc ${what} phải có giá trị ở cột này`, `a ${what} event needs a value in this column`));
  if (values.eventType === 'XAM_HAI') {
    if (Array.isArray(values.abuseForms) && values.abuseForms.length === 0) required('abuseForms', 'xâm hại');
    if (values.abuseSetting === undefined) required('abuseSetting', 'xâm hại');
  }
  if (values.eventType === 'TNTT') {
    if (values.injuryCause === undefined) required('injuryCause', 'tai nạn thương tích');
    if (values.outcome === undefined) required('outcome', 'tai nạn thương tích');
  }
  if (typeof values.dateOfBirth === 'string' && typeof values.eventDate === 'string' && values.eventDate < values.dateOfBirth) {
    check('eventDate', 'event_before_birth', msg('ngày xảy ra trước ngày sinh của trẻ', 'the event is dated before the child was born'));
  }
}

/** The zod schema is the last gate: what passes here is what the engine may trust. */
function finish(kind: RecordKind, values: Record<string, unknown>, source: SourceRef, warnings: readonly RowWarning[]): RowOutcome {
  const input = { ...values, source };
  switch (kind) {
    case 'children': {
      const result = Child.safeParse(input);
      return result.success ? { type: 'accepted', parsed: { kind, record: result.data }, warnings } : schemaRejection(result.error);
    }
    case 'events': {
      const result = ChildEvent.safeParse(input);
      return result.success ? { type: 'accepted', parsed: { kind, record: result.data }, warnings } : schemaRejection(result.error);
    }
    case 'communeFacts': {
      const result = CommuneFacts.safeParse(input);
      return result.success ? { type: 'accepted', parsed: { kind, record: result.data }, warnings } : schemaRejection(result.error);
    }
  }
}

function schemaRejection(error: z.ZodError): RowOutcome {
  return {
    type: 'rejected',
    issues: error.issues.map((issue) => ({
      column: issue.path.join('.'),
      kind: 'invalid_value',
      message: msg(`giá trị không hợp lệ (${issue.message})`, `invalid value (${issue.message})`),
    })),
  };
}
