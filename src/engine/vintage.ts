/**
 * The code vintage of each children's sheet (docs/indicator-rules.md, "Which administrative unit a
 * row belongs to"): which list, before or from 1 July 2025, its commune codes are written in.
 * Codes were reused by the reform (3,315 of the 3,321 new commune codes were old codes too), so
 * a code alone does not say what it means; the codes around it do. A code valid in only one
 * list is evidence for that list (a commune code, or a province code: 29 old provinces' codes
 * were not reused), and a `Mã huyện` value for the old one (districts were abolished). A sheet
 * with no evidence of its own takes its file's.
 */
import { BLANK_CODE, ABSENT_CODE, type ChildColumns } from '../model/record-columns.js';
import type { AdminUnits, Era } from '../units/index.js';

/**
 * `mixed`: codes valid only before and codes valid only after in the same sheet (or file), so
 * each such code is read in its own list; `unknown`: every code is valid in both lists.
 */
export type Vintage = Era | 'mixed' | 'unknown';

interface Evidence {
  pre: boolean;
  post: boolean;
}

function vintageOf(evidence: Evidence): Vintage {
  if (evidence.pre && evidence.post) return 'mixed';
  if (evidence.pre) return 'pre';
  if (evidence.post) return 'post';
  return 'unknown';
}

/** Per origin (sheet) of the children's columns, the vintage its codes are read in. */
export function childVintages(children: ChildColumns, units: AdminUnits): Vintage[] {
  const codes = children.fields.communeCode;
  // What each distinct code says: 1 only the old list, 2 only the new list, 0 both or neither.
  const says = codes.dictionary.map((code) => {
    const pre = units.commune(code, 'pre') !== undefined;
    const post = units.commune(code, 'post') !== undefined;
    return pre === post ? 0 : pre ? 1 : 2;
  });
  // Province codes too: 29 old provinces' codes were not reused (the 34 new ones all were).
  const provinces = children.fields.provinceCode;
  const oldProvince = provinces.dictionary.map((code) => units.province(code, 'pre') !== undefined && units.province(code, 'post') === undefined);
  const sheets: Evidence[] = children.origins.map(() => ({ pre: false, post: false }));
  const district = children.fields.districtCode.codes;
  const origin = children.origin;
  const communeCodes = codes.codes;
  const provinceCodes = provinces.codes;
  for (let index = 0; index < children.length; index++) {
    const evidence = sheets[origin[index]!]!;
    const code = communeCodes[index]!;
    const said = code >= 0 ? says[code]! : 0;
    if (said === 1) evidence.pre = true;
    else if (said === 2) evidence.post = true;
    const districtValue = district[index]!;
    if (districtValue !== BLANK_CODE && districtValue !== ABSENT_CODE) evidence.pre = true;
    const province = provinceCodes[index]!;
    if (province >= 0 && oldProvince[province]!) evidence.pre = true;
  }
  const files = new Map<string, Evidence>();
  children.origins.forEach((origin, index) => {
    const file = files.get(origin.file) ?? { pre: false, post: false };
    file.pre ||= sheets[index]!.pre;
    file.post ||= sheets[index]!.post;
    files.set(origin.file, file);
  });
  return children.origins.map((origin, index) => {
    const own = vintageOf(sheets[index]!);
    return own !== 'unknown' ? own : vintageOf(files.get(origin.file)!);
  });
}
