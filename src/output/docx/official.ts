/**
 * The parts of an administrative document that Decree 30/2020 fixes and templates never
 * touch: the two-column heading, the title block, "Kính gửi", the signature block with
 * "Nơi nhận", and the heading of the annex. Drawn as borderless tables, as offices do.
 */
import {
  LineRuleType,
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableBordersOptions,
} from 'docx';
import { formatDate, formatDateWords, keepLastWordsTogether } from '../../report/format-vi.js';
import type { ReportSettings } from '../../report/settings.js';
import { PORTRAIT_WIDTH, pt } from './page.js';
import { runsOfText } from './runs.js';

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS: ITableBordersOptions = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
// lineRule said: without it LibreOffice reads 240 as an exact 12 pt and 13–14 pt lines overprint.
const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 } as const;

function centred(text: string, options: { size: number; bold?: boolean; italics?: boolean; underline?: boolean; before?: number }): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...TIGHT, before: options.before ?? 0 },
    children: runsOfText(text, {
      size: options.size,
      ...(options.bold ? { bold: true } : {}),
      ...(options.italics ? { italics: true } : {}),
      ...(options.underline ? { underline: true } : {}),
    }),
  });
}

/**
 * A short solid rule, centred in `width`: a paragraph with a bottom border, narrowed by its
 * indents to `length` (Decree 30 draws one under the issuing body and under the subject).
 */
export function rule(width: number, length: number, after = 0): Paragraph {
  const indent = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    spacing: { before: 0, after, line: 120, lineRule: LineRuleType.EXACT },
    indent: { left: indent, right: indent },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } },
    children: [],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: NO_MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    children,
  });
}

function borderless(columns: readonly number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows,
  });
}

/** Left column of the heading (issuing body), right column (national title). */
const HEADING_COLUMNS = [3686, PORTRAIT_WIDTH - 3686] as const;

/** "Sơn Hà, ngày 20 tháng 6 năm 2025", or with day and month left blank for the clerk. */
export function placeDateLine(settings: ReportSettings): string {
  const date = settings.reportDate ? formatDateWords(settings.reportDate) : `ngày      tháng      năm ${settings.reportYear ?? '      '}`;
  return `${settings.place}, ${date}`;
}

/** The two-column heading: bodies and number on the left, national title and date on the right. */
export function officialHeading(settings: ReportSettings): Table {
  const [left, right] = HEADING_COLUMNS;
  const size = pt(13);
  const bodies = [
    ...settings.parentBody.map((line) => centred(line.toLocaleUpperCase('vi'), { size })),
    ...settings.issuingBody.map((line) => centred(line.toLocaleUpperCase('vi'), { size, bold: true })),
    rule(left, 1000),
  ];
  const nation = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: pt(12), bold: true }),
    centred('Độc lập - Tự do - Hạnh phúc', { size: pt(13), bold: true, underline: true }),
  ];
  const number = [centred(settings.numberLine, { size, before: 160 })];
  const date = [centred(placeDateLine(settings), { size: pt(settings.fontSize), italics: true, before: 160 })];
  return borderless(HEADING_COLUMNS, [
    new TableRow({ children: [cell(left, bodies), cell(right, nation)] }),
    new TableRow({ children: [cell(left, number), cell(right, date)] }),
  ]);
}

/** "BÁO CÁO", the subject lines and the rule under them. */
export function titleBlock(subject: readonly string[], settings: ReportSettings): Paragraph[] {
  const size = pt(settings.fontSize);
  return [
    centred('BÁO CÁO', { size, bold: true, before: 360 }),
    ...subject.map((line) => centred(keepLastWordsTogether(line), { size, bold: true })),
    rule(PORTRAIT_WIDTH, 2000),
  ];
}

/** "Kính gửi: …." on one line, or a dashed list for several addressees. */
export function addresseeBlock(settings: ReportSettings): Paragraph[] {
  const size = pt(settings.fontSize);
  const list = settings.addressees;
  if (list.length === 0) return [];
  if (list.length === 1) {
    return [centred(`Kính gửi: ${list[0]!.replace(/[.;]+$/, '')}.`, { size, before: 240 })];
  }
  return [
    new Paragraph({ spacing: { ...TIGHT, before: 240 }, indent: { left: 2268 }, children: runsOfText('Kính gửi:', { size }) }),
    ...list.map(
      (line, i) =>
        new Paragraph({
          spacing: TIGHT,
          indent: { left: 3402 },
          children: runsOfText(`- ${line.replace(/[.;]+$/, '')}${i === list.length - 1 ? '.' : ';'}`, { size }),
        }),
    ),
  ];
}

/** "- Như trên;" … "- Lưu: VT, LĐTBXH.": each line "- ", ";" except the last, which ends with ".". */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((line, i) => {
    const text = line.trim().replace(/^-\s*/, '').replace(/[.;]+$/, '');
    return `- ${text}${i === recipients.length - 1 ? '.' : ';'}`;
  });
}

/** "Nơi nhận" (left) and the signer (right), after the body. */
export function signatureBlock(settings: ReportSettings): Table {
  const half = Math.floor(PORTRAIT_WIDTH / 2);
  const columns = [half, PORTRAIT_WIDTH - half];
  const size = pt(settings.fontSize);
  const left = [
    new Paragraph({ spacing: TIGHT, children: runsOfText('Nơi nhận:', { size: pt(12), bold: true, italics: true }) }),
    ...recipientLines(settings.recipients).map((line) => new Paragraph({ spacing: TIGHT, children: runsOfText(line, { size: pt(11) }) })),
  ];
  const right = [
    ...settings.signer.authority.map((line) => centred(line.toLocaleUpperCase('vi'), { size, bold: true })),
    centred(settings.signer.title.toLocaleUpperCase('vi'), { size, bold: true }),
    // Room for the signature and the seal.
    centred(settings.signer.name, { size, bold: true, before: 1700 }),
  ];
  return new Table({
    width: { size: PORTRAIT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(columns[0]!, left), cell(columns[1]!, right)] })],
  });
}

/** "(Kèm theo Báo cáo số …/BC-UBND ngày … của Ủy ban nhân dân huyện Sơn Hà)". */
export function appendixHeading(settings: ReportSettings, title: string, committee: string, width: number): Paragraph[] {
  const size = pt(settings.fontSize);
  const number = settings.numberLine.replace(/^Số: /, '');
  const date = settings.reportDate ? formatDate(settings.reportDate) : `      /      /${settings.reportYear ?? '      '}`;
  return [
    centred('Phụ lục', { size: pt(14), bold: true }),
    centred(keepLastWordsTogether(title.toLocaleUpperCase('vi')), { size, bold: true }),
    centred(`(Kèm theo Báo cáo số ${number} ngày ${date} của ${committee})`, { size, italics: true }),
    rule(width, 1500, 240),
  ];
}
