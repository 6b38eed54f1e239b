/**
 * The administrative hierarchy as data: which levels a figure is reported at on a date, how a
 * commune's unit at each level is found, which units lie under a unit, and the words a report
 * uses for each level. Before 1 July 2025: commune → district → province → nation; from then:
 * commune → province → nation (districts were abolished).
 *
 * Adding a level is adding it to `LEVELS`, to `HIERARCHY` for the eras it exists in, and a
 * `LevelDefinition` below (CONTRIBUTING.md, "Adding a level"); the engine, the reports and the
 * aggregation read levels from here.
 */
import { z } from 'zod';
import { eraAt, type AdminUnit, type AdminUnits, type Era, type UnitLevel } from '../units/types.js';
import { modelText, type Message } from '../messages/index.js';
import { ownIssueText } from '../messages/zod-issue.js';

/** Every level, lowest first. */
export const LEVELS = ['commune', 'district', 'province', 'national'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** The levels of each era, lowest first. */
const HIERARCHY: Readonly<Record<Era, readonly Level[]>> = {
  pre: ['commune', 'district', 'province', 'national'],
  post: ['commune', 'province', 'national'],
};

/** The one unit of the national level. */
export const NATION_CODE = 'VN';

/** A unit as the reports and the aggregation name it. */
export interface NamedUnit {
  readonly code: string;
  /** Full name as in the administrative list ("Huyện Sơn Hà"), or "Toàn quốc". */
  readonly name: string;
  readonly level: Level;
}

/** The words a report and the command line use for a level. */
export interface LevelWords {
  /** Column "Cấp" of the result workbook: "Xã", "Huyện", "Tỉnh", "Toàn quốc". */
  readonly label: Message;
  /** The type word when the unit's name has none ("xã", "huyện", "tỉnh"). */
  readonly typeWord: string;
  /** The units of this level together, in the era and under the parent level: "xã, phường, đặc khu". */
  plural(era: Era, parent: Level | undefined): string;
  /** The unit's body in a sentence and on the heading, when not an Ủy ban nhân dân. */
  readonly body?: {
    readonly name: string;
    readonly heading: readonly string[];
    readonly place: string;
    /** The number line's pattern ("{number}/BC-BYT"). */
    readonly numberPattern: string;
    readonly signer: { readonly authority: readonly string[]; readonly title: string };
  };
  /** The whole unit ("Toàn quốc") and where things happen ("trên phạm vi toàn quốc"), when not "Toàn tỉnh"/"trên địa bàn tỉnh". */
  readonly whole?: { readonly total: string; readonly area: string };
  /** How many missing communes a report names before counting the rest (the nation has 3,321). */
  readonly missingNamed?: number;
}

interface LevelDefinition {
  /** How a code of this level looks: `--unit`, targets and annexes tell the level by it. */
  readonly code: RegExp;
  /** The unit of this level a commune (of the era's list) belongs to. */
  unitOf(commune: AdminUnit): string | undefined;
  /** The unit of this level with a code, in an era's list. */
  find(units: AdminUnits, code: string, era: Era): NamedUnit | undefined;
  readonly words: LevelWords;
}

const listed = (unit: AdminUnit | undefined): NamedUnit | undefined => (unit ? { code: unit.code, name: unit.name, level: unit.level } : undefined);

const DEFINITIONS: Readonly<Record<Level, LevelDefinition>> = {
  commune: {
    code: /^\d{5}$/,
    unitOf: (commune) => commune.code,
    find: (units, code, era) => listed(units.commune(code, era)),
    words: {
      label: modelText.communeLevel(),
      typeWord: 'xã',
      plural: (era, parent) => (era === 'post' ? 'xã, phường, đặc khu' : parent === 'district' ? 'xã, thị trấn' : 'xã, phường, thị trấn'),
    },
  },
  district: {
    code: /^\d{3}$/,
    unitOf: (commune) => commune.districtCode,
    find: (units, code, era) => (era === 'pre' ? listed(units.district(code)) : undefined),
    words: { label: modelText.districtLevel(), typeWord: 'huyện', plural: () => 'huyện, thị xã, thành phố' },
  },
  province: {
    code: /^\d{2}$/,
    unitOf: (commune) => commune.provinceCode,
    find: (units, code, era) => listed(units.province(code, era)),
    words: { label: modelText.provinceLevel(), typeWord: 'tỉnh', plural: () => 'tỉnh, thành phố' },
  },
  national: {
    code: /^VN$/,
    unitOf: () => NATION_CODE,
    find: (_units, code) => (code === NATION_CODE ? { code, name: 'Toàn quốc', level: 'national' } : undefined),
    words: {
      label: modelText.nationalLevel(),
      typeWord: 'quốc gia',
      plural: () => 'toàn quốc',
      body: { name: 'Bộ Y tế', heading: ['BỘ Y TẾ'], place: 'Hà Nội', numberPattern: '{number}/BC-BYT', signer: { authority: [], title: 'BỘ TRƯỞNG' } },
      whole: { total: 'Toàn quốc', area: 'trên phạm vi toàn quốc' },
      missingNamed: 20,
    },
  },
};

/** The levels reported for units valid at R, lowest first. */
export function levelsAt(referenceDate: string): readonly Level[] {
  return HIERARCHY[eraAt(referenceDate)];
}

/** Whether a level exists in the list valid on a date (no districts from 1 July 2025). */
export function levelExistsAt(level: Level, date: string): boolean {
  return levelsAt(date).includes(level);
}

/** The level right below (undefined for a commune), in the hierarchy valid on a date. */
export function levelBelow(level: Level, date: string): Level | undefined {
  const levels = levelsAt(date);
  const index = levels.indexOf(level);
  return index > 0 ? levels[index - 1] : undefined;
}

/** The order of levels, lowest first, for sorting (commune 0 … national 3). */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function levelWords(level: Level): LevelWords {
  return DEFINITIONS[level].words;
}

/** The level a code names: 5 digits commune, 3 district, 2 province, VN the nation. */
export function levelOfCode(code: string): Level | undefined {
  return LEVELS.find((level) => DEFINITIONS[level].code.test(code));
}

/** A unit code of any level, as files and requests give it ("21295", "529", "51", "VN"). */
export const UnitCode = z.string().refine((code) => levelOfCode(code) !== undefined, {
  error: ownIssueText(modelText.unitCodeForm()),
});

/** A unit of the list valid on `date` (`Toàn quốc` for VN). */
export function findUnit(units: AdminUnits, code: string, date: string): NamedUnit | undefined {
  const level = levelOfCode(code);
  return level === undefined ? undefined : DEFINITIONS[level].find(units, code, eraAt(date));
}

/** Each reported level's unit of a commune (at R): `{ commune: '21295', province: '51', national: 'VN' }`. */
export type LevelUnits = Readonly<Partial<Record<Level, string>>>;

/** The units of a commune at every level valid on `date`, read once per commune. */
export class CommuneUnits {
  private readonly era: Era;
  private readonly cache = new Map<string, LevelUnits>();
  constructor(
    private readonly units: AdminUnits,
    date: string,
  ) {
    this.era = eraAt(date);
  }

  of(communeCode: string): LevelUnits {
    let found = this.cache.get(communeCode);
    if (found === undefined) {
      const commune = this.units.commune(communeCode, this.era);
      const entries = HIERARCHY[this.era].map((level) => [level, commune ? DEFINITIONS[level].unitOf(commune) : level === 'commune' ? communeCode : undefined]);
      found = Object.fromEntries(entries.filter(([, unit]) => unit !== undefined)) as LevelUnits;
      this.cache.set(communeCode, found);
    }
    return found;
  }
}

/** Every commune of the list valid on `date`, by province. */
function allCommunes(units: AdminUnits, era: Era): AdminUnit[] {
  return units.provinces(era).flatMap((province) => units.childrenOf('commune', province.code, era));
}

/** The levels the bundled unit lists know (their `childrenOf` answers them directly). */
const LISTED: ReadonlySet<Level> = new Set<UnitLevel>(['commune', 'district', 'province']);
const isListed = (level: Level): level is UnitLevel => LISTED.has(level);

/** The communes under a unit (itself for a commune), sorted by code. */
export function communesUnder(units: AdminUnits, unit: Pick<NamedUnit, 'code' | 'level'>, date: string): AdminUnit[] {
  const era = eraAt(date);
  if (unit.level === 'commune') {
    const commune = units.commune(unit.code, era);
    return commune ? [commune] : [];
  }
  if (isListed(unit.level)) return units.childrenOf('commune', unit.code, era);
  const { unitOf } = DEFINITIONS[unit.level];
  return allCommunes(units, era).filter((commune) => unitOf(commune) === unit.code);
}

/** The units one level down, in list order: a province's communes from 1 July 2025, the nation's provinces. */
export function unitsBelow(units: AdminUnits, unit: Pick<NamedUnit, 'code' | 'level'>, date: string): NamedUnit[] {
  const below = levelBelow(unit.level, date);
  if (below === undefined) return [];
  const era = eraAt(date);
  if (isListed(unit.level) && isListed(below)) return units.childrenOf(below, unit.code, era).map((child) => ({ code: child.code, name: child.name, level: below }));
  // Otherwise the units of the level below that hold the unit's communes, by code (the lists' order).
  const { unitOf, find } = DEFINITIONS[below];
  const codes = [...new Set(communesUnder(units, unit, date).flatMap((commune) => unitOf(commune) ?? []))].sort();
  return codes.flatMap((code) => find(units, code, era) ?? []);
}

/** The units above a unit of the list valid on `date`, lowest first (a province's: the nation). */
export function unitsAbove(units: AdminUnits, unit: Pick<NamedUnit, 'code' | 'level'>, date: string): NamedUnit[] {
  const era = eraAt(date);
  const levels = HIERARCHY[era];
  const from = levels.indexOf(unit.level);
  if (from < 0) return [];
  // Any commune of the unit has the unit's parents.
  const commune = communesUnder(units, unit, date)[0];
  if (commune === undefined) return [];
  return levels.slice(from + 1).flatMap((level) => {
    const code = DEFINITIONS[level].unitOf(commune);
    const found = code === undefined ? undefined : DEFINITIONS[level].find(units, code, era);
    return found ? [found] : [];
  });
}

/** Whether `code` names a unit under `parent` in the list valid on `date`. */
export function isUnder(units: AdminUnits, parent: Pick<NamedUnit, 'code' | 'level'>, code: string, date: string): boolean {
  const level = levelOfCode(code);
  if (level === undefined || levelRank(level) >= levelRank(parent.level)) return false;
  return unitsAbove(units, { code, level }, date).some((above) => above.code === parent.code && above.level === parent.level);
}
