import type { ImportWarning, RejectedRow, RowIssue } from '../model/issues.js';
import { commonText, importText, numberIn, render, type Lang, type Message } from '../messages/index.js';
import type { ColumnReport } from './column-report.js';
import type { FileAccount, SheetPlacementNote, SkippedSheet } from './index.js';
import { foldHeader } from './text.js';

/**
 * Terminal text for an import: accounting per file, rejected rows, counts by kind. Personal
 * values are masked here; only the error workbook shows them, because officials fix rows there.
 */

const count = (n: number, lang: Lang) => numberIn(lang, n);

/** What each kind of sheet holds, for people. */
export const KIND_LABELS: Record<string, Message> = {
  children: importText.kindChildren(),
  events: importText.kindEvents(),
  communeFacts: importText.kindCommuneFacts(),
};

const ISSUE_LABELS: Record<string, Message> = {
  missing_value: importText.issueMissingValue(),
  invalid_date: importText.issueInvalidDate(),
  invalid_code: importText.issueInvalidCode(),
  unknown_unit: importText.issueUnknownUnit(),
  ambiguous_unit: importText.issueAmbiguousUnit(),
  new_code_before_reform: importText.issueNewCodeBeforeReform(),
  unknown_code_value: importText.issueUnknownCodeValue(),
  invalid_yes_no: importText.issueInvalidYesNo(),
  invalid_number: importText.issueInvalidNumber(),
  duplicate_child: importText.issueDuplicateChild(),
  duplicate_event: importText.issueDuplicateEvent(),
  event_before_birth: importText.issueEventBeforeBirth(),
  event_after_death: importText.issueEventAfterDeath(),
  date_before_birth: importText.issueDateBeforeBirth(),
  invalid_date_order: importText.issueInvalidDateOrder(),
  invalid_value: importText.issueInvalidValue(),
  control_character: importText.issueControlCharacter(),
  unit_mismatch: importText.issueUnitMismatch(),
  missing_child: importText.issueMissingChild(),
  totals_row: importText.issueTotalsRow(),
  sheet_skipped: importText.issueSheetSkipped(),
  hidden_sheet_skipped: importText.issueHiddenSheetSkipped(),
  repeated_column: importText.issueRepeatedColumn(),
  formula_without_result: importText.issueFormulaWithoutResult(),
  cell_error: importText.issueCellError(),
  duplicate_facts: importText.issueDuplicateFacts(),
  misspelt_column: importText.issueMisspeltColumn(),
  birth_after_period: importText.issueBirthAfterPeriod(),
  legacy_encoding: importText.issueLegacyEncoding(),
};

export const SKIP_REASONS: Record<SkippedSheet['reason'], Message> = {
  hidden: importText.skipHidden(),
  notData: importText.skipNotData(),
  ignored: importText.skipIgnored(),
  empty: importText.skipEmpty(),
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
  return more > 0 ? `${shown}${render(importText.moreColumns({ more }), lang)}` : shown;
}

/**
 * What a sheet's header gave, by the contract's Vietnamese headers: the columns recognised (with
 * the file's spelling when it differs), the columns ignored (with the header probably meant), and
 * the optional columns absent — the figures that need them will read "không có số liệu".
 */
export function columnLines(columns: ColumnReport, lang: Lang, indent = '      '): string[] {
  const lines: string[] = [];
  const recognised = columns.recognised.map((column) => (foldHeader(column.header) === foldHeader(column.column) ? column.column : `${column.column} ("${shownHeader(column.header)}")`));
  lines.push(`${indent}${render(importText.columnsRecognised({ recognisedCount: recognised.length }), lang)}: ${listed(recognised, lang)}`);
  if (columns.ignored.length > 0) {
    const ignored = columns.ignored.map((column) =>
      column.closest === undefined ? `"${shownHeader(column.header)}"` : `"${shownHeader(column.header)}" ${render(importText.isItClosest({ closest: column.closest }), lang)}`,
    );
    lines.push(`${indent}${render(importText.columnsIgnored({ ignoredCount: ignored.length }), lang)}: ${listed(ignored, lang)}`);
  }
  if (columns.missingRequired.length > 0) {
    lines.push(`${indent}${render(importText.requiredColumnsMissing(), lang)}: ${listed(columns.missingRequired, lang)}`);
  }
  if (columns.absentOptional.length > 0) {
    lines.push(
      `${indent}${render(importText.optionalColumnsAbsent({ absentOptionalCount: columns.absentOptional.length }), lang)}: ${listed(columns.absentOptional, lang)}`,
    );
  }
  return lines;
}

export function accountingLines(files: readonly FileAccount[], lang: Lang, options: { readonly columns?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const file of files) {
    lines.push(
      render(
        file.origin
          ? importText.fileAccountWithOrigin({ file: file.file, origin: file.origin, read: file.read, accepted: file.accepted, rejected: file.rejected })
          : importText.fileAccount({ file: file.file, read: file.read, accepted: file.accepted, rejected: file.rejected }),
        lang,
      ),
    );
    for (const sheet of file.sheets) {
      const kind = render(KIND_LABELS[sheet.kind] ?? commonText.verbatim({ text: sheet.kind }), lang);
      const totals =
        sheet.totalsSkipped > 0
          ? render(importText.totalsRowsSkipped({ totalsSkipped: sheet.totalsSkipped }), lang)
          : '';
      const profile = sheet.profile
        ? render(
            sheet.profile.automatic
              ? importText.profileChosenByHeaders({ file: sheet.profile.file })
              : importText.profileGiven({ file: sheet.profile.file }),
            lang,
          )
        : '';
      lines.push(
        render(
          importText.sheetAccount({ sheet: sheet.sheet, kind, headerRow: sheet.headerRow, profile, read: sheet.read, accepted: sheet.accepted, rejected: sheet.rejected, totals }),
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
          importText.sheetSkippedAccount({ sheet: skipped.sheet, why, rows: skipped.rows }),
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
      note.approximate > 0 ? importText.placedApproximately({ approximate: note.approximate }) : undefined,
      note.byVillage > 0 ? importText.placedByVillage({ byVillage: note.byVillage }) : undefined,
    ].filter((detail) => detail !== undefined);
    const more = details.length > 0 ? ` (${details.map((detail) => render(detail, lang)).join('; ')})` : '';
    lines.push(
      `${indent}${render(importText.oldCodesConverted({ converted: note.converted }), lang)}${more}`,
    );
  }
  if (note.rejected > 0) {
    lines.push(`${indent}${render(importText.rejectedWhenPlaced({ rejected: note.rejected }), lang)}`);
  }
  return lines;
}

function issueText(issue: RowIssue, lang: Lang): string {
  const value = issue.value === undefined ? '' : issue.personal ? maskPersonal(issue.value) : issue.value;
  const column = issue.column ? render(importText.columnNamed({ column: issue.column }), lang) : '';
  const shown = value !== '' ? ` = "${value}"` : '';
  return `${column}${shown}: ${render(issue.message, lang)}`;
}

export function rejectedLine(row: RejectedRow, lang: Lang): string {
  const where = render(importText.rowNumbered({ row: row.source.row }), lang);
  return `${row.source.file} › ${row.source.sheet} › ${where} › ${row.issues.map((issue) => issueText(issue, lang)).join('; ')}`;
}

export function warningLine(warning: ImportWarning, lang: Lang): string {
  const where = render(importText.rowNumbered({ row: warning.source.row }), lang);
  if (warning.column === undefined) return `${warning.source.file} › ${warning.source.sheet} › ${where} › ${render(warning.message, lang)}`;
  return `${warning.source.file} › ${warning.source.sheet} › ${where} › ${issueText({ column: warning.column, value: warning.value, kind: warning.kind, message: warning.message }, lang)}`;
}

/** Counts by kind, most frequent first, each problem of a row counted once. */
export function countsByKind(kinds: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * What was read, when the caller knows it: a run that read no row at all (a missing file, only
 * unreadable files, sheets with headers only) must not end "no row was rejected", which reads
 * as "all good".
 */
export interface ReadCounts {
  readonly rows: number;
  /** Files and sheets that could not be read. */
  readonly unreadable: number;
}

export function summaryLines(rejected: readonly RejectedRow[], warnings: readonly ImportWarning[], lang: Lang, read?: ReadCounts): string[] {
  const lines: string[] = [];
  const issueKinds = rejected.flatMap((row) => [...new Set(row.issues.map((issue) => issue.kind))]);
  if (read !== undefined && read.rows === 0) {
    lines.push(render(read.unreadable > 0 ? importText.nothingReadUnreadable({ unreadable: read.unreadable }) : importText.nothingReadNoRows(), lang));
  } else if (rejected.length === 0) {
    lines.push(render(importText.noRowRejected(), lang));
  } else {
    lines.push(render(importText.errorsByKind({ rejectedCount: rejected.length }), lang));
    for (const [kind, n] of countsByKind(issueKinds)) lines.push(`  ${count(n, lang).padStart(6)}  ${issueLabel(kind, lang)}`);
  }
  if (warnings.length > 0) {
    lines.push(render(importText.warningsHeading({ warningCount: warnings.length }), lang));
    for (const [kind, n] of countsByKind(warnings.map((warning) => warning.kind))) {
      lines.push(`  ${count(n, lang).padStart(6)}  ${issueLabel(kind, lang)}`);
    }
  }
  return lines;
}
