/**
 * `chitieu inspect FILE --draft-profile out.yaml`: a draft column-mapping profile from a file's
 * headers and values, for a person to confirm (profiles/README.md). Every header the contract
 * does not know is listed with the closest contract column as a suggestion marked "# ?"; the
 * values of coded columns that the contract does not know are listed for the person to map.
 * The draft reads as it stands: what it cannot guess is left as comments.
 */
import { SHEETS, type ColumnSpec, type SheetSpec } from '../model/columns.js';
import type { RecordKind } from '../model/records.js';
import { displayText, isBlank, parseList, type RawValue } from './cells.js';
import { LIKELY, suggestColumn, type Suggestion } from './suggest-column.js';
import { contractValue } from './profiles.js';
import type { RawRow } from './readers/types.js';
import { CONTRACT_VOCABULARY, findHeaderRow, likelyHeader, sheetKindFromHeaders, sheetKindFromName } from './sheet.js';
import { foldHeader } from './text.js';

/** What the draft needs of one sheet: its name, its first rows and the values below the header. */
export interface DraftSheet {
  readonly name: string;
  readonly top: readonly RawRow[];
  /** Distinct cell texts per column position, below the header row (bounded). */
  readonly values: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Distinct values kept per column: enough for any code list, bounded for free-text columns. */
export const DISTINCT_LIMIT = 200;

export interface DraftColumn {
  readonly index: number;
  readonly header: string;
  /** Known to the contract under this name. */
  readonly known?: ColumnSpec;
  readonly suggestion?: Suggestion;
}

/** The row most likely to be the header: the contract's rule, else the first row of three texts or more. */
export function draftHeaderRow(top: readonly RawRow[]): RawRow | undefined {
  return findHeaderRow(top) ?? likelyHeader(top);
}

/** The kind of records a sheet most likely holds: by its name or headers, else by the headers' likeness. */
export function kindOf(sheet: Pick<DraftSheet, 'name'>, headers: readonly string[]): SheetSpec | undefined {
  const named = sheetKindFromName(sheet.name) ?? sheetKindFromHeaders(headers);
  if (named) return named;
  // Else the kind whose columns the headers resemble most; distinctive columns count double.
  let best: { spec: SheetSpec; score: number } | undefined;
  for (const spec of SHEETS) {
    let score = 0;
    for (const header of headers) {
      const suggestion = suggestColumn(header, spec);
      if (!suggestion || suggestion.score < LIKELY) continue;
      score += spec.distinctiveHeaders.includes(suggestion.column.header) ? 2 : 1;
    }
    if (score > 0 && (!best || score > best.score)) best = { spec, score };
  }
  return best?.spec;
}

/** Each header known to the contract, or with the contract column it most likely means (one header per column). */
export function columnsOf(spec: SheetSpec, headers: readonly string[]): DraftColumn[] {
  const columns: DraftColumn[] = headers.map((header, index) => {
    const known = CONTRACT_VOCABULARY.headers.get(foldHeader(header))?.get(spec);
    if (known) return { index, header, known };
    const suggestion = suggestColumn(header, spec);
    return { index, header, ...(suggestion ? { suggestion } : {}) };
  });
  // A column the file already has under a contract name, or that a closer header claims, is not suggested twice.
  const winner = new Map<string, number>();
  for (const column of columns) if (column.known) winner.set(column.known.key, -1);
  for (const column of columns) {
    const suggestion = column.suggestion;
    if (!suggestion || suggestion.score < LIKELY) continue;
    const held = winner.get(suggestion.column.key);
    if (held === undefined || (held >= 0 && columns[held]!.suggestion!.score < suggestion.score)) winner.set(suggestion.column.key, column.index);
  }
  return columns.map((column) => {
    const suggestion = column.suggestion;
    if (!suggestion || suggestion.score < LIKELY || winner.get(suggestion.column.key) === column.index) return column;
    // Claimed by another header: offered only as a guess.
    return { ...column, suggestion: { column: suggestion.column, score: Math.min(suggestion.score, LIKELY - 0.01) } };
  });
}

const quote = (text: string) => JSON.stringify(text);

export const CODED = new Set<ColumnSpec['cell']['type']>(['enum', 'list', 'yesNo']);

/** Values of a coded column that the contract does not read, in the file's spelling (list cells value by value). */
export function unknownValues(column: ColumnSpec, values: ReadonlySet<string> | undefined): string[] {
  if (!values) return [];
  const unknown = new Set<string>();
  for (const value of values) {
    if (contractValue(column, value) !== undefined || (column.cell.type === 'list' && parseList(value, column.cell.list).ok)) continue;
    if (column.cell.type !== 'list') {
      unknown.add(value);
      continue;
    }
    // A label may hold a comma ("Bỏ rơi, bỏ mặc"): values are told apart by ";" first, then by ",".
    for (const piece of value.split(/[;\n]/).map((part) => part.trim())) {
      if (piece === '' || parseList(piece, column.cell.list).ok) continue;
      for (const part of piece.split(',').map((text) => text.trim())) {
        if (part !== '' && contractValue(column, part) === undefined) unknown.add(part);
      }
    }
  }
  return [...unknown].sort();
}

function allowedValues(column: ColumnSpec): string {
  const cell = column.cell;
  if (cell.type === 'enum' || cell.type === 'list') return cell.list.map((entry) => `${entry.code} ${entry.label}`).join(', ');
  return 'Có, Không';
}

function sheetLines(sheet: DraftSheet, kind: RecordKind, columns: readonly DraftColumn[]): string[] {
  const lines = [`  ${kind}:`, `    match: [${quote(sheet.name)}]`, '    columns:'];
  const mapped: { column: ColumnSpec; index: number }[] = [];
  for (const column of columns) {
    if (column.known) {
      lines.push(`      # ${quote(column.header)}: ${column.known.key} (${column.known.header}), mẫu chuẩn đã biết / known to the contract`);
      mapped.push({ column: column.known, index: column.index });
      continue;
    }
    const suggestion = column.suggestion;
    if (suggestion && suggestion.score >= LIKELY) {
      lines.push(`      ${suggestion.column.key}: [${quote(column.header)}]   # ? ${suggestion.column.header}`);
      mapped.push({ column: suggestion.column, index: column.index });
    } else if (suggestion) {
      lines.push(`      # ${suggestion.column.key}: [${quote(column.header)}]   # ? ${suggestion.column.header} (đoán / a guess)`);
    } else {
      lines.push(`      # ${quote(column.header)}: không rõ là cột nào của mẫu chuẩn (bỏ qua) / no contract column near it (ignored)`);
    }
  }
  const valueLines: string[] = [];
  for (const { column, index } of mapped) {
    if (!CODED.has(column.cell.type)) continue;
    const unknown = unknownValues(column, sheet.values.get(index));
    if (unknown.length === 0) continue;
    valueLines.push(`      # ${column.key} (${column.header}): ${unknown.map(quote).join(', ')} chưa biết / not known`);
    valueLines.push(`      #   mã / codes: ${allowedValues(column)}`);
    valueLines.push(`      # ${column.key}: { ${unknown.map((value) => `${quote(value)}: ""`).join(', ')} }`);
  }
  lines.push('    values:');
  if (valueLines.length === 0) lines.push('      # mọi giá trị của các cột mã đều đã biết / every coded value is known');
  else lines.push(...valueLines);
  return lines;
}

/** The draft profile's text for a file's sheets; sheets it cannot place are listed as comments. */
export function draftProfileText(fileName: string, sheets: readonly DraftSheet[]): string {
  const lines = [
    `# Hồ sơ cột nháp cho "${fileName}" (chitieu inspect --draft-profile) / draft column-mapping profile.`,
    '# Kiểm tra mỗi dòng "# ?" (gợi ý): sửa khóa nếu sai, xóa dòng nếu không phải. Giá trị chưa biết: ghi mã',
    '# vào dòng "values" tương ứng (bỏ dấu #), ví dụ   status: { "Died": DEAD }.   Xem profiles/README.md.',
    '# Check each "# ?" line (a suggestion); for unknown values write the contract code and remove the "#".',
    `name: ${quote(`Hồ sơ cho ${fileName}`)}`,
    'sheets:',
  ];
  const done = new Set<RecordKind>();
  for (const sheet of sheets) {
    const layout = draftLayout(sheet);
    if (!layout) {
      lines.push(`  # trang ${quote(sheet.name)}: không thấy dòng tiêu đề / no header row`);
      continue;
    }
    const spec = layout.spec;
    if (!spec || done.has(spec.kind)) {
      lines.push(`  # trang ${quote(sheet.name)}: ${spec ? 'cùng loại với một trang ở trên' : 'không rõ loại dữ liệu'} (ignoreSheets?)`);
      continue;
    }
    done.add(spec.kind);
    lines.push(...sheetLines(sheet, spec.kind, layout.columns));
  }
  return `${lines.join('\n')}\n`;
}

/** A sheet as a draft sees it: its header row, the kind it most likely holds, and each header's likely column. */
export interface DraftLayout {
  readonly headerRow: RawRow;
  readonly headers: readonly string[];
  readonly spec: SheetSpec | undefined;
  /** Non-blank headers only; empty when the kind is not known. */
  readonly columns: readonly DraftColumn[];
}

export function draftLayout(sheet: Pick<DraftSheet, 'name' | 'top'>, kind?: SheetSpec): DraftLayout | undefined {
  const headerRow = draftHeaderRow(sheet.top);
  if (!headerRow) return undefined;
  const headers = headerRow.cells.map((cell) => displayText(cell));
  const spec = kind ?? kindOf(sheet, headers);
  const columns = spec ? columnsOf(spec, headers).filter((column) => column.header !== '') : [];
  return { headerRow, headers, spec, columns };
}

/** Collects a sheet's distinct values per column below `headerRow`, within DISTINCT_LIMIT. */
export function addValues(values: Map<number, Set<string>>, cells: readonly RawValue[]): void {
  cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    let set = values.get(index);
    if (!set) {
      set = new Set();
      values.set(index, set);
    }
    if (set.size < DISTINCT_LIMIT) set.add(displayText(cell));
  });
}

