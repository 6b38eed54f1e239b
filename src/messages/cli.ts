/** Texts of src/cli/. */
import { catalogue, numberIn, text } from './define.js';

export const cliText = catalogue('cli', {
  folderUnreadable: text(
    (p: { folder: string }) => `Không mở được thư mục "${p.folder}".`,
    (p) => `Cannot open the folder "${p.folder}".`,
  ),
  folderHoldsNoData: text(
    (p: { folder: string }) => `Thư mục "${p.folder}" không có tệp .xlsx, .xls hoặc .csv nào.`,
    (p) => `The folder "${p.folder}" holds no .xlsx, .xls or .csv file.`,
  ),
  folderExpanded: text(
    (p: { folder: string; files: number }) => `Thư mục "${p.folder}": đọc ${numberIn('vi', p.files)} tệp dữ liệu trong đó.`,
    (p) => `Folder "${p.folder}": reading the ${numberIn('en', p.files)} data file(s) in it.`,
  ),
  wildcardMatchesNothing: text(
    (p: { pattern: string }) => `Không có tệp nào khớp với "${p.pattern}".`,
    (p) => `No file matches "${p.pattern}".`,
  ),
  wildcardExpanded: text(
    (p: { pattern: string; files: number }) => `"${p.pattern}": ${numberIn('vi', p.files)} tệp.`,
    (p) => `"${p.pattern}": ${numberIn('en', p.files)} file(s).`,
  ),
  outFolderHelp: text(
    'thư mục ghi báo cáo (tạo nếu chưa có; mặc định: thư mục của tệp đầu tiên)',
    'folder to write the report into (made if missing; default: the folder of the first file)',
  ),
});
