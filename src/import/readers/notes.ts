import { importText, type Message } from '../../messages/index.js';
import type { CellNote } from './types.js';

/** Excel's name for a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The warning text for a reader's note. */
export function noteMessage(note: CellNote): Message {
  const column = `${columnLetter(note.column)}`;
  switch (note.kind) {
    case 'formula_without_result':
      return importText.formulaWithoutValueAt({ column });
    case 'cell_error':
      return importText.formulaErrorAt({ column });
    case 'legacy_encoding':
      return importText.legacyEncodingConverted({ column, cells: note.cells, encoding: note.encoding });
  }
}
