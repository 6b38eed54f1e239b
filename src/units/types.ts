/**
 * Administrative units before and after the 1 July 2025 reform. Codes were reused by the reform
 * (commune 09552 was Phường Phú La, now Phường Kiến Hưng; province 15 was Yên Bái, now Lào Cai),
 * so a unit is only identified by its code together with the era it is read in.
 */

/** First day of the two-level local government (Law 72/2025/QH15, Decision 19/2025/QĐ-TTg). */
export const REFORM_DATE = '2025-07-01';

export type Era = 'pre' | 'post';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The code list valid on an ISO calendar date. */
export function eraAt(date: string): Era {
  // A malformed date would compare wrongly as a string and silently pick an era.
  if (!ISO_DATE.test(date)) throw new RangeError(`eraAt: not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return date < REFORM_DATE ? 'pre' : 'post';
}

export type UnitLevel = 'province' | 'district' | 'commune';

export interface AdminUnit {
  /** 2 (province), 3 (district) or 5 (commune) digits. */
  readonly code: string;
  /** Full Vietnamese name with its type prefix, NFC ("Xã Sơn Hà", "Huyện Sơn Hà", "Tỉnh Quảng Ngãi"). */
  readonly name: string;
  readonly level: UnitLevel;
  readonly era: Era;
  readonly provinceCode: string;
  /** Pre-era communes only. */
  readonly districtCode?: string;
}

export interface CrosswalkTarget {
  readonly code: string;
  /** The old unit was split: its figures are carried whole to one of the new units that took a part. */
  readonly approximate: boolean;
}

export interface FormedFromEntry {
  readonly code: string;
  /** Name in the pre-reform list (NFC). */
  readonly name: string;
  /** The whole old commune went into this new one (false: only a part of it). */
  readonly whole: boolean;
}

export interface AdminUnits {
  /** A unit of a level in an era; a district in 'post' is always undefined (districts were abolished). */
  unit(level: UnitLevel, code: string, era: Era): AdminUnit | undefined;
  commune(code: string, era: Era): AdminUnit | undefined;
  /** Pre era only. */
  district(code: string): AdminUnit | undefined;
  province(code: string, era: Era): AdminUnit | undefined;
  /** All provinces of an era, sorted by code (63 'pre', 34 'post'). Addition to the agreed API. */
  provinces(era: Era): AdminUnit[];
  /** True if the commune code exists in either list (what `validate` accepts without --as-of). */
  communeExistsInAnyEra(code: string): boolean;
  /**
   * Units under a parent in an era, sorted by code. `level` may name either the parent's level
   * or the children's level; the parent's kind is then told by its code length (2 digits
   * province, 3 digits district):
   *
   * | level      | code     | era  | result                                   |
   * |------------|----------|------|------------------------------------------|
   * | 'province' | province | pre  | districts of the province                |
   * | 'province' | province | post | communes of the province                 |
   * | 'district' | district | pre  | communes of the district                 |
   * | 'district' | province | pre  | districts of the province                |
   * | 'commune'  | province | any  | communes of the province                 |
   * | 'commune'  | district | pre  | communes of the district                 |
   *
   * Anything else (unknown parent, districts in 'post') gives []. Island districts without
   * communes (Bạch Long Vĩ 318, Cồn Cỏ 471, Hoàng Sa 498, Lý Sơn 536, Côn Đảo 755) give [].
   */
  childrenOf(level: UnitLevel, code: string, era: Era): AdminUnit[];
  /** The post-reform commune an old (pre-reform) commune's figures are reported under. */
  crosswalk(oldCommuneCode: string): CrosswalkTarget | undefined;
  /** The new communes an old commune went to, whole or in part (the first one first, as the merges file lists them). */
  successorsOf(oldCommuneCode: string): string[];
  /** The old (pre-reform) communes a new commune was formed from, in the order of the merges file. */
  formedFrom(newCommuneCode: string): FormedFromEntry[];
  /** The parent chain of a commune in an era: province (+ district before the reform). */
  parentsOf(communeCode: string, era: Era): { province: AdminUnit; district?: AdminUnit } | undefined;
  /**
   * The post-reform province an old province was merged into (whole provinces only, so never
   * approximate). Addition to the agreed API.
   */
  provinceCrosswalk(oldProvinceCode: string): CrosswalkTarget | undefined;
}
