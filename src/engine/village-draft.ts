/**
 * A draft village map (`inspect --draft-village-map`): the (old commune, village) pairs of the
 * children read in the old codes whose commune was split by the 2025 reform, with the new
 * communes that took part of it, for an official to fill in where each village went.
 */
import { codeAt, type ChildColumns } from '../model/record-columns.js';
import type { AdminUnits } from '../units/index.js';
import { childVintages } from './vintage.js';

export interface VillageDraftLine {
  readonly oldCommune: string;
  readonly oldName: string;
  readonly village: string;
  readonly children: number;
  /** The new communes listing the old one, code and name, the first the one the default rule picks. */
  readonly candidates: readonly { readonly code: string; readonly name: string }[];
}

/** One line per (split old commune, village as written), by commune code then village. */
export function draftVillageMap(children: ChildColumns, units: AdminUnits): VillageDraftLine[] {
  const vintages = childVintages(children, units);
  const counts = new Map<string, Map<string, number>>();
  const codes = children.fields.communeCode;
  for (let index = 0; index < children.length; index++) {
    const code = codeAt(codes, index);
    if (code === undefined || units.commune(code, 'pre') === undefined) continue;
    const vintage = children.fields.districtCode.codes[index]! >= 0 ? 'pre' : vintages[children.origin[index]!]!;
    // A code is read in the old list when its sheet is of the old codes, or when only that list has it.
    const old = vintage === 'pre' || (vintage !== 'post' && units.commune(code, 'post') === undefined);
    if (!old || units.crosswalk(code)?.approximate !== true) continue;
    const village = codeAt(children.fields.village, index)?.trim() ?? '';
    let villages = counts.get(code);
    if (villages === undefined) counts.set(code, (villages = new Map()));
    villages.set(village, (villages.get(village) ?? 0) + 1);
  }
  const lines: VillageDraftLine[] = [];
  for (const [code, villages] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const picked = units.crosswalk(code)!.code;
    const successors = units.successorsOf(code);
    const ordered = [picked, ...successors.filter((successor) => successor !== picked)];
    const candidates = ordered.map((successor) => ({ code: successor, name: units.commune(successor, 'post')?.name ?? '' }));
    for (const [village, n] of [...villages].sort(([a], [b]) => a.localeCompare(b, 'vi'))) {
      lines.push({ oldCommune: code, oldName: units.commune(code, 'pre')!.name, village, children: n, candidates });
    }
  }
  return lines;
}
