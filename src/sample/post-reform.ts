import { CHILDREN_SHEET, COMMUNE_FACTS_SHEET, EVENTS_SHEET, type SheetSpec } from '../model/columns.js';
import type { AdminUnits } from '../units/index.js';
import { accountsOf, plantCodes, plantedErrorsOf, sampleCommune, withPlanted, type FileLayout, type PlantedError, type SheetAccount } from './build.js';
import { addDays, ageAt, dayNumber, maxIso, minIso } from './dates.js';
import {
  BOY_SHARE,
  CAUSE_AGES,
  INJURY_CAUSE_WEIGHTS,
  INJURY_RATE_PER_HALF,
  REFORM_DATE,
  caseIdOf,
  childIdOf,
  compareText,
  generateSample,
  injuryDate,
  randomDate,
  type AbuseCase,
  type CommuneData,
  type SampleCommune,
} from './generate.js';
import { assembleSheet, slugOf, styleFor, type FileStyle, type RowDraft } from './layout.js';
import { HRE, KINH, XO_DANG, personName } from './names.js';
import type { Window } from './periods.js';
import { plantErrors, type PlantedRow } from './plant.js';
import { Rng } from './prng.js';
import { inPopulation, periodTotals, specialAt, type PeriodTotals, type SampleChild, type SampleEvent, type SampleFacts } from './truth.js';

/**
 * Today's sample (after the 1 July 2025 reform): the new communes of Quảng Ngãi formed from the
 * old communes of huyện Sơn Hà (and any other commune they were formed from), with records of
 * 2025 and 2026 written as real files are. The old communes' records are those of the
 * pre-reform set (same seed, same children, same planted errors); the year after the reform
 * (births, events, facts) is added here, in the new codes. Pure; writing is done by write.ts.
 *
 * Three new communes send one workbook each that mixes vintages: the old communes' lists carried
 * over unchanged (old codes, Mã huyện 529), with the children born since and every event from
 * 1 July 2025 in the new code. The other two send their old communes' 2025 exports as they were
 * made (old codes, up to 30/06/2025) and one 2026 workbook in the new code.
 *
 * File names start with the year of the export, so that in name order (the order chitieu reads
 * them in) a 2025 list comes before a 2026 one: a child repeated across them (planted error E05)
 * is rejected in the later file, as the README says.
 */

export const POST_REFORM_DIR = 'quang-ngai-2026';
/** The new register's date: the end of the first half of 2026. */
export const POST_REFORM_SNAPSHOT = '2026-06-30';
const OLD_SNAPSHOT = '2025-06-30';
/** Records start here: the 2025 exports carry events of 2025 only. */
const RECORDS_FROM = '2025-01-01';

export const POST_REFORM_PERIODS: readonly Window[] = [
  { id: '2025-H1', from: '2025-01-01', to: '2025-06-30' },
  { id: '2025-H2', from: '2025-07-01', to: '2025-12-31' },
  { id: '2025', from: '2025-01-01', to: '2025-12-31' },
  { id: '2026-H1', from: '2026-01-01', to: '2026-06-30' },
];
const H1_2026: Window = { id: '2026-H1', from: '2026-01-01', to: '2026-06-30' };

/** How many of the new communes (in code order) send one mixed workbook; the rest send separate ones. */
const MIXED_FILES = 3;
/** New children's ids continue above any old list's numbering (old lists stop below 2,600). */
const NEW_CHILD_SEQ = 5001;

/**
 * Scripted for 2026-H1 over the whole set, so that the README can state them: 2 injury deaths
 * against 3 in 2025-H1 (−33%: the plan's "giảm ít nhất 10%" met), 1 drowning against 2.
 */
export const INJURY_DEATHS_2026: readonly string[] = ['DUOI_NUOC', 'GIAO_THONG'];

type AbuseCase2026 = Omit<AbuseCase, 'half'>;

export const ABUSE_CASES_2026: readonly AbuseCase2026[] = [
  {
    victims: 1, ages: [12, 15], sex: 'NU', forms: ['XAM_HAI_TINH_DUC'], setting: 'CONG_DONG',
    handling: 'KHOI_TO', interventions: ['HO_TRO_Y_TE', 'TU_VAN_TAM_LY', 'TRO_GIUP_PHAP_LY'],
  },
  {
    victims: 2, ages: [7, 12], forms: ['BAO_LUC'], setting: 'GIA_DINH',
    handling: 'XU_PHAT_HC', fine: 5_000_000, interventions: ['TU_VAN_TAM_LY', 'QUAN_LY_TRUONG_HOP'],
  },
];

export interface NewCommune {
  readonly index: number;
  readonly provinceCode: string;
  readonly code: string;
  readonly name: string;
  /** The old communes it was formed from, in the order of the pre-reform set. */
  readonly formedFrom: readonly SampleCommune[];
  /** One workbook mixing old and new codes (else: old exports plus a 2026 workbook). */
  readonly mixed: boolean;
}

export interface PostReformSet {
  readonly seed: number;
  readonly newCommunes: readonly NewCommune[];
  readonly files: readonly FileLayout[];
  readonly planted: readonly PlantedError[];
  /** What a correct importer accepts, as written (old or new codes). */
  readonly children: readonly SampleChild[];
  readonly events: readonly SampleEvent[];
  /** The whole set's true totals per period (every child placed in its new commune). */
  readonly totals: readonly PeriodTotals[];
  /** New commune code → its true totals per period. */
  readonly communeTotals: Readonly<Record<string, readonly PeriodTotals[]>>;
  readonly accounts: Readonly<Record<string, Readonly<Record<string, SheetAccount>>>>;
}

/** The new communes whose predecessors include Sơn Hà's, each with all its predecessors. */
export function postReformCommunes(units: AdminUnits): { olds: SampleCommune[]; news: NewCommune[] } {
  const sonHa = units.childrenOf('district', '529', 'pre');
  const newCodes = [...new Set(sonHa.map((unit) => units.crosswalk(unit.code)?.code).filter((code): code is string => code !== undefined))].sort(compareText);
  const oldCodes = [...new Set(newCodes.flatMap((code) => units.formedFrom(code).map((entry) => entry.code)))].sort(compareText);
  const olds: SampleCommune[] = oldCodes.map((code, index) => {
    const unit = units.commune(code, 'pre');
    if (unit === undefined) throw new Error(`sample: no pre-reform commune ${code}`);
    return sampleCommune(units, unit, index);
  });
  const news: NewCommune[] = newCodes.map((code, index) => {
    const unit = units.commune(code, 'post');
    if (unit === undefined) throw new Error(`sample: no post-reform commune ${code}`);
    return {
      index,
      provinceCode: unit.provinceCode,
      code,
      name: unit.name,
      formedFrom: olds.filter((old) => old.newCode === code),
      mixed: index < MIXED_FILES,
    };
  });
  return { olds, news };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// ---------------------------------------------------------------------------------------------
// The year after the reform, in the new codes

interface Continuation {
  /** New commune code → children born from 1 July 2025 to the new register's date. */
  readonly births: ReadonlyMap<string, readonly SampleChild[]>;
  /** New commune code → its events of 2026-H1. */
  readonly events: ReadonlyMap<string, readonly SampleEvent[]>;
  /** Child id → injury death date after the old register's date. */
  readonly deaths: ReadonlyMap<string, string>;
  readonly facts: ReadonlyMap<string, SampleFacts>;
}

const ETHNICITIES = [KINH, HRE, XO_DANG];

function birthsOf(seed: number, commune: NewCommune, olds: readonly CommuneData[], usedIds: Set<string>): SampleChild[] {
  const rng = new Rng(seed, `births-2026:${commune.code}`);
  const known = olds.flatMap((old) => old.children);
  const lastYear = known.filter((child) => child.dateOfBirth >= '2024-07-01' && child.dateOfBirth <= OLD_SNAPSHOT).length;
  const count = rng.count(lastYear);
  const villageRank = new Map(olds.flatMap((old) => old.villages).map((village, i) => [village, i]));
  const drafts: Mutable<SampleChild>[] = [];
  for (let k = 0; k < count; k += 1) {
    const template = rng.pick(known);
    const ethnicity = ETHNICITIES.find((entry) => entry.name === template.ethnicity) ?? HRE;
    const boy = rng.chance(BOY_SHARE);
    const dateOfBirth = randomDate(rng, REFORM_DATE, POST_REFORM_SNAPSHOT);
    const ageDays = dayNumber(POST_REFORM_SNAPSHOT) - dayNumber(dateOfBirth);
    const birthRegistered = ageDays < 60 ? rng.chance(0.7) : rng.chance(0.985);
    let personalId: string | undefined;
    if (birthRegistered && rng.chance(0.97)) {
      for (;;) {
        const id = `051${boy ? '2' : '3'}${dateOfBirth.slice(2, 4)}${commune.code.slice(3)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
        if (!usedIds.has(id)) {
          usedIds.add(id);
          personalId = id;
          break;
        }
      }
    }
    const child: Mutable<SampleChild> = {
      childId: '',
      ...(personalId === undefined ? {} : { personalId }),
      fullName: personName(rng, ethnicity, boy),
      dateOfBirth,
      sex: boy ? 'NAM' : 'NU',
      ...(template.ethnicity === undefined ? {} : { ethnicity: template.ethnicity }),
      provinceCode: commune.provinceCode,
      communeCode: commune.code,
      ...(template.village === undefined ? {} : { village: template.village }),
      birthRegistered,
      hasHealthInsurance: rng.chance(0.98),
      schoolStatus: ageDays < 90 || !rng.chance(0.25) ? 'CHUA_DI_HOC' : 'NHA_TRE',
      specialGroups: [],
      riskGroups: [],
      supportForms: [],
      status: 'ACTIVE',
    };
    if (rng.chance(0.012)) {
      child.status = 'DEAD';
      child.statusDate = randomDate(rng, dateOfBirth, minIso(addDays(dateOfBirth, 364), POST_REFORM_SNAPSHOT));
    }
    drafts.push(child);
  }
  drafts.sort(
    (a, b) =>
      (villageRank.get(a.village ?? '') ?? 0) - (villageRank.get(b.village ?? '') ?? 0) ||
      compareText(a.dateOfBirth, b.dateOfBirth) ||
      compareText(a.fullName, b.fullName),
  );
  drafts.forEach((child, i) => {
    child.childId = childIdOf(commune.code, NEW_CHILD_SEQ + i);
  });
  return drafts;
}

interface Candidates {
  readonly commune: NewCommune;
  readonly children: readonly SampleChild[];
}

function continueTo2026(seed: number, news: readonly NewCommune[], data: readonly CommuneData[]): Continuation {
  const oldsOf = (commune: NewCommune): CommuneData[] =>
    data.filter((old) => commune.formedFrom.some((from) => from.code === old.commune.code));
  const usedIds = new Set(data.flatMap((old) => old.children.map((child) => child.personalId)).filter((id): id is string => id !== undefined));
  const births = new Map(news.map((commune) => [commune.code, birthsOf(seed, commune, oldsOf(commune), usedIds)]));
  const deaths = new Map<string, string>();
  for (const old of data) {
    for (const event of old.events) {
      if (event.outcome === 'TU_VONG' && event.eventDate > OLD_SNAPSHOT) deaths.set(event.childId, event.eventDate);
    }
  }
  const pools: Candidates[] = news.map((commune) => ({
    commune,
    children: [...oldsOf(commune).flatMap((old) => old.children), ...(births.get(commune.code) ?? [])],
  }));
  const alive = (child: SampleChild, date: string, minAge: number, maxAge: number, sex?: string): boolean => {
    if (child.dateOfBirth >= date) return false;
    const age = ageAt(child.dateOfBirth, date);
    if (age < minAge || age > maxAge || age >= 16) return false;
    if (sex !== undefined && child.sex !== sex) return false;
    if (child.status !== 'ACTIVE' && child.statusDate !== undefined && child.statusDate < date) return false;
    const death = deaths.get(child.childId);
    return death === undefined || death >= date;
  };
  const drafts = new Map<string, Mutable<SampleEvent>[]>(news.map((commune) => [commune.code, []]));
  const push = (commune: NewCommune, child: SampleChild, date: string, fields: Partial<SampleEvent>): void => {
    drafts.get(commune.code)!.push({
      caseId: '',
      childId: child.childId,
      sex: child.sex,
      dateOfBirth: child.dateOfBirth,
      communeCode: commune.code,
      eventType: 'TNTT',
      eventDate: date,
      abuseForms: [],
      interventions: [],
      ...fields,
    });
  };
  const rng = new Rng(seed, `events-2026:${news.map((commune) => commune.code).join(',')}`);
  const pickPool = (): Candidates => rng.weighted(pools.map((pool) => [pool, pool.children.length] as const));

  for (const cause of INJURY_DEATHS_2026) {
    const [minAge, maxAge] = CAUSE_AGES[cause] ?? [0, 15];
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 100) throw new Error('sample: no child for an injury death in 2026-H1');
      const pool = pickPool();
      const date = injuryDate(rng, H1_2026, cause);
      const candidates = pool.children.filter((child) => alive(child, date, minAge, maxAge) && child.status === 'ACTIVE');
      if (candidates.length === 0) continue;
      const child = rng.pick(candidates);
      deaths.set(child.childId, date);
      push(pool.commune, child, date, {
        injuryCause: cause as SampleEvent['injuryCause'],
        outcome: 'TU_VONG',
        interventions: rng.chance(0.7) ? ['QUA_HIEN_VAT'] : [],
      });
      break;
    }
  }
  let caseKey = 0;
  const caseOf = new Map<Mutable<SampleEvent>, number>();
  for (const spec of ABUSE_CASES_2026) {
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 200) throw new Error('sample: no children for an abuse case in 2026-H1');
      const pool = pickPool();
      const date = randomDate(rng, H1_2026.from, H1_2026.to);
      const candidates = pool.children.filter((child) => alive(child, date, spec.ages[0], spec.ages[1], spec.sex));
      if (candidates.length === 0) continue;
      const first = rng.pick(candidates);
      const siblings = candidates.filter((child) => child !== first && child.village === first.village);
      if (siblings.length < spec.victims - 1) continue;
      const victims = [first, ...rng.shuffle(siblings).slice(0, spec.victims - 1)];
      caseKey += 1;
      for (const child of victims) {
        push(pool.commune, child, date, {
          eventType: 'XAM_HAI',
          abuseForms: [...spec.forms] as SampleEvent['abuseForms'],
          abuseSetting: spec.setting as SampleEvent['abuseSetting'],
          interventions: [...spec.interventions] as SampleEvent['interventions'],
          handling: spec.handling as SampleEvent['handling'],
          ...(spec.fine === undefined ? {} : { fineAmount: spec.fine }),
        });
        caseOf.set(drafts.get(pool.commune.code)!.at(-1)!, caseKey);
      }
      break;
    }
  }
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > 100) throw new Error('sample: no child for a child marriage in 2026-H1');
    const pool = pickPool();
    const date = randomDate(rng, H1_2026.from, H1_2026.to);
    const candidates = pool.children.filter((child) => alive(child, date, 15, 15, 'NU') && child.ethnicity !== KINH.name);
    if (candidates.length === 0) continue;
    push(pool.commune, rng.pick(candidates), date, { eventType: 'TAO_HON', interventions: rng.chance(0.5) ? ['TU_VAN_TAM_LY'] : [] });
    break;
  }
  for (const pool of pools) {
    const local = new Rng(seed, `injuries-2026:${pool.commune.code}`);
    const count = local.count(pool.children.length * (16 / 17.5) * INJURY_RATE_PER_HALF);
    for (let n = 0; n < count; n += 1) {
      const cause = local.weighted(INJURY_CAUSE_WEIGHTS);
      const [minAge, maxAge] = CAUSE_AGES[cause] ?? [0, 15];
      const date = injuryDate(local, H1_2026, cause);
      const candidates = pool.children.filter((child) => alive(child, date, minAge, maxAge));
      if (candidates.length === 0) continue;
      const r = local.next();
      push(pool.commune, local.pick(candidates), date, {
        injuryCause: cause as SampleEvent['injuryCause'],
        outcome: local.chance(0.03) ? 'KHUYET_TAT' : 'THUONG_TICH',
        interventions: r < 0.5 ? ['HO_TRO_Y_TE'] : r < 0.65 ? ['QUA_HIEN_VAT'] : [],
      });
    }
  }
  // Case ids in date order per commune; the victims of one abuse case share theirs.
  const events = new Map<string, SampleEvent[]>();
  for (const [code, list] of drafts) {
    list.sort((a, b) => compareText(a.eventDate, b.eventDate) || compareText(a.eventType, b.eventType) || compareText(a.childId, b.childId));
    let seq = 0;
    const caseIds = new Map<number, string>();
    for (const event of list) {
      const key = caseOf.get(event);
      const known = key === undefined ? undefined : caseIds.get(key);
      if (known !== undefined) {
        event.caseId = known;
        continue;
      }
      seq += 1;
      event.caseId = caseIdOf(code, '2026', seq);
      if (key !== undefined) caseIds.set(key, event.caseId);
    }
    events.set(code, list);
  }
  const facts = new Map(
    news.map((commune) => {
      const olds = oldsOf(commune).flatMap((old) => old.facts.filter((row) => row.periodId === '2025-H1'));
      const sum = (pick: (row: SampleFacts) => number): number => olds.reduce((total, row) => total + pick(row), 0);
      const row: SampleFacts = {
        communeCode: commune.code,
        periodId: '2026-H1',
        population: Math.round(sum((r) => r.population ?? 0) * 1.012),
        villages: sum((r) => r.villages ?? 0),
        villagesWithFacilities: sum((r) => r.villagesWithFacilities ?? 0),
        hasPlayground: olds.some((r) => r.hasPlayground === true),
        childFriendly: olds.every((r) => r.childFriendly === true),
        childrenConsulted: sum((r) => r.childrenConsulted ?? 0),
        budget: sum((r) => r.budget ?? 0),
      };
      return [commune.code, row] as const;
    }),
  );
  return { births, events, deaths, facts };
}

// ---------------------------------------------------------------------------------------------
// Files

/** A run of records inside a sheet, with the planted rows that fall among them. */
interface Block {
  readonly records: readonly object[];
  readonly planted: readonly PlantedRow[];
}

/**
 * Planted rows of one old commune's sheet, moved to a block that keeps only some of its records:
 * a row planted before original record p goes before the first kept record at or after p.
 */
function plantedIn(rows: readonly PlantedRow[], keptIndices: readonly number[]): PlantedRow[] {
  return rows.map((row) => ({ ...row, position: keptIndices.filter((index) => index < row.position).length }));
}

function sheetOf(spec: SheetSpec, style: FileStyle, blocks: readonly Block[], title: string | undefined): ReturnType<typeof assembleSheet> {
  const rows: RowDraft[] = [];
  const totals: PlantedRow[] = [];
  for (const block of blocks) {
    rows.push(...withPlanted(spec, style, block.records, block.planted.filter((row) => !row.total)));
    totals.push(...block.planted.filter((row) => row.total));
  }
  // A totals row closes the table, wherever its old list ended.
  rows.push(...withPlanted(spec, style, [], totals));
  return assembleSheet(spec, style, rows, title);
}

function asSampleCommune(commune: NewCommune): SampleCommune {
  return {
    index: commune.index,
    provinceCode: commune.provinceCode,
    districtCode: '',
    code: commune.code,
    name: commune.name,
    newCode: commune.code,
    newName: commune.name,
  };
}

interface OldPart {
  readonly data: CommuneData;
  readonly children: readonly SampleChild[];
  readonly planted: readonly PlantedRow[];
}

function eventsBlock(part: OldPart, keep: (event: SampleEvent) => boolean, keepPlanted: (row: PlantedRow) => boolean): Block {
  const kept = part.data.events.map((event, index) => ({ event, index })).filter(({ event }) => keep(event));
  const planted = part.planted.filter((row) => row.sheet === 'SuViec' && keepPlanted(row));
  return { records: kept.map(({ event }) => event), planted: plantedIn(planted, kept.map(({ index }) => index)) };
}

const plantedDate = (row: PlantedRow): string => (row.record !== undefined && 'eventDate' in row.record ? row.record.eventDate : RECORDS_FROM);
const upper = (name: string): string => name.toLocaleUpperCase('vi');

/**
 * An old list as the new commune keeps it: an injury death after the old register's date is
 * recorded, and most children in special circumstances get their support of 2026-H1 (the
 * "Ngày trợ giúp" is the latest support, so it replaces the earlier one).
 */
function keptUpToDate(seed: number, code: string, children: readonly SampleChild[], deaths: ReadonlyMap<string, string>): SampleChild[] {
  const rng = new Rng(seed, `support-2026:${code}`);
  return children.map((child) => {
    const death = deaths.get(child.childId);
    if (death !== undefined && death <= POST_REFORM_SNAPSHOT) return { ...child, status: 'DEAD' as const, statusDate: death };
    const supportable = inPopulation(child, POST_REFORM_SNAPSHOT) && specialAt(child, POST_REFORM_SNAPSHOT) && child.supportForms.length > 0;
    if (!supportable || !rng.chance(0.95)) return child;
    return { ...child, supportDate: randomDate(rng, maxIso(H1_2026.from, child.specialSince ?? H1_2026.from), H1_2026.to) };
  });
}

export function buildPostReformSet(units: AdminUnits, seed: number): PostReformSet {
  const { olds, news } = postReformCommunes(units);
  const data = generateSample(seed, olds);
  const codes = plantCodes(units, olds);
  const planting = plantErrors(seed, data, { unknownCommuneCode: codes.unknown, outsideCommuneCode: codes.outside });
  const later = continueTo2026(seed, news, data.communes);
  const fromRecords = (event: SampleEvent): boolean => event.eventDate >= RECORDS_FROM;

  const files: FileLayout[] = [];
  const writtenChildren: SampleChild[] = [];
  for (const commune of news) {
    const parts: OldPart[] = commune.formedFrom.map((old) => {
      const own = data.communes[old.index]!;
      // A list carried over is kept up to date (deaths, the latest support), never recoded.
      const children = commune.mixed ? keptUpToDate(seed, old.code, own.children, later.deaths) : own.children;
      return { data: own, children, planted: planting.rows.filter((row) => row.file === old.index) };
    });
    const births = later.births.get(commune.code) ?? [];
    const newEvents = later.events.get(commune.code) ?? [];
    const newFacts = later.facts.get(commune.code);
    writtenChildren.push(...parts.flatMap((part) => part.children), ...births);
    const name = upper(commune.name);
    const first = commune.formedFrom[0]!.index;
    if (commune.mixed) {
      const style = styleFor(first);
      files.push({
        fileName: `2026-${commune.provinceCode}-${commune.code}-${slugOf(commune.name)}.xlsx`,
        commune: asSampleCommune(commune),
        style,
        sheets: [
          sheetOf(
            CHILDREN_SHEET,
            style,
            [...parts.map((part) => ({ records: part.children, planted: part.planted.filter((row) => row.sheet === 'TreEm') })), { records: births, planted: [] }],
            `DANH SÁCH TRẺ EM ${name} (ĐẾN NGÀY 30/06/2026)`,
          ),
          sheetOf(
            EVENTS_SHEET,
            style,
            [...parts.map((part) => eventsBlock(part, fromRecords, () => true)), { records: newEvents, planted: [] }],
            `DANH SÁCH SỰ VIỆC VỀ TRẺ EM ${name} NĂM 2025 - 2026`,
          ),
          sheetOf(
            COMMUNE_FACTS_SHEET,
            style,
            [...parts.map((part) => ({ records: part.data.facts.filter((row) => row.periodId === '2025-H1'), planted: [] })), { records: newFacts ? [newFacts] : [], planted: [] }],
            undefined,
          ),
        ],
      });
      continue;
    }
    for (const part of parts) {
      const old = part.data.commune;
      const style = styleFor(old.index);
      const oldName = upper(old.name);
      files.push({
        fileName: `2025-${old.provinceCode}-${old.districtCode}-${old.code}-${slugOf(old.name)}.xlsx`,
        commune: old,
        style,
        sheets: [
          sheetOf(CHILDREN_SHEET, style, [{ records: part.children, planted: part.planted.filter((row) => row.sheet === 'TreEm') }], `DANH SÁCH TRẺ EM ${oldName} (ĐẾN NGÀY 30/06/2025)`),
          sheetOf(
            EVENTS_SHEET,
            style,
            [eventsBlock(part, (event) => fromRecords(event) && event.eventDate < REFORM_DATE, (row) => plantedDate(row) < REFORM_DATE)],
            `DANH SÁCH SỰ VIỆC VỀ TRẺ EM ${oldName} 6 THÁNG ĐẦU NĂM 2025`,
          ),
          sheetOf(COMMUNE_FACTS_SHEET, style, [{ records: part.data.facts.filter((row) => row.periodId === '2025-H1'), planted: [] }], undefined),
        ],
      });
    }
    const style = styleFor(first + 1);
    files.push({
      fileName: `2026-${commune.provinceCode}-${commune.code}-${slugOf(commune.name)}-tu-01-07-2025.xlsx`,
      commune: asSampleCommune(commune),
      style,
      sheets: [
        sheetOf(CHILDREN_SHEET, style, [{ records: births, planted: [] }], `DANH SÁCH TRẺ EM SINH TỪ 01/07/2025 ${name} (ĐẾN NGÀY 30/06/2026)`),
        sheetOf(
          EVENTS_SHEET,
          style,
          [...parts.map((part) => eventsBlock(part, (event) => event.eventDate >= REFORM_DATE, (row) => plantedDate(row) >= REFORM_DATE)), { records: newEvents, planted: [] }],
          `DANH SÁCH SỰ VIỆC VỀ TRẺ EM ${name} TỪ 01/07/2025`,
        ),
        sheetOf(COMMUNE_FACTS_SHEET, style, [{ records: newFacts ? [newFacts] : [], planted: [] }], undefined),
      ],
    });
  }

  const events = [
    ...data.communes.flatMap((commune) => commune.events).filter(fromRecords),
    ...news.flatMap((commune) => later.events.get(commune.code) ?? []),
    ...planting.validEvents.filter(fromRecords),
  ];
  // Every code, old or new, leads to one new commune here: the reused codes of these communes
  // (21289, 21292, 21307, 21319, 21325) name, in both lists, communes that became that same one.
  const newCodeOf = new Map<string, string>([...olds.map((old) => [old.code, old.newCode] as const), ...news.map((commune) => [commune.code, commune.code] as const)]);
  const homeOf = (code: string): string | undefined => newCodeOf.get(code);
  const communeTotals = Object.fromEntries(
    news.map((commune) => {
      const children = writtenChildren.filter((child) => homeOf(child.communeCode) === commune.code);
      const own = events.filter((event) => homeOf(event.communeCode) === commune.code);
      return [commune.code, POST_REFORM_PERIODS.map((period) => periodTotals(children, own, period))];
    }),
  );
  return {
    seed,
    newCommunes: news,
    files,
    planted: plantedErrorsOf(files, planting.rows),
    children: writtenChildren,
    events,
    totals: POST_REFORM_PERIODS.map((period) => periodTotals(writtenChildren, events, period)),
    communeTotals,
    accounts: accountsOf(files, planting.rows),
  };
}
