/**
 * What chitieu sees in a file, for an official whose export does not read as expected: per
 * sheet its name and state, the kind of records chosen and why, the header row, what each
 * header maps to, the rows below it, and (on request) every cell as read. The decision is the
 * importer's own (sheet-choice.ts), so that what `inspect` says is what an import does.
 */
import { basename, extname } from 'node:path';
import type { RecordKind } from '../model/records.js';
import { isBlank, type RawValue } from './cells.js';
import { detectFormat } from './files.js';
import { readCsvSheet } from './readers/csv.js';
import { readMarkupSheets } from './readers/markup.js';
import type { CellErrorAt } from './readers/sheet-scan.js';
import type { CellNote, RawRow, SheetState } from './readers/types.js';
import { readXlsxWorkbook } from './readers/xlsx.js';
import { addValues, draftHeaderRow, type DraftSheet } from './draft-profile.js';
import { chooseSheet, type ProfileSelection, type SheetChoice } from './sheet-choice.js';

/** A cell as read: `v` is text, a number, a boolean, a date (ISO, no zone) or an error code. */
export interface InspectedCell {
  readonly r: number;
  readonly c: number;
  readonly v: string | number | boolean | { readonly date: string } | { readonly error: string };
}

export interface InspectedColumn {
  readonly header: string;
  /** The contract key it maps to; null when the column is ignored. */
  readonly key: string | null;
}

export interface InspectedSheet {
  readonly name: string;
  readonly state: SheetState;
  readonly kind: RecordKind | null;
  readonly headerRow: number | null;
  readonly columns: readonly InspectedColumn[];
  /** Rows holding any value, below the header (or in the whole sheet when it has none). */
  readonly rows: number;
  readonly cells?: readonly InspectedCell[];
}

export interface InspectedFile {
  readonly file: string;
  readonly sheets: readonly InspectedSheet[];
}

/** The JSON of `inspect --json`, and for the text: the decision behind each sheet. */
export interface FileInspection {
  readonly json: InspectedFile;
  readonly choices: readonly SheetChoice[];
  /** Per sheet, its headers by 0-based column (for the text's column letters). */
  readonly columnIndexes: readonly (readonly number[])[];
  /** What `--draft-profile` needs of the sheets an import would read. */
  readonly drafts?: readonly DraftSheet[];
}

interface SheetSource {
  readonly name: string;
  readonly state: SheetState;
  rows(onRow: (row: RawRow) => void, errors: CellErrorAt[]): AsyncIterator<RawRow>;
}

async function* sheetsOf(path: string): AsyncGenerator<SheetSource> {
  const format = await detectFormat(path);
  const name = basename(path, extname(path));
  if (format === 'csv' || format === 'html' || format === 'spreadsheetml') {
    const sheets = format === 'csv' ? [readCsvSheet(path, name)] : readMarkupSheets(path, format, name);
    for await (const sheet of sheets) yield { name: sheet.name, state: sheet.state, rows: (onRow) => observed(sheet.batches, onRow) };
    return;
  }
  for await (const sheet of readXlsxWorkbook(path)) {
    const notes: CellNote[] = [];
    yield { name: sheet.name, state: sheet.state, rows: (onRow, errors) => sheet.rows(notes, { onRow, errors }) };
  }
}

async function* observed(batches: AsyncIterable<readonly RawRow[]>, onRow: (row: RawRow) => void): AsyncGenerator<RawRow> {
  for await (const batch of batches) {
    for (const row of batch) {
      onRow(row);
      yield row;
    }
  }
}

export interface InspectOptions {
  /** The profiles the import would use (`--profile`, bundled ones, `--ignore-sheet`). */
  readonly selection?: ProfileSelection;
  /** Also collect what a draft profile needs (`--draft-profile`). */
  readonly draft?: boolean;
}

export async function inspectFile(path: string, withCells: boolean, options: InspectOptions = {}): Promise<FileInspection> {
  const drafts: DraftSheet[] = [];
  const sheets: InspectedSheet[] = [];
  const choices: SheetChoice[] = [];
  const columnIndexes: number[][] = [];
  for await (const sheet of sheetsOf(path)) {
    const cells: InspectedCell[] = [];
    const errors: CellErrorAt[] = [];
    const onRow = withCells ? (row: RawRow) => collectCells(row, cells) : () => undefined;
    const rows = sheet.rows(onRow, errors);
    const { choice, top, next: first } = await chooseSheet(sheet.name, sheet.state !== 'visible', rows, options.selection);
    // A hidden sheet the import skips is still read here: the official may want to see it.
    const headerRow = choice.type === 'read' ? choice.layout.headerRow : 0;
    // A draft covers the sheets an import would have to read, by the header a person would see.
    const draft = options.draft && choice.type !== 'hidden' && choice.type !== 'skipped' ? { header: draftHeaderRow(top), values: new Map<number, Set<string>>() } : undefined;
    let count = 0;
    const countRow = (row: RawRow) => {
      if (row.number > headerRow && !row.cells.every(isBlank)) count += 1;
      if (draft?.header && row.number > draft.header.number) addValues(draft.values, row.cells);
    };
    for (const row of top) countRow(row);
    let next = first;
    if (choice.type === 'hidden' || choice.type === 'skipped') next = await rows.next();
    while (!next.done) {
      countRow(next.value);
      next = await rows.next();
    }
    const columns: InspectedColumn[] = [];
    const indexes: number[] = [];
    if (choice.type === 'read') {
      choice.layout.headers.forEach((header, index) => {
        if (header === '') return;
        const mapped = choice.layout.columns.find((column) => column.index === index);
        columns.push({ header, key: mapped ? mapped.spec.key : null });
        indexes.push(index);
      });
    }
    for (const error of errors) cells.push({ r: error.row, c: error.column, v: { error: error.code } });
    cells.sort((a, b) => a.r - b.r || a.c - b.c);
    sheets.push({
      name: sheet.name,
      state: sheet.state,
      kind: choice.type === 'read' ? choice.spec.kind : null,
      headerRow: choice.type === 'read' ? choice.layout.headerRow : null,
      columns,
      rows: count,
      ...(withCells ? { cells } : {}),
    });
    choices.push(choice);
    columnIndexes.push(indexes);
    if (draft) drafts.push({ name: sheet.name, top, values: draft.values });
  }
  return { json: { file: basename(path), sheets }, choices, columnIndexes, ...(options.draft ? { drafts } : {}) };
}

function collectCells(row: RawRow, cells: InspectedCell[]): void {
  row.cells.forEach((value, index) => {
    const v = cellJson(value);
    if (v !== undefined) cells.push({ r: row.number, c: index + 1, v });
  });
}

function cellJson(value: RawValue): InspectedCell['v'] | undefined {
  if (value === null || value === '') return undefined;
  // A Date no calendar holds (a reader's NaN or infinite serial) is shown as Excel shows it, not thrown on.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: '#NUM!' } : { date: value.toISOString().slice(0, 19) };
  return value;
}
