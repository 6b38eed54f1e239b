import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ExitCode, UserError, msg, type Message } from '../model/messages.js';

export type FileFormat = 'xlsx' | 'csv';

/** A file that cannot be read at all: exit 2 with one line naming the file. */
export function unreadable(file: string, reason: Message): UserError {
  const name = basename(file);
  return new UserError(
    ExitCode.unreadableInput,
    msg(`Không đọc được file "${name}": ${reason.vi}`, `Cannot read file "${name}": ${reason.en}`),
  );
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** OLE2 compound file: legacy .xls, and also any password-protected .xlsx (it is encrypted inside one). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Decides how to read a file from its first bytes, not only its name: exports are often misnamed. */
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
  const head = Buffer.alloc(8);
  const handle = await open(file, 'r');
  try {
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    throw unreadable(file, msg('file nén rỗng, không phải sổ Excel', 'an empty zip, not an Excel workbook'));
  }
  if (head.equals(OLE_MAGIC)) {
    throw unreadable(
      file,
      msg(
        'file .xls cũ hoặc sổ Excel có đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx',
        'a legacy .xls file or a password-protected workbook; open it in Excel, remove the password and save as .xlsx',
      ),
    );
  }
  const extension = extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx' || extension === '.xlsm') {
    throw unreadable(file, msg('file hỏng, không phải sổ Excel (.xlsx)', 'corrupt, not an Excel workbook (.xlsx)'));
  }
  throw unreadable(
    file,
    msg('chỉ đọc được file .xlsx hoặc .csv', 'only .xlsx and .csv files can be read'),
  );
}
