import { readFile, stat } from 'node:fs/promises';
import { printableName } from '../../io/file-names.js';
import { TextEncodingRefusal, decodeText } from '../../io/text-decoding.js';
import { importText, type Message } from '../../messages/index.js';
import type { RawValue } from '../cells.js';
import { unreadable } from '../files.js';
import { heldRowBatches, type ReaderRow } from './legacy-rows.js';
import type { CellNote, RawSheet, SheetState } from './types.js';

/**
 * "Excel" files that are really markup: the HTML table that web software sends as `.xls`
 * ("Xuất Excel"), and Excel 2003's XML Spreadsheet. Read here, not by LibreOffice, which would
 * turn `<td>12.345</td>` into a number through the machine's locale (12.345 or 12345, depending
 * on the PC) and `000123` into 123.
 *
 * An HTML cell is handed over as the text it shows, never as a number: the row parser then
 * applies the contract's Vietnamese rules (12.345 is twelve thousand three hundred forty-five;
 * a code keeps its leading zeros; a 20-digit id all its digits), so the exporter's text marks
 * (`mso-number-format:"\@"`, `x:str`) are honoured by construction. XML Spreadsheet cells carry
 * their type: numbers and dates are read as written there (locale-free by the format's
 * definition), text as text, and a number in a text-formatted (`@`) style as the text written.
 *
 * These files are read whole (they are rarely large: a web page of a district's children is a
 * few tens of MB), up to MAX_MARKUP_BYTES: 200,000 rows of ten columns, 42 MB of HTML, took
 * 0.53 GB of memory to read, so 128 MB stays well within a PC's means.
 */

export type MarkupKind = 'html' | 'spreadsheetml';

export const MAX_MARKUP_BYTES = 128 * 1024 * 1024;

/** What a file's first bytes say it is, if markup: HTML (a web page) or Excel 2003 XML. */
export function markupKind(head: Buffer): MarkupKind | undefined {
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) text = Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  else text = head.toString('latin1');
  const start = text.replace(/^(?:\xef\xbb\xbf|\ufeff)?\s*/, '').slice(0, 4096).toLowerCase();
  if (!start.startsWith('<')) return undefined;
  if (/<(?:\w+:)?workbook[\s>]/.test(start) && (start.includes('urn:schemas-microsoft-com:office:spreadsheet') || start.includes('progid="excel.sheet"'))) {
    return 'spreadsheetml';
  }
  if (/<(?:!doctype\s+html|html|head|body|table|meta|title|style|tr|td)[\s>/]/.test(start)) return 'html';
  return undefined;
}

/** The sheets of a markup file; `name` names an HTML table that does not name its worksheet. */
export async function* readMarkupSheets(path: string, kind: MarkupKind, name: string): AsyncGenerator<RawSheet> {
  const text = await markupText(path);
  const sheets = kind === 'html' ? htmlSheets(text, name) : spreadsheetMlSheets(text, path);
  for (const [index, sheet] of sheets.entries()) {
    const notes: CellNote[] = [];
    yield { name: printableName(sheet.name), index, state: sheet.state, hidden: sheet.state !== 'visible', batches: heldRowBatches(sheet.rows, notes), notes };
  }
}

async function markupText(path: string): Promise<string> {
  const { size } = await stat(path);
  if (size > MAX_MARKUP_BYTES) {
    throw unreadable(
      path,
      importText.markupTooLarge({ megabytes: MAX_MARKUP_BYTES / 1024 / 1024 }),
    );
  }
  const bytes = await readFile(path);
  const declared = declaredCharset(bytes);
  try {
    // A page that declares a charset other than the UTF encodings (an old "windows-1258" page) is decoded as it says.
    if (declared !== undefined && !/^utf-?(?:8|16)/.test(declared) && !startsWithBom(bytes)) {
      return new TextDecoder(declared, { fatal: false }).decode(bytes).normalize('NFC');
    }
    return decodeText(bytes).text;
  } catch (error) {
    if (error instanceof TextEncodingRefusal) throw unreadable(path, error.reason);
    if (error instanceof RangeError) return decodeOrRefuse(path, bytes);
    throw error;
  }
}

function decodeOrRefuse(path: string, bytes: Buffer): string {
  try {
    return decodeText(bytes).text;
  } catch (error) {
    if (error instanceof TextEncodingRefusal) throw unreadable(path, error.reason);
    throw error;
  }
}

function startsWithBom(bytes: Buffer): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** `<meta charset="…">`, `content="text/html; charset=…"` or `<?xml encoding="…"?>` near the start. */
function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1').toLowerCase();
  const found = /<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/.exec(head);
  return found?.[1];
}

// ---------------------------------------------------------------- tokenizer

interface Tag {
  /** Local name, lower case: `<x:Name>` is "name". */
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** Local names, lower case, to values with entities decoded; a bare attribute (`x:num`) is "". */
  readonly attributes: ReadonlyMap<string, string>;
}

interface MarkupHandler {
  tag(tag: Tag): void;
  /** Text between tags, entities decoded. */
  text(text: string): void;
  comment?(text: string): void;
}

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * HTML and XML alike, tolerantly: tags, attributes, text, comments, CDATA; in HTML the contents
 * of `<script>` and `<style>` skipped (in XML Spreadsheet `<Style>` is an element like any);
 * a DTD ignored (no entity it declares is ever expanded).
 */
function tokenize(source: string, handler: MarkupHandler, html: boolean): void {
  let at = 0;
  const n = source.length;
  while (at < n) {
    const lt = source.indexOf('<', at);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > at) handler.text(decodeEntities(source.slice(at, textEnd)));
    if (lt < 0) break;
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      handler.comment?.(source.slice(lt + 4, end < 0 ? n : end));
      at = end < 0 ? n : end + 3;
      continue;
    }
    if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      handler.text(source.slice(lt + 9, end < 0 ? n : end));
      at = end < 0 ? n : end + 3;
      continue;
    }
    if (source.startsWith('<!', lt) || source.startsWith('<?', lt)) {
      const end = source.indexOf('>', lt);
      at = end < 0 ? n : end + 1;
      continue;
    }
    const end = tagEnd(source, lt + 1);
    if (end < 0) {
      handler.text(decodeEntities(source.slice(lt)));
      break;
    }
    const tag = parseTag(source.slice(lt + 1, end));
    at = end + 1;
    if (tag === undefined) {
      handler.text('<');
      at = lt + 1;
      continue;
    }
    handler.tag(tag);
    if (html && !tag.closing && !tag.selfClosing && (tag.name === 'script' || tag.name === 'style')) {
      const close = new RegExp(`</${tag.name}`, 'ig');
      close.lastIndex = at;
      at = close.exec(source)?.index ?? n;
    }
  }
}

/**
 * The `>` ending a tag that starts at `from`, quoted values skipped over; -1 when there is none.
 * A quote opens a value only after "=": a stray apostrophe (`title=it's`) does not swallow the page.
 */
function tagEnd(source: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let i = from; i < source.length; i += 1) {
    const ch = source.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
      continue;
    }
    if (ch === 0x3e) return i;
    if ((ch === 0x22 || ch === 0x27) && afterEquals) quote = ch;
    if (ch === 0x3d) afterEquals = true;
    else if (ch !== 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) afterEquals = false;
  }
  return -1;
}

function parseTag(inner: string): Tag | undefined {
  const closing = inner.startsWith('/');
  const body = closing ? inner.slice(1) : inner;
  const nameMatch = /^[A-Za-z][\w.:-]*/.exec(body);
  if (!nameMatch) return undefined;
  const selfClosing = /\/\s*$/.test(body);
  const attributes = new Map<string, string>();
  const rest = body.slice(nameMatch[0].length);
  if (!closing) {
    for (const match of rest.matchAll(ATTRIBUTE)) {
      attributes.set(localName(match[1]!), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
    }
  }
  return { name: localName(nameMatch[0]), closing, selfClosing, attributes };
}

function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase();
}

// ---------------------------------------------------------------- entities

const LATIN1_NAMES = [
  'Agrave', 'Aacute', 'Acirc', 'Atilde', 'Auml', 'Aring', 'AElig', 'Ccedil', 'Egrave', 'Eacute', 'Ecirc', 'Euml', 'Igrave', 'Iacute', 'Icirc', 'Iuml',
  'ETH', 'Ntilde', 'Ograve', 'Oacute', 'Ocirc', 'Otilde', 'Ouml', 'times', 'Oslash', 'Ugrave', 'Uacute', 'Ucirc', 'Uuml', 'Yacute', 'THORN', 'szlig',
  'agrave', 'aacute', 'acirc', 'atilde', 'auml', 'aring', 'aelig', 'ccedil', 'egrave', 'eacute', 'ecirc', 'euml', 'igrave', 'iacute', 'icirc', 'iuml',
  'eth', 'ntilde', 'ograve', 'oacute', 'ocirc', 'otilde', 'ouml', 'divide', 'oslash', 'ugrave', 'uacute', 'ucirc', 'uuml', 'yacute', 'thorn', 'yuml',
];

/** The named entities web exports use: markup, spaces, punctuation, and the Latin-1 letters. */
const ENTITIES = new Map<string, string>([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'], ['shy', '\u00ad'],
  ['ndash', '–'], ['mdash', '—'], ['hellip', '…'], ['lsquo', '‘'], ['rsquo', '’'], ['ldquo', '“'], ['rdquo', '”'],
  ['middot', '·'], ['bull', '•'], ['deg', '°'], ['copy', '©'], ['reg', '®'], ['plusmn', '±'], ['laquo', '«'], ['raquo', '»'],
  ...LATIN1_NAMES.map((name, index): [string, string] => [name, String.fromCharCode(0xc0 + index)]),
]);

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return ENTITIES.get(name) ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

// ---------------------------------------------------------------- HTML

interface ParsedSheet {
  readonly name: string;
  readonly state: SheetState;
  readonly rows: ReaderRow[];
}

/**
 * The rows of every `<tr>` of the page, in order, as one sheet: a cell spanning columns
 * (`colspan`) or rows (`rowspan`) holds its text in its first cell and leaves the others blank,
 * as Excel shows a merged area, so the columns below a two-row header stay in place.
 */
function htmlSheets(source: string, fallbackName: string): ParsedSheet[] {
  const rows: ReaderRow[] = [];
  const names: string[] = [];
  /** Per 0-based column, the rows a `rowspan` above still covers. */
  const spanned: number[] = [];
  let row: RawValue[] | undefined;
  let cell: string | undefined;
  let cellSpan = 1;
  let cellRows = 1;

  const endCell = () => {
    if (row === undefined || cell === undefined) return;
    while (spanned[row.length] !== undefined && spanned[row.length]! > 0) {
      spanned[row.length]! -= 1;
      row.push(null);
    }
    const text = cell.replace(/[ \t\r\n\f]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    const column = row.length;
    row.push(text === '' ? null : text);
    for (let extra = 1; extra < cellSpan; extra += 1) row.push(null);
    if (cellRows > 1) for (let c = column; c < column + cellSpan; c += 1) spanned[c] = Math.max(spanned[c] ?? 0, cellRows - 1);
    cell = undefined;
  };
  const endRow = () => {
    if (row === undefined) return;
    endCell();
    // Columns still covered by a rowspan at the end of the row.
    for (let c = row.length; c < spanned.length; c += 1) if ((spanned[c] ?? 0) > 0) spanned[c]! -= 1;
    rows.push({ number: rows.length + 1, cells: trimTrailing(row) });
    row = undefined;
  };
  tokenize(source, {
    comment(text) {
      // Excel's own HTML names its worksheet in a conditional comment: <x:ExcelWorksheet><x:Name>…
      for (const match of text.matchAll(/<x:Name>([^<]*)<\/x:Name>/gi)) names.push(decodeEntities(match[1]!).trim());
    },
    text(text) {
      if (cell !== undefined) cell += text;
    },
    tag(tag) {
      switch (tag.name) {
        case 'tr':
          endRow();
          if (!tag.closing) row = [];
          return;
        case 'td':
        case 'th':
          endCell();
          if (tag.closing) return;
          row ??= [];
          cell = '';
          cellSpan = Math.max(1, spanOf(tag.attributes.get('colspan'), 16_384));
          cellRows = Math.max(1, spanOf(tag.attributes.get('rowspan'), 65_536));
          return;
        case 'table':
          endRow();
          return;
        case 'br':
          if (cell !== undefined) cell += '\n';
          return;
        case 'p':
        case 'div':
        case 'li':
          if (cell !== undefined && cell.trim() !== '') cell += '\n';
          return;
      }
    },
  }, true);
  endRow();
  const name = names.length === 1 && names[0] !== '' ? names[0]! : fallbackName;
  return [{ name, state: 'visible', rows }];
}

/** A span attribute as a count within `most`; a missing or nonsense one is 1 (`colspan`) or 0 (`MergeAcross` given as "0"). */
function spanOf(value: string | undefined, most: number): number {
  const span = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isFinite(span) && span >= 0 ? Math.min(span, most) : 1;
}

function trimTrailing(cells: RawValue[]): RawValue[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end -= 1;
  cells.length = end;
  return cells;
}

// ---------------------------------------------------------------- Excel 2003 XML Spreadsheet

/** Numbers as XML Schema writes them (no hexadecimal, no "Infinity", no thousands separators). */
const XML_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const XML_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * `<Workbook>` › `<Worksheet ss:Name>` › `<Table>` › `<Row ss:Index>` › `<Cell ss:Index
 * ss:MergeAcross>` › `<Data ss:Type>`; `<WorksheetOptions><Visible>SheetHidden` hides a sheet.
 */
function spreadsheetMlSheets(source: string, path: string): ParsedSheet[] {
  const sheets: { name: string; state: SheetState; rows: ReaderRow[] }[] = [];
  const textStyles = new Set<string>();
  let styleId: string | undefined;
  let sheet: (typeof sheets)[number] | undefined;
  let row: RawValue[] | undefined;
  let rowNumber = 0;
  let column = 0;
  let cellStyle: string | undefined;
  let mergeAcross = 0;
  let dataType: string | undefined;
  let data: string | undefined;
  let visible: string | undefined;
  /** Inside a cell's `<Comment>`: its `<Data>` is the note, not the cell's value. */
  let inComment = false;

  const damaged = (where: Message) =>
    unreadable(
      path,
      importText.markupBadIndex({ sheet: printableName(sheet?.name ?? ''), where }),
    );
  const endRow = () => {
    if (sheet === undefined || row === undefined) return;
    sheet.rows.push({ number: rowNumber, cells: trimTrailing(row) });
    row = undefined;
  };
  tokenize(source, {
    text(text) {
      if (data !== undefined) data += text;
      else if (visible !== undefined) visible += text;
    },
    tag(tag) {
      const index = tag.attributes.get('index');
      switch (tag.name) {
        case 'style':
          styleId = tag.closing ? undefined : tag.attributes.get('id');
          return;
        case 'numberformat':
          if (styleId !== undefined && tag.attributes.get('format') === '@') textStyles.add(styleId);
          return;
        case 'worksheet':
          endRow();
          if (tag.closing) {
            sheet = undefined;
            return;
          }
          sheet = { name: tag.attributes.get('name') ?? `Sheet${sheets.length + 1}`, state: 'visible', rows: [] };
          sheets.push(sheet);
          rowNumber = 0;
          return;
        case 'row':
          if (sheet === undefined) return;
          endRow();
          if (tag.closing) return;
          {
            const next = index === undefined ? rowNumber + 1 : Number(index);
            if (!Number.isInteger(next) || next <= rowNumber || next > 1_048_576) throw damaged(importText.markupRow({ row: printableName(index ?? String(next)) }));
            rowNumber = next;
          }
          row = [];
          column = 0;
          if (tag.selfClosing) endRow();
          return;
        case 'cell': {
          if (row === undefined || tag.closing) return;
          const next = index === undefined ? column + 1 : Number(index);
          if (!Number.isInteger(next) || next <= column || next > 16_384) throw damaged(importText.markupRowCell({ row: rowNumber, cell: printableName(index ?? String(next)) }));
          column = next;
          cellStyle = tag.attributes.get('styleid');
          mergeAcross = spanOf(tag.attributes.get('mergeacross') ?? '0', 16_383);
          return;
        }
        case 'comment':
          inComment = !tag.closing && !tag.selfClosing;
          return;
        case 'data':
          if (row === undefined || inComment) return;
          if (!tag.closing) {
            dataType = tag.attributes.get('type');
            data = '';
            if (!tag.selfClosing) return;
          }
          if (data !== undefined) {
            while (row.length < column - 1) row.push(null);
            row[column - 1] = dataValue(dataType, data, cellStyle !== undefined && textStyles.has(cellStyle));
            column += mergeAcross;
            mergeAcross = 0;
          }
          data = undefined;
          return;
        case 'visible':
          if (tag.closing) {
            if (sheet !== undefined && visible !== undefined) {
              const state = visible.trim().toLowerCase();
              sheet.state = state === 'sheethidden' ? 'hidden' : state === 'sheetveryhidden' ? 'veryHidden' : 'visible';
            }
            visible = undefined;
          } else if (!tag.selfClosing) {
            visible = '';
          }
          return;
      }
    },
  }, false);
  endRow();
  return sheets;
}

function dataValue(type: string | undefined, text: string, textStyle: boolean): RawValue {
  if (text === '') return null;
  switch (type?.toLowerCase()) {
    case 'number':
      if (textStyle) return text;
      return XML_NUMBER.test(text.trim()) ? Number(text.trim()) : text;
    case 'datetime': {
      const parts = XML_DATE_TIME.exec(text.trim());
      if (!parts) return text;
      const [, y, m, d, hh, mm, ss] = parts;
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0)));
      return Number.isNaN(date.getTime()) ? text : date;
    }
    case 'boolean':
      return text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'error':
      return null;
    default:
      return text;
  }
}
