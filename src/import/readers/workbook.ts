import { printableName } from '../../io/file-names.js';
import { corrupt, type ZipEntry } from '../zip-guard.js';
import { SharedStrings, SharedStringsScanner } from './sheet-scan.js';
import type { SheetState } from './types.js';
import { Utf8Feeder, elementsOf, type XmlElement } from './xml-scan.js';
import type { ZipReader } from './zip.js';
import { importText } from '../../messages/index.js';

/**
 * What a workbook says about itself, read before any sheet: its sheets in its own order with
 * their tab names and states, the date system, which cell styles are dates, and the shared
 * strings. Only parts reached from the package's relationships are read: a part the workbook
 * does not reference (an orphan sheet) is never read as data.
 */

export interface WorkbookSheet {
  readonly name: string;
  readonly state: SheetState;
  readonly entry: ZipEntry;
}

export interface Workbook {
  readonly sheets: readonly WorkbookSheet[];
  /** Serial 0 is 1 Jan 1904 (old Mac Excel) instead of 30 Dec 1899. */
  readonly date1904: boolean;
  /** By cell style index (`s`): 1 where the style's number format is a date. */
  readonly dateStyles: Uint8Array;
  readonly sharedStrings: SharedStrings;
}

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_RELATIONSHIP = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

const missingPart = (name: string) =>
  corrupt(importText.xlsxPartMissing({ name }));

export async function readWorkbook(zip: ZipReader): Promise<Workbook> {
  const rootRels = await relationshipsOf(zip, '');
  const office = rootRels.find((rel) => isType(rel, 'officeDocument'));
  const workbookName = office ? office.target : 'xl/workbook.xml';
  const workbookEntry = zip.find(workbookName);
  if (!workbookEntry) throw missingPart(workbookName);
  const workbookXml = elementsOf(workbookEntry.name, await textOf(zip, workbookEntry));
  const rels = await relationshipsOf(zip, workbookEntry.name);
  const byId = new Map(rels.map((rel) => [rel.id, rel]));

  let date1904 = false;
  const sheets: WorkbookSheet[] = [];
  for (const element of workbookXml) {
    if (element.name === 'workbookPr') date1904 = isTrue(element.attributes.get('date1904'));
    if (element.name !== 'sheet') continue;
    const rel = byId.get(element.attributes.get('id') ?? '');
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !isType(rel, 'worksheet')) continue;
    const entry = zip.find(rel.target);
    if (!entry) throw missingPart(rel.target);
    const state = element.attributes.get('state');
    sheets.push({
      // A tab name reaches terminals and messages: control characters and escape sequences shown, never sent.
      name: printableName(element.attributes.get('name') ?? `Sheet${sheets.length + 1}`),
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      entry,
    });
  }

  const stylesRel = rels.find((rel) => isType(rel, 'styles'));
  const stylesEntry = stylesRel ? zip.find(stylesRel.target) : undefined;
  const dateStyles = stylesEntry ? dateStylesOf(elementsOf(stylesEntry.name, await textOf(zip, stylesEntry))) : new Uint8Array(0);

  const stringsRel = rels.find((rel) => isType(rel, 'sharedStrings'));
  const stringsEntry = stringsRel ? zip.find(stringsRel.target) : undefined;
  if (stringsRel && !stringsEntry) throw missingPart(stringsRel.target);
  const sharedStrings = stringsEntry ? await sharedStringsOf(zip, stringsEntry) : SharedStrings.of([]);
  return { sheets, date1904, dateStyles, sharedStrings };
}

async function textOf(zip: ZipReader, entry: ZipEntry): Promise<string> {
  return (await zip.read(entry)).toString('utf8');
}

async function sharedStringsOf(zip: ZipReader, entry: ZipEntry): Promise<SharedStrings> {
  const scanner = new SharedStringsScanner(entry.name);
  const feeder = new Utf8Feeder(scanner);
  for await (const chunk of zip.stream(entry)) feeder.push(chunk);
  feeder.end();
  return scanner.strings;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The zip entry name it points to. */
  readonly target: string;
}

function isType(rel: Relationship, type: string): boolean {
  return rel.type === RELATIONSHIP + type || rel.type === STRICT_RELATIONSHIP + type;
}

/** The relationships of `part` ('' for the package), read from `dir/_rels/name.rels`. */
async function relationshipsOf(zip: ZipReader, part: string): Promise<Relationship[]> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const relsName = `${dir}_rels/${part.slice(slash + 1)}.rels`;
  const entry = zip.find(relsName);
  if (!entry) return [];
  const rels: Relationship[] = [];
  for (const element of elementsOf(entry.name, await textOf(zip, entry))) {
    if (element.name !== 'Relationship' || element.attributes.get('TargetMode') === 'External') continue;
    const target = element.attributes.get('Target');
    if (target === undefined) continue;
    rels.push({ id: element.attributes.get('Id') ?? '', type: element.attributes.get('Type') ?? '', target: resolveTarget(dir, target) });
  }
  return rels;
}

/**
 * A relationship's target as a zip entry name: absolute ("/xl/worksheets/sheet1.xml", as some
 * producers write it) or relative to the source part's folder ("worksheets/sheet1.xml",
 * "../xl/…"), percent-escapes undone.
 */
export function resolveTarget(dir: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // a stray "%": the name as written
  }
  const segments = path.startsWith('/') ? [] : dir.split('/').filter((segment) => segment !== '');
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function dateStylesOf(elements: readonly XmlElement[]): Uint8Array {
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  for (const element of elements) {
    if (element.name === 'numFmt') {
      customFormats.set(Number(element.attributes.get('numFmtId')), element.attributes.get('formatCode') ?? '');
    } else if (element.name === 'cellXfs') {
      inCellXfs = true;
    } else if (element.name === '/cellXfs') {
      inCellXfs = false;
    } else if (inCellXfs && element.name === 'xf') {
      formatIds.push(Number(element.attributes.get('numFmtId') ?? 0));
    }
  }
  const dates = new Uint8Array(formatIds.length);
  formatIds.forEach((id, index) => {
    const custom = customFormats.get(id);
    dates[index] = (custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATE_FORMATS.has(id)) ? 1 : 0;
  });
  return dates;
}

/**
 * A custom number format is a date when it has a day, month, year or hour code outside quoted
 * text ("Ngày"), brackets ([Red], [$-42A]) and escaped or padding characters (\d, _m, *y).
 */
export function isDateFormat(code: string): boolean {
  let quoted = false;
  let bracketed = false;
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i]!;
    if (quoted) {
      if (ch === '"') quoted = false;
    } else if (bracketed) {
      if (ch === ']') bracketed = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === '[') {
      bracketed = true;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i += 1;
    } else if ('dmyhDMYH'.includes(ch)) {
      return true;
    }
  }
  return false;
}
