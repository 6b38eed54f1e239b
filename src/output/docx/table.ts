/**
 * An annex table in the DOCX: title, unit note, then each part as a table with a merged
 * two-level header and a row of column numbers (A, B, 1, 2, …) that repeat on every page,
 * then the notes.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { keepLastWordsTogether } from '../../report/format-vi.js';
import { formatCell, headerLayout } from '../../report/table-layout.js';
import type { Cell, Column, ReportTable, TablePart } from '../../report/table-model.js';
import { columnWidths } from './column-widths.js';
import { pt } from './page.js';
import { runsOfText } from './runs.js';

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
// 1 pt above, 0.5 pt below: without them the tone marks of a first line touch the border above (LibreOffice draws
// them from a fallback face that reaches higher), and no more, so that the 14 communes of a district, Biểu 01's
// header and its notes still fit one landscape page.
const CELL_MARGINS = { top: 20, bottom: 10, left: 57, right: 57 } as const;
// lineRule said: without it LibreOffice reads 240 as an exact 12 pt and a wrapped title overprints the next line.
const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

/** Smaller type for wider tables, so that 15–20 columns fit a landscape page. */
function bodySize(columns: number): number {
  if (columns <= 8) return pt(12);
  if (columns <= 13) return pt(11);
  return pt(10);
}

function textCell(text: string, width: number, options: { size: number; bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'right'; rowSpan?: number; columnSpan?: number }): TableCell {
  const alignment = options.align === 'left' ? AlignmentType.LEFT : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    children: [
      new Paragraph({
        alignment,
        spacing: TIGHT,
        children: runsOfText(text, { size: options.size, ...(options.bold ? { bold: true } : {}), ...(options.italics ? { italics: true } : {}) }),
      }),
    ],
  });
}

function valueCell(cell: Cell | undefined, column: Column, width: number, size: number, bold: boolean): TableCell {
  const format = cell?.format ?? column.format;
  const text = formatCell(cell?.value ?? null, format);
  const align = format === 'text' ? (column.width > 2 ? 'left' : 'center') : 'right';
  return textCell(text, width, { size, bold, italics: cell?.approximate === true, align });
}

/**
 * `keepWithNext`: the last rows stay with what follows (the notes). `keepTogether`: the whole
 * part on one page (a short part b starts on a new page rather than leaving three rows behind).
 */
function partTable(part: TablePart, width: number, keepWithNext: boolean, keepTogether: boolean): Table {
  const size = bodySize(part.columns.length + 2);
  const twips = columnWidths(part, width, size, CELL_MARGINS.left + CELL_MARGINS.right);
  const headerSize = size;
  const layout = headerLayout(part.columns);
  const span = (from: number, count: number) => twips.slice(from + 2, from + 2 + count).reduce((a, b) => a + b, 0);
  const first: TableCell[] = [
    textCell('STT', twips[0]!, { size: headerSize, bold: true, rowSpan: layout.twoRows ? 2 : 1 }),
    textCell(part.labelHeader, twips[1]!, { size: headerSize, bold: true, rowSpan: layout.twoRows ? 2 : 1 }),
  ];
  const second: TableCell[] = [];
  for (const block of layout.top) {
    if (block.group === undefined) {
      const column = part.columns[block.from]!;
      first.push(textCell(column.header, span(block.from, 1), { size: headerSize, bold: true, rowSpan: layout.twoRows ? 2 : 1 }));
    } else {
      first.push(textCell(block.group, span(block.from, block.count), { size: headerSize, bold: true, columnSpan: block.count }));
      for (let i = block.from; i < block.from + block.count; i++) {
        second.push(textCell(part.columns[i]!.header, span(i, 1), { size: headerSize, bold: true }));
      }
    }
  }
  const numbers = ['A', 'B', ...part.columns.map((_, i) => String(i + 1))].map((label, i) =>
    textCell(label, twips[i]!, { size: headerSize, italics: true }),
  );
  const header = [first, ...(layout.twoRows ? [second] : []), numbers].map(
    (children) => new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children }),
  );
  // The last rows stay with what follows (the notes), so a page never starts with the notes alone.
  const body = part.rows.map(
    (row, i) =>
      new TableRow({
        cantSplit: true,
        keepNext: keepTogether ? i < part.rows.length - 1 || keepWithNext : keepWithNext && i >= part.rows.length - 2,
        children: [
          textCell(row.stt, twips[0]!, { size, bold: row.total }),
          textCell(row.label, twips[1]!, { size, bold: row.total, align: 'left' }),
          ...part.columns.map((column, i) => valueCell(row.cells[column.key], column, twips[i + 2]!, size, row.total)),
        ],
      }),
  );
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [...header, ...body],
  });
}

/** The most rows a part is kept on one page with: more could never fit one. */
const KEPT_WHOLE = 25;

/** Everything a `::table` directive becomes. */
export function tableBlocks(table: ReportTable, width: number, fontSize: number): (Paragraph | Table)[] {
  const size = pt(fontSize);
  const small = pt(Math.min(fontSize, 12));
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, keepNext: true, children: runsOfText(`${table.number}`, { size, bold: true }) }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, keepNext: true, children: runsOfText(keepLastWordsTogether(table.title), { size, bold: true }) }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, keepNext: true, children: runsOfText(table.subtitle, { size: small, italics: true }) }),
  ];
  if (table.unitNote) {
    blocks.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { ...TIGHT, after: 60 }, keepNext: true, children: runsOfText(table.unitNote, { size: small, italics: true }) }));
  }
  table.parts.forEach((part, i) => {
    if (part.heading) {
      blocks.push(new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: runsOfText(part.heading, { size: small, bold: true, italics: true }) }));
    }
    // Parts after the first are short (groups, forms, causes): kept whole; unit parts may be long.
    blocks.push(partTable(part, width, i === table.parts.length - 1 && table.notes.length > 0, i > 0 && part.rows.length <= KEPT_WHOLE));
  });
  if (table.notes.length > 0) {
    blocks.push(new Paragraph({ spacing: { ...TIGHT, before: 60 }, keepNext: true, children: runsOfText('Ghi chú:', { size: pt(10), bold: true, italics: true }) }));
    table.notes.forEach((note, i) => {
      const last = i === table.notes.length - 1;
      blocks.push(
        new Paragraph({
          spacing: { ...TIGHT, after: last ? 120 : 0 },
          keepNext: !last,
          alignment: AlignmentType.JUSTIFIED,
          children: runsOfText(`- ${note}`, { size: pt(10), italics: true }),
        }),
      );
    });
  }
  return blocks;
}
