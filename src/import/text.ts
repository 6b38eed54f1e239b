/**
 * Text folding for matching what officials type against what we know. Values keep their
 * diacritics ("Nữ" is not "Nu" unless that is unambiguous); headers and sheet names do not.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Text that `clean` leaves as it is: printable Latin (ASCII, Latin-1, Latin Extended and the
 * precomposed Vietnamese letters of Latin Extended Additional, all already NFC), words
 * separated by single spaces. Nearly every cell of an export is such text.
 */
const PLAIN = /^[!-~\u00a1-\u00ac\u00ae-\u024f\u1e00-\u1eff]+(?: [!-~\u00a1-\u00ac\u00ae-\u024f\u1e00-\u1eff]+)*$/;

/**
 * Characters that show nothing and mean nothing in a value (zero-width space, joiners, word
 * joiner, byte-order mark, soft hyphen): pasted from web pages and Word, they would make "TE01"
 * and "TE\u200B01" two children, or a cell of nothing but them a key.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** C0 and C1 control characters other than tab, line feed and carriage return (which are spaces). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** The first control character of a text, if it has one. */
export function controlCharacterIn(text: string): string | undefined {
  return CONTROL.exec(text)?.[0];
}

/** "U+0000": how a message names an invisible character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Control characters made visible: C0 as their Control Pictures (NUL → ␀), DEL as ␡, C1 as
 * "<U+0085>". A message or the error workbook then shows what the cell really holds ("0557␀8",
 * not "05578"), and no terminal or XML writer ever receives the raw character.
 */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<${codePointName(char)}>`;
  });
}

/** NFC and trimmed, invisible characters dropped, controls made visible: the form every string from a file takes before anything else. */
export function clean(text: string): string {
  // Most cells are short, precomposed and singly spaced: skip the costly work for them.
  if (PLAIN.test(text)) return text;
  return visibleControls(text.normalize('NFC').replace(INVISIBLE, '')).replace(/\s+/g, ' ').trim();
}

const BLANK = /^[\s\u00ad\u200b-\u200d\u2060\ufeff]*$/;

/** Nothing but white space and invisible characters. */
export function isBlankText(text: string): boolean {
  return BLANK.test(text);
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

/** How headers and sheet names are matched (docs/data-contract.md). */
export function foldHeader(text: string): string {
  return stripDiacritics(foldValue(text))
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

/** Sheet names are matched with spaces ignored too ("DS tre em" = "DStreem"). */
export function foldSheetName(text: string): string {
  return foldHeader(text).replace(/\s+/g, '');
}
