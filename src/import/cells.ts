import type { CodeList } from '../model/codes.js';
import { importText, type Message } from '../messages/index.js';
import { clean, foldValue, isBlankText, stripDiacritics } from './text.js';
import { formatDmy } from '../model/dates.js';

/**
 * Cell values as the readers hand them over: workbook cells (shared, inline and rich text,
 * formulas' cached results, dates by their format) and CSV text are reduced to these before any
 * parsing.
 */
export type RawValue = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; kind: string; message: Message };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(kind: string, message: Message): Parsed<T> => ({ ok: false, kind, message });

/** Asked of every cell twice (row and column): a plain test, no normalisation. A cell of only zero-width characters is blank. */
export function isBlank(value: RawValue): boolean {
  return value === null || (typeof value === 'string' && isBlankText(value));
}

/** The text of a cell as an official sees it (for messages and the error workbook). */
export function displayText(value: RawValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDmy(isoFromUtcDate(value));
  return clean(String(value));
}

export function parseText(value: RawValue): string {
  return displayText(value);
}

// ---------------------------------------------------------------- codes

/** Administrative and personal-ID codes: digits only, leading zeros restored ("9552" → "09552"). */
export function parseCode(value: RawValue, digits: number, maxPadding = digits): Parsed<string> {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return fail('invalid_code', invalidCode(digits));
    text = String(value);
  } else {
    text = displayText(value).replace(/\s/g, '');
  }
  if (!/^\d+$/.test(text) || text.length > digits || text.length < digits - maxPadding) {
    return fail('invalid_code', invalidCode(digits));
  }
  return ok(text.padStart(digits, '0'));
}

const invalidCode = (digits: number) =>
  importText.codeDigits({ digits });

// ---------------------------------------------------------------- dates

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 1 Jan 1900 .. 31 Dec 9999 as Excel serial numbers. */
const SERIAL_MIN = 1;
const SERIAL_MAX = 2_958_465;

/** Hot path (a birth date per child): the parts, not toISOString. */
export function isoFromUtcDate(date: Date): string {
  const y = date.getUTCFullYear();
  if (y < 0 || y > 9999) return date.toISOString().slice(0, 10);
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}


function isoFromParts(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 31/02 over to 03/03: a calendar date must come back unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return isoFromUtcDate(date);
}

function isoFromSerial(serial: number): string {
  return isoFromUtcDate(new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS));
}

/** A two-digit year is 20yy: every child in these records was born after 2000. */
function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const SERIAL_TEXT = /^\d{1,7}(?:\.\d+)?$/;

/** Day-first always; real date cells, text dates and Excel serial numbers (also when stored as text). */
export function parseDate(value: RawValue): Parsed<string> {
  if (value instanceof Date) {
    // Excel's dates run from 1900 to 9999; a reader's Date beyond them is no date.
    const year = value.getUTCFullYear();
    if (Number.isNaN(year) || year < 1900 || year > 9999) return fail('invalid_date', invalidDate);
    return ok(isoFromUtcDate(value));
  }
  if (typeof value === 'number') {
    if (value < SERIAL_MIN || value > SERIAL_MAX) return fail('invalid_date', invalidDate);
    return ok(isoFromSerial(value));
  }
  const text = displayText(value);
  const dayFirst = DAY_FIRST.exec(text);
  const isoLike = ISO_LIKE.exec(text);
  const parts = dayFirst
    ? { year: fullYear(dayFirst[3]!), month: Number(dayFirst[2]), day: Number(dayFirst[1]) }
    : isoLike
      ? { year: Number(isoLike[1]), month: Number(isoLike[2]), day: Number(isoLike[3]) }
      : undefined;
  if (parts) {
    const iso = isoFromParts(parts.year, parts.month, parts.day);
    return iso ? ok(iso) : fail('invalid_date', calendarFault(parts));
  }
  // Serial numbers that lost their date format (pasted as text); small numbers are not dates.
  if (SERIAL_TEXT.test(text) && Number(text) >= 10_000) return ok(isoFromSerial(Number(text)));
  return fail('invalid_date', invalidDate);
}

/** Days in a month of a year (month 1–12). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why a date written in the right form is still no date: a month or a day that does not exist
 * ("31/02/2025": February has no 31st). The form is right, so the message does not blame it.
 */
function calendarFault({ year, month, day }: { year: number; month: number; day: number }): Message {
  if (month < 1 || month > 12) return importText.noSuchMonth({ month });
  if (day < 1 || day > 31) return importText.noSuchDay({ day });
  if (month === 2 && day === 29) return importText.notLeapYear({ year });
  return importText.noSuchDayInMonth({ day, month, days: daysIn(year, month) });
}

const invalidDate = importText.dateInvalid();

// ---------------------------------------------------------------- yes / no

/** How the contract writes yes and no in a cell (the annex and the page write them so too). */
export const YES_NO_WORDS = { yes: 'Có', no: 'Không' } as const;
/** "No support" written in the interventions column: none, not an unknown intervention. */
export const NO_SUPPORT_WORDS: ReadonlySet<string> = new Set(['không', 'khong', '0', 'no', 'k']);

const YES = new Set(['có', 'co', 'x', '1', 'c', 'yes', 'y', 'true', 'đã', 'da', 'rồi']);
const NO = new Set(['không', 'khong', '0', 'k', 'no', 'n', 'false', 'chưa', 'chua']);

/** A blank cell means "Không" (docs/indicator-rules.md). */
export function parseYesNo(value: RawValue): Parsed<boolean> {
  if (isBlank(value)) return ok(false);
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number') {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
  }
  const text = foldValue(displayText(value));
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail('invalid_yes_no', importText.yesNoExpected());
}

// ---------------------------------------------------------------- numbers

/** Vietnamese separators: 1.500.000 and 1.500.000,5. */
export function parseNumber(value: RawValue): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail('invalid_number', invalidNumber);
  const text = displayText(value).replace(/\s/g, '').replace(/đ$|vnd$/i, '');
  let normalised: string | undefined;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) normalised = text.replace(/,/g, '');
  else if (/^-?\d+(,\d+)?$/.test(text)) normalised = text.replace(',', '.');
  else if (/^-?\d+(\.\d+)?$/.test(text)) normalised = text;
  if (normalised === undefined) return fail('invalid_number', invalidNumber);
  return ok(Number(normalised));
}

const invalidNumber = importText.numberExpected();

export function parseInteger(value: RawValue): Parsed<number> {
  const parsed = parseNumber(value);
  if (!parsed.ok) return parsed;
  if (!Number.isInteger(parsed.value) || parsed.value < 0)
    return fail('invalid_number', importText.wholeNumberExpected());
  return parsed;
}

// ---------------------------------------------------------------- code lists

/**
 * Matches a code or a label of one code list: exactly after NFC and lower case first, then
 * without diacritics where that points to a single code. Single letters (the Art. 10 groups
 * a, b, …, đ) only ever match exactly: đ is not d.
 */
export class CodeMatcher {
  private readonly exact = new Map<string, string>();
  private readonly loose = new Map<string, string | null>();
  /** Cells repeat the same few spellings thousands of times: remember what each one matched. */
  private readonly seen = new Map<string, string | undefined>();

  constructor(readonly list: CodeList) {
    for (const entry of list) {
      for (const name of [entry.code, entry.label, ...(entry.aliases ?? [])]) {
        const key = foldValue(name);
        this.exact.set(key, entry.code);
        if (key.length > 1) {
          const looseKey = stripDiacritics(key);
          const previous = this.loose.get(looseKey);
          this.loose.set(looseKey, previous === undefined || previous === entry.code ? entry.code : null);
        }
      }
    }
  }

  match(text: string): string | undefined {
    if (this.seen.has(text)) return this.seen.get(text);
    const code = this.lookup(text);
    if (this.seen.size < 10_000) this.seen.set(text, code);
    return code;
  }

  private lookup(text: string): string | undefined {
    const key = foldValue(text);
    const exact = this.exact.get(key);
    if (exact !== undefined) return exact;
    if (key.length <= 1) return undefined;
    return this.loose.get(stripDiacritics(key)) ?? undefined;
  }
}

const matchers = new WeakMap<CodeList, CodeMatcher>();

export function matcherFor(list: CodeList): CodeMatcher {
  let matcher = matchers.get(list);
  if (!matcher) {
    matcher = new CodeMatcher(list);
    matchers.set(list, matcher);
  }
  return matcher;
}

/**
 * What a code-list cell may hold, as an official would type it: the labels (or, for lists with
 * one-letter codes such as the Law's groups a–o, the letters), and the codes.
 */
const allowedTexts = new WeakMap<CodeList, Message>();

export function allowedValues(list: CodeList): Message {
  let allowed = allowedTexts.get(list);
  if (!allowed) {
    const letters = list.map((entry) => entry.aliases?.find((alias) => /^\p{L}$/u.test(alias)));
    // A long run of codes reads as its ends: "HCDB01…HCDB14".
    const codes = list.length > 6 ? `${list[0]!.code}…${list.at(-1)!.code}` : list.map((entry) => entry.code).join(', ');
    // The Law's 14 groups are written by their letters a–o; a short list reads better by its labels.
    if (list.length > 6 && letters.every((letter) => letter !== undefined)) {
      const shown = letters.join(', ');
      allowed = importText.useLetterCodeOrGroup({ shown, codes });
    } else {
      const labels = list.map((entry) => entry.label).join(', ');
      allowed = importText.useOneOf({ labels, codes });
    }
    allowedTexts.set(list, allowed);
  }
  return allowed;
}

const unknownValue = (text: string, list: CodeList) => {
  const allowed = allowedValues(list);
  return importText.valueNotInList({ text, allowed });
};

export function parseEnum(value: RawValue, list: CodeList): Parsed<string> {
  const text = displayText(value);
  const code = matcherFor(list).match(text);
  return code === undefined ? fail('unknown_code_value', unknownValue(text, list)) : ok(code);
}

/**
 * Several values in one cell, separated by ";" or ",". A label that holds a comma
 * ("Bỏ rơi, bỏ mặc") is matched whole before the cell is split: the longest run of pieces
 * that names a value wins.
 */
export function parseList(value: RawValue, list: CodeList): Parsed<string[]> {
  if (isBlank(value)) return ok([]);
  const matcher = matcherFor(list);
  const pieces = displayText(value)
    .split(/[;,\n]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  const codes: string[] = [];
  let index = 0;
  while (index < pieces.length) {
    let matched = false;
    for (let end = pieces.length; end > index; end -= 1) {
      const code = matcher.match(pieces.slice(index, end).join(', '));
      if (code !== undefined) {
        if (!codes.includes(code)) codes.push(code);
        index = end;
        matched = true;
        break;
      }
    }
    if (!matched) return fail('unknown_code_value', unknownValue(pieces[index]!, list));
  }
  // Code-list order, so the same set always reads the same.
  const order = list.map((entry) => entry.code);
  return ok(codes.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
}
