/**
 * A village map: where each village (Thôn/Tổ dân phố) of an old commune split by the 2025 reform
 * went. Without one, a split commune's rows are carried whole to one of its successors and every
 * figure they touch is approximate; with one, a row whose village is listed is placed exactly.
 * Parsed and checked here (pure); the file is read in src/pipeline/load.ts.
 */
import { z } from 'zod';
import { unitsText, type Message } from '../messages/index.js';
import type { AdminUnits } from './types.js';

/** One line of the map as written: YAML keys, or the CSV headers in VILLAGE_MAP_HEADERS. */
const communeCode = z.union([z.string(), z.number().int().transform((n) => String(n).padStart(5, '0'))]).pipe(z.string().trim().regex(/^\d{5}$/));
export const villageMapEntrySchema = z.object({
  oldCommune: communeCode,
  village: z.string().trim().min(1),
  newCommune: communeCode,
});
export type VillageMapEntry = z.infer<typeof villageMapEntrySchema>;

/** The CSV form's headers (case and diacritics as written here; matched loosely by the reader). */
export const VILLAGE_MAP_HEADERS = { oldCommune: 'Mã xã cũ', village: 'Thôn/Tổ dân phố', newCommune: 'Mã xã mới' } as const;

/** How village names are matched: NFC, single spaces, lower case ("Thôn  1" = "thôn 1"). */
export function villageKey(village: string): string {
  return village.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface VillageMap {
  /** The new commune a village of an old commune went to, if the map lists it. */
  placeVillage(oldCommune: string, village: string): string | undefined;
  /** Old communes the map lists at least one village of. */
  readonly oldCommunes: ReadonlySet<string>;
  readonly size: number;
}

/** A line of the map that cannot be used: where (1-based entry or CSV line) and why. */
export interface VillageMapFault {
  readonly line: number;
  readonly text: Message;
}

/**
 * The map from checked entries: each old commune must be a commune of the list before
 * 1 July 2025, each new commune one of the communes formed from it (the bundled crosswalk),
 * and a village listed twice must go to the same new commune.
 */
export function buildVillageMap(entries: readonly (VillageMapEntry & { readonly line: number })[], units: AdminUnits): { map: VillageMap; faults: VillageMapFault[] } {
  const targets = new Map<string, Map<string, string>>();
  const faults: VillageMapFault[] = [];
  for (const entry of entries) {
    const old = units.commune(entry.oldCommune, 'pre');
    if (old === undefined) {
      faults.push({ line: entry.line, text: unitsText.oldCommuneNotListed({ oldCommune: entry.oldCommune }) });
      continue;
    }
    const successors = units.successorsOf(entry.oldCommune);
    if (!successors.includes(entry.newCommune)) {
      const listed = successors.length > 0 ? successors.join(', ') : '—';
      faults.push({
        line: entry.line,
        text: unitsText.newCommuneNotSuccessor({ newCommune: entry.newCommune, name: old.name, oldCommune: entry.oldCommune, listed }),
      });
      continue;
    }
    let villages = targets.get(entry.oldCommune);
    if (villages === undefined) targets.set(entry.oldCommune, (villages = new Map()));
    const key = villageKey(entry.village);
    const earlier = villages.get(key);
    if (earlier !== undefined && earlier !== entry.newCommune) {
      faults.push({
        line: entry.line,
        text: unitsText.villageMappedTwice({ village: entry.village, oldCommune: entry.oldCommune, earlier, newCommune: entry.newCommune }),
      });
      continue;
    }
    villages.set(key, entry.newCommune);
  }
  const size = [...targets.values()].reduce((sum, villages) => sum + villages.size, 0);
  return {
    map: {
      placeVillage: (oldCommune, village) => targets.get(oldCommune)?.get(villageKey(village)),
      oldCommunes: new Set(targets.keys()),
      size,
    },
    faults,
  };
}
