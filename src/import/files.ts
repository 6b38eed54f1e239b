import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { printableName } from '../io/file-names.js';
import { OPEN_IN_EXCEL } from '../io/output.js';
import { ExitCode, UserError, msg, type Message } from '../model/messages.js';
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
    msg(`Không đọc được file "${name}": ${reason.vi}`, `Cannot read file "${name}": ${reason.en}`),
  );
}

/** EBUSY on Windows: another program (Excel) holds the file; otherwise it cannot be opened. */
export function lockedOrUnreadable(file: string, error: unknown): UserError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EBUSY') return unreadable(file, OPEN_IN_EXCEL);
  return unreadable(file, msg('file không tồn tại hoặc không mở được', 'file does not exist or cannot be opened'));
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
    const info = await stat(file);
    if (!info.isFile()) throw unreadable(file, msg('không phải là file', 'not a file'));
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw unreadable(file, msg('file không tồn tại hoặc không mở được', 'file does not exist or cannot be opened'));
  }
  if (size === 0) throw unreadable(file, msg('file rỗng (0 byte)', 'the file is empty (0 bytes)'));
  const start = Buffer.alloc(4096);
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw lockedOrUnreadable(file, error);
  });
  let head: Buffer;
  try {
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    head = start.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    await guardZip(file);
    return 'xlsx';
  }
  if (head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    throw unreadable(file, msg('file nén rỗng, không phải sổ Excel', 'an empty zip, not an Excel workbook'));
  }
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return oleFormat(file);
  if (head.length >= 4 && BARE_BIFF_BOF.has(head.readUInt16LE(0))) throw unreadable(file, TOO_OLD_XLS);
  // Web software's "Xuất Excel" writes a web page, named .xls, .xlsx or .html alike.
  const markup = markupKind(head);
  if (markup) return markup;
  const extension = extname(file).toLowerCase();
  if ((extension === '.xls' || extension === '.xml') && MARKUP.test(head.toString('latin1'))) return markupFormat(file);
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return 'csv';
  if (extension === '.xlsx' || extension === '.xlsm') {
    throw unreadable(file, msg('file hỏng, không phải sổ Excel (.xlsx)', 'corrupt, not an Excel workbook (.xlsx)'));
  }
  throw unreadable(
    file,
    msg('chỉ đọc được tệp .xlsx, .xls hoặc .csv', 'only .xlsx, .xls and .csv files can be read'),
  );
}

/** Runs the zip-bomb and structure checks of zip-guard.ts, as a one-line error naming the file. */
export async function guardZip(file: string, named: string = file): Promise<ZipIndex> {
  try {
    return await checkZip(file);
  } catch (error) {
    if (error instanceof ZipRefusal) throw unreadable(named, error.reason);
    throw unreadable(named, msg('file hỏng, không phải sổ Excel (.xlsx)', 'corrupt, not an Excel workbook (.xlsx)'));
  }
}

/**
 * BOF records of Excel 2.x–4.x worksheets (and of a BIFF stream outside an OLE container):
 * files from before Excel 5, which no office keeps in use, told apart rather than called unknown.
 */
const BARE_BIFF_BOF = new Set([0x0009, 0x0209, 0x0409, 0x0809]);

export const TOO_OLD_XLS = msg(
  'sổ Excel 2.x–4.x quá cũ; hãy mở bằng Excel và lưu lại dạng .xlsx (Tệp › Lưu thành › Sổ làm việc Excel)',
  'an Excel 2.x–4.x worksheet, too old; open it in Excel and save it as .xlsx (File › Save As › Excel Workbook)',
);

/** Other markup named .xls or .xml (web pages and Excel 2003 XML are told by markupKind and read by us): LibreOffice may know it. */
const MARKUP = /^(?:\xef\xbb\xbf)?\s*</;

async function markupFormat(file: string): Promise<FileFormat> {
  if (await findSoffice()) return 'markup';
  throw unreadable(
    file,
    msg(
      `file .xls thực chất là trang web/XML do phần mềm xuất ra; ${HOW_TO_SAVE_AS_XLSX.vi}`,
      `the .xls file is really a web page/XML written by some software; ${HOW_TO_SAVE_AS_XLSX.en}`,
    ),
  );
}

export const REMOVE_PASSWORD = msg(
  'sổ Excel có đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) và lưu lại',
  'a password-protected workbook; open it in Excel, remove the password (File › Info › Protect Workbook) and save it again',
);

/** A legacy .xls whose container or workbook stream is damaged: one line saying how. */
export function damagedXls(file: string, reason: Message): UserError {
  return unreadable(
    file,
    msg(
      `tệp .xls bị hỏng (${reason.vi}); hãy mở bằng Excel, nếu Excel sửa được thì lưu lại dạng .xlsx, nếu không hãy xin lại tệp gốc`,
      `a damaged .xls file (${reason.en}); open it in Excel and, if Excel can repair it, save it as .xlsx; otherwise ask for the original file again`,
    ),
  );
}

/** An OLE compound file: a legacy .xls (read by our BIFF reader), an encrypted workbook, or not a workbook. */
async function oleFormat(file: string): Promise<FileFormat> {
  const inspection = await inspectOle(file);
  const kind = inspection.kind;
  if (kind === 'encrypted-workbook' || kind === 'encrypted-xls') throw unreadable(file, REMOVE_PASSWORD);
  if (kind === 'damaged') {
    throw damagedXls(file, inspection.reason ?? msg('không đọc được cấu trúc tệp', 'its structure cannot be read'));
  }
  if (kind === 'other') {
    throw unreadable(
      file,
      msg(
        'file Office cũ nhưng không phải sổ Excel (có thể là văn bản Word); hãy xuất dữ liệu ra .xlsx hoặc .csv',
        'an old-format Office file that is not a workbook (perhaps a Word document); export the data as .xlsx or .csv',
      ),
    );
  }
  return 'xls';
}
