import type { RawValue } from '../cells.js';
import type { LegacyTextConverter } from '../../io/legacy-encoding.js';
import type { LateText, ReaderRow } from './legacy-rows.js';
import { UNREAD_TEXT, type CellNote } from './types.js';
import { corrupt } from '../zip-guard.js';
import { EXCEL_LIMITS, MAX_CELL_SOURCE_CHARS, cellTooLong, tooManyColumns, tooManyRows, type TextBudget } from './excel-limits.js';
import { Tag, XmlScanner, digitsOf, xmlNumber } from './xml-scan.js';
import { importText } from '../../messages/index.js';

/**
 * The two big parts of a workbook, scanned as they inflate: a worksheet's rows and the shared
 * strings. One pass, no tree, no closure per cell; a value's text is decoded once, when its
 * element closes.
 */

/** A cell holding an error value (#N/A, #REF!…), where it is: 1-based row and column. */
export interface CellErrorAt {
  readonly row: number;
  readonly column: number;
  readonly code: string;
}

/** Cell types (`t`), told by their first letter and length. */
const NUMBER = 0;
const SHARED = 1;
const STRING = 2;
const INLINE = 3;
const BOOLEAN = 4;
const ERROR = 5;
const DATE = 6;

/** At most this many cells are made ready for a row: one row of 16,384 columns must not make every later row that wide. */
const PREALLOCATED_CELLS = 64;

/** `value` when `<v>` held a plain number, read into `number` without making a string. */
const NUMERIC = '\u0000number';

const DAY_MS = 86_400_000;
/** 31 Dec 9999, Excel's last date, in the 1900 system (the 1904 system's is smaller). */
const MAX_DATE_SERIAL = 2_958_465;
/** Days from 30 Dec 1899 (serial 0 of the 1900 system) to 1 Jan 1970, and from the 1904 system's origin. */
const UNIX_EPOCH_SERIAL = 25_569;
const SYSTEM_1904_OFFSET = 1_462;

export interface SheetOptions {
  readonly sharedStrings: SharedStrings;
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
  /** Error cells and formulas without a cached value are read as blank, with a note. */
  readonly notes: CellNote[];
  /** Where given, error cells' codes too (`inspect` shows them as read). */
  readonly errors?: CellErrorAt[];
  /** The file's text budget, shared by its sheets (excel-limits.ts). */
  readonly budget?: TextBudget;
  /** The sheet's tab name, for a message about a damaged cell reference. */
  readonly sheet?: string;
}

export class SheetScanner extends XmlScanner {
  /** Rows complete since the caller last took them. */
  rows: ReaderRow[] = [];
  private cells: RawValue[] | undefined;
  /** Cells of the current row set so far (its array may be made wider). */
  private filled = 0;
  /** The widest row so far. */
  private width = 0;
  private rowNumber = 0;
  /** The row had no `r`: its first cell's reference gives its number. */
  private rowImplicit = false;
  private column = 0;
  private inCell = false;
  private type = NUMBER;
  private style = 0;
  private hasFormula = false;
  /** The text of `<v>`; `NUMERIC` when it was read as `number`. */
  private value: string | undefined;
  private number = 0;
  private inInline = false;
  private inline: string | undefined;
  private inPhonetic = false;
  private inSheetData = false;
  private readonly epochSerial: number;
  /**
   * Per column (0-based), 1 when the importer does not read it; columns past its end are not
   * read either. Set between chunks (xlsx.ts); undefined: every cell is decoded.
   */
  unreadColumns: Uint8Array | undefined;
  /** The current row's cells whose decoding was put off. */
  private unread: UnreadTexts | undefined;

  constructor(
    part: string,
    private readonly options: SheetOptions,
  ) {
    super(part);
    this.epochSerial = UNIX_EPOCH_SERIAL - (options.date1904 ? SYSTEM_1904_OFFSET : 0);
    this.maxCaptureChars = MAX_CELL_SOURCE_CHARS;
  }

  protected override captureTooLong(): Error {
    return cellTooLong(this.part, undefined, { row: this.rowNumber, column: this.column });
  }

  protected open(tag: number, empty: boolean): void {
    switch (tag) {
      case Tag.ROW:
        if (!this.inSheetData) return;
        this.startRow();
        if (empty) this.endRow();
        return;
      case Tag.C:
        if (!this.inSheetData) return;
        if (this.cells === undefined) this.startRow();
        this.startCell();
        if (empty) this.endCell();
        return;
      case Tag.V:
        if (this.inCell && !empty) this.capture();
        else if (this.inCell) this.value = '';
        return;
      case Tag.F:
        if (this.inCell) this.hasFormula = true;
        return;
      case Tag.IS:
        if (this.inCell && !empty) {
          this.inInline = true;
          this.inline = '';
        }
        return;
      case Tag.RPH:
        if (this.inInline && !empty) this.inPhonetic = true;
        return;
      case Tag.T:
        if (this.inInline && !this.inPhonetic && !empty) this.capture();
        return;
      case Tag.SHEET_DATA:
        if (!empty) this.inSheetData = true;
        this.fastLetter = this.inSheetData ? C_CODE : -1;
        return;
    }
  }

  protected close(tag: number): void {
    switch (tag) {
      case Tag.V:
        if (this.capturing) {
          this.capturing = false;
          // Numbers and shared-string indexes are read from the source; only text is decoded.
          if (this.type === NUMBER || this.type === SHARED) {
            this.number = this.capturedNumber();
            this.value = this.capturedAny() ? NUMERIC : '';
            if (Number.isNaN(this.number)) this.value = this.capturedText();
          } else {
            this.value = this.capturedText();
          }
        }
        return;
      case Tag.T:
        if (this.capturing) {
          this.inline += this.capturedText();
          this.capturing = false;
        }
        return;
      case Tag.RPH:
        this.inPhonetic = false;
        return;
      case Tag.IS:
        this.inInline = false;
        return;
      case Tag.C:
        if (this.inCell) this.endCell();
        return;
      case Tag.ROW:
        if (this.cells !== undefined) this.endRow();
        return;
      case Tag.SHEET_DATA:
        if (this.cells !== undefined) this.endRow();
        this.inSheetData = false;
        this.fastLetter = -1;
        return;
    }
  }

  /**
   * The common cell, `<c r="B5" s="2" t="s"><v>12</v></c>` or `<c r="B5" s="2"/>`, read in one
   * go with the same result as the generic path; anything else (a formula, an inline string,
   * other whitespace, a cell cut by the chunk's end) is left to the generic path.
   */
  protected override fastElement(s: string, lt: number): number {
    if (this.cells === undefined || this.capturing) return -1;
    const n = s.length;
    let i = lt + 2;
    let ch = s.charCodeAt(i);
    if (ch !== SPACE && ch !== GT && ch !== SLASH) return -1;
    let column = 0;
    let reference = -1;
    let type = NUMBER;
    let style = 0;
    for (;;) {
      while (i < n && (ch = s.charCodeAt(i)) === SPACE) i += 1;
      if (i + 1 >= n) return -1;
      if (ch === GT) {
        i += 1;
        break;
      }
      if (ch === SLASH) {
        if (s.charCodeAt(i + 1) !== GT) return -1;
        this.column = this.nextColumn(column, s, reference);
        return i + 2;
      }
      const nameStart = i;
      while (i < n && (ch = s.charCodeAt(i)) !== EQUALS && ch > SPACE) i += 1;
      if (ch !== EQUALS || i + 1 >= n) return -1;
      const quote = s.charCodeAt(i + 1);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return -1;
      const start = i + 2;
      // Values here are a few characters: a loop beats a call to indexOf.
      let end = start;
      while (end < n && s.charCodeAt(end) !== quote) end += 1;
      if (end >= n) return -1;
      if (i - nameStart === 1) {
        const name = s.charCodeAt(nameStart);
        if (name === R_CODE) {
          column = this.referenceColumn(s, start, end);
          reference = start;
        } else if (name === T_CODE) type = typeOf(s, start, end);
        else if (name === S_CODE) style = Math.max(digitsOf(s, start, end), 0);
      }
      i = end + 1;
    }
    if (i + 4 > n || s.charCodeAt(i) !== LT) return -1;
    if (s.charCodeAt(i + 1) === SLASH && s.charCodeAt(i + 2) === C_CODE && s.charCodeAt(i + 3) === GT) {
      // <c …></c>
      this.column = this.nextColumn(column, s, reference);
      return i + 4;
    }
    if (type === INLINE && s.charCodeAt(i + 1) === I_CODE) return this.fastInline(s, i, column, reference, style);
    if (s.charCodeAt(i + 1) !== V_CODE || s.charCodeAt(i + 2) !== GT) return -1;
    const valueStart = i + 3;
    let valueEnd = valueStart;
    while (valueEnd < n && s.charCodeAt(valueEnd) !== LT) valueEnd += 1;
    // </v></c>
    if (
      valueEnd + 8 > n ||
      s.charCodeAt(valueEnd + 1) !== SLASH ||
      s.charCodeAt(valueEnd + 2) !== V_CODE ||
      s.charCodeAt(valueEnd + 3) !== GT ||
      s.charCodeAt(valueEnd + 4) !== LT ||
      s.charCodeAt(valueEnd + 5) !== SLASH ||
      s.charCodeAt(valueEnd + 6) !== C_CODE ||
      s.charCodeAt(valueEnd + 7) !== GT
    ) {
      return -1;
    }
    this.column = this.nextColumn(column, s, reference);
    this.type = type;
    this.style = style;
    this.hasFormula = false;
    this.inline = undefined;
    if (valueEnd === valueStart) {
      this.value = '';
    } else if (type === NUMBER || type === SHARED) {
      const digits = valueEnd - valueStart <= 15 ? digitsOf(s, valueStart, valueEnd) : -1;
      if (digits >= 0) {
        this.number = digits;
        this.value = NUMERIC;
      } else {
        const text = this.decoded(s.slice(valueStart, valueEnd));
        this.number = xmlNumber(text);
        this.value = Number.isNaN(this.number) ? text : NUMERIC;
      }
    } else {
      this.value = this.recentText(this.column - 1, s, valueStart, valueEnd);
    }
    this.endCell();
    return valueEnd + 8;
  }

  /**
   * An inline string as openpyxl writes every text cell, `<c r="A2" t="inlineStr"><is><t>M&#227;
   * tr&#7867; em</t></is></c>` (or `<t xml:space="preserve">`), its text decoded in the same
   * look; `at` is the `<` after the cell's start tag. Anything else is left to the generic path.
   */
  private fastInline(s: string, at: number, column: number, reference: number, style: number): number {
    const start = textStartAt(s, at, INLINE_TEXT, INLINE_PRESERVED_TEXT);
    const end = start < 0 ? -1 : s.indexOf('<', start);
    if (end < 0 || !s.startsWith(INLINE_END, end)) return -1;
    this.column = this.nextColumn(column, s, reference);
    this.type = INLINE;
    this.style = style;
    this.hasFormula = false;
    this.value = undefined;
    if (start === end) this.inline = '';
    else if (this.unreadColumns !== undefined && this.isUnread(this.column - 1) && mayPutOff(s, start, end)) {
      // A column the importer does not read: its text is decoded only if its row is shown (rejected).
      this.inline = UNREAD_TEXT;
      (this.unread ??= new UnreadTexts(this, this.rowNumber)).add(this.column - 1, s, start, end);
    } else this.inline = this.recentText(this.column - 1, s, start, end);
    this.endCell();
    return end + INLINE_END.length;
  }

  /**
   * The text from `start` to `end` of `s`, decoded, or the very string met before in this
   * column for the same source: a column repeats a few values row after row ("Nữ", "Có",
   * "Mẫu giáo"), which openpyxl and LibreOffice write inline in every cell. A value met again
   * is then neither decoded nor made again, and is the same string everywhere after, as a
   * shared string is (every cache downstream finds it by identity). Each column remembers its
   * last RECENT_TEXTS distinct values; a column whose values are all different (names, keys)
   * stops looking after a while.
   */
  private recentText(index: number, s: string, start: number, end: number): string {
    let recent = this.recent[index];
    if (recent === undefined) this.recent[index] = recent = { sources: [], texts: [], next: 0, looks: 0, hits: 0 };
    if (recent.looks < 0) return this.decodedAt(s, start, end);
    const length = end - start;
    const sources = recent.sources;
    for (let at = 0; at < sources.length; at += 1) {
      const source = sources[at]!;
      if (source.length === length && s.startsWith(source, start)) {
        recent.hits += 1;
        return recent.texts[at]!;
      }
    }
    const text = this.decodedAt(s, start, end);
    recent.looks += 1;
    if (recent.looks >= RECENT_TRIAL && recent.hits < recent.looks) {
      recent.looks = -1;
      return text;
    }
    const slot = recent.next;
    sources[slot] = s.slice(start, end);
    recent.texts[slot] = text;
    recent.next = (slot + 1) % RECENT_TEXTS;
    return text;
  }

  /** Per column (0-based): its recent values (recentText). */
  private readonly recent: (RecentTexts | undefined)[] = [];

  private isUnread(index: number): boolean {
    const unread = this.unreadColumns!;
    return index >= unread.length || unread[index] === 1;
  }

  private startRow(): void {
    if (this.cells !== undefined) this.endRow();
    const r = this.findAttribute('r');
    this.rowImplicit = r < 0;
    if (r < 0) {
      this.rowNumber += 1;
    } else {
      const start = this.attributes[r * 4 + 2]!;
      const end = this.attributes[r * 4 + 3]!;
      const number = end - start <= 7 ? digitsOf(this.source, start, end) : -1;
      if (number > EXCEL_LIMITS.rows) throw tooManyRows(this.part, number);
      // Rows come in order, each once: a malformed row number, or one going back, would put its cells over others.
      if (number < 1 || number <= this.rowNumber) throw this.damaged(this.source.slice(start, end), 'row');
      this.rowNumber = number;
    }
    if (this.rowNumber > EXCEL_LIMITS.rows) throw tooManyRows(this.part, this.rowNumber);
    // Made as wide as the rows before (within reason): a row's cells then never make its array grow.
    this.cells = new Array<RawValue>(Math.min(this.width, PREALLOCATED_CELLS));
    this.filled = 0;
    this.column = 0;
  }

  /**
   * The column of a cell reference such as "AB12", checked whole: letters within A..XFD, then
   * the row the cell is in. -2 when the reference is malformed, out of the grid, or names
   * another row: Excel calls such a sheet damaged, and reading on would put the value in
   * another cell ("F0", "A0", a cell of row 7 inside row 5).
   */
  private referenceColumn(s: string, start: number, end: number): number {
    let column = 0;
    let i = start;
    for (; i < end && i - start < 3; i += 1) {
      const code = s.charCodeAt(i) | 32;
      if (code < 97 || code > 122) break;
      column = column * 26 + (code - 96);
    }
    // Past XFD is told by the column limit (nextColumn); four letters or more are no reference.
    if (column === 0) return -2;
    const row = end - i <= 7 ? digitsOf(s, i, end) : -1;
    if (row < 1 || row > EXCEL_LIMITS.rows || s.charCodeAt(i) === 48) return -2;
    if (this.rowImplicit) {
      if (row <= this.rowNumber - 1) return -2;
      this.rowNumber = row;
      this.rowImplicit = false;
    }
    return row === this.rowNumber ? column : -2;
  }

  /** The cell's column: its reference's, or the next one; a cell at or before the previous one would overwrite it. */
  private nextColumn(column: number, s: string, reference: number): number {
    const next = column === 0 ? this.column + 1 : column;
    if (column === -2 || next <= this.column) {
      const quote = reference >= 0 ? s.charCodeAt(reference - 1) : DOUBLE_QUOTE;
      const text = reference >= 0 ? s.slice(reference, s.indexOf(String.fromCharCode(quote), reference)) : `#${next}`;
      throw this.damaged(text, 'cell');
    }
    if (next > EXCEL_LIMITS.columns) throw tooManyColumns(this.part, this.rowNumber, next);
    return next;
  }

  private damaged(reference: string, what: 'row' | 'cell'): Error {
    const shown = printableReference(reference);
    const sheet = this.options.sheet === undefined ? '' : this.options.sheet;
    return corrupt(what === 'row' ? importText.xlsxRowReferenceBad({ sheet, reference: shown }) : importText.xlsxCellReferenceBad({ sheet, reference: shown }));
  }

  private endRow(): void {
    const cells = this.cells!;
    // Past its last value the array holds nothing: it ends there, as if built one cell at a time.
    if (cells.length !== this.filled) cells.length = this.filled;
    if (this.filled > this.width) this.width = this.filled;
    this.rows.push({ number: this.rowNumber, cells, unread: this.unread });
    this.cells = undefined;
    this.unread = undefined;
  }

  private startCell(): void {
    this.inCell = true;
    this.hasFormula = false;
    this.value = undefined;
    this.inline = undefined;
    this.inInline = false;
    this.inPhonetic = false;
    this.type = NUMBER;
    this.style = 0;
    const s = this.source;
    const attributes = this.attributes;
    let column = 0;
    let reference = -1;
    for (let a = 0; a < this.attributeCount; a += 1) {
      const nameStart = attributes[a * 4]!;
      if (attributes[a * 4 + 1]! - nameStart !== 1) continue;
      const name = s.charCodeAt(nameStart);
      const start = attributes[a * 4 + 2]!;
      const end = attributes[a * 4 + 3]!;
      if (name === R_CODE) {
        column = this.referenceColumn(s, start, end);
        reference = start;
      } else if (name === T_CODE) this.type = typeOf(s, start, end);
      else if (name === S_CODE) this.style = Math.max(digitsOf(s, start, end), 0);
    }
    // A cell without `r` follows the one before it.
    this.column = this.nextColumn(column, s, reference);
  }

  private endCell(): void {
    this.inCell = false;
    const value = this.cellValue();
    if (value === null) return;
    if (this.column > EXCEL_LIMITS.columns) throw tooManyColumns(this.part, this.rowNumber, this.column);
    // Text put off is not made: it costs nothing of the budget until it is (a rejected row's few cells).
    if (typeof value === 'string' && value !== UNREAD_TEXT) this.spend(value.length);
    const cells = this.cells!;
    const index = this.column - 1;
    // Cells left out between two values are blank.
    for (let gap = this.filled; gap < index; gap += 1) cells[gap] = null;
    cells[index] = value;
    this.filled = index + 1;
  }

  private cellValue(): RawValue {
    const text = this.value;
    switch (this.type) {
      case SHARED: {
        if (text === undefined) return null;
        const item = text === NUMERIC ? this.number : Number(text);
        const shared = this.options.sharedStrings;
        const known = shared.decoded(item);
        if (known !== undefined) return known;
        // A column the importer does not read: its string is decoded only if its row is shown (rejected).
        if (this.unreadColumns !== undefined && this.isUnread(this.column - 1) && shared.mayPutOff(item)) {
          (this.unread ??= new UnreadTexts(this, this.rowNumber)).addShared(this.column - 1, shared, item);
          return UNREAD_TEXT;
        }
        return shared.at(item) ?? null;
      }
      case INLINE:
        if (this.inline !== undefined) return this.inline;
        return text ?? this.withoutResult();
      case STRING:
        return text ?? this.withoutResult();
      case BOOLEAN:
        if (text === undefined) return this.withoutResult();
        return text.trim() === '1' || text.trim() === 'true';
      case ERROR:
        this.options.notes.push({ row: this.rowNumber, column: this.column, kind: 'cell_error' });
        this.options.errors?.push({ row: this.rowNumber, column: this.column, code: (text ?? '').trim() || '#N/A' });
        return null;
      case DATE: {
        if (text === undefined || text.trim() === '') return this.withoutResult();
        const iso = text.trim();
        // A date without a zone is the date as written, not local time.
        const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        if (text === undefined || text === '') return this.withoutResult();
        const number = text === NUMERIC ? this.number : xmlNumber(text);
        if (Number.isNaN(number)) return text.trim() === '' ? this.withoutResult() : text;
        // A serial beyond 31/12/9999 (Excel shows ####) stays a number: its row is then rejected, not the workbook.
        if (this.options.dateStyles[this.style] === 1 && number >= 0 && number <= MAX_DATE_SERIAL) {
          return new Date(Math.round((number - this.epochSerial) * DAY_MS));
        }
        return number;
      }
    }
  }

  /** A text cell's cost: past Excel's limit the part is damaged; every reference counts against the file's budget. */
  private spend(length: number): void {
    if (length > EXCEL_LIMITS.cellChars) throw cellTooLong(this.part, length, { row: this.rowNumber, column: this.column });
    this.options.budget?.spend(length, this.part);
  }

  /** No value: blank, and when a formula should have given one, said in a note. */
  private withoutResult(): null {
    if (this.hasFormula) this.options.notes.push({ row: this.rowNumber, column: this.column, kind: 'formula_without_result' });
    return null;
  }

}

/**
 * Whether a text's decoding may be put off: its first character is plain and printable (so
 * the text is not blank), and it cannot start a totals label ("Tổng", "Cộng": T or C then an
 * o, in any form); not past Excel's length limit (that check needs the decoded length).
 */
function mayPutOff(s: string, start: number, end: number): boolean {
  if (end - start > EXCEL_LIMITS.cellChars) return false;
  const first = s.charCodeAt(start);
  if (first <= SPACE || first >= 0x7f || first === AMPERSAND) return false;
  if (first !== 0x54 && first !== 0x74 && first !== 0x43 && first !== 0x63) return true;
  if (end - start < 2) return false;
  const second = s.charCodeAt(start + 1);
  return second !== 0x6f && second !== 0x4f && second !== AMPERSAND && second < 0x80;
}

/** A column's last distinct values, by their source text; `looks` -1 once it stopped looking. */
interface RecentTexts {
  readonly sources: string[];
  readonly texts: string[];
  next: number;
  /** Values decoded (not found), and values found again. */
  looks: number;
  hits: number;
}

const RECENT_TEXTS = 16;
/** Values decoded before a column whose values are found again less often than not stops looking. */
const RECENT_TRIAL = 256;

/** A row's cells whose text was not decoded (RawRow.unread): their spans in the scanned text. */
class UnreadTexts implements LateText {
  /** Per cell: its index, the text scanned, its value's start and end. */
  private readonly spans: (string | number)[] = [];
  legacy: LegacyTextConverter | undefined;

  constructor(
    private readonly scanner: XmlScanner,
    private readonly row: number,
  ) {}

  /** Per cell of a shared string: its index, the table, the item. */
  private readonly shared: (number | SharedStrings)[] = [];

  add(index: number, s: string, start: number, end: number): void {
    this.spans.push(index, s, start, end);
  }

  addShared(index: number, strings: SharedStrings, item: number): void {
    this.shared.push(index, strings, item);
  }

  text(index: number): string {
    const text = this.decoded(index);
    return this.legacy !== undefined ? this.legacy.convert(text, this.row, index + 1) : text;
  }

  private decoded(index: number): string {
    const spans = this.spans;
    for (let at = 0; at < spans.length; at += 4) {
      if (spans[at] === index) return this.scanner.decodedLater(spans[at + 1] as string, spans[at + 2] as number, spans[at + 3] as number);
    }
    const shared = this.shared;
    for (let at = 0; at < shared.length; at += 3) {
      if (shared[at] === index) return (shared[at + 1] as SharedStrings).at(shared[at + 2] as number) ?? '';
    }
    return '';
  }
}

const AMPERSAND = 38;
const SPACE = 32;
const LT = 60;
const GT = 62;
const C_CODE = 99;
const V_CODE = 118;
const SLASH = 47;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const R_CODE = 114;
const I_CODE = 105;
const INLINE_TEXT = '<is><t>';
const INLINE_PRESERVED_TEXT = '<is><t xml:space="preserve">';
const INLINE_END = '</t></is></c>';
const S_CODE = 115;
const T_CODE = 116;

/** A reference as a message shows it: short, and no control character reaches a terminal. */
function printableReference(text: string): string {
  return [...text.slice(0, 20)].map((char) => (/[\u0020-\u007e]/.test(char) ? char : '?')).join('');
}

function typeOf(s: string, start: number, end: number): number {
  const first = s.charCodeAt(start);
  switch (end - start) {
    case 1:
      return first === 115 ? SHARED : first === 98 ? BOOLEAN : first === 101 ? ERROR : first === 100 ? DATE : first === 110 ? NUMBER : STRING;
    case 3:
      return STRING;
    case 9:
      return INLINE;
    default:
      return NUMBER;
  }
}

/** Where the text starts when `s` at `at` opens with `plain` or `preserved` (the same with `xml:space="preserve"`); else -1. */
function textStartAt(s: string, at: number, plain: string, preserved: string): number {
  if (s.startsWith(plain, at)) return at + plain.length;
  return s.startsWith(preserved, at) ? at + preserved.length : -1;
}

const PLAIN_ITEM = '<si><t>';
const PRESERVED_ITEM = '<si><t xml:space="preserve">';
const ITEM_END = '</t></si>';

/** `sharedStrings.xml`: each `<si>`'s text, all its runs joined, phonetic guides (`<rPh>`) left out. */
export class SharedStringsScanner extends XmlScanner {
  readonly strings = new SharedStrings(this);
  private inItem = false;
  private inPhonetic = false;
  private current = '';

  constructor(part: string) {
    super(part);
    this.fastLetter = S_CODE;
    this.maxCaptureChars = MAX_CELL_SOURCE_CHARS;
  }

  protected override captureTooLong(): Error {
    return cellTooLong(this.part, undefined);
  }

  /**
   * The common item, `<si><t>text</t></si>` (or `<t xml:space="preserve">`), read in one go with
   * the same result as the generic path; anything else (runs, phonetic guides, CDATA, a
   * comment, other white space, an item cut by the chunk's end) is left to the generic path.
   */
  protected override fastElement(s: string, lt: number): number {
    if (this.inItem) return -1;
    const start = textStartAt(s, lt, PLAIN_ITEM, PRESERVED_ITEM);
    const end = start < 0 ? -1 : s.indexOf('<', start);
    if (end < 0 || !s.startsWith(ITEM_END, end)) return -1;
    // Decoded when a cell first uses it (most items are one child's name or key). Source text
    // longer than a cell may hold is decoded now, and refused if its text is too.
    if (end - start > EXCEL_LIMITS.cellChars) this.push(this.decodedAt(s, start, end));
    else this.strings.addLater(s, start, end);
    return end + ITEM_END.length;
  }

  protected open(tag: number, empty: boolean): void {
    if (tag === Tag.SI) {
      this.current = '';
      this.inItem = !empty;
      if (empty) this.push('');
    } else if (tag === Tag.RPH) {
      if (!empty) this.inPhonetic = true;
    } else if (tag === Tag.T && this.inItem && !this.inPhonetic && !empty) {
      this.capture();
    }
  }

  protected close(tag: number): void {
    if (tag === Tag.T) {
      if (this.capturing) {
        this.current += this.capturedText();
        this.capturing = false;
        if (this.current.length > EXCEL_LIMITS.cellChars) throw cellTooLong(this.part, this.current.length);
      }
    } else if (tag === Tag.RPH) {
      this.inPhonetic = false;
    } else if (tag === Tag.SI) {
      this.push(this.current);
      this.inItem = false;
    }
  }

  private push(text: string): void {
    if (text.length > EXCEL_LIMITS.cellChars) throw cellTooLong(this.part, text.length);
    this.strings.add(text);
  }
}

/**
 * The workbook's shared strings. Items in the common form are kept as their source (the part's
 * text, its bytes one character each) and decoded the first time a cell uses them: a column the
 * importer does not read (an address, a parent's name) then costs no string at all, as with
 * inline strings. An item's source is never shorter than its text (a UTF-8 letter is one to
 * four bytes, a reference several characters), so the source lengths bound the text for the
 * file's budget (xlsx.ts) and Excel's limit on a cell.
 */
export class SharedStrings {
  private readonly texts: (string | undefined)[] = [];
  /** Per item kept as source: the text scanned, its start and end; undefined once decoded. */
  private readonly sources: (string | undefined)[] = [];
  /** The bytes that text was read from (the scanner's `scanBytes`), decoded from directly. */
  private readonly bytes: (Buffer | undefined)[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** The items' text lengths, or their sources' where not decoded yet: at least the text's. */
  size = 0;

  constructor(private readonly scanner?: XmlScanner) {}

  /** A table of texts already decoded (tests, and readers that have them whole). */
  static of(texts: readonly string[]): SharedStrings {
    const table = new SharedStrings();
    for (const text of texts) table.add(text);
    return table;
  }

  get count(): number {
    return this.texts.length;
  }

  add(text: string): void {
    this.texts.push(text);
    this.sources.push(undefined);
    this.bytes.push(undefined);
    this.starts.push(0);
    this.ends.push(0);
    this.size += text.length;
  }

  addLater(s: string, start: number, end: number): void {
    this.texts.push(start === end ? '' : undefined);
    this.sources.push(start === end ? undefined : s);
    this.bytes.push(start === end ? undefined : this.scanner?.scanBytes);
    this.starts.push(start);
    this.ends.push(end);
    this.size += end - start;
  }

  /** Item `index`'s text if it is decoded already (most cells: the item was met before). */
  decoded(index: number): string | undefined {
    return this.texts[index];
  }

  /** Item `index`'s text, decoded now if it was not; undefined when there is no such item. */
  at(index: number): string | undefined {
    const text = this.texts[index];
    if (text !== undefined || index < 0 || index >= this.texts.length) return text;
    const source = this.sources[index]!;
    const decoded = this.scanner!.decodedLater(source, this.starts[index]!, this.ends[index]!, this.bytes[index]);
    this.texts[index] = decoded;
    this.sources[index] = undefined;
    this.bytes[index] = undefined;
    return decoded;
  }

  /** Every item's text, in order. */
  all(): string[] {
    return Array.from({ length: this.count }, (_, index) => this.at(index)!);
  }

  /** Whether a cell of item `index` may be left undecoded (see `mayPutOff`): only an item not decoded yet. */
  mayPutOff(index: number): boolean {
    const source = this.sources[index];
    return source !== undefined && mayPutOff(source, this.starts[index]!, this.ends[index]!);
  }
}
