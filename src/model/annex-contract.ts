/**
 * The machine-readable part of an annex workbook: what `report` writes and `aggregate` reads
 * back. People read the Biểu sheets; programs read these three sheets.
 *
 *   DuLieu     one row per result row, as in compute's JSON (breakdown keys as columns),
 *              for the period and, when the report compared, for the same period last year;
 *              row 1 the Vietnamese headers, row 2 the keys (DATA_COLUMNS) programs read
 *   DuLieuXa   the communes' ThongTinXa rows for the period, with the input headers
 *   ThongTin   key (column A), label, value: format, unit, period, baseline, versions, the
 *              unit's communes and which had data (codes) and which not (names and codes),
 *              `suppress` K when small counts were hidden (then there is no DuLieu); then
 *              one "file" row per source file (name, rows read, accepted, rejected, SHA-256)
 */
import { COMMUNE_FACTS_SHEET } from './columns.js';
import { BreakdownKey, type IndicatorResult, type Level, type PeriodRef } from './results.js';

/**
 * Changes when the layout of these sheets changes; `aggregate` refuses versions it does not
 * know. /1: the three sheets hidden, DuLieu headed by its keys in row 1. /2 (#19): the sheets
 * visible (outside the print area), DuLieu headed in Vietnamese in row 1 and by its keys in row 2.
 */
export const ANNEX_FORMAT = 'chitieu-phu-luc/2';
/** The formats `aggregate` reads: today's and the ones annexes already sent up were written in. */
export const ANNEX_FORMATS_READ = ['chitieu-phu-luc/1', ANNEX_FORMAT] as const;

export const DATA_SHEET = 'DuLieu';
export const FACTS_SHEET = 'DuLieuXa';
export const INFO_SHEET = 'ThongTin';

export const BREAKDOWN_COLUMNS = BreakdownKey.options;

/** Columns of DuLieu, in order. `name` is for people and is not read back. */
export const DATA_COLUMNS = [
  'period',
  'indicator',
  'name',
  'unit',
  'level',
  ...BREAKDOWN_COLUMNS,
  'numerator',
  'denominator',
  'value',
  'approximate',
  'noData',
  'factor',
] as const;
export type DataColumn = (typeof DATA_COLUMNS)[number];

/** The ThongTinXa fields carried in DuLieuXa, with the input sheet's headers. */
export const FACT_FIELDS = [
  'communeCode',
  'periodId',
  'population',
  'villages',
  'villagesWithFacilities',
  'hasPlayground',
  'childFriendly',
  'childrenConsulted',
  'budget',
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export function factHeader(field: FactField): string {
  const column = COMMUNE_FACTS_SHEET.columns.find((spec) => spec.key === field);
  if (!column) throw new Error(`no ThongTinXa column for ${field}`);
  return column.header;
}

/** Keys of ThongTin (column A). */
export const INFO_KEYS = {
  format: 'Định dạng phụ lục',
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  level: 'Cấp',
  periodId: 'Kỳ báo cáo',
  periodFrom: 'Từ ngày',
  periodTo: 'Đến ngày',
  baselineId: 'Kỳ so sánh',
  baselineFrom: 'Kỳ so sánh từ ngày',
  baselineTo: 'Kỳ so sánh đến ngày',
  origin: 'Cách có số liệu',
  children: 'Các đơn vị cấp dưới',
  /** Completeness (report/completeness.ts): the communes of the unit, and which had data. */
  communes: 'Số xã, phường, thị trấn của đơn vị',
  communesWithData: 'Các xã đã có số liệu (mã)',
  communesMissing: 'Các xã chưa có số liệu',
  toolVersion: 'Phiên bản chitieu',
  catalogueVersion: 'Phiên bản bộ chỉ tiêu',
  reportDate: 'Ngày báo cáo',
  /** K of `--suppress K`: the annex hides small counts and has no DuLieu sheet. */
  suppress: 'Ẩn số liệu nhỏ (--suppress)',
} as const;
export type InfoKey = keyof typeof INFO_KEYS;

export const FILE_ROW_KEY = 'file';

/** A file the figures were read from, as the annex's ThongTin sheet lists it. */
export interface SourceFile {
  readonly file: string;
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly sha256?: string;
}

/** Commune facts (ThongTinXa) without where they were read: what the report and the annex's DuLieuXa sheet carry. */
export interface UnitFacts {
  readonly communeCode: string;
  readonly periodId: string;
  readonly population?: number;
  readonly villages?: number;
  readonly villagesWithFacilities?: number;
  readonly hasPlayground?: boolean;
  readonly childFriendly?: boolean;
  readonly childrenConsulted?: number;
  readonly budget?: number;
}

export interface AnnexInfo {
  readonly unitCode: string;
  readonly unitName: string;
  readonly level: Level;
  readonly period: PeriodRef;
  readonly baseline?: PeriodRef;
  readonly origin: string;
  /** The codes of the unit's sub-units (ThongTin key `children`). */
  readonly subUnits: readonly string[];
  /** The communes whose data the annex holds (annexes written before this was kept lack it). */
  readonly communesWithData?: readonly string[];
  readonly toolVersion?: string;
  readonly catalogueVersion?: string;
}

export interface AnnexRow extends IndicatorResult {
  readonly factor: number | null;
}

export interface Annex {
  /** The file's base name. */
  readonly file: string;
  readonly sha256: string;
  readonly info: AnnexInfo;
  readonly rows: readonly AnnexRow[];
  readonly baselineRows: readonly AnnexRow[];
  readonly facts: readonly UnitFacts[];
  readonly sources: readonly SourceFile[];
}
