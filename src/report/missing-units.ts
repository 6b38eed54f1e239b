/**
 * The annex's list of the units that sent no data: code, name and the file the office still
 * needs from each. It is the one place a report names them; the text (I.1), the notes under the
 * tables and the chart captions only count them and point here (issue #19: a list of 91 names
 * in I.1 and under every table ran to pages).
 */
import { formatNumber } from './format-vi.js';
import type { Completeness, NamedCommune } from './completeness.js';
import type { PeriodWording } from './period-label.js';
import type { Column, ReportTable, Row } from './table-model.js';
import type { TableSpec } from './table-spec.js';
import { upperVi, type UnitName } from './unit-name.js';

export const MISSING_UNITS_TABLE = 'chua-co-so-lieu';

/** "Biểu 06": the number after the highest "Biểu NN" of the layout's tables. */
export function missingUnitsNumber(specs: readonly TableSpec[]): string {
  const numbers = specs.map((spec) => Number(/(\d+)\s*$/.exec(spec.number)?.[1] ?? 0));
  return `Biểu ${String(Math.max(0, ...numbers) + 1).padStart(2, '0')}`;
}

/** "Phụ lục, Biểu 06": where the text sends the reader for the list. */
export function missingUnitsReference(number: string): string {
  // One unit on the line: "Biểu / 06" would not read as a reference.
  return `Phụ lục, ${number.replace(/ (?=\S+$)/u, '\u00a0')}`;
}

export interface MissingUnitsContext {
  readonly unit: UnitName;
  readonly completeness: Completeness;
  readonly wording: PeriodWording;
  readonly periodId: string;
  /** Recomputed from the children's lists, or summed from the annexes the units sent. */
  readonly origin: 'compute' | 'aggregate';
}

/** What the office still needs from a commune: its children's list, or (aggregate) its annex as `chitieu report` names it. */
function expectedFile(ctx: MissingUnitsContext, code: string, communes?: number): string {
  if (ctx.origin === 'aggregate') return `Phụ lục số liệu bao-cao-${code}-${ctx.periodId}.xlsx`;
  const of = communes === undefined ? '' : ` của ${formatNumber(communes)} ${ctx.completeness.word}`;
  return `Danh sách trẻ em, sự việc (TreEm, SuViec)${of}`;
}

const COLUMNS: readonly Column[] = [
  { key: 'ma', header: 'Mã đơn vị', format: 'text', width: 1 },
  { key: 'tep', header: 'Tệp cần gửi', format: 'text', width: 4 },
];

function row(i: number, entry: NamedCommune, file: string, note = ''): Row {
  return { stt: String(i + 1), label: `${entry.name}${note}`, total: false, cells: { ma: { value: entry.code }, tep: { value: file } } };
}

/** The list, or undefined when every commune had data. */
export function missingUnitsTable(ctx: MissingUnitsContext, number: string, sheetName: string): ReportTable | undefined {
  const { completeness } = ctx;
  if (completeness.missing.length === 0) return undefined;
  const byUnit = completeness.byUnit;
  // The nation: a province that sent nothing is one row, not its hundred communes.
  const grouped = byUnit?.missingUnits !== undefined && byUnit.missingElsewhere !== undefined && byUnit.missingUnits.length > 0;
  const rows: Row[] = grouped
    ? [
        ...byUnit.missingUnits!.map((unit) => ({ unit, file: expectedFile(ctx, unit.code, unit.communes), note: ` (cả ${formatNumber(unit.communes)} ${completeness.word})` })),
        ...byUnit.missingElsewhere!.map((commune) => ({ unit: commune, file: expectedFile(ctx, commune.code), note: '' })),
      ].map((entry, i) => row(i, entry.unit, entry.file, entry.note))
    : completeness.missing.map((commune, i) => row(i, commune, expectedFile(ctx, commune.code)));
  const share = `${formatNumber(completeness.reporting.length)}/${formatNumber(completeness.communes)} ${completeness.word}`;
  return {
    id: MISSING_UNITS_TABLE,
    number,
    sheetName,
    title: `CÁC ${upperVi(completeness.word)} CHƯA CÓ SỐ LIỆU`,
    subtitle: `${ctx.unit.fullName} – ${ctx.wording.label}`,
    unitNote: '',
    parts: [{ labelHeader: 'Tên đơn vị', columns: COLUMNS, rows }],
    notes: [
      `Số liệu của báo cáo tổng hợp từ ${share}; chưa có số liệu của ${formatNumber(completeness.missing.length)}/${formatNumber(completeness.communes)} ${completeness.word} dưới đây. Khi nhận được tệp của các đơn vị này, lập lại báo cáo để có đủ số liệu.`,
    ],
    landscape: true,
  };
}
