import ExcelJS from 'exceljs';
import { normaliseZip } from '../io/deterministic-zip.js';
import type { FileLayout } from './build.js';
import { utcDate } from './dates.js';
import type { Cell, SheetLayout } from './layout.js';

/**
 * Writes one commune layout as an .xlsx buffer whose bytes depend only on the layout:
 * exceljs stamps the current time into docProps/core.xml and JSZip into every zip entry,
 * so both are fixed here.
 */

/** The date the synthetic exports claim to have been made. */
export const EXPORT_DATE = new Date(Date.UTC(2026, 0, 5, 1, 0, 0));

const DATE_FORMAT = 'dd/mm/yyyy';

function setCell(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null) return;
  if (typeof value === 'object') {
    // Date.UTC midnight: exceljs writes a Date by its UTC value (docs/stack.md, "exceljs pitfalls").
    cell.value = utcDate(value.date);
    cell.numFmt = DATE_FORMAT;
    return;
  }
  cell.value = value;
}

function writeSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): void {
  const sheet = workbook.addWorksheet(layout.name);
  const width = layout.header.length;
  if (layout.title !== undefined) {
    const title = sheet.getCell(1, 1);
    title.value = layout.title;
    title.font = { bold: true, size: 13 };
    title.alignment = { horizontal: 'center' };
    sheet.mergeCells(1, 1, 1, Math.min(width, 10));
  }
  const header = sheet.getRow(layout.headerRow);
  layout.header.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  layout.rows.forEach((cells, r) => {
    const row = sheet.getRow(layout.headerRow + 1 + r);
    cells.forEach((value, c) => setCell(row.getCell(c + 1), value));
  });
  layout.header.forEach((text, i) => {
    sheet.getColumn(i + 1).width = Math.max(8, Math.min(28, text.length + 2));
  });
}

export async function workbookBuffer(file: FileLayout): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chitieu sample';
  workbook.lastModifiedBy = 'chitieu sample';
  workbook.created = EXPORT_DATE;
  workbook.modified = EXPORT_DATE;
  workbook.title = `Dữ liệu mẫu (tổng hợp): ${file.commune.name}`;
  for (const sheet of file.sheets) writeSheet(workbook, sheet);
  const raw = await workbook.xlsx.writeBuffer();
  return normaliseZip(new Uint8Array(raw as ArrayBuffer));
}
