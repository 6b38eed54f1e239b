/**
 * Text folding for matching what officials type against what we know. Values keep their
 * diacritics ("Nữ" is not "Nu" unless that is unambiguous); headers and sheet names do not.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

const PLAIN = /^[!-~]+(?: [!-~]+)*$/;

/** NFC and trimmed: the form every string from a file takes before anything else. */
export function clean(text: string): string {
  // Most cells are short ASCII with single spaces: skip the costly work for them (bench: ~10%).
  if (PLAIN.test(text)) return text;
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower case, NFC, single spaces: how code values and labels are matched. */
export function foldValue(text: string): string {
  // Vietnamese has no locale-specific case mappings, and toLowerCase is several times faster.
  return clean(text).toLowerCase();
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
