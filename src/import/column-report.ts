/**
 * What a sheet's header gave: the columns recognised, the columns ignored (with the contract
 * header a misspelt one was probably meant to be: "Nhóm hoàn cảnh ĐB" → "Nhóm HCĐB"), and the
 * contract's columns the sheet lacks, by their Vietnamese headers. `validate` prints it; the
 * error workbook notes the file's own headers from it.
 *
 * `columnReport` works from a `SheetLayout` alone, so that any other way of matching headers
 * (mapping profiles, more aliases) reports the same way without touching this file.
 */
import type { ColumnSpec } from '../model/columns.js';
import type { SheetLayout } from './sheet.js';
import { foldHeader } from './text.js';

export interface RecognisedColumn {
  /** The contract's key and header. */
  readonly key: string;
  readonly column: string;
  /** The header as the file wrote it. */
  readonly header: string;
}

export interface IgnoredColumn {
  readonly header: string;
  /** The contract header this one is close to, when one is (a likely misspelling). */
  readonly closest?: string;
}

export interface ColumnReport {
  readonly recognised: readonly RecognisedColumn[];
  readonly ignored: readonly IgnoredColumn[];
  /** Contract headers of the optional columns the sheet does not have. */
  readonly absentOptional: readonly string[];
  /** Contract headers of the required columns the sheet does not have. */
  readonly missingRequired: readonly string[];
}

/** Ignored headers compared with the contract's, at most: a sheet of 16,384 columns stays quick. */
const MAX_COMPARED = 200;

export function columnReport(layout: SheetLayout): ColumnReport {
  const mapped = new Set(layout.columns.map((column) => column.spec.key));
  const absent = layout.spec.columns.filter((column) => !mapped.has(column.key));
  const ignored = [...layout.unknownHeaders, ...layout.repeatedHeaders].map((header, index): IgnoredColumn => {
    const closest = index < MAX_COMPARED ? closestColumn(header, absent) : undefined;
    return closest ? { header, closest: closest.header } : { header };
  });
  return {
    recognised: layout.columns.map((column) => ({ key: column.spec.key, column: column.spec.header, header: column.header })),
    ignored,
    absentOptional: absent.filter((column) => !column.required).map((column) => column.header),
    missingRequired: absent.filter((column) => column.required).map((column) => column.header),
  };
}

/** The column of `candidates` whose header or an alias is near `header`, if one is. */
export function closestColumn(header: string, candidates: readonly ColumnSpec[]): ColumnSpec | undefined {
  const folded = foldHeader(header);
  if (folded.length < 2) return undefined;
  let best: { column: ColumnSpec; distance: number } | undefined;
  for (const column of candidates) {
    for (const name of [column.header, ...column.aliases]) {
      const other = foldHeader(name);
      const allowed = Math.max(1, Math.floor(Math.min(folded.length, other.length) / 5));
      // The distance is at least the difference in length: a header far longer than any contract
      // header (up to 32,767 characters) is not compared letter by letter with each of them.
      const distance = abbreviates(folded.split(' '), other.split(' ')) ? 0 : Math.abs(folded.length - other.length) > allowed ? Infinity : editDistance(folded, other);
      if (distance <= allowed && (!best || distance < best.distance)) {
        best = { column, distance };
      }
    }
  }
  return best?.column;
}

/** "db" stands for "dac biet": a word made of the first letters of two or more words. */
function isInitialsOf(word: string, words: readonly string[]): boolean {
  return words.length >= 2 && word.length === words.length && words.every((whole, index) => whole[0] === word[index]);
}

/**
 * Whether two folded headers say the same words, one of them shortening some to their initials
 * ("nhom hoan canh db" and "nhom hoan canh dac biet"; "ma te" and "ma tre em").
 */
export function abbreviates(a: readonly string[], b: readonly string[], i = 0, j = 0): boolean {
  if (i === a.length || j === b.length) return i === a.length && j === b.length;
  const wordA = a[i]!;
  const wordB = b[j]!;
  if (wordA === wordB || (wordA.length >= 4 && wordB.length >= 4 && editDistance(wordA, wordB) <= 1)) {
    if (abbreviates(a, b, i + 1, j + 1)) return true;
  }
  for (let k = 2; k <= 6; k += 1) {
    if (j + k <= b.length && isInitialsOf(wordA, b.slice(j, j + k)) && abbreviates(a, b, i + 1, j + k)) return true;
    if (i + k <= a.length && isInitialsOf(wordB, a.slice(i, i + k)) && abbreviates(a, b, i + k, j + 1)) return true;
  }
  return false;
}

/** Edits from one to the other (insert, delete, replace, or swap two neighbours: "BHTY" for "BHYT"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
