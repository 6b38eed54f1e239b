/**
 * Text folding for matching what officials type against what we know. Values keep their
 * diacritics ("Nữ" is not "Nu" unless that is unambiguous); headers and sheet names do not.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC and trimmed: the form every string from a file takes before anything else. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower case, NFC, single spaces: how code values and labels are matched. */
export function foldValue(text: string): string {
  return clean(text).toLocaleLowerCase('vi');
}

/** Strip Vietnamese diacritics (đ/Đ fold to d): used for headers and unambiguous value fallbacks. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** How headers and sheet names are matched (data-contract.md). */
export function foldHeader(text: string): string {
  return stripDiacritics(foldValue(text))
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

/** Sheet names are matched with spaces ignored too ("DS tre em" = "DStreem"). */
export function foldSheetName(text: string): string {
  return foldHeader(text).replace(/\s+/g, '');
}
