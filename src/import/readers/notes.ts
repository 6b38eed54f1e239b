import { msg, type Message } from '../../model/messages.js';
import type { CellNote } from './types.js';

/** Excel's name for a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const FONTS = { TCVN3: 'TCVN3 (ABC, phông .VnTime)', VNI: 'VNI (phông VNI-Times)' } as const;
const FONTS_EN = { TCVN3: 'TCVN3 (ABC, .VnTime fonts)', VNI: 'VNI (VNI-Times fonts)' } as const;

/** The warning text for a reader's note. */
export function noteMessage(note: CellNote): Message {
  const column = `${columnLetter(note.column)}`;
  switch (note.kind) {
    case 'formula_without_result':
      return msg(
        `ô ở cột ${column} là công thức chưa có giá trị tính sẵn: coi là trống; hãy mở file bằng Excel và lưu lại`,
        `the cell in column ${column} is a formula with no cached value: read as blank; open the file in Excel and save it again`,
      );
    case 'cell_error':
      return msg(`ô ở cột ${column} có lỗi công thức: coi là trống`, `the cell in column ${column} holds a formula error: read as blank`);
    case 'legacy_encoding':
      return msg(
        `cột ${column}: ${note.cells} ô gõ bằng bảng mã cũ ${FONTS[note.encoding]} đã được chuyển sang Unicode; hãy kiểm tra và chuyển mã file gốc sang Unicode (Unikey › Công cụ chuyển mã)`,
        `column ${column}: ${note.cells} cell(s) typed in the legacy ${FONTS_EN[note.encoding]} encoding were converted to Unicode; check them and convert the original file to Unicode (e.g. Unikey's converter)`,
      );
  }
}
