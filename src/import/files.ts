import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { printableName } from '../io/file-names.js';
import { OPEN_IN_EXCEL } from '../io/output.js';
import { ExitCode, importText, type Message, UserError } from '../messages/index.js';
import { OLE_MAGIC, inspectOle } from './ole.js';
import { markupKind, type MarkupKind } from './readers/markup.js';
import { HOW_TO_SAVE_AS_XLSX, findSoffice } from './xls.js';
import { ZipRefusal, checkZip, type ZipIndex } from './zip-guard.js';

/**
 * 'xls': a legacy Excel 97–2003 or 5/95 workbook, read by our own reader (readers/biff.ts);
 * 'html' and 'spreadsheetml': a web page or Excel 2003 XML saved under any name, read by
 * readers/markup.ts; 'markup': other XML named .xls, read after LibreOffice converts it (see xls.ts).
 */
export type FileFormat = 'xlsx' | 'csv' | 'xls' | 'markup' | MarkupKind;

/** A file that cannot be read at all: exit 2 with one line naming the file. */
export function unreadable(file: string, reason: Message): UserError {
  const name = printableName(basename(file));
  return new UserError(
    ExitCode.unreadableInput,
    importText.fileUnreadable({ name, reason }),
  );
}

/** EBUSY on Windows: another program (Excel) holds the file; otherwise it cannot be opened. */
export function lockedOrUnreadable(file: string, error: unknown): UserError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EBUSY') return unreadable(file, OPEN_IN_EXCEL);
  return unreadable(file, importText.fileMissing());
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * Decides how to read a file from its first bytes, not only its name: exports are often
 * misnamed. A zip is checked here against zip bombs before anything inflates it, so this must
 * run before a reader opens the file.
 */
export async function detectFormat(file: string): Promise<FileFormat> {
  let size: number;
  try {
    // Synchronous, like the zip check after it: a few small reads per file, each a thread-pool hop when awaited.
    const info = statSync(file);
    if (!info.isFile()) throw unreadable(file, importText.notAFile());
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw unreadable(file, importText.fileMissing());
  }
  if (size === 0) throw unreadable(file, importText.fileEmpty());
  const start = Buffer.alloc(4096);
  let handle: number;
  try {
    handle = openSync(file, 'r');
  } catch (error) {
    throw lockedOrUnreadable(file, error);
  }
  let head: Buffer;
  try {
    head = start.subarray(0, readSync(handle, start, 0, start.length, 0));
  } finally {
    closeSync(handle);
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    await guardZip(file);
    return 'xlsx';
  }
  if (head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    throw unreadable(file, importText.emptyZip());
  }
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return oleFormat(file);
  if (head.length >= 4 && BARE_BIFF_BOF.has(head.readUInt16LE(0))) throw unreadable(file, TOO_OLD_XLS);
  const other = notASpreadsheet(head);
  if (other) throw unreadable(file, importText.notAListOfChildren({ what: other }));
  // Web software's "Xuất Excel" writes a web page, named .xls, .xlsx or .html alike.
  const markup = markupKind(head);
  if (markup) return markup;
  const extension = extname(file).toLowerCase();
  if ((extension === '.xls' || extension === '.xml') && MARKUP.test(head.toString('latin1'))) return markupFormat(file);
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return 'csv';
  if (extension === '.xlsx' || extension === '.xlsm') {
    throw unreadable(file, importText.notAWorkbook());
  }
  throw unreadable(
    file,
    importText.unsupportedExtension(),
  );
}

/** Runs the zip-bomb and structure checks of zip-guard.ts, as a one-line error naming the file. */
export async function guardZip(file: string, named: string = file): Promise<ZipIndex> {
  try {
    return await checkZip(file);
  } catch (error) {
    if (error instanceof ZipRefusal) throw unreadable(named, error.reason);
    throw unreadable(named, importText.notAWorkbook());
  }
}

/**
 * Files people pick by mistake instead of the list (a PDF of the report, a photo of the paper
 * form, a download still zipped), told by their first bytes whatever their name: the message
 * says what the file is rather than how to save it as .xlsx.
 */
const SIGNATURES: readonly { readonly bytes: readonly (number | undefined)[]; readonly what: () => Message }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: () => importText.kindPdf() },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: () => importText.kindImage({ format: 'PNG' }) },
  { bytes: [0xff, 0xd8, 0xff], what: () => importText.kindImage({ format: 'JPEG' }) },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: () => importText.kindImage({ format: 'GIF' }) },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: () => importText.kindImage({ format: 'TIFF' }) },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: () => importText.kindImage({ format: 'TIFF' }) },
  { bytes: [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50], what: () => importText.kindImage({ format: 'WebP' }) },
  { bytes: [undefined, undefined, undefined, undefined, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69], what: () => importText.kindImage({ format: 'HEIC' }) },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: () => importText.kindArchive({ format: '.rar' }) },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: () => importText.kindArchive({ format: '.7z' }) },
  { bytes: [0x1f, 0x8b], what: () => importText.kindArchive({ format: '.gz' }) },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: () => importText.kindRtf() },
];

function notASpreadsheet(head: Buffer): Message | undefined {
  const signature = SIGNATURES.find(({ bytes }) => head.length >= bytes.length && bytes.every((byte, at) => byte === undefined || head[at] === byte));
  return signature?.what();
}

/**
 * BOF records of Excel 2.x–4.x worksheets (and of a BIFF stream outside an OLE container):
 * files from before Excel 5, which no office keeps in use, told apart rather than called unknown.
 */
const BARE_BIFF_BOF = new Set([0x0009, 0x0209, 0x0409, 0x0809]);

export const TOO_OLD_XLS = importText.excelWorksheetTooOld();

/** Other markup named .xls or .xml (web pages and Excel 2003 XML are told by markupKind and read by us): LibreOffice may know it. */
const MARKUP = /^(?:\xef\xbb\xbf)?\s*</;

async function markupFormat(file: string): Promise<FileFormat> {
  if (await findSoffice()) return 'markup';
  throw unreadable(
    file,
    importText.xlsIsWebPage({ howTo: HOW_TO_SAVE_AS_XLSX }),
  );
}

export const REMOVE_PASSWORD = importText.workbookPassword();

/** A legacy .xls whose container or workbook stream is damaged: one line saying how. */
export function damagedXls(file: string, reason: Message): UserError {
  return unreadable(
    file,
    importText.damagedXls({ reason }),
  );
}

/** An OLE compound file: a legacy .xls (read by our BIFF reader), an encrypted workbook, or not a workbook. */
async function oleFormat(file: string): Promise<FileFormat> {
  const inspection = await inspectOle(file);
  const kind = inspection.kind;
  if (kind === 'encrypted-workbook' || kind === 'encrypted-xls') throw unreadable(file, REMOVE_PASSWORD);
  if (kind === 'damaged') {
    throw damagedXls(file, inspection.reason ?? importText.structureUnreadable());
  }
  if (kind === 'other') {
    const what = inspection.what === 'doc' ? importText.kindWordDoc() : inspection.what === 'ppt' ? importText.kindPowerPointPpt() : undefined;
    throw unreadable(file, what ? importText.notAListOfChildren({ what }) : importText.oldOfficeNotWorkbook());
  }
  return 'xls';
}
