import { SHEETS, type ColumnSpec, type SheetSpec } from '../model/columns.js';
import type { Profile } from '../model/profile.js';
import { displayText, type RawValue } from './cells.js';
import type { RawRow } from './readers/types.js';
import { foldHeader, foldSheetName, foldValue } from './text.js';

/** How many rows from the top may hold titles before the header (docs/data-contract.md). */
export const HEADER_SEARCH_ROWS = 10;
const MIN_KNOWN_HEADERS = 3;

/** A column of the file mapped to a column of the contract. */
export interface MappedColumn {
  readonly index: number;
  /** The header as the file wrote it (messages name columns the way the official sees them). */
  readonly header: string;
  readonly spec: ColumnSpec;
  /** A profile's values for this column (folded) → the contract's text for each. */
  readonly values?: ReadonlyMap<string, string>;
}

export interface SheetLayout {
  readonly spec: SheetSpec;
  readonly headerRow: number;
  readonly columns: readonly MappedColumn[];
  /** Every header cell, by position, for the error workbook. */
  readonly headers: readonly string[];
  /** Required columns the header does not have. */
  readonly missingRequired: readonly ColumnSpec[];
  /** Keys of the optional columns the sheet lacks; one array shared by all its records. */
  readonly absentKeys: readonly string[];
  /** Headers matched twice: the first column wins. */
  readonly repeatedHeaders: readonly string[];
  readonly unknownHeaders: readonly string[];
  /** The column-mapping profile the sheet is read with, if any. */
  readonly profile?: Profile;
}

/**
 * What a sheet is matched against: the contract's sheet names and headers, plus those of a
 * column-mapping profile when one is used. Built once per profile, not per sheet.
 */
export interface Vocabulary {
  /** The profile that adds to the contract; none for the contract alone. */
  readonly profile?: Profile;
  readonly headers: ReadonlyMap<string, ReadonlyMap<SheetSpec, ColumnSpec>>;
  readonly sheetNames: ReadonlyMap<SheetSpec, ReadonlySet<string>>;
  /** Per sheet and key: the profile's value → the contract's text for it (values folded as cells are matched). */
  readonly values: ReadonlyMap<SheetSpec, ReadonlyMap<string, ReadonlyMap<string, string>>>;
}

export function vocabularyOf(profile?: Profile): Vocabulary {
  const headers = new Map<string, Map<SheetSpec, ColumnSpec>>();
  const add = (name: string, sheet: SheetSpec, column: ColumnSpec) => {
    const key = foldHeader(name);
    let bySheet = headers.get(key);
    if (!bySheet) {
      bySheet = new Map();
      headers.set(key, bySheet);
    }
    if (!bySheet.has(sheet)) bySheet.set(sheet, column);
  };
  const sheetNames = new Map<SheetSpec, Set<string>>();
  const values = new Map<SheetSpec, Map<string, Map<string, string>>>();
  for (const sheet of SHEETS) {
    const extra = profile?.sheets[sheet.kind];
    for (const column of sheet.columns) {
      for (const name of [column.header, ...column.aliases, ...(extra?.columns[column.key] ?? [])]) add(name, sheet, column);
    }
    sheetNames.set(sheet, new Set([sheet.name, ...sheet.nameAliases, ...(extra?.match ?? [])].map(foldSheetName)));
    const mapped = new Map<string, Map<string, string>>();
    for (const [key, mapping] of Object.entries(extra?.values ?? {})) {
      mapped.set(key, new Map(Object.entries(mapping).map(([from, to]) => [foldValue(from), to])));
    }
    values.set(sheet, mapped);
  }
  return { ...(profile ? { profile } : {}), headers, sheetNames, values };
}

/** The contract alone. */
export const CONTRACT_VOCABULARY = vocabularyOf();

/** The kind a sheet's name names, if it names one. */
export function sheetKindFromName(name: string, vocabulary: Vocabulary = CONTRACT_VOCABULARY): SheetSpec | undefined {
  const folded = foldSheetName(name);
  return SHEETS.find((sheet) => vocabulary.sheetNames.get(sheet)?.has(folded));
}

function countKnownHeaders(cells: readonly RawValue[], vocabulary: Vocabulary): number {
  return cells.filter((cell) => isKnownHeader(cell, vocabulary)).length;
}

/**
 * The first row, among the first rows, that holds at least 3 known headers. Forms often have
 * a two-row header: a title merged over several columns ("Địa chỉ" above "Mã tỉnh", "Mã xã")
 * and headers merged down two rows ("Ngày sinh"), so that some headers are on the first row
 * and the others on the second, under a blank or a group title. Such a second row is read
 * with the first. A row numbering the columns ("(1) (2) (3)…") under the header is skipped.
 * The row returned is the header as one row, numbered as its last row: data starts below it.
 */
export function findHeaderRow(rows: readonly RawRow[], vocabulary: Vocabulary = CONTRACT_VOCABULARY): RawRow | undefined {
  const top = rows.filter((row) => row.number <= HEADER_SEARCH_ROWS);
  for (let i = 0; i < top.length; i += 1) {
    const row = top[i]!;
    const known = countKnownHeaders(row.cells, vocabulary);
    if (known === 0) continue;
    const below = top[i + 1];
    let header: RawRow | undefined;
    if (below && below.number === row.number + 1 && continuesHeader(row.cells, below.cells, vocabulary)) {
      const cells = mergeHeaderRows(row.cells, below.cells, vocabulary);
      if (countKnownHeaders(cells, vocabulary) >= MIN_KNOWN_HEADERS) header = { number: below.number, cells };
    }
    if (!header && known >= MIN_KNOWN_HEADERS) header = row;
    if (!header) continue;
    const after = rows.find((candidate) => candidate.number === header.number + 1);
    return after && isColumnNumbering(after.cells) ? { number: after.number, cells: header.cells } : header;
  }
  return undefined;
}

/**
 * The first row of the top that looks like a header, known or not (three texts or more): what
 * missing columns are named against, and what a draft profile is drafted from.
 */
export function likelyHeader(top: readonly RawRow[]): RawRow | undefined {
  return top.find((row) => row.cells.filter((cell) => typeof cell === 'string' && displayText(cell) !== '').length >= MIN_KNOWN_HEADERS);
}

const isKnownHeader = (cell: RawValue | undefined, vocabulary: Vocabulary): boolean =>
  cell !== null && cell !== undefined && vocabulary.headers.has(foldHeader(displayText(cell)));
const isBlankCell = (cell: RawValue | undefined): boolean => cell === null || cell === undefined || displayText(cell) === '';

/**
 * `below` goes on the header `above` when it adds known headers, and only where `above` has
 * none (blank: merged down or across; or a group title): a data row has values under the
 * known headers, so it never qualifies.
 */
function continuesHeader(above: readonly RawValue[], below: readonly RawValue[], vocabulary: Vocabulary): boolean {
  let adds = false;
  for (let column = 0; column < below.length; column += 1) {
    if (isBlankCell(below[column])) continue;
    if (isKnownHeader(above[column], vocabulary)) return false;
    if (isKnownHeader(below[column], vocabulary)) adds = true;
  }
  return adds;
}

function mergeHeaderRows(above: readonly RawValue[], below: readonly RawValue[], vocabulary: Vocabulary): RawValue[] {
  const cells: RawValue[] = [];
  for (let column = 0; column < Math.max(above.length, below.length); column += 1) {
    const upper = above[column] ?? null;
    const lower = below[column] ?? null;
    cells.push(isKnownHeader(upper, vocabulary) || isBlankCell(lower) ? upper : lower);
  }
  return cells;
}

const COLUMN_NUMBER = /^\(?(\d{1,3})\)?$/;

/** "1 2 3 …" or "(1) (2) (3) …" under the header: the form's column numbers, not data. */
function isColumnNumbering(cells: readonly RawValue[]): boolean {
  let previous = 0;
  let count = 0;
  for (const cell of cells) {
    if (isBlankCell(cell ?? null)) continue;
    const number = typeof cell === 'number' ? cell : Number(COLUMN_NUMBER.exec(displayText(cell ?? null))?.[1] ?? NaN);
    if (!Number.isInteger(number) || number <= previous || (count === 0 && number > 2)) return false;
    previous = number;
    count += 1;
  }
  return count >= MIN_KNOWN_HEADERS;
}

/**
 * A sheet's kind comes from its name first, else from headers only one kind has
 * ("Mã vụ việc" → SuViec; "Kỳ báo cáo" → ThongTinXa; otherwise "Họ và tên" → TreEm).
 */
export function sheetKindFromHeaders(headers: readonly string[], vocabulary: Vocabulary = CONTRACT_VOCABULARY): SheetSpec | undefined {
  const found = headers.map((header) => vocabulary.headers.get(foldHeader(header)));
  const hasDistinctive = (sheet: SheetSpec) =>
    sheet.distinctiveHeaders.some((header) => found.some((bySheet) => bySheet?.get(sheet)?.header === header));
  // Events and commune facts first: a children's header ("Họ và tên") may also appear on them.
  const order = [...SHEETS].sort((a, b) => (a.kind === 'children' ? 1 : 0) - (b.kind === 'children' ? 1 : 0));
  return order.find(hasDistinctive);
}

export function layoutOf(spec: SheetSpec, headerRow: RawRow, vocabulary: Vocabulary = CONTRACT_VOCABULARY): SheetLayout {
  const valueMaps = vocabulary.values.get(spec);
  const headers = headerRow.cells.map((cell) => displayText(cell));
  const columns: MappedColumn[] = [];
  const repeatedHeaders: string[] = [];
  const unknownHeaders: string[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const column = vocabulary.headers.get(foldHeader(header))?.get(spec);
    if (!column) {
      unknownHeaders.push(header);
      return;
    }
    if (columns.some((mapped) => mapped.spec.key === column.key)) {
      repeatedHeaders.push(header);
      return;
    }
    const values = valueMaps?.get(column.key);
    columns.push({ index, header, spec: column, ...(values && values.size > 0 ? { values } : {}) });
  });
  const missingRequired = spec.columns.filter(
    (column) => column.required && !columns.some((mapped) => mapped.spec.key === column.key),
  );
  const absentKeys = Object.freeze(
    spec.columns.filter((column) => !columns.some((mapped) => mapped.spec.key === column.key)).map((column) => column.key),
  );
  return {
    spec,
    headerRow: headerRow.number,
    columns,
    headers,
    missingRequired,
    absentKeys,
    repeatedHeaders,
    unknownHeaders,
    ...(vocabulary.profile ? { profile: vocabulary.profile } : {}),
  };
}
