import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ImportWarning, RejectedRow } from '../model/issues.js';
import { msg, type Message } from '../model/messages.js';
import type { SheetSpec } from '../model/columns.js';
import type { Profile } from '../model/profile.js';
import type { Child, ChildEvent, CommuneFacts, RecordKind } from '../model/records.js';
import { eraAt, loadAdminUnits } from '../units/index.js';
import { displayText, isBlank } from './cells.js';
import { detectFormat, unreadable, type FileFormat } from './files.js';
import { readCsvSheet } from './readers/csv.js';
import { noteMessage } from './readers/notes.js';
import type { RawRow, RawSheet } from './readers/types.js';
import { readXlsxSheets } from './readers/xlsx.js';
import { readRow, type UnitCheck } from './rows.js';
import {
  CONTRACT_VOCABULARY,
  HEADER_SEARCH_ROWS,
  findHeaderRow,
  layoutOf,
  sheetKindFromHeaders,
  sheetKindFromName,
  vocabularyOf,
  type SheetLayout,
  type Vocabulary,
} from './sheet.js';
import { foldSheetName } from './text.js';

/**
 * Reading one file, start to end, on its own: what a worker thread does. Everything that
 * needs more than one file (duplicates, links, order) happens afterwards in index.ts.
 */

export interface SheetAccount {
  readonly sheet: string;
  readonly kind: RecordKind;
  readonly headerRow: number;
  read: number;
  accepted: number;
  rejected: number;
  /** "Tổng", "Tổng cộng" rows: skipped, not counted as read. */
  totalsSkipped: number;
  /** The column-mapping profile the sheet was read with; `automatic` when its headers chose it. */
  readonly profile?: { readonly name: string; readonly file: string; readonly automatic: boolean };
}

/** A sheet not read, and why: the accounting says so with its row count (no sheet of data is skipped quietly). */
export interface SkippedSheet {
  readonly sheet: string;
  readonly reason: 'hidden' | 'notData' | 'ignored' | 'empty';
  /** Non-empty rows it holds. */
  readonly rows: number;
}

export interface FileAccount {
  readonly file: string;
  readonly path: string;
  /** SHA-256 of the file's bytes, so a report can say exactly which inputs made it. */
  readonly sha256: string;
  readonly sheets: SheetAccount[];
  readonly skippedSheets: SkippedSheet[];
  read: number;
  accepted: number;
  rejected: number;
}

export interface FileRead {
  account: FileAccount;
  children: Child[];
  events: ChildEvent[];
  communeFacts: CommuneFacts[];
  rejected: RejectedRow[];
  warnings: ImportWarning[];
}

export function unitCheckFor(codesAsOf: string | undefined): UnitCheck {
  const units = loadAdminUnits();
  if (codesAsOf === undefined) {
    return {
      province: (code) => units.province(code, 'pre') !== undefined || units.province(code, 'post') !== undefined,
      district: (code) => units.district(code) !== undefined,
      commune: (code) => units.communeExistsInAnyEra(code),
    };
  }
  const era = eraAt(codesAsOf);
  return {
    province: (code) => units.province(code, era) !== undefined,
    // Districts exist only before the reform; a district column in later data is only informative.
    district: (code) => era === 'post' || units.district(code) !== undefined,
    commune: (code) => units.commune(code, era) !== undefined,
  };
}

/** `displayName` is how messages name the file: its name, or its path when two inputs share a name. */
export async function readFile(
  path: string,
  displayName: string,
  codesAsOf: string | undefined,
  choice: SheetChoice = CONTRACT_ONLY,
): Promise<FileRead> {
  const units = unitCheckFor(codesAsOf);
  const format = await detectFormat(path);
  const file = displayName;
  const read: FileRead = {
    account: { file, path, sha256: await sha256Of(path), sheets: [], skippedSheets: [], read: 0, accepted: 0, rejected: 0 },
    children: [],
    events: [],
    communeFacts: [],
    rejected: [],
    warnings: [],
  };
  const sheets = sheetsOf(path, format);
  try {
    for await (const sheet of sheets) await readSheet(sheet, file, units, read, choice);
  } catch (error) {
    if (error instanceof Error && error.name === 'UserError') throw error;
    throw unreadable(path, msg('file hỏng hoặc không phải sổ Excel (.xlsx)', 'corrupt, or not an Excel workbook (.xlsx)'));
  }
  totalFileAccount(read.account);
  if (read.account.sheets.length === 0) {
    throw unreadable(
      path,
      msg(
        `không tìm thấy dòng tiêu đề (cần ít nhất 3 cột như "Mã trẻ em", "Họ và tên", "Ngày sinh" trong ${HEADER_SEARCH_ROWS} dòng đầu)`,
        `no header row found (at least 3 known columns such as "Mã trẻ em", "Họ và tên", "Ngày sinh" within the first ${HEADER_SEARCH_ROWS} rows)`,
      ),
    );
  }
  return read;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A file's totals are the sums of its sheets'. */
export function totalFileAccount(account: FileAccount): void {
  account.read = 0;
  account.accepted = 0;
  account.rejected = 0;
  for (const sheet of account.sheets) {
    account.read += sheet.read;
    account.accepted += sheet.accepted;
    account.rejected += sheet.rejected;
  }
}

/** A file's sheets as its reader gives them (a CSV file is one sheet named after the file). */
export function sheetsOf(path: string, format: FileFormat): AsyncIterable<RawSheet> {
  return format === 'csv' ? singleSheet(readCsvSheet(path, basename(path, extname(path)))) : readXlsxSheets(path);
}

async function* singleSheet(sheet: RawSheet): AsyncGenerator<RawSheet> {
  yield sheet;
}

/**
 * What the sheets of a file are read with (profiles/README.md): `--profile` names one profile
 * and nothing else is tried; without it, each sheet is read with the contract alone unless a
 * candidate profile recognises more of its header.
 */
export interface SheetChoice {
  readonly profile?: Profile;
  readonly candidates: readonly Profile[];
  /** `--ignore-sheet` names: sheets that hold no data, said by the user. */
  readonly ignoreSheets: readonly string[];
}

export const CONTRACT_ONLY: SheetChoice = { candidates: [], ignoreSheets: [] };

/** Names of sheets that say they are not data (folded, as a name's first words). */
const NOT_DATA_NAMES = [
  'huong dan', 'ghi chu', 'danh muc', 'chu thich', 'giai thich', 'tham so', 'bia', 'mau bieu',
  'notes', 'note', 'readme', 'read me', 'instructions', 'help', 'lists', 'codes', 'lookup', 'cover',
].map((name) => name.replace(/\s+/g, ''));

function namesNoData(name: string): boolean {
  const folded = foldSheetName(name);
  return NOT_DATA_NAMES.some((prefix) => folded.startsWith(prefix));
}

/** The vocabularies a file's sheets may be read with: the first is the one used when nothing reads better. */
function vocabulariesFor(choice: SheetChoice): Vocabulary[] {
  if (choice.profile) return [vocabularyOf(choice.profile)];
  return [CONTRACT_VOCABULARY, ...choice.candidates.map((profile) => vocabularyOf(profile))];
}

interface SheetReading {
  readonly vocabulary: Vocabulary;
  readonly spec: SheetSpec | undefined;
  readonly named: boolean;
  readonly header: RawRow | undefined;
  readonly layout: SheetLayout | undefined;
}

function readingWith(vocabulary: Vocabulary, name: string, top: readonly RawRow[]): SheetReading {
  const named = sheetKindFromName(name, vocabulary);
  const header = findHeaderRow(top, vocabulary);
  const spec = named ?? (header ? sheetKindFromHeaders(header.cells.map((cell) => displayText(cell)), vocabulary) : undefined);
  const layout = spec && header ? layoutOf(spec, header, vocabulary) : undefined;
  return { vocabulary, spec, named: named !== undefined, header, layout };
}

/** How well a reading fits: every required column first, then the number of columns recognised. */
function fit(reading: SheetReading): number {
  if (!reading.layout) return -1;
  return (reading.layout.missingRequired.length === 0 ? 1000 : 0) + reading.layout.columns.length;
}

/**
 * The contract alone unless a profile fits the sheet strictly better; two profiles that fit
 * equally well and better than the contract are never chosen between silently.
 */
function chooseReading(readings: readonly SheetReading[], file: string, sheet: string): SheetReading {
  const [first, ...others] = readings;
  if (!first) throw new Error('no vocabulary to read a sheet with');
  const best = Math.max(...others.map(fit));
  if (others.length === 0 || best <= fit(first)) return first;
  const tied = others.filter((reading) => fit(reading) === best);
  if (tied.length > 1) {
    const named = tied.map((reading) => `"${reading.vocabulary.profile?.name}" (${reading.vocabulary.profile?.file})`);
    const names = named.join(' và ');
    const namesEn = named.join(' and ');
    throw unreadable(
      file,
      msg(
        `trang "${sheet}" khớp như nhau với hồ sơ cột ${names}; chọn một bằng --profile FILE`,
        `sheet "${sheet}" matches the column-mapping profiles ${namesEn} equally well; choose one with --profile FILE`,
      ),
    );
  }
  return tied[0]!;
}

const draftHint = (file: string, sheet: string) =>
  msg(
    `; chạy "chitieu inspect ${file} --draft-profile ho-so.yaml" để lập hồ sơ cột rồi dùng --profile ho-so.yaml` +
      ` (hoặc --ignore-sheet "${sheet}" nếu trang này không phải dữ liệu)`,
    `; run "chitieu inspect ${file} --draft-profile profile.yaml" to draft a column-mapping profile, then use --profile profile.yaml` +
      ` (or --ignore-sheet "${sheet}" if this sheet is not data)`,
  );

function withHint(reason: Message, hint: Message): Message {
  return msg(reason.vi + hint.vi, reason.en + hint.en);
}

/** The first row of the top that looks like a header (three texts or more): what to name missing columns against. */
function likelyHeader(top: readonly RawRow[]): RawRow | undefined {
  return top.find((row) => row.cells.filter((cell) => typeof cell === 'string' && displayText(cell) !== '').length >= 3);
}

async function readSheet(sheet: RawSheet, file: string, units: UnitCheck, read: FileRead, choice: SheetChoice): Promise<void> {
  const vocabularies = vocabulariesFor(choice);
  const named = vocabularies.some((vocabulary) => sheetKindFromName(sheet.name, vocabulary) !== undefined);
  const top: RawRow[] = [];
  const iterator = sheet.rows[Symbol.asyncIterator]();
  let next = await iterator.next();
  const skip = async (reason: SkippedSheet['reason']) => {
    let rows = top.filter((row) => !row.cells.every(isBlank)).length;
    while (!next.done) {
      if (!next.value.cells.every(isBlank)) rows += 1;
      next = await iterator.next();
    }
    if (rows > 0 || reason !== 'empty') read.account.skippedSheets.push({ sheet: sheet.name, reason, rows });
  };
  const folded = foldSheetName(sheet.name);
  const ignored = [...choice.ignoreSheets, ...(choice.profile?.ignoreSheets ?? [])].some((name) => foldSheetName(name) === folded);
  if (ignored) return skip('ignored');
  if (sheet.hidden && !named) return skip('hidden');
  if (!named && namesNoData(sheet.name)) return skip('notData');

  while (!next.done && next.value.number <= HEADER_SEARCH_ROWS) {
    top.push(next.value);
    next = await iterator.next();
  }
  const reading = chooseReading(
    vocabularies.map((vocabulary) => readingWith(vocabulary, sheet.name, top)),
    file,
    sheet.name,
  );
  const hint = draftHint(file, sheet.name);
  if (!reading.layout) {
    if (top.every((row) => row.cells.every(isBlank)) && next.done) return skip('empty');
    const guess = reading.spec ? likelyHeader(top) : undefined;
    if (reading.spec && guess) {
      const missing = layoutOf(reading.spec, guess, reading.vocabulary).missingRequired.map((column) => `"${column.header}"`).join(', ');
      throw unreadable(
        file,
        withHint(
          msg(
            `trang "${sheet.name}" thiếu cột bắt buộc ${missing} (không nhận ra dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu)`,
            `sheet "${sheet.name}" lacks the required column(s) ${missing} (no header row recognised within the first ${HEADER_SEARCH_ROWS} rows)`,
          ),
          hint,
        ),
      );
    }
    const reason = reading.header
      ? msg(`trang "${sheet.name}" có dữ liệu nhưng không rõ là trang trẻ em, sự việc hay thông tin xã`, `sheet "${sheet.name}" holds rows but its kind of data (children, events, commune facts) is not recognised`)
      : msg(
          `trang "${sheet.name}" có dữ liệu nhưng không nhận ra dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu`,
          `sheet "${sheet.name}" holds rows but no header row is recognised within the first ${HEADER_SEARCH_ROWS} rows`,
        );
    throw unreadable(file, withHint(reason, hint));
  }
  const spec = reading.layout.spec;
  const layout = reading.layout;
  if (layout.missingRequired.length > 0) {
    const names = layout.missingRequired.map((column) => `"${column.header}"`).join(', ');
    throw unreadable(
      file,
      withHint(msg(`trang "${sheet.name}" thiếu cột bắt buộc ${names}`, `sheet "${sheet.name}" lacks the required column(s) ${names}`), hint),
    );
  }
  for (const header of layout.repeatedHeaders) {
    read.warnings.push({
      source: { file, sheet: sheet.name, row: layout.headerRow },
      kind: 'repeated_column',
      message: msg(`cột "${header}" lặp lại: dùng cột đầu tiên`, `column "${header}" appears twice: the first one is used`),
    });
  }
  const account: SheetAccount = {
    sheet: sheet.name,
    kind: spec.kind,
    headerRow: layout.headerRow,
    read: 0,
    accepted: 0,
    rejected: 0,
    totalsSkipped: 0,
    ...(layout.profile ? { profile: { name: layout.profile.name, file: layout.profile.file, automatic: choice.profile === undefined } } : {}),
  };
  read.account.sheets.push(account);

  const handle = (row: RawRow) => {
    if (row.number <= layout.headerRow) return;
    const source = { file, sheet: sheet.name, row: row.number };
    const outcome = readRow(layout, row.cells, source, units);
    switch (outcome.type) {
      case 'empty':
        return;
      case 'total':
        account.totalsSkipped += 1;
        read.warnings.push({ source, kind: 'totals_row', message: msg('bỏ qua dòng tổng cộng', 'totals row skipped') });
        return;
      case 'rejected': {
        account.read += 1;
        account.rejected += 1;
        const values: Record<string, string> = {};
        layout.headers.forEach((header, index) => {
          if (header !== '') values[header] = displayText(row.cells[index] ?? null);
        });
        read.rejected.push({ source, recordKind: spec.kind, issues: outcome.issues, values });
        return;
      }
      case 'accepted': {
        account.read += 1;
        account.accepted += 1;
        const parsed = outcome.parsed;
        if (parsed.kind === 'children') read.children.push(parsed.record);
        else if (parsed.kind === 'events') read.events.push(parsed.record);
        else read.communeFacts.push(parsed.record);
      }
    }
  };
  for (const row of top) handle(row);
  while (!next.done) {
    handle(next.value);
    next = await iterator.next();
  }
  for (const note of sheet.notes) {
    read.warnings.push({ source: { file, sheet: sheet.name, row: note.row }, kind: note.kind, message: noteMessage(note) });
  }
}
