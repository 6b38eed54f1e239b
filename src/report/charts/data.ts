/**
 * The rows a chart draws, read from the results exactly as the annex tables read them
 * (`resultCell`): a figure without data is not drawn and the chart says so ("Không có số
 * liệu"), it is never a bar of 0; under `--suppress K` a figure the tables hide is not drawn
 * either, and the caption says how many were left out.
 */
import type { TargetResult } from '../../model/results.js';
import { BREAKDOWN_VALUES } from '../binding.js';
import { formatNumber, targetStatusText, upperFirst } from '../format-vi.js';
import type { Breakdown } from '../result-index.js';
import type { Protection, When } from '../suppress.js';
import type { CellSource } from '../table-model.js';
import { resultCell, type TableContext } from '../tables.js';
import type { UnitName } from '../unit-name.js';
import type { ChartDefinition, FigureChartBinding } from './spec.js';

/** What a chart reads: the tables' figures and wording, the protection of `--suppress K`, where the figures come from. */
export interface ChartContext extends Pick<TableContext, 'index' | 'baseline' | 'unit' | 'subUnits' | 'subUnitsWord' | 'wording' | 'targets' | 'indicatorNames' | 'missingListedIn'> {
  readonly protection?: Protection;
  readonly origin: 'compute' | 'aggregate';
}

/** One bar of a figure chart: the fields a spec can encode. */
export interface FigureDatum {
  /** What the bar is: the unit's name (level subunits) or the breakdown value (level unit). */
  readonly label: string;
  readonly unit: string;
  /** The breakdown value's label, "" without a breakdown. */
  readonly category: string;
  /** The indicator's label. */
  readonly figure: string;
  /** "6 tháng đầu năm 2025" or "Cùng kỳ năm 2024". */
  readonly period: string;
  /** 1 for this period, 2 for last year: the order of the legend. */
  readonly periodOrder: number;
  readonly value: number;
  /** The value as the tables write it: "1.234", "12,5". */
  readonly text: string;
  /** Position in table order (units in list order, breakdown values in code-list order). */
  readonly order: number;
}

/** One bar of the targets chart. */
export interface TargetDatum {
  readonly target: string;
  /** The panel's header: the target and its status in words. */
  readonly heading: string;
  /** "Kết quả", "Chỉ tiêu", "6 tháng đầu năm 2025", "Cùng kỳ năm 2024". */
  readonly measure: string;
  readonly value: number;
  readonly text: string;
  /** "Đạt", "Chưa đạt", "Chưa đủ số liệu". */
  readonly status: string;
  /** The status for the result's bar, "Mức so sánh" for the target's or last year's. */
  readonly tone: string;
  readonly order: number;
}

export type ChartDatum = FigureDatum | TargetDatum;

export interface ChartFigure {
  readonly definition: ChartDefinition;
  readonly title: string;
  readonly values: readonly ChartDatum[];
  /** The figure each value is, in the same order (what small-count protection reasons about); null for a target's 100%. */
  readonly sources: readonly (CellSource | null)[];
  /** Bars left out under `--suppress K`. */
  readonly hidden: number;
  /** What has no data (not drawn). */
  readonly missing: readonly string[];
  /**
   * A chart of the units one level down: how many are drawn, how many had data (more than
   * drawn under a `limit`), and how many had none (counted, never named: the annex lists them).
   */
  readonly shown?: UnitsShown;
  /** Why nothing is drawn (no data, every figure 0, all hidden): the chart is left out and the text says this instead. */
  readonly empty?: string;
  /** "Nguồn: …, kỳ …". */
  readonly source: string;
  /** The figures in words, for the picture's alternative text. */
  readonly alt: string;
}

export interface UnitsShown {
  readonly units: number;
  readonly withData: number;
  readonly withoutData: number;
  /** "xã, phường, đặc khu". */
  readonly word: string;
  /** Where the annex lists the units without data ("Phụ lục, Biểu 06"), when it does. */
  readonly listedIn?: string;
}

interface Read {
  readonly values: ChartDatum[];
  readonly sources: (CellSource | null)[];
  hidden: number;
  readonly missing: string[];
  shown?: UnitsShown;
}

function hiddenBy(ctx: ChartContext, indicator: string, unit: string, breakdown: Breakdown, field: 'count' | 'value' | 'denominator', when: When): boolean {
  if (!ctx.protection) return false;
  const mark = field === 'count' ? ctx.protection.count(indicator, unit, breakdown, when) : ctx.protection.ratio(indicator, unit, breakdown, when);
  return mark !== undefined;
}

/**
 * The units one level down that have the first figure, and under a `limit` only those with the
 * largest (list order kept). A unit without data is not a bar: it is counted in the caption.
 */
function drawnUnits(binding: FigureChartBinding, ctx: ChartContext, read: Read): readonly UnitName[] {
  const figure = binding.figures[0]!;
  const value = (unit: UnitName) => resultCell(ctx.index, unit.code, { indicator: figure.indicator, field: figure.field }).value;
  const withData = ctx.subUnits.filter((unit) => typeof value(unit) === 'number');
  const limit = binding.limit ?? Number.POSITIVE_INFINITY;
  const kept = new Set([...withData].sort((a, b) => Number(value(b)) - Number(value(a))).slice(0, limit));
  read.shown = {
    units: kept.size,
    withData: withData.length,
    withoutData: ctx.subUnits.length - withData.length,
    word: ctx.subUnitsWord,
    ...(ctx.missingListedIn ? { listedIn: ctx.missingListedIn } : {}),
  };
  return withData.filter((unit) => kept.has(unit));
}

function figureRows(binding: FigureChartBinding, ctx: ChartContext): Read {
  const read: Read = { values: [], sources: [], hidden: 0, missing: [] };
  const units = binding.level === 'subunits' ? drawnUnits(binding, ctx, read) : [ctx.unit];
  const categories = binding.breakdown ? BREAKDOWN_VALUES[binding.breakdown] : [{ code: '', label: '' }];
  const periods = binding.periods.filter((when) => when === 'current' || ctx.baseline !== undefined);
  let order = 0;
  units.forEach((unit) => {
    for (const category of categories) {
      order += 1;
      const breakdown: Breakdown = binding.breakdown ? { [binding.breakdown]: category.code } : {};
      const categoryLabel = binding.labels?.[category.code] ?? category.label;
      const label = binding.level === 'subunits' ? unit.fullName : categoryLabel;
      for (const figure of binding.figures) {
        const name = figure.label ?? ctx.indicatorNames?.[figure.indicator] ?? figure.indicator;
        for (const when of periods) {
          const index = when === 'current' ? ctx.index : ctx.baseline!;
          const period = upperFirst(when === 'current' ? ctx.wording.label : ctx.wording.baselineLabel);
          const cell = resultCell(index, unit.code, { indicator: figure.indicator, field: figure.field, breakdown });
          const where = [label, binding.figures.length > 1 ? name : '', periods.length > 1 ? period : ''].filter(Boolean).join(', ');
          if (typeof cell.value !== 'number') {
            read.missing.push(where);
          } else if (hiddenBy(ctx, figure.indicator, unit.code, breakdown, figure.field, when)) {
            read.hidden += 1;
          } else {
            const text = formatNumber(cell.value, figure.field === 'value' ? 1 : 0);
            read.sources.push({ indicator: figure.indicator, unit: unit.code, breakdown, field: figure.field, when });
            read.values.push({ label, unit: unit.fullName, category: categoryLabel, figure: name, period, periodOrder: when === 'current' ? 1 : 2, value: cell.value, text, order });
          }
        }
      }
    }
  });
  return read;
}

/**
 * Whether a target compares a count with last year's (a reduction) rather than a value with
 * 100%. The results say it by their shape (docs/indicator-rules.md): a reduction's `current` is the
 * count (the numerator) and its `baseline` last year's count; a "100%" target's `current` is
 * the value and its `baseline` null.
 */
function isReduction(ctx: ChartContext, target: TargetResult): boolean {
  if (target.baseline !== null) return true;
  const row = ctx.index.figures(target.indicator, ctx.unit.code);
  if (!row || row.denominator === null) return true;
  return target.current !== null && target.current !== row.value && target.current === row.numerator;
}

export const REFERENCE_TONE = 'Mức so sánh';

function targetRows(ctx: ChartContext): Read {
  const read: Read = { values: [], sources: [], hidden: 0, missing: [] };
  ctx.targets.forEach((target, i) => {
    const status = targetStatusText(target.status);
    const heading = `${target.target.trim().replace(/[.;]+$/, '')}: ${status.toLocaleLowerCase('vi')}`;
    const count = isReduction(ctx, target);
    const bars: { measure: string; value: number | null; when?: When }[] = count
      ? [
          { measure: upperFirst(ctx.wording.label), value: target.current, when: 'current' },
          { measure: upperFirst(ctx.wording.baselineLabel), value: target.baseline, when: 'baseline' },
        ]
      : [
          { measure: 'Kết quả', value: target.current, when: 'current' },
          { measure: 'Chỉ tiêu', value: 100 },
        ];
    for (const bar of bars) {
      if (bar.value === null) {
        read.missing.push(`${target.target.trim().replace(/[.;]+$/, '')} (${bar.measure.toLocaleLowerCase('vi')})`);
        continue;
      }
      if (bar.when && hiddenBy(ctx, target.indicator, ctx.unit.code, {}, count ? 'count' : 'value', bar.when)) {
        read.hidden += 1;
        continue;
      }
      const text = count ? formatNumber(bar.value) : `${formatNumber(bar.value, 1)}%`;
      const tone = bar.when === 'current' ? status : REFERENCE_TONE;
      read.sources.push(bar.when ? { indicator: target.indicator, unit: ctx.unit.code, breakdown: {}, field: count ? 'count' : 'value', when: bar.when } : null);
      read.values.push({ target: target.target, heading, measure: bar.measure, value: bar.value, text, status, tone, order: i + 1 });
    }
  });
  return read;
}

function sourceLine(definition: ChartDefinition, ctx: ChartContext, withBaseline: boolean): string {
  const from =
    definition.binding.source ??
    ('targets' in definition.binding
      ? 'Kết quả tính các chỉ tiêu so với chỉ tiêu kế hoạch'
      : ctx.origin === 'aggregate'
        ? 'Tổng hợp phụ lục số liệu của các đơn vị gửi lên'
        : 'Dữ liệu trẻ em do các xã cập nhật, tính theo Thông tư 13/2021/TT-BLĐTBXH');
  return `Nguồn: ${from}, kỳ ${ctx.wording.label}${withBaseline ? ` và ${ctx.wording.baselineLabel}` : ''}.`;
}

function altText(title: string, values: readonly ChartDatum[], read: Read): string {
  // Name the series and the period only when the chart has several.
  const varies = (field: 'figure' | 'period') => new Set(values.map((datum) => ('target' in datum ? '' : datum[field]))).size > 1;
  const [figures, periods] = [varies('figure'), varies('period')];
  const items = values.map((datum) =>
    'target' in datum
      ? `${datum.target} – ${datum.measure.toLocaleLowerCase('vi')}: ${datum.text} (${datum.status.toLocaleLowerCase('vi')})`
      : `${[datum.label, figures ? datum.figure : '', periods ? datum.period : ''].filter(Boolean).join(', ')}: ${datum.text}`,
  );
  const none = read.missing.length > 0 ? ` Không có số liệu: ${read.missing.join('; ')}.` : '';
  return `${title}. ${items.length > 0 ? `${items.join('; ')}.` : 'Không có cột nào.'}${none}`;
}

/** Why a chart has nothing to draw: no bar, or only bars of 0. */
function emptyReason(read: Read, noTargets: boolean): { empty?: string } {
  if (read.values.some((datum) => datum.value !== 0)) return {};
  if (noTargets) return { empty: 'kỳ này không có chỉ tiêu kế hoạch' };
  if (read.hidden > 0) return { empty: 'các số liệu khác 0 được ẩn để bảo vệ thông tin cá nhân của trẻ em' };
  if (read.values.length > 0) return { empty: 'mọi số liệu đều bằng 0' };
  return { empty: 'chưa có số liệu' };
}

/** "(Không vẽ biểu đồ "…" vì chưa có số liệu.)": what the document says where a chart is left out. */
export function chartLeftOut(figure: ChartFigure): string | undefined {
  return figure.empty === undefined ? undefined : `Không vẽ biểu đồ "${figure.title}" vì ${figure.empty}.`;
}

/** The data of a chart for a report. */
export function chartFigure(definition: ChartDefinition, ctx: ChartContext): ChartFigure {
  const binding = definition.binding;
  const read = 'targets' in binding ? targetRows(ctx) : figureRows(binding, ctx);
  const withBaseline = 'targets' in binding ? false : binding.periods.includes('baseline') && ctx.baseline !== undefined;
  return {
    definition,
    title: binding.title,
    values: read.values,
    sources: read.sources,
    hidden: read.hidden,
    missing: read.missing,
    ...(read.shown ? { shown: read.shown } : {}),
    ...emptyReason(read, 'targets' in binding && ctx.targets.length === 0),
    source: sourceLine(definition, ctx, withBaseline),
    alt: altText(binding.title, read.values, read),
  };
}

/** What a caption adds about bars that are not drawn (`k`: K of `--suppress K`). */
export function chartNotes(figure: ChartFigure, k: number | undefined): string[] {
  const notes: string[] = [];
  const shown = figure.shown;
  if (shown && (shown.units < shown.withData || shown.withoutData > 0)) {
    // Says what the bars are: "5 đơn vị có số liệu", never a share of all the units.
    const drawn = shown.units < shown.withData ? `${formatNumber(shown.units)} đơn vị có số liệu cao nhất (trong ${formatNumber(shown.withData)} đơn vị có số liệu)` : `${formatNumber(shown.units)} đơn vị có số liệu`;
    const without = shown.withoutData > 0 ? `; ${formatNumber(shown.withoutData)} ${shown.word} chưa có số liệu${shown.listedIn ? ` (danh sách tại ${shown.listedIn})` : ''}` : '';
    notes.push(`Thể hiện ${drawn}${without}.`);
  }
  if (figure.hidden > 0) {
    const range = k === 2 ? 'bằng 1' : `từ 1 đến ${(k ?? 2) - 1}`;
    notes.push(
      `Không thể hiện ${figure.hidden} số liệu được ẩn ở biểu số liệu (số ${range} và số có thể tính ngược ra các số đó) để bảo vệ thông tin cá nhân của trẻ em.`,
    );
  }
  if (figure.missing.length > 0) notes.push(`Không có số liệu: ${figure.missing.join('; ')}.`);
  return notes;
}

/** The charts a report of this level draws. */
export function chartsFor(definitions: readonly ChartDefinition[], ctx: ChartContext): ChartFigure[] {
  return definitions.filter((definition) => definition.binding.reports.includes(ctx.unit.level)).map((definition) => chartFigure(definition, ctx));
}
