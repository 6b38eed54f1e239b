import type { ImportWarning, RejectedRow, RowIssue } from '../model/issues.js';
import { msg, render, type Lang, type Message } from '../model/messages.js';
import type { ColumnReport } from './column-report.js';
import type { FileAccount, SheetPlacementNote, SkippedSheet } from './index.js';
import { foldHeader } from './text.js';

/**
 * Terminal text for an import: accounting per file, rejected rows, counts by kind. Personal
 * values are masked here; only the error workbook shows them, because officials fix rows there.
 */

const vi = new Intl.NumberFormat('vi-VN');
const en = new Intl.NumberFormat('en-US');
const count = (n: number, lang: Lang) => (lang === 'en' ? en : vi).format(n);

/** What each kind of sheet holds, for people. */
export const KIND_LABELS: Record<string, Message> = {
  children: msg('trẻ em', 'children'),
  events: msg('sự việc', 'events'),
  communeFacts: msg('thông tin xã', 'commune facts'),
};

const ISSUE_LABELS: Record<string, Message> = {
  missing_value: msg('thiếu giá trị bắt buộc', 'missing required value'),
  invalid_date: msg('ngày không hợp lệ', 'invalid date'),
  invalid_code: msg('mã sai định dạng', 'malformed code'),
  unknown_unit: msg('mã đơn vị hành chính không có trong danh mục', 'unknown administrative unit'),
  ambiguous_unit: msg('mã xã có trong cả hai danh mục với nghĩa khác nhau, tệp không cho biết theo danh mục nào', 'commune code in both lists with different meanings, the file does not say which'),
  new_code_before_reform: msg('mã xã mới không quy đổi được về đơn vị trước 01/07/2025', 'new commune code cannot be put on the units before 1 July 2025'),
  unknown_code_value: msg('giá trị không có trong danh mục', 'value not in code list'),
  invalid_yes_no: msg('không phải Có/Không', 'not yes/no'),
  invalid_number: msg('không phải số', 'not a number'),
  duplicate_child: msg('trùng trẻ em', 'duplicate child'),
  duplicate_event: msg('trùng sự việc', 'duplicate event'),
  event_before_birth: msg('sự việc trước ngày sinh', 'event before birth'),
  event_after_death: msg('sự việc sau ngày tử vong', 'event after death'),
  date_before_birth: msg('ngày trước ngày sinh (trẻ vẫn được tính)', 'date before birth (the child still counts)'),
  invalid_date_order: msg('ngày thôi HCĐB trước ngày bắt đầu (trẻ vẫn được tính)', 'special circumstances end before they start (the child still counts)'),
  invalid_value: msg('giá trị không hợp lệ', 'invalid value'),
  control_character: msg('ô có ký tự điều khiển', 'control character in a cell'),
  unit_mismatch: msg('xã không thuộc tỉnh ghi ở dòng', 'commune not in the row’s province'),
  missing_child: msg('sự việc của trẻ không có trong danh sách trẻ em (vẫn được tính)', 'event of a child missing from the children list (still counted)'),
  totals_row: msg('dòng tổng cộng bị bỏ qua', 'totals row skipped'),
  sheet_skipped: msg('trang bị bỏ qua', 'sheet skipped'),
  hidden_sheet_skipped: msg('trang ẩn bị bỏ qua', 'hidden sheet skipped'),
  repeated_column: msg('cột lặp lại', 'repeated column'),
  formula_without_result: msg('công thức chưa có giá trị', 'formula without cached value'),
  cell_error: msg('ô có lỗi công thức', 'cell holds a formula error'),
  duplicate_facts: msg('dòng thông tin xã lặp lại trong kỳ (bỏ qua)', 'repeated commune facts row for the period (ignored)'),
  misspelt_column: msg('cột bị bỏ qua vì tiêu đề gần giống một cột của mẫu (gõ sai?)', 'column ignored whose header is close to one of the contract (misspelt?)'),
  birth_after_period: msg('ngày sinh sau ngày cuối kỳ (hoặc sau hôm nay)', 'birth date after the period\'s end (or after today)'),
  legacy_encoding: msg('cột gõ bằng bảng mã cũ (TCVN3/VNI) đã chuyển sang Unicode', 'column in a legacy encoding (TCVN3/VNI) converted to Unicode'),
};

export const SKIP_REASONS: Record<SkippedSheet['reason'], Message> = {
  hidden: msg('trang ẩn', 'hidden'),
  notData: msg('tên trang cho thấy không phải dữ liệu', 'its name says it is not data'),
  ignored: msg('theo --ignore-sheet hoặc hồ sơ cột', 'by --ignore-sheet or the profile'),
  empty: msg('trống', 'empty'),
};

export function issueLabel(kind: string, lang: Lang): string {
  const label = ISSUE_LABELS[kind];
  return label ? render(label, lang) : kind;
}

/** "Nguyễn Văn An" → "N***": enough to find the row, not enough to identify the child. */
export function maskPersonal(value: string): string {
  return value === '' ? '' : `${[...value][0]}***`;
}

/** Names listed on one line at most; the rest are counted. */
const LISTED_COLUMNS = 30;
/** A file's header shown up to this many characters (a cell may hold 32,767). */
const SHOWN_HEADER_CHARS = 80;

function shownHeader(header: string): string {
  if (header.length <= SHOWN_HEADER_CHARS) return header;
  return `${[...header.slice(0, SHOWN_HEADER_CHARS + 1)].slice(0, SHOWN_HEADER_CHARS - 1).join('')}…`;
}

function listed(names: readonly string[], lang: Lang): string {
  const shown = names.slice(0, LISTED_COLUMNS).join(', ');
  const more = names.length - LISTED_COLUMNS;
  return more > 0 ? `${shown}${render(msg(` … và ${count(more, 'vi')} cột khác`, ` … and ${count(more, 'en')} more`), lang)}` : shown;
}

/**
 * What a sheet's header gave, by the contract's Vietnamese headers: the columns recognised (with
 * the file's spelling when it differs), the columns ignored (with the header probably meant), and
 * the optional columns absent — the figures that need them will read "không có số liệu".
 */
export function columnLines(columns: ColumnReport, lang: Lang, indent = '      '): string[] {
  const lines: string[] = [];
  const recognised = columns.recognised.map((column) => (foldHeader(column.header) === foldHeader(column.column) ? column.column : `${column.column} ("${shownHeader(column.header)}")`));
  lines.push(`${indent}${render(msg(`nhận ra ${count(recognised.length, 'vi')} cột`, `${count(recognised.length, 'en')} columns recognised`), lang)}: ${listed(recognised, lang)}`);
  if (columns.ignored.length > 0) {
    const ignored = columns.ignored.map((column) =>
      column.closest === undefined ? `"${shownHeader(column.header)}"` : `"${shownHeader(column.header)}" ${render(msg(`(có phải "${column.closest}"?)`, `(is it "${column.closest}"?)`), lang)}`,
    );
    lines.push(`${indent}${render(msg(`bỏ qua ${count(ignored.length, 'vi')} cột không có trong mẫu`, `${count(ignored.length, 'en')} columns ignored (not in the contract)`), lang)}: ${listed(ignored, lang)}`);
  }
  if (columns.missingRequired.length > 0) {
    lines.push(`${indent}${render(msg('thiếu cột bắt buộc', 'required columns missing'), lang)}: ${listed(columns.missingRequired, lang)}`);
  }
  if (columns.absentOptional.length > 0) {
    lines.push(
      `${indent}${render(msg(`không có ${count(columns.absentOptional.length, 'vi')} cột không bắt buộc (chỉ tiêu cần các cột này sẽ "không có số liệu")`, `${count(columns.absentOptional.length, 'en')} optional columns absent (indicators that need them read "no data")`), lang)}: ${listed(columns.absentOptional, lang)}`,
    );
  }
  return lines;
}

export function accountingLines(files: readonly FileAccount[], lang: Lang, options: { readonly columns?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const file of files) {
    lines.push(
      render(
        msg(
          `${file.file}${file.origin ? ` (${file.origin.vi})` : ''}: đọc ${count(file.read, 'vi')} dòng = ${count(file.accepted, 'vi')} hợp lệ + ${count(file.rejected, 'vi')} bị loại`,
          `${file.file}${file.origin ? ` (${file.origin.en})` : ''}: read ${count(file.read, 'en')} rows = ${count(file.accepted, 'en')} accepted + ${count(file.rejected, 'en')} rejected`,
        ),
        lang,
      ),
    );
    for (const sheet of file.sheets) {
      const kind = render(KIND_LABELS[sheet.kind] ?? msg(sheet.kind, sheet.kind), lang);
      const totals =
        sheet.totalsSkipped > 0
          ? render(msg(`, bỏ qua ${sheet.totalsSkipped} dòng tổng`, `, ${sheet.totalsSkipped} totals row(s) skipped`), lang)
          : '';
      const profile = sheet.profile
        ? render(
            sheet.profile.automatic
              ? msg(`, hồ sơ cột ${sheet.profile.file} tự chọn theo tiêu đề`, `, profile ${sheet.profile.file} chosen by its headers`)
              : msg(`, hồ sơ cột ${sheet.profile.file}`, `, profile ${sheet.profile.file}`),
            lang,
          )
        : '';
      lines.push(
        render(
          msg(
            `  - trang "${sheet.sheet}" (${kind}, tiêu đề ở dòng ${sheet.headerRow}${profile}): ${count(sheet.read, 'vi')} = ${count(sheet.accepted, 'vi')} + ${count(sheet.rejected, 'vi')}${totals}`,
            `  - sheet "${sheet.sheet}" (${kind}, header on row ${sheet.headerRow}${profile}): ${count(sheet.read, 'en')} = ${count(sheet.accepted, 'en')} + ${count(sheet.rejected, 'en')}${totals}`,
          ),
          lang,
        ),
      );
      if (options.columns && sheet.columns) lines.push(...columnLines(sheet.columns, lang));
      if (sheet.placement) lines.push(...placementLines(sheet.placement, lang));
    }
    for (const skipped of file.skippedSheets) {
      const why = render(SKIP_REASONS[skipped.reason], lang);
      lines.push(
        render(
          msg(
            `  - bỏ qua trang "${skipped.sheet}" (${why}): ${count(skipped.rows, 'vi')} dòng không đọc`,
            `  - sheet "${skipped.sheet}" skipped (${why}): ${count(skipped.rows, 'en')} row(s) not read`,
          ),
          lang,
        ),
      );
    }
  }
  return lines;
}

/** What placing a sheet's rows on today's units did: children carried from the old codes, rows rejected. */
export function placementLines(note: SheetPlacementNote, lang: Lang, indent = '      '): string[] {
  const lines: string[] = [];
  if (note.converted > 0) {
    const details = [
      note.approximate > 0 ? msg(`${count(note.approximate, 'vi')} trẻ của xã cũ bị chia, xếp gần đúng`, `${count(note.approximate, 'en')} from split communes, placed approximately`) : undefined,
      note.byVillage > 0 ? msg(`${count(note.byVillage, 'vi')} trẻ xếp theo bản đồ thôn`, `${count(note.byVillage, 'en')} placed by the village map`) : undefined,
    ].filter((detail) => detail !== undefined);
    const more = details.length > 0 ? ` (${details.map((detail) => render(detail, lang)).join('; ')})` : '';
    lines.push(
      `${indent}${render(msg(`mã xã theo danh mục trước 01/07/2025: ${count(note.converted, 'vi')} trẻ quy đổi sang xã mới`, `commune codes of the list before 1 July 2025: ${count(note.converted, 'en')} children carried to the new communes`), lang)}${more}`,
    );
  }
  if (note.rejected > 0) {
    lines.push(`${indent}${render(msg(`${count(note.rejected, 'vi')} dòng bị loại khi xếp vào đơn vị hành chính (đã tính trong số bị loại)`, `${count(note.rejected, 'en')} rows rejected when placed on administrative units (counted as rejected)`), lang)}`);
  }
  return lines;
}

function issueText(issue: RowIssue, lang: Lang): string {
  const value = issue.value === undefined ? '' : issue.personal ? maskPersonal(issue.value) : issue.value;
  const column = issue.column ? (lang === 'en' ? `column "${issue.column}"` : `cột "${issue.column}"`) : '';
  const shown = value !== '' ? ` = "${value}"` : '';
  return `${column}${shown}: ${render(issue.message, lang)}`;
}

export function rejectedLine(row: RejectedRow, lang: Lang): string {
  const where = lang === 'en' ? `row ${row.source.row}` : `dòng ${row.source.row}`;
  return `${row.source.file} › ${row.source.sheet} › ${where} › ${row.issues.map((issue) => issueText(issue, lang)).join('; ')}`;
}

export function warningLine(warning: ImportWarning, lang: Lang): string {
  const where = lang === 'en' ? `row ${warning.source.row}` : `dòng ${warning.source.row}`;
  if (warning.column === undefined) return `${warning.source.file} › ${warning.source.sheet} › ${where} › ${render(warning.message, lang)}`;
  return `${warning.source.file} › ${warning.source.sheet} › ${where} › ${issueText({ column: warning.column, value: warning.value, kind: warning.kind, message: warning.message }, lang)}`;
}

/** Counts by kind, most frequent first, each problem of a row counted once. */
export function countsByKind(kinds: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export function summaryLines(rejected: readonly RejectedRow[], warnings: readonly ImportWarning[], lang: Lang): string[] {
  const lines: string[] = [];
  const issueKinds = rejected.flatMap((row) => [...new Set(row.issues.map((issue) => issue.kind))]);
  if (rejected.length === 0) {
    lines.push(render(msg('Không có dòng nào bị loại.', 'No row was rejected.'), lang));
  } else {
    lines.push(render(msg(`Lỗi theo loại (${count(rejected.length, 'vi')} dòng bị loại):`, `Errors by kind (${count(rejected.length, 'en')} rows rejected):`), lang));
    for (const [kind, n] of countsByKind(issueKinds)) lines.push(`  ${count(n, lang).padStart(6)}  ${issueLabel(kind, lang)}`);
  }
  if (warnings.length > 0) {
    lines.push(render(msg(`Cảnh báo (${count(warnings.length, 'vi')}):`, `Warnings (${count(warnings.length, 'en')}):`), lang));
    for (const [kind, n] of countsByKind(warnings.map((warning) => warning.kind))) {
      lines.push(`  ${count(n, lang).padStart(6)}  ${issueLabel(kind, lang)}`);
    }
  }
  return lines;
}
