/**
 * Everything a report is made of, computed once from the results: the unit and period
 * wording, the paragraphs of each section, the annex tables, the settings. Templates receive
 * `context` (plain data only), the DOCX builder and the XLSX writer receive the rest.
 */
import type { ComputeResult, IndicatorResult, TargetResult } from '../model/results.js';
import { periodOfRef } from '../model/period.js';
import type { CatalogueView } from './binding.js';
import { chartsFor, type ChartFigure } from './charts/data.js';
import { loadReportLayout, type ReportLayout } from './layout.js';
import type { Completeness } from './completeness.js';
import { NARRATIVE_KEYS, type Narrative, type NarrativeKey } from './narrative.js';
import * as text from './paragraphs.js';
import type { SourceFile, UnitFacts } from '../model/annex-contract.js';

export type { SourceFile } from '../model/annex-contract.js';
import { periodWording, type PeriodWording } from './period-label.js';
import { ResultIndex } from './result-index.js';
import type { ReportSettings } from './settings.js';
import { Protection, protectComparison, suppressTables } from './suppress.js';
import type { ReportTable } from './table-model.js';
import { buildTables, coreFigures } from './tables.js';
import { levelBelow } from '../model/levels.js';
import { missingUnitsNumber, missingUnitsReference, missingUnitsTable } from './missing-units.js';
import { committeeName, nameInSentence, placeName, typeWord, unitsWord, type UnitName } from './unit-name.js';

/** A file the figures were read from, as the annex's ThongTin sheet lists it. */

export interface ReportInput {
  /** Results of the period, for the unit and the units below it (other rows are ignored). */
  readonly result: ComputeResult;
  /** Results of the same period last year, when the run asked for a baseline. */
  readonly baseline?: ComputeResult;
  readonly unit: UnitName;
  /** Full name of the unit's province ("Tỉnh Quảng Ngãi") when the unit is below one: the default "Kính gửi" of a commune names it. */
  readonly provinceName?: string;
  /** The sub-units: the units one level down, in list order. */
  readonly subUnits: readonly UnitName[];
  /** Indicator code → Vietnamese name, from the catalogue. */
  readonly indicatorNames?: Readonly<Record<string, string>>;
  /** Indicator code → factor (100, 1000, 100000), from the catalogue; written to DuLieu for `aggregate`. */
  readonly indicatorFactors?: Readonly<Record<string, number | null>>;
  /** ThongTinXa rows of the communes under the unit, for the period. */
  readonly facts?: readonly UnitFacts[];
  readonly sources?: readonly SourceFile[];
  readonly catalogueVersion?: string;
  readonly toolVersion: string;
  /** Where the figures come from: recomputed from records, or summed from commune workbooks. */
  readonly origin: 'compute' | 'aggregate';
  /** Notes every unit table carries. */
  readonly extraNotes?: readonly string[];
  /** The catalogue the figures were computed with: tables and charts are checked against it (the bundled one when absent). */
  readonly catalogue?: CatalogueView;
  /**
   * Indicator → why `--baseline records` gave it no figure last year (the catalogue's
   * lastYearNote); only with a baseline rebuilt from the records.
   */
  readonly lastYearNotes?: Readonly<Record<string, string>>;
  /** For a district or province: which of its communes had data (completeness.ts). */
  readonly completeness?: Completeness;
}

export interface ReportModel {
  readonly input: ReportInput;
  readonly settings: ReportSettings;
  readonly narrative: Narrative;
  readonly wording: PeriodWording;
  readonly tables: readonly ReportTable[];
  /** Rows of the unit and the units below it, current period then baseline. */
  readonly rows: readonly IndicatorResult[];
  readonly baselineRows: readonly IndicatorResult[];
  readonly targets: readonly TargetResult[];
  readonly layout: ReportLayout;
  /** The charts this level of report draws, with their data (templates/charts/). */
  readonly charts: readonly ChartFigure[];
  /** K of `--suppress K`: counts from 1 to K−1 of communes are hidden (suppress.ts). */
  readonly suppress?: number;
  /** What templates see. */
  readonly context: TemplateContext;
}

/** The data a template can use (documented in templates/README.md). */
export interface TemplateContext {
  readonly unit: {
    readonly code: string;
    readonly fullName: string;
    readonly name: string;
    readonly place: string;
    readonly typeWord: string;
    readonly committee: string;
    readonly level: string;
  };
  readonly period: {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly fromText: string;
    readonly toText: string;
    readonly year: number;
    readonly label: string;
    readonly nextLabel: string;
    readonly baselineLabel: string;
    readonly kind: string;
  };
  readonly hasBaseline: boolean;
  /** Which narrative sections the office wrote: {{#if (lookup written "V")}}. */
  readonly written: Readonly<Record<NarrativeKey, boolean>>;
  readonly text: Readonly<Record<TextKey, readonly string[]>>;
  readonly targets: readonly { readonly label: string; readonly status: string; readonly indicator: string }[];
}

const TEXT_KEYS = [
  'opening',
  'situation',
  'issues',
  'leadership',
  'prevention',
  'support',
  'intervention',
  'injuries',
  'care',
  'education',
  'culture',
  'participation',
  'budget',
  'comparison',
  'shortcomings',
  'nextTargets',
  'closing',
] as const;
type TextKey = (typeof TEXT_KEYS)[number];

/** Keeps the rows of a unit and of the units listed below it. */
function rowsOf(result: ComputeResult | undefined, codes: ReadonlySet<string>): IndicatorResult[] {
  return result ? result.results.filter((row) => codes.has(row.unit)) : [];
}

/** What the report calls its units one level down, by the hierarchy at the period's end. */
function subUnitsWordOf(unit: UnitName, subUnits: readonly UnitName[], periodEnd: string): string {
  const level = subUnits[0]?.level ?? levelBelow(unit.level, periodEnd);
  return level === undefined ? '' : unitsWord(unit, level, periodEnd);
}

export function buildReportModel(
  input: ReportInput,
  settings: ReportSettings,
  narrative: Narrative,
  suppress?: number,
  layout: ReportLayout = loadReportLayout(input.catalogue),
): ReportModel {
  const codes = new Set([input.unit.code, ...input.subUnits.map((subUnit) => subUnit.code)]);
  const rows = rowsOf(input.result, codes);
  const baselineRows = rowsOf(input.baseline, codes);
  const index = new ResultIndex(rows);
  const baseline = input.baseline ? new ResultIndex(baselineRows) : undefined;
  const wording = periodWording(periodOfRef(input.result.period));
  const targets = input.result.targets.filter((target) => target.unit === input.unit.code);
  const facts = input.facts ?? [];
  const specs = layout.tables.map((table) => table.spec);
  const missingNumber = missingUnitsNumber(specs);
  const common = {
    index,
    unit: input.unit,
    subUnits: input.subUnits,
    subUnitsWord: subUnitsWordOf(input.unit, input.subUnits, input.result.period.to),
    wording,
    targets,
    origin: input.origin,
    ...(baseline ? { baseline } : {}),
    ...(input.completeness ? { completeness: input.completeness, missingListedIn: missingUnitsReference(missingNumber) } : {}),
    ...(input.lastYearNotes ? { lastYearNotes: input.lastYearNotes } : {}),
  };
  // Tables first: under --suppress, what they hide the sentences must not say either.
  let tables = buildTables({
    ...common,
    ...(input.extraNotes ? { extraNotes: input.extraNotes } : {}),
    ...(input.indicatorNames ? { indicatorNames: input.indicatorNames } : {}),
  }, specs);
  let protection: Protection | undefined;
  if (suppress !== undefined) {
    const suppressed = suppressTables(tables, suppress);
    const guard = new Protection(suppress, suppressed.rules, suppressed.hidden, index, baseline);
    const comparisons = new Set(layout.tables.flatMap((table) => ('figures' in table.spec ? [table.spec.id] : [])));
    tables = suppressed.tables.map((table) => (comparisons.has(table.id) ? protectComparison(table, guard) : table));
    protection = guard;
  }
  // The list of the communes without data, once, after the layout's tables (no figures: nothing to protect).
  const missingList = input.completeness
    ? missingUnitsTable(
        { unit: input.unit, completeness: input.completeness, wording, periodId: input.result.period.id, origin: input.origin },
        missingNumber,
        missingNumber.replace(/^Biểu\s*/, 'Bieu'),
      )
    : undefined;
  if (missingList) tables = [...tables, missingList];
  const placement = input.result.placement;
  const pctx = { ...common, facts, ...(placement ? { placement } : {}), coreFigures: coreFigures(specs), ...(protection ? { protection } : {}) };
  const charts = chartsFor(layout.charts, {
    ...common,
    origin: input.origin,
    ...(protection ? { protection } : {}),
    ...(input.indicatorNames ? { indicatorNames: input.indicatorNames } : {}),
  });
  const committee = committeeName(input.unit);
  const paragraphs: Record<TextKey, readonly string[]> = {
    opening: text.opening(pctx, committee),
    situation: text.situation(pctx),
    issues: text.issues(pctx),
    leadership: text.leadership(pctx),
    prevention: text.prevention(pctx),
    support: text.support(pctx),
    intervention: text.intervention(pctx),
    injuries: text.injuries(pctx),
    care: text.care(pctx),
    education: text.education(pctx),
    culture: text.culture(pctx),
    participation: text.participation(pctx),
    budget: text.budget(pctx),
    comparison: text.comparison(pctx),
    shortcomings: text.shortcomings(pctx),
    nextTargets: text.nextTargets(pctx),
    closing: text.closing(pctx, committee),
  };
  const period = input.result.period;
  const context: TemplateContext = {
    unit: {
      code: input.unit.code,
      fullName: input.unit.fullName,
      name: nameInSentence(input.unit.fullName),
      place: placeName(input.unit.fullName),
      typeWord: typeWord(input.unit),
      committee,
      level: input.unit.level,
    },
    period: {
      id: period.id,
      from: period.from,
      to: period.to,
      fromText: wording.fromText,
      toText: wording.toText,
      year: wording.year,
      label: wording.label,
      nextLabel: wording.nextLabel,
      baselineLabel: wording.baselineLabel,
      kind: wording.kind,
    },
    hasBaseline: baseline !== undefined,
    written: Object.fromEntries(NARRATIVE_KEYS.map((key) => [key, (narrative[key]?.length ?? 0) > 0])) as Record<NarrativeKey, boolean>,
    text: paragraphs,
    targets: targets.map((target) => ({ label: target.target, status: target.status, indicator: target.indicator })),
  };
  return { input, settings, narrative, wording, tables, layout, charts, rows, baselineRows, targets, ...(suppress !== undefined ? { suppress } : {}), context };
}
