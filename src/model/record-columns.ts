import type { CodeList } from './codes.js';
import { CHILD_FIELDS, EVENT_FIELDS, storedLayout, type StoredAs } from './fields.js';
import { Child, ChildEvent, type CommuneFacts, type SourceRef } from './records.js';

/**
 * Validated records as columns: what the importer hands to the engine. Half a million
 * children are a few typed arrays, not half a million objects: codes are indices into a
 * dictionary of their values, dates are numbers YYYYMMDD (number order is date order, and no
 * time zone can shift them), yes/no and lists are small integers. The plain records of
 * records.ts remain the shape a single row is shown in (rejected rows, tests): `recordAt`
 * and `columnsOf` convert one way and the other, here and nowhere else.
 */

/** A code column's value for a blank cell, and for a column absent from the file ("no data"). */
export const BLANK_CODE = -1;
export const ABSENT_CODE = -2;
/** A date column's value for a blank cell. */
export const NO_DATE = 0;
/** A yes/no column's value when the column is absent from the file. */
export const ABSENT_FLAG = -1;

export interface TextColumn {
  readonly type: 'text';
  readonly values: readonly (string | undefined)[];
}
export interface CodeColumn {
  readonly type: 'code';
  readonly dictionary: readonly string[];
  /** Index into `dictionary`, or BLANK_CODE / ABSENT_CODE. */
  readonly codes: Int32Array;
}
export interface DateColumn {
  readonly type: 'date';
  /** YYYYMMDD, or NO_DATE. */
  readonly dates: Int32Array;
}
export interface FlagColumn {
  readonly type: 'flag';
  /** 1 yes, 0 no (a blank cell in a present column), ABSENT_FLAG. */
  readonly flags: Int8Array;
}
export interface ListColumn {
  readonly type: 'list';
  /** Bit i set: the i-th code of the field's code list. */
  readonly bits: Uint32Array;
}
export interface NumberColumn {
  readonly type: 'number';
  /** NaN for a blank cell. */
  readonly numbers: Float64Array;
}
export type Column = TextColumn | CodeColumn | DateColumn | FlagColumn | ListColumn | NumberColumn;

type Layout = Readonly<Record<string, StoredAs>>;

/** How each field of a child and of an event is stored, from their descriptions (fields.ts). */
export const CHILD_LAYOUT = storedLayout(CHILD_FIELDS);
export const EVENT_LAYOUT = storedLayout(EVENT_FIELDS);

type ColumnOf<S extends StoredAs> = S['type'] extends 'text'
  ? TextColumn
  : S['type'] extends 'code'
    ? CodeColumn
    : S['type'] extends 'date'
      ? DateColumn
      : S['type'] extends 'flag'
        ? FlagColumn
        : S['type'] extends 'list'
          ? ListColumn
          : NumberColumn;

/** The sheet a run of rows came from, with the optional columns it lacks (contract keys). */
export interface Origin {
  readonly file: string;
  readonly sheet: string;
  readonly absentColumns: readonly string[];
}

export interface RecordColumns<L extends Layout> {
  readonly length: number;
  readonly origins: readonly Origin[];
  /** Per row: its index in `origins`. */
  readonly origin: Int32Array;
  /** Per row: its 1-based row number in the sheet. */
  readonly row: Int32Array;
  readonly fields: { readonly [F in keyof L]: ColumnOf<L[F]> };
}

export type ChildColumns = RecordColumns<typeof CHILD_LAYOUT>;
export type EventColumns = RecordColumns<typeof EVENT_LAYOUT>;

// ---------------------------------------------------------------- dates as numbers

/** "2025-06-30" → 20250630. */
export function dateNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** 20250630 → "2025-06-30". */
export function isoOfDateNumber(value: number): string {
  const y = Math.floor(value / 10_000);
  const m = Math.floor(value / 100) % 100;
  const d = value % 100;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

// ---------------------------------------------------------------- one row

export function sourceAt(columns: RecordColumns<Layout>, index: number): SourceRef {
  const origin = columns.origins[columns.origin[index]!]!;
  return { file: origin.file, sheet: origin.sheet, row: columns.row[index]! };
}

/** The codes a list cell holds, in code-list order; arrays are shared between equal cells. */
export function listCodes(spec: CodeList, bits: number): readonly string[] {
  let byBits = listCache.get(spec);
  if (byBits === undefined) listCache.set(spec, (byBits = new Map()));
  let codes = byBits.get(bits);
  if (codes === undefined) {
    const found: string[] = [];
    spec.forEach((entry, index) => {
      if ((bits & (1 << index)) !== 0) found.push(entry.code);
    });
    codes = Object.freeze(found);
    byBits.set(bits, codes);
  }
  return codes;
}
const listCache = new WeakMap<CodeList, Map<number, readonly string[]>>();

function valueAt(spec: StoredAs, column: Column, index: number): unknown {
  switch (column.type) {
    case 'text':
      return column.values[index];
    case 'code': {
      const at = column.codes[index]!;
      return at === ABSENT_CODE ? null : at === BLANK_CODE ? undefined : column.dictionary[at];
    }
    case 'date': {
      const at = column.dates[index]!;
      return at === NO_DATE ? undefined : isoOfDateNumber(at);
    }
    case 'flag': {
      const at = column.flags[index]!;
      return at === ABSENT_FLAG ? null : at === 1;
    }
    case 'list':
      return spec.type === 'list' ? [...listCodes(spec.list, column.bits[index]!)] : [];
    case 'number': {
      const at = column.numbers[index]!;
      return Number.isNaN(at) ? undefined : at;
    }
  }
}

function objectAt(layout: Layout, columns: RecordColumns<Layout>, index: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(layout)) {
    const value = valueAt(spec, fieldOf(columns, name), index);
    // Optional fields are left out rather than set to undefined, as the importer wrote them.
    if (value !== undefined) record[name] = value;
  }
  const origin = columns.origins[columns.origin[index]!]!;
  if (origin.absentColumns.length > 0) record.absentColumns = origin.absentColumns;
  record.source = sourceAt(columns, index);
  return record;
}

function fieldOf(columns: RecordColumns<Layout>, name: string): Column {
  const column = (columns.fields as Readonly<Record<string, Column>>)[name];
  if (column === undefined) throw new Error(`no column ${name}`);
  return column;
}

/** One child as a plain record (a rejected row written back, a test's look at the data), checked by its schema. */
export function childAt(children: ChildColumns, index: number): Child {
  return Child.parse(objectAt(CHILD_LAYOUT, children, index));
}

export function eventAt(events: EventColumns, index: number): ChildEvent {
  return ChildEvent.parse(objectAt(EVENT_LAYOUT, events, index));
}

export function childRecords(children: ChildColumns): Child[] {
  return Array.from({ length: children.length }, (_, index) => childAt(children, index));
}

export function eventRecords(events: EventColumns): ChildEvent[] {
  return Array.from({ length: events.length }, (_, index) => eventAt(events, index));
}

// ---------------------------------------------------------------- building

/**
 * Columns filled one row at a time from parsed values (field name → value, as the cell
 * parsers give them). A value of the wrong shape is a bug in the caller, not bad input.
 */
export class ColumnsBuilder<L extends Layout> {
  private readonly origins: Origin[] = [];
  private readonly originIndex = new Map<string, number>();
  private readonly originOf = new GrowingNumbers();
  private readonly rows = new GrowingNumbers();
  /** One slot per field, in layout order: the hot loop touches no map. */
  private readonly slots: Slot[];

  constructor(readonly layout: L) {
    // Every slot has every property, so that the hot loop sees one shape, not four.
    this.slots = Object.entries(layout).map(
      ([name, spec]): Slot => ({
        name,
        spec,
        values: spec.type === 'text' ? [] : undefined,
        numbers: new GrowingNumbers(),
        dictionary: spec.type === 'code' ? new Map() : undefined,
        bitOf: spec.type === 'list' ? new Map(spec.list.map((entry, index) => [entry.code, index])) : undefined,
        last: undefined,
        lastNumber: 0,
      }),
    );
  }

  get length(): number {
    return this.rows.length;
  }

  /** The index of a sheet's origin (the same one for every row of the sheet). */
  origin(file: string, sheet: string, absentColumns: readonly string[]): number {
    const key = `${file}\u0000${sheet}\u0000${absentColumns.join(',')}`;
    let index = this.originIndex.get(key);
    if (index === undefined) {
      index = this.origins.length;
      this.origins.push({ file, sheet, absentColumns: Object.freeze([...absentColumns]) });
      this.originIndex.set(key, index);
    }
    return index;
  }

  push(values: Readonly<Record<string, unknown>>, origin: number, row: number): void {
    this.originOf.push(origin);
    this.rows.push(row);
    for (const slot of this.slots) {
      const value = values[slot.name];
      if (slot.values !== undefined) {
        if (value !== undefined && typeof value !== 'string') throw shapeError(slot.name, value);
        slot.values.push(value);
      } else if (value === slot.last && value !== undefined) {
        // Neighbouring rows share their codes and dates (a commune's file): no lookup for those.
        slot.numbers.push(slot.lastNumber);
      } else {
        const encoded = encode(slot, value);
        slot.numbers.push(encoded);
        if (typeof value === 'string') {
          slot.last = value;
          slot.lastNumber = encoded;
        }
      }
    }
  }

  build(): RecordColumns<L> {
    const fields: Record<string, Column> = {};
    for (const slot of this.slots) {
      if (slot.values !== undefined) {
        fields[slot.name] = { type: 'text', values: slot.values };
        continue;
      }
      const numbers = slot.numbers.filled();
      switch (slot.spec.type) {
        case 'code':
          fields[slot.name] = { type: 'code', dictionary: [...(slot.dictionary?.keys() ?? [])], codes: new Int32Array(numbers) };
          break;
        case 'date':
          fields[slot.name] = { type: 'date', dates: new Int32Array(numbers) };
          break;
        case 'flag':
          fields[slot.name] = { type: 'flag', flags: new Int8Array(numbers) };
          break;
        case 'list':
          fields[slot.name] = { type: 'list', bits: new Uint32Array(numbers) };
          break;
        default:
          fields[slot.name] = { type: 'number', numbers: new Float64Array(numbers) };
          break;
      }
    }
    return {
      length: this.rows.length,
      origins: this.origins,
      origin: new Int32Array(this.originOf.filled()),
      row: new Int32Array(this.rows.filled()),
      fields: fields as RecordColumns<L>['fields'],
    };
  }
}

/**
 * Numbers pushed one at a time into a typed array that doubles when full: off the garbage
 * collector's heap (half a million rows make twenty such columns, which as arrays it would copy
 * and walk again and again while the files are read).
 */
class GrowingNumbers {
  private numbers = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.numbers.length) {
      const wider = new Float64Array(this.numbers.length * 2);
      wider.set(this.numbers);
      this.numbers = wider;
    }
    this.numbers[this.length++] = value;
  }

  /** The numbers pushed (a view: copied by the caller into the column's own array). */
  filled(): Float64Array {
    return this.numbers.subarray(0, this.length);
  }
}

interface Slot {
  readonly name: string;
  readonly spec: StoredAs;
  /** Text fields. */
  readonly values: (string | undefined)[] | undefined;
  /** Every other field, encoded. */
  readonly numbers: GrowingNumbers;
  readonly dictionary: Map<string, number> | undefined;
  readonly bitOf: ReadonlyMap<string, number> | undefined;
  /** The last string value encoded, and its number. */
  last: string | undefined;
  lastNumber: number;
}
type NumberSlot = Slot;

/**
 * "2025-06-30" → 20250630, or -1 when the text is not `dddd-dd-dd`: the shape checked and
 * `dateNumber` computed in one look at ten characters (three dates a child, half a million children).
 */
function isoDayNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return -1;
  let number = 0;
  for (let i = 0; i < 10; i += 1) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

const DASH = 45;

function encode(slot: NumberSlot, value: unknown): number {
  switch (slot.spec.type) {
    case 'code': {
      if (value === undefined) return BLANK_CODE;
      if (value === null) return ABSENT_CODE;
      if (typeof value !== 'string' || slot.dictionary === undefined) throw shapeError(slot.name, value);
      let index = slot.dictionary.get(value);
      if (index === undefined) slot.dictionary.set(value, (index = slot.dictionary.size));
      return index;
    }
    case 'date':
      if (value === undefined) return NO_DATE;
      {
        const day = typeof value === 'string' ? isoDayNumber(value) : -1;
        if (day < 0) throw shapeError(slot.name, value);
        return day;
      }
    case 'flag':
      if (value === null || value === undefined) return ABSENT_FLAG;
      if (typeof value !== 'boolean') throw shapeError(slot.name, value);
      return value ? 1 : 0;
    case 'list': {
      if (value === undefined) return 0;
      if (!Array.isArray(value) || slot.bitOf === undefined) throw shapeError(slot.name, value);
      let bits = 0;
      for (const item of value) {
        const bit = typeof item === 'string' ? slot.bitOf.get(item) : undefined;
        if (bit === undefined) throw shapeError(slot.name, item);
        bits |= 1 << bit;
      }
      return bits >>> 0;
    }
    case 'number':
      if (value === undefined) return Number.NaN;
      if (typeof value !== 'number') throw shapeError(slot.name, value);
      return value;
    case 'text':
      throw new Error('text is not encoded');
  }
}

function shapeError(name: string, value: unknown): Error {
  return new Error(`column ${name}: a value of the wrong shape (${JSON.stringify(value)})`);
}

function fromRecords<L extends Layout>(layout: L, records: readonly (Child | ChildEvent)[]): RecordColumns<L> {
  const builder = new ColumnsBuilder(layout);
  for (const record of records) {
    const origin = builder.origin(record.source.file, record.source.sheet, record.absentColumns ?? []);
    builder.push(record as unknown as Readonly<Record<string, unknown>>, origin, record.source.row);
  }
  return builder.build();
}

/** Plain records → columns: for tests, benchmarks and anything that has records in hand. */
export function childColumns(children: readonly Child[]): ChildColumns {
  return fromRecords(CHILD_LAYOUT, children);
}

export function eventColumns(events: readonly ChildEvent[]): EventColumns {
  return fromRecords(EVENT_LAYOUT, events);
}

// ---------------------------------------------------------------- whole columns

function emptyLike(layout: Layout): RecordColumns<Layout> {
  return new ColumnsBuilder(layout).build();
}

/** Parts one after another (files in reading order): dictionaries merged, codes renumbered. */
function concatColumns<L extends Layout>(layout: L, parts: readonly RecordColumns<L>[]): RecordColumns<L> {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 0) return emptyLike(layout) as RecordColumns<L>;
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const origins: Origin[] = [];
  const origin = new Int32Array(length);
  const row = new Int32Array(length);
  let at = 0;
  for (const part of parts) {
    const offset = origins.length;
    origins.push(...part.origins);
    const partOrigin = part.origin;
    if (offset === 0) origin.set(partOrigin, at);
    else for (let i = 0; i < part.length; i++) origin[at + i] = partOrigin[i]! + offset;
    row.set(part.row, at);
    at += part.length;
  }
  const fields: Record<string, Column> = {};
  for (const name of Object.keys(layout)) {
    const columns = parts.map((part) => fieldOf(part, name));
    fields[name] = concatColumn(columns, length);
  }
  return { length, origins, origin, row, fields: fields as RecordColumns<L>['fields'] };
}

function concatColumn(columns: readonly Column[], length: number): Column {
  const first = columns[0]!;
  switch (first.type) {
    case 'text': {
      // One concat of all the parts copies the references in bulk.
      const parts = columns.flatMap((column) => (column.type === 'text' ? [column.values] : []));
      const values = new Array<string | undefined>().concat(...parts);
      if (values.length < length) values.length = length;
      return { type: 'text', values };
    }
    case 'code': {
      const index = new Map<string, number>();
      const codes = new Int32Array(length);
      let at = 0;
      for (const column of columns) {
        if (column.type !== 'code') continue;
        const renumber = column.dictionary.map((value) => {
          let found = index.get(value);
          if (found === undefined) index.set(value, (found = index.size));
          return found;
        });
        // Files of one producer list their values in the same order: their codes are copied as they are.
        if (renumber.every((code, value) => code === value)) codes.set(column.codes, at);
        else {
          const source = column.codes;
          for (let i = 0; i < source.length; i++) {
            const value = source[i]!;
            codes[at + i] = value < 0 ? value : renumber[value]!;
          }
        }
        at += column.codes.length;
      }
      return { type: 'code', dictionary: [...index.keys()], codes };
    }
    case 'date':
      return { type: 'date', dates: joinTyped(Int32Array, columns.map((column) => (column.type === 'date' ? column.dates : new Int32Array())), length) };
    case 'flag':
      return { type: 'flag', flags: joinTyped(Int8Array, columns.map((column) => (column.type === 'flag' ? column.flags : new Int8Array())), length) };
    case 'list':
      return { type: 'list', bits: joinTyped(Uint32Array, columns.map((column) => (column.type === 'list' ? column.bits : new Uint32Array())), length) };
    case 'number':
      return { type: 'number', numbers: joinTyped(Float64Array, columns.map((column) => (column.type === 'number' ? column.numbers : new Float64Array())), length) };
  }
}

type Typed = Int32Array | Int8Array | Uint32Array | Float64Array;
function joinTyped<T extends Typed>(make: new (length: number) => T, parts: readonly T[], length: number): T {
  const joined = new make(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * Per event row, the row of its child (the one with its Mã trẻ em; -1: none), as the import
 * found them while linking: the engine then needs no look-up of half a million children's ids.
 */
const linkedChildren = new WeakMap<EventColumns, { readonly children: ChildColumns; readonly rows: Int32Array }>();

export function noteEventChildren(events: EventColumns, children: ChildColumns, rows: Int32Array): void {
  linkedChildren.set(events, { children, rows });
}

/** The rows noted by `noteEventChildren` for these very events and children, if any. */
export function eventChildRows(events: EventColumns, children: ChildColumns): Int32Array | undefined {
  const linked = linkedChildren.get(events);
  return linked !== undefined && linked.children === children ? linked.rows : undefined;
}

/** The rows at `indices`, in that order (dictionaries kept whole). */
function selectColumns<L extends Layout>(columns: RecordColumns<L>, indices: readonly number[] | Int32Array): RecordColumns<L> {
  const length = indices.length;
  const gather = <T extends Typed>(make: new (length: number) => T, source: T): T => {
    const out = new make(length);
    for (let i = 0; i < length; i++) out[i] = source[indices[i]!]!;
    return out;
  };
  const fields: Record<string, Column> = {};
  for (const [name, column] of Object.entries(columns.fields as Readonly<Record<string, Column>>)) {
    switch (column.type) {
      case 'text':
        fields[name] = { type: 'text', values: Array.from(indices, (index) => column.values[index]) };
        break;
      case 'code':
        fields[name] = { type: 'code', dictionary: column.dictionary, codes: gather(Int32Array, column.codes) };
        break;
      case 'date':
        fields[name] = { type: 'date', dates: gather(Int32Array, column.dates) };
        break;
      case 'flag':
        fields[name] = { type: 'flag', flags: gather(Int8Array, column.flags) };
        break;
      case 'list':
        fields[name] = { type: 'list', bits: gather(Uint32Array, column.bits) };
        break;
      case 'number':
        fields[name] = { type: 'number', numbers: gather(Float64Array, column.numbers) };
        break;
    }
  }
  return {
    length,
    origins: columns.origins,
    origin: gather(Int32Array, columns.origin),
    row: gather(Int32Array, columns.row),
    fields: fields as RecordColumns<L>['fields'],
  };
}

export const concatChildren = (parts: readonly ChildColumns[]): ChildColumns => concatColumns(CHILD_LAYOUT, parts);
export const concatEvents = (parts: readonly EventColumns[]): EventColumns => concatColumns(EVENT_LAYOUT, parts);
export const selectChildren = (children: ChildColumns, indices: readonly number[] | Int32Array): ChildColumns => selectColumns(children, indices);
export const selectEvents = (events: EventColumns, indices: readonly number[] | Int32Array): EventColumns => selectColumns(events, indices);

/** Indices of the rows whose code column holds `value`. */
export function rowsWithCode(column: CodeColumn, value: string): number[] {
  const wanted = column.dictionary.indexOf(value);
  const rows: number[] = [];
  if (wanted < 0) return rows;
  for (let i = 0; i < column.codes.length; i++) if (column.codes[i] === wanted) rows.push(i);
  return rows;
}

/** A code column's value at a row (undefined for blank or absent). */
export function codeAt(column: CodeColumn, index: number): string | undefined {
  const at = column.codes[index]!;
  return at < 0 ? undefined : column.dictionary[at];
}

/** The files the rows came from. */
export function filesOf(columns: ChildColumns | EventColumns): Set<string> {
  const used = new Set<number>(columns.origin);
  return new Set([...used].map((origin) => columns.origins[origin]!.file));
}

/**
 * Everything the importer accepted, ready for the engine: children and events as columns
 * (record-columns.ts), the few commune-facts rows as records.
 */
export interface Dataset {
  readonly children: ChildColumns;
  readonly events: EventColumns;
  readonly communeFacts: readonly CommuneFacts[];
}

/** A dataset from plain records: how tests and benchmarks write their data. */
export function datasetOf(parts: { readonly children?: readonly Child[]; readonly events?: readonly ChildEvent[]; readonly communeFacts?: readonly CommuneFacts[] }): Dataset {
  return { children: childColumns(parts.children ?? []), events: eventColumns(parts.events ?? []), communeFacts: parts.communeFacts ?? [] };
}
