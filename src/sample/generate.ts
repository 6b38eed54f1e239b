import { addDays, ageAt, ageInMonths, dayNumber, isoOfDay, maxIso, minIso } from './dates.js';
import { HRE, KINH, XO_DANG, personName, villageNames, type Ethnicity } from './names.js';
import { FACT_PERIODS, FIRST_BIRTH_DATE, HALVES, SNAPSHOT_DATE, type Window } from './periods.js';
import { Rng } from './prng.js';
import { inPopulation, type SampleChild, type SampleEvent, type SampleFacts } from './truth.js';

/**
 * The sample's records, before any file layout: one district's children (a register as of
 * 30/06/2025 under the old commune codes) and their events in 2024–2025. Pure: everything
 * comes from the seed. Rates follow domain.md §3; the few figures a demo checks (injury
 * deaths, abuse cases) are scripted so that the README can state them exactly.
 */

export interface SampleCommune {
  /** Position in the district, communes sorted by code. */
  readonly index: number;
  readonly provinceCode: string;
  readonly districtCode: string;
  /** Pre-reform code (TreEm, events before 1 July 2025). */
  readonly code: string;
  readonly name: string;
  /** The post-reform commune it became (events from 1 July 2025). */
  readonly newCode: string;
  readonly newName: string;
}

export interface CommuneData {
  readonly commune: SampleCommune;
  readonly villages: readonly string[];
  /** Sorted by village then birth date; ids follow that order. */
  readonly children: readonly SampleChild[];
  /** Events of this commune's children, sorted by date then case. */
  readonly events: readonly SampleEvent[];
  readonly facts: readonly SampleFacts[];
}

export interface SampleData {
  readonly seed: number;
  readonly communes: readonly CommuneData[];
}

export const REFORM_DATE = '2025-07-01';

/**
 * Code-point order: the same on every machine whatever its locale or ICU data, which a
 * locale-aware comparison does not promise (the sample must come out byte for byte the same).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The commune code an event on `date` is recorded under. */
export function communeCodeAt(commune: SampleCommune, date: string): string {
  return date < REFORM_DATE ? commune.code : commune.newCode;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ChildDraft = Mutable<SampleChild>;

interface EventDraft extends Mutable<SampleEvent> {
  /** Events of one case share the key; case ids are given in date order at the end. */
  caseKey: number;
  home: number;
}

export const BOY_SHARE = 111 / 211;

export function randomDate(rng: Rng, from: string, to: string): string {
  return isoOfDay(rng.int(dayNumber(from), dayNumber(to)));
}

/** 29 February is avoided: "completed years" on 28 Feb differs between conventions. */
function birthDate(rng: Rng): string {
  const date = randomDate(rng, FIRST_BIRTH_DATE, SNAPSHOT_DATE);
  return date.endsWith('-02-29') ? `${date.slice(0, 5)}02-28` : date;
}

function schoolStatusFor(rng: Rng, dateOfBirth: string): string {
  const months = ageInMonths(dateOfBirth, SNAPSHOT_DATE);
  const years = Math.floor(months / 12);
  if (months < 3) return 'CHUA_DI_HOC';
  if (years < 3) return rng.chance(0.25) ? 'NHA_TRE' : 'CHUA_DI_HOC';
  if (years < 6) return rng.chance(0.93) ? 'MAU_GIAO' : 'CHUA_DI_HOC';
  if (years < 11) return rng.chance(0.995) ? 'TIEU_HOC' : 'BO_HOC';
  if (years < 15) return rng.chance(0.975) ? 'THCS' : 'BO_HOC';
  if (years === 15) {
    // At 30 June a 15-year-old has just finished grade 9 or grade 10, by birth month.
    if (rng.chance(0.08)) return 'BO_HOC';
    return dateOfBirth.slice(5) >= '07-01' ? 'THPT' : 'THCS';
  }
  return rng.chance(0.85) ? 'THPT' : 'BO_HOC';
}

const SPECIAL_WEIGHTS: readonly (readonly [string, number])[] = [
  ['HCDB04', 62],
  ['HCDB13', 10],
  ['HCDB01', 8],
  ['HCDB08', 5],
  ['HCDB03', 4],
  ['HCDB06', 2],
  ['HCDB09', 2],
  ['HCDB02', 2],
  ['HCDB05', 1],
  ['HCDB14', 1],
  ['HCDB07', 0.5],
];

/** Youngest age a group is plausible at. */
const SPECIAL_MIN_AGE: Readonly<Record<string, number>> = { HCDB08: 11, HCDB06: 12, HCDB07: 13 };

const SUPPORT_BY_GROUP: Readonly<Record<string, readonly string[]>> = {
  HCDB01: ['TRO_CAP_XH', 'CHAM_SOC_THAY_THE', 'BHYT'],
  HCDB02: ['CHAM_SOC_THAY_THE', 'TRO_CAP_XH'],
  HCDB03: ['TRO_CAP_XH', 'CHAM_SOC_THAY_THE'],
  HCDB04: ['TRO_CAP_XH', 'BHYT', 'HO_TRO_Y_TE'],
  HCDB05: ['HO_TRO_Y_TE', 'TRO_CAP_XH'],
  HCDB06: ['TU_VAN_TAM_LY', 'QUAN_LY_TRUONG_HOP'],
  HCDB07: ['HO_TRO_Y_TE', 'TU_VAN_TAM_LY'],
  HCDB08: ['HO_TRO_GIAO_DUC', 'HOC_BONG'],
  HCDB09: ['TU_VAN_TAM_LY', 'QUAN_LY_TRUONG_HOP'],
  HCDB11: ['TU_VAN_TAM_LY', 'QUAN_LY_TRUONG_HOP'],
  HCDB13: ['HO_TRO_Y_TE', 'TRO_CAP_XH'],
  HCDB14: ['KET_NOI_DICH_VU'],
};

const RISK_WEIGHTS: readonly (readonly [string, number])[] = [
  ['NC_HO_NGHEO', 50],
  ['NC_CHA_ME_DI_LAM_XA', 20],
  ['NC_MO_COI_CHA_HOAC_ME', 10],
  ['NC_BO_HOC', 8],
  ['NC_CHA_ME_LY_HON', 5],
  ['NC_LAO_DONG_SOM', 4],
  ['NC_BAO_LUC_GIA_DINH', 3],
];

/** Keeps code-list order inside a list cell, as the contract sorts breakdown values. */
function ordered(codes: readonly string[], order: readonly (readonly [string, number])[] | readonly string[]): string[] {
  const rank = (code: string): number =>
    order.findIndex((entry) => (typeof entry === 'string' ? entry : entry[0]) === code);
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || compareText(a, b));
}

const SPECIAL_ORDER = [
  'HCDB01', 'HCDB02', 'HCDB03', 'HCDB04', 'HCDB05', 'HCDB06', 'HCDB07',
  'HCDB08', 'HCDB09', 'HCDB10', 'HCDB11', 'HCDB12', 'HCDB13', 'HCDB14',
];
const SUPPORT_ORDER = [
  'TRO_CAP_XH', 'BHYT', 'HO_TRO_GIAO_DUC', 'HO_TRO_Y_TE', 'CHAM_SOC_THAY_THE', 'TU_VAN_TAM_LY', 'QUA_HIEN_VAT',
  'HOC_BONG', 'KET_NOI_DICH_VU', 'QUAN_LY_TRUONG_HOP', 'CACH_LY_NOI_TAM_TRU', 'TRO_GIUP_PHAP_LY', 'KHAC',
];

function addSpecial(rng: Rng, child: ChildDraft): void {
  const age = ageAt(child.dateOfBirth, SNAPSHOT_DATE);
  let group = rng.weighted(SPECIAL_WEIGHTS);
  while ((SPECIAL_MIN_AGE[group] ?? 0) > age) group = rng.weighted(SPECIAL_WEIGHTS);
  const groups = [group];
  if (rng.chance(0.06)) groups.push(rng.pick(['HCDB13', 'HCDB01', 'HCDB04']));
  child.specialGroups = ordered(groups, SPECIAL_ORDER) as ChildDraft['specialGroups'];
  const earliest = maxIso(addDays(child.dateOfBirth, group === 'HCDB04' ? 180 : 30), '2016-01-01');
  const latest = '2025-05-31';
  child.specialSince = earliest <= latest ? randomDate(rng, earliest, latest) : latest;
  if (child.specialSince < child.dateOfBirth) child.specialSince = child.dateOfBirth;
  if (group === 'HCDB08') child.schoolStatus = 'BO_HOC';
  if (group === 'HCDB13' && rng.chance(0.25)) {
    const from = maxIso(addDays(child.specialSince, 90), '2024-02-01');
    if (from <= SNAPSHOT_DATE) child.specialUntil = randomDate(rng, from, SNAPSHOT_DATE);
  }
  const r = rng.next();
  let supportDate: string | undefined;
  if (r < 0.9) supportDate = randomDate(rng, '2025-04-01', SNAPSHOT_DATE);
  else if (r < 0.95) supportDate = randomDate(rng, '2025-01-01', '2025-03-31');
  else if (r < 0.98) supportDate = randomDate(rng, '2024-07-01', '2024-12-31');
  if (supportDate !== undefined) {
    child.supportDate = maxIso(supportDate, child.specialSince);
    const forms = groups.flatMap((code) => SUPPORT_BY_GROUP[code] ?? ['KHAC']);
    const kept = forms.filter((_, i) => i === 0 || rng.chance(0.6));
    if (age >= 6 && rng.chance(0.3)) kept.push('HO_TRO_GIAO_DUC');
    child.supportForms = ordered(kept, SUPPORT_ORDER) as ChildDraft['supportForms'];
  }
}

function addRisk(rng: Rng, child: ChildDraft): void {
  const groups = [rng.weighted(RISK_WEIGHTS)];
  if (rng.chance(0.2)) groups.push(rng.weighted(RISK_WEIGHTS));
  child.riskGroups = ordered(groups, RISK_WEIGHTS) as ChildDraft['riskGroups'];
  if (rng.chance(0.3)) {
    child.supportForms = [rng.pick(['QUA_HIEN_VAT', 'HOC_BONG', 'HO_TRO_GIAO_DUC'])] as ChildDraft['supportForms'];
    child.supportDate = randomDate(rng, maxIso('2024-01-01', child.dateOfBirth), SNAPSHOT_DATE);
  }
}

interface CommuneDraft {
  readonly commune: SampleCommune;
  readonly villages: string[];
  readonly children: ChildDraft[];
  readonly events: EventDraft[];
}

function generateChildren(seed: number, commune: SampleCommune): CommuneDraft {
  const rng = new Rng(seed, `children:${commune.code}`);
  const township = commune.name.startsWith('Thị trấn');
  const size = township ? rng.int(1800, 2500) : rng.int(700, 2200);
  const villages = villageNames(rng, township ? rng.int(6, 9) : rng.int(5, 11), township);
  const villageWeights = villages.map((village) => [village, 0.5 + rng.next()] as const);
  const kinh = township ? 0.45 : 0.04 + rng.next() * 0.14;
  const xoDang = township ? 0.02 : rng.next() * 0.05;
  const ethnicities: readonly (readonly [Ethnicity, number])[] = [
    [HRE, 1 - kinh - xoDang],
    [KINH, kinh],
    [XO_DANG, xoDang],
  ];
  const usedIds = new Set<string>();
  const drafts: ChildDraft[] = [];
  for (let k = 0; k < size; k += 1) {
    const dateOfBirth = birthDate(rng);
    const boy = rng.chance(BOY_SHARE);
    const ethnicity = rng.weighted(ethnicities);
    const ageDays = dayNumber(SNAPSHOT_DATE) - dayNumber(dateOfBirth);
    const age = ageAt(dateOfBirth, SNAPSHOT_DATE);
    const birthRegistered = ageDays < 60 ? rng.chance(0.7) : age < 5 ? rng.chance(0.985) : rng.chance(0.997);
    let personalId: string | undefined;
    if (birthRegistered && rng.chance(0.97)) {
      // 051 = born in Quảng Ngãi; 2/3 = male/female born in the 2000s; then the birth year;
      // the last six digits carry the commune so that ids never collide across communes.
      const century = boy ? '2' : '3';
      for (;;) {
        const id = `051${century}${dateOfBirth.slice(2, 4)}${commune.code.slice(3)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
        if (!usedIds.has(id)) {
          usedIds.add(id);
          personalId = id;
          break;
        }
      }
    }
    const child: ChildDraft = {
      childId: '',
      ...(personalId === undefined ? {} : { personalId }),
      fullName: personName(rng, ethnicity, boy),
      dateOfBirth,
      sex: boy ? 'NAM' : 'NU',
      ethnicity: ethnicity.name,
      provinceCode: commune.provinceCode,
      districtCode: commune.districtCode,
      communeCode: commune.code,
      village: rng.weighted(villageWeights),
      birthRegistered,
      hasHealthInsurance: age < 6 ? rng.chance(0.98) : rng.chance(0.965),
      schoolStatus: schoolStatusFor(rng, dateOfBirth) as ChildDraft['schoolStatus'],
      specialGroups: [],
      riskGroups: [],
      supportForms: [],
      status: 'ACTIVE',
    };
    const statusFrom = maxIso(dateOfBirth, '2024-01-01');
    const deadChance = dateOfBirth >= '2024-01-01' ? 0.012 : age < 5 ? 0.002 : 0.0004;
    if (rng.chance(deadChance)) {
      child.status = 'DEAD';
      // Most deaths of babies born in the period happen in their first year.
      const until = dateOfBirth >= '2024-01-01' ? minIso(addDays(dateOfBirth, 364), SNAPSHOT_DATE) : SNAPSHOT_DATE;
      child.statusDate = randomDate(rng, statusFrom, until);
    } else if (dateOfBirth < '2025-06-01' && rng.chance(0.012)) {
      child.status = 'MOVED';
      child.statusDate = randomDate(rng, addDays(statusFrom, 1), SNAPSHOT_DATE);
    }
    if (age < 16 && dateOfBirth <= '2025-03-31' && child.status === 'ACTIVE' && rng.chance(0.011)) {
      addSpecial(rng, child);
    } else if (age < 16 && rng.chance(0.042)) {
      addRisk(rng, child);
    }
    drafts.push(child);
  }
  const villageRank = new Map(villages.map((village, i) => [village, i]));
  drafts.sort(
    (a, b) =>
      (villageRank.get(a.village ?? '') ?? 0) - (villageRank.get(b.village ?? '') ?? 0) ||
      compareText(a.dateOfBirth, b.dateOfBirth) ||
      compareText(a.fullName, b.fullName),
  );
  drafts.forEach((child, i) => {
    child.childId = childIdOf(commune.code, i + 1);
  });
  return { commune, villages, children: drafts, events: [] };
}

export function childIdOf(communeCode: string, seq: number): string {
  return `TE-${communeCode}-${String(seq).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Events

interface EventContext {
  readonly communes: readonly CommuneDraft[];
  /** Injury deaths, including those after the register's date (not written to TreEm). */
  readonly deathDates: Map<string, string>;
  nextCase: number;
}

interface ChildFilter {
  readonly minAge: number;
  readonly maxAge: number;
  readonly sex?: 'NAM' | 'NU';
  readonly village?: string;
  readonly exclude?: ReadonlySet<string>;
}

function canHaveEvent(context: EventContext, child: ChildDraft, date: string, filter: ChildFilter): boolean {
  if (child.dateOfBirth >= date) return false;
  const age = ageAt(child.dateOfBirth, date);
  if (age < filter.minAge || age > filter.maxAge || age >= 16) return false;
  if (filter.sex !== undefined && child.sex !== filter.sex) return false;
  if (filter.village !== undefined && child.village !== filter.village) return false;
  if (filter.exclude?.has(child.childId)) return false;
  // A child who moved away or died is not a victim in this commune after that day.
  if (child.status !== 'ACTIVE' && child.statusDate !== undefined && child.statusDate < date) return false;
  const death = context.deathDates.get(child.childId);
  return death === undefined || death >= date;
}

function pickChild(
  rng: Rng,
  context: EventContext,
  draft: CommuneDraft,
  date: string,
  filter: ChildFilter,
): ChildDraft | undefined {
  const candidates = draft.children.filter((child) => canHaveEvent(context, child, date, filter));
  return candidates.length === 0 ? undefined : rng.pick(candidates);
}

function pickCommune(rng: Rng, context: EventContext): CommuneDraft {
  return rng.weighted(context.communes.map((draft) => [draft, draft.children.length] as const));
}

function baseEvent(home: CommuneDraft, child: ChildDraft, date: string, caseKey: number): EventDraft {
  return {
    caseId: '',
    caseKey,
    home: home.commune.index,
    childId: child.childId,
    sex: child.sex,
    dateOfBirth: child.dateOfBirth,
    communeCode: communeCodeAt(home.commune, date),
    eventType: 'KHAC',
    eventDate: date,
    abuseForms: [],
    interventions: [],
  };
}

/** Age range of the children a cause of injury mostly affects. */
export const CAUSE_AGES: Readonly<Record<string, readonly [number, number]>> = {
  DUOI_NUOC: [2, 15],
  GIAO_THONG: [3, 15],
  NGA: [1, 15],
  BONG: [0, 6],
  NGO_DOC: [0, 15],
  DONG_VAT: [3, 15],
  DIEN_GIAT: [5, 15],
  BAO_LUC: [10, 15],
  TU_TU: [12, 15],
  KHAC: [0, 15],
};

/** Non-fatal causes in a mountain district: many falls and drownings, bites from snakes and bees. */
export const INJURY_CAUSE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['NGA', 26],
  ['GIAO_THONG', 22],
  ['DUOI_NUOC', 10],
  ['DONG_VAT', 12],
  ['BONG', 9],
  ['NGO_DOC', 6],
  ['DIEN_GIAT', 2],
  ['BAO_LUC', 4],
  ['TU_TU', 1],
  ['KHAC', 8],
];

/**
 * Injury deaths per half-year for the whole district. 2025-H1 has 3 against 5 a year earlier
 * (−40%), so the plan-003 target "giảm ít nhất 10%" is met; drownings fall from 3 to 2.
 */
export const INJURY_DEATHS: Readonly<Record<string, readonly string[]>> = {
  '2024-H1': ['DUOI_NUOC', 'DUOI_NUOC', 'DUOI_NUOC', 'GIAO_THONG', 'NGA'],
  '2024-H2': ['DUOI_NUOC', 'DUOI_NUOC', 'GIAO_THONG', 'DIEN_GIAT'],
  '2025-H1': ['DUOI_NUOC', 'DUOI_NUOC', 'GIAO_THONG'],
  '2025-H2': ['DUOI_NUOC', 'GIAO_THONG', 'NGA'],
};

/** Drowning happens in the hot months; the window is narrowed to those inside the half-year. */
export function injuryDate(rng: Rng, half: Window, cause: string): string {
  if (cause !== 'DUOI_NUOC') return randomDate(rng, half.from, half.to);
  const year = half.from.slice(0, 4);
  const from = maxIso(half.from, `${year}-04-15`);
  const to = minIso(half.to, `${year}-09-15`);
  return randomDate(rng, from, to);
}

export interface AbuseCase {
  readonly half: string;
  readonly victims: number;
  readonly ages: readonly [number, number];
  readonly sex?: 'NAM' | 'NU';
  readonly forms: readonly string[];
  readonly setting: string;
  readonly handling: string;
  readonly fine?: number;
  /** Interventions per victim; empty: the children were not supported. */
  readonly interventions: readonly string[];
}

/** Abuse cases of the district: a few a year (domain.md §3.4: ~10 victims per 100,000 a year). */
export const ABUSE_CASES: readonly AbuseCase[] = [
  {
    half: '2024-H1', victims: 1, ages: [12, 15], sex: 'NU', forms: ['XAM_HAI_TINH_DUC'], setting: 'CONG_DONG',
    handling: 'KHOI_TO', interventions: ['HO_TRO_Y_TE', 'TU_VAN_TAM_LY', 'TRO_GIUP_PHAP_LY'],
  },
  {
    half: '2024-H2', victims: 2, ages: [8, 12], forms: ['BAO_LUC'], setting: 'TRUONG_HOC',
    handling: 'XU_PHAT_HC', fine: 7_500_000, interventions: ['TU_VAN_TAM_LY'],
  },
  {
    half: '2024-H2', victims: 1, ages: [2, 6], forms: ['BO_ROI_BO_MAC'], setting: 'GIA_DINH',
    handling: 'HOA_GIAI', interventions: [],
  },
  {
    half: '2025-H1', victims: 1, ages: [11, 15], sex: 'NU', forms: ['XAM_HAI_TINH_DUC'], setting: 'GIA_DINH',
    handling: 'KHOI_TO', interventions: ['TU_VAN_TAM_LY', 'QUAN_LY_TRUONG_HOP', 'TRO_GIUP_PHAP_LY'],
  },
  {
    half: '2025-H1', victims: 3, ages: [5, 13], forms: ['BAO_LUC'], setting: 'GIA_DINH',
    handling: 'XU_PHAT_HC', fine: 3_500_000, interventions: ['TU_VAN_TAM_LY', 'QUAN_LY_TRUONG_HOP'],
  },
  {
    half: '2025-H2', victims: 1, ages: [13, 15], sex: 'NU', forms: ['XAM_HAI_TINH_DUC'], setting: 'MOI_TRUONG_MANG',
    handling: 'DANG_XU_LY', interventions: ['TU_VAN_TAM_LY'],
  },
  {
    half: '2025-H2', victims: 1, ages: [10, 14], sex: 'NU', forms: ['XAM_HAI_TINH_DUC'], setting: 'CONG_DONG',
    handling: 'KHOI_TO', interventions: ['HO_TRO_Y_TE', 'TU_VAN_TAM_LY'],
  },
];

/** Child marriages (girls of 15) per half-year, district-wide. */
const CHILD_MARRIAGES: Readonly<Record<string, number>> = { '2024-H1': 1, '2024-H2': 2, '2025-H1': 1, '2025-H2': 1 };

/** Non-fatal injuries reported per child per half-year (~700 per 100,000 a year, domain.md §3.4). */
export const INJURY_RATE_PER_HALF = 0.0035;

function halfOf(id: string): Window {
  const half = HALVES.find((window) => window.id === id);
  if (!half) throw new RangeError(`unknown half-year ${id}`);
  return half;
}

function addInjuryDeaths(rng: Rng, context: EventContext): void {
  for (const half of HALVES) {
    for (const cause of INJURY_DEATHS[half.id] ?? []) {
      const [minAge, maxAge] = CAUSE_AGES[cause] ?? [0, 15];
      for (let attempt = 0; ; attempt += 1) {
        const home = pickCommune(rng, context);
        const date = injuryDate(rng, half, cause);
        // The fatal event is the child's last: no later event may be planned before it.
        const child = pickChild(rng, context, home, date, { minAge, maxAge });
        if (child === undefined || child.status !== 'ACTIVE' || context.deathDates.has(child.childId)) {
          if (attempt > 100) throw new Error(`no child for an injury death in ${half.id}`);
          continue;
        }
        context.deathDates.set(child.childId, date);
        if (date <= SNAPSHOT_DATE) {
          child.status = 'DEAD';
          child.statusDate = date;
        }
        home.events.push({
          ...baseEvent(home, child, date, context.nextCase++),
          eventType: 'TNTT',
          injuryCause: cause as EventDraft['injuryCause'],
          outcome: 'TU_VONG',
          interventions: rng.chance(0.7) ? ['QUA_HIEN_VAT'] : [],
        });
        break;
      }
    }
  }
}

function addAbuseCases(rng: Rng, context: EventContext): void {
  for (const spec of ABUSE_CASES) {
    const half = halfOf(spec.half);
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 200) throw new Error(`no children for an abuse case in ${spec.half}`);
      const home = pickCommune(rng, context);
      const date = randomDate(rng, half.from, half.to);
      const filter: ChildFilter = { minAge: spec.ages[0], maxAge: spec.ages[1], ...(spec.sex ? { sex: spec.sex } : {}) };
      const first = pickChild(rng, context, home, date, filter);
      if (first === undefined) continue;
      const victims = [first];
      // Several children of one case live together: siblings in one village.
      while (victims.length < spec.victims) {
        const next = pickChild(rng, context, home, date, {
          ...filter,
          village: first.village ?? '',
          exclude: new Set(victims.map((child) => child.childId)),
        });
        if (next === undefined) break;
        victims.push(next);
      }
      if (victims.length < spec.victims) continue;
      const caseKey = context.nextCase++;
      for (const child of victims) {
        home.events.push({
          ...baseEvent(home, child, date, caseKey),
          eventType: 'XAM_HAI',
          abuseForms: [...spec.forms] as EventDraft['abuseForms'],
          abuseSetting: spec.setting as EventDraft['abuseSetting'],
          interventions: [...spec.interventions] as EventDraft['interventions'],
          handling: spec.handling as EventDraft['handling'],
          ...(spec.fine === undefined ? {} : { fineAmount: spec.fine }),
        });
        // A sexually abused child joins group l (HCDB11) on the register, and is supported.
        const since = addDays(date, rng.int(7, 30));
        if (spec.forms.includes('XAM_HAI_TINH_DUC') && since <= SNAPSHOT_DATE && child.status === 'ACTIVE') {
          child.specialGroups = ordered([...child.specialGroups, 'HCDB11'], SPECIAL_ORDER) as ChildDraft['specialGroups'];
          child.specialSince = child.specialSince === undefined ? since : minIso(child.specialSince, since);
          child.specialUntil = undefined;
          child.supportForms = ordered(
            [...child.supportForms, ...(SUPPORT_BY_GROUP['HCDB11'] ?? [])],
            SUPPORT_ORDER,
          ) as ChildDraft['supportForms'];
          child.supportDate = maxIso(child.supportDate ?? since, randomDate(rng, since, SNAPSHOT_DATE));
          child.riskGroups = [];
        }
      }
      break;
    }
  }
}

function addChildMarriages(rng: Rng, context: EventContext): void {
  for (const half of HALVES) {
    for (let n = 0; n < (CHILD_MARRIAGES[half.id] ?? 0); n += 1) {
      for (let attempt = 0; ; attempt += 1) {
        if (attempt > 100) throw new Error(`no child for a child marriage in ${half.id}`);
        const home = pickCommune(rng, context);
        const date = randomDate(rng, half.from, half.to);
        const child = pickChild(rng, context, home, date, { minAge: 15, maxAge: 15, sex: 'NU' });
        if (child === undefined || child.ethnicity === KINH.name) continue;
        home.events.push({
          ...baseEvent(home, child, date, context.nextCase++),
          eventType: 'TAO_HON',
          interventions: rng.chance(0.5) ? ['TU_VAN_TAM_LY'] : [],
        });
        break;
      }
    }
  }
}

function addInjuries(seed: number, context: EventContext): void {
  for (const home of context.communes) {
    const rng = new Rng(seed, `injuries:${home.commune.code}`);
    const mean = home.children.length * (16 / 17.5) * INJURY_RATE_PER_HALF;
    for (const half of HALVES) {
      const count = rng.count(mean);
      for (let n = 0; n < count; n += 1) {
        const cause = rng.weighted(INJURY_CAUSE_WEIGHTS);
        const [minAge, maxAge] = CAUSE_AGES[cause] ?? [0, 15];
        const date = injuryDate(rng, half, cause);
        const child = pickChild(rng, context, home, date, { minAge, maxAge });
        if (child === undefined) continue;
        const r = rng.next();
        home.events.push({
          ...baseEvent(home, child, date, context.nextCase++),
          eventType: 'TNTT',
          injuryCause: cause as EventDraft['injuryCause'],
          outcome: rng.chance(0.03) ? 'KHUYET_TAT' : 'THUONG_TICH',
          interventions: r < 0.5 ? ['HO_TRO_Y_TE'] : r < 0.65 ? ['QUA_HIEN_VAT'] : [],
        });
      }
    }
  }
}

const EVENT_TYPE_ORDER = ['XAM_HAI', 'TNTT', 'TAO_HON', 'KHAC'];

/** Case ids in date order, numbered per commune code (as recorded that day) and year. */
function assignCaseIds(context: EventContext): void {
  const all = context.communes.flatMap((draft) => draft.events);
  all.sort((a, b) => compareText(a.eventDate, b.eventDate) || a.caseKey - b.caseKey);
  const ids = new Map<number, string>();
  const counters = new Map<string, number>();
  for (const event of all) {
    let id = ids.get(event.caseKey);
    if (id === undefined) {
      const year = event.eventDate.slice(0, 4);
      const counterKey = `${event.communeCode}-${year}`;
      const seq = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, seq);
      id = caseIdOf(event.communeCode, year, seq);
      ids.set(event.caseKey, id);
    }
    event.caseId = id;
  }
  for (const draft of context.communes) {
    draft.events.sort(
      (a, b) =>
        compareText(a.eventDate, b.eventDate) ||
        EVENT_TYPE_ORDER.indexOf(a.eventType) - EVENT_TYPE_ORDER.indexOf(b.eventType) ||
        compareText(a.caseId, b.caseId) ||
        compareText(a.childId, b.childId),
    );
  }
}

export function caseIdOf(communeCode: string, year: string, seq: number): string {
  return `VV-${communeCode}-${year}-${String(seq).padStart(3, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Commune facts

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function generateFacts(seed: number, draft: CommuneDraft): SampleFacts[] {
  const rng = new Rng(seed, `facts:${draft.commune.code}`);
  const township = draft.commune.name.startsWith('Thị trấn');
  // Children are about 27% of the population of Sơn Hà (domain.md §3.2: 26.85% in Lạng Sơn).
  const childShare = 0.25 + rng.next() * 0.04;
  const villages = draft.villages.length;
  let withFacilities = rng.int(0, Math.ceil(villages / 2));
  const playground = township || rng.chance(0.45);
  const friendly = township || rng.chance(0.5);
  const consultedShare = 0.04 + rng.next() * 0.08;
  const halfBudget = rng.int(16, 60) * 500_000;
  // Population grows ~1.2% a year (linear: no Math.pow, whose last bit may differ between
  // engines); it is anchored on the children counted at the register's date.
  const anchor = draft.children.filter((child) => inPopulation(child, SNAPSHOT_DATE)).length / childShare;
  const years = (date: string): number => (dayNumber(SNAPSHOT_DATE) - dayNumber(date)) / 365.25;
  return FACT_PERIODS.map((period) => {
    const population = draft.children.filter((child) => inPopulation(child, period.to));
    const aged7to15 = population.filter((child) => ageAt(child.dateOfBirth, period.to) >= 7).length;
    const annual = !period.id.includes('-');
    if (rng.chance(0.3)) withFacilities = Math.min(villages, withFacilities + 1);
    return {
      communeCode: draft.commune.code,
      periodId: period.id,
      population: Math.round(anchor * (1 - 0.012 * years(period.to))),
      villages,
      villagesWithFacilities: withFacilities,
      hasPlayground: playground,
      childFriendly: friendly,
      childrenConsulted: Math.round(aged7to15 * consultedShare * (annual ? 1.6 : 1)),
      budget: annual ? roundTo(halfBudget * (1.8 + rng.next() * 0.6), 500_000) : halfBudget,
    };
  });
}

// ---------------------------------------------------------------------------------------------

function freezeChild(child: ChildDraft): SampleChild {
  const out: ChildDraft = { ...child };
  for (const key of ['specialSince', 'specialUntil', 'supportDate', 'statusDate', 'personalId'] as const) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

function freezeEvent(event: EventDraft): SampleEvent {
  const { caseKey: _caseKey, home: _home, ...rest } = event;
  return rest;
}

export function generateSample(seed: number, communes: readonly SampleCommune[]): SampleData {
  const drafts = communes.map((commune) => generateChildren(seed, commune));
  const context: EventContext = { communes: drafts, deathDates: new Map(), nextCase: 1 };
  // Order matters: deaths first so that nothing is planned for a child after its death.
  const rng = new Rng(seed, `district-events:${communes.map((commune) => commune.code).join(',')}`);
  addInjuryDeaths(rng, context);
  addAbuseCases(rng, context);
  addChildMarriages(rng, context);
  addInjuries(seed, context);
  assignCaseIds(context);
  return {
    seed,
    communes: drafts.map((draft) => ({
      commune: draft.commune,
      villages: draft.villages,
      children: draft.children.map(freezeChild),
      events: draft.events.map(freezeEvent),
      facts: generateFacts(seed, draft),
    })),
  };
}
