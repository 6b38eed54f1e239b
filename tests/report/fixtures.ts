/**
 * Realistic ComputeResult fixtures for report tests: huyện Sơn Hà (district 529, province 51)
 * with four of its communes, 2025-H1 and the same period of 2024.
 *
 * Rows are made from a few synthetic children per commune by the rules of indicator-rules.md
 * (distinct children; breakdown rows for sex and ageGroup always, other values when they
 * occur). The district rows count the same children again, so they equal the sum of the
 * communes (no child is in two communes here).
 */
import type { BreakdownKey, ComputeResult, IndicatorResult, Level, TargetResult } from '../../src/model/results.js';
import type { UnitFacts, UnitName } from '../../src/report/index.js';
import type { ReportInput } from '../../src/report/model.js';

export const DISTRICT: UnitName = { code: '529', fullName: 'Huyện Sơn Hà', level: 'district' };
export const COMMUNES: UnitName[] = [
  { code: '21289', fullName: 'Thị trấn Di Lăng', level: 'commune' },
  { code: '21292', fullName: 'Xã Sơn Hạ', level: 'commune' },
  { code: '21295', fullName: 'Xã Sơn Thành', level: 'commune' },
  { code: '21298', fullName: 'Xã Sơn Nham', level: 'commune' },
];

interface FixtureChild {
  sex: 'NAM' | 'NU';
  age: number;
  registered: boolean;
  insured: boolean;
  groups: string[];
  supported: boolean;
  risk: boolean;
}

interface FixtureEvent {
  child: number;
  caseId: string;
  type: 'XAM_HAI' | 'TNTT';
  cause?: string;
  died?: boolean;
  forms?: string[];
  setting?: string;
  helped?: boolean;
  fine?: number;
}

interface CommuneData {
  children: FixtureChild[];
  events: FixtureEvent[];
}

/** A small deterministic generator (no Math.random: fixtures never change). */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const GROUPS = ['HCDB04', 'HCDB01', 'HCDB13', 'HCDB09'];

function makeChildren(count: number, seed: number): FixtureChild[] {
  const next = generator(seed);
  return Array.from({ length: count }, () => {
    const age = Math.floor(next() * 16);
    const special = next() < 0.03;
    return {
      sex: next() < 0.52 ? 'NAM' : 'NU',
      age,
      registered: next() < 0.97,
      insured: next() < 0.95,
      groups: special ? [GROUPS[Math.floor(next() * GROUPS.length)]!, ...(next() < 0.2 ? ['HCDB03'] : [])] : [],
      supported: special && next() < 0.9,
      risk: !special && next() < 0.02,
    };
  });
}

const ageGroup = (age: number) => (age <= 2 ? '0-2' : age <= 5 ? '3-5' : age <= 10 ? '6-10' : '11-15');

type Breakdown = Partial<Record<BreakdownKey, string>>;

class Rows {
  readonly rows: IndicatorResult[] = [];
  constructor(
    readonly unit: string,
    readonly level: Level,
  ) {}

  add(indicator: string, breakdown: Breakdown, numerator: number, denominator: number | null, factor: number | null): void {
    const value = denominator === null ? numerator : denominator === 0 ? null : (numerator / denominator) * factor!;
    this.rows.push({ indicator, unit: this.unit, level: this.level, breakdown, numerator, denominator, value });
  }
}

const SEXES = ['NAM', 'NU'] as const;
const AGES = ['0-2', '3-5', '6-10', '11-15'] as const;

/** The rows of one unit from its children and events (the rules of indicator-rules.md). */
function unitRows(unit: string, level: Level, data: CommuneData, facts: UnitFacts[]): IndicatorResult[] {
  const out = new Rows(unit, level);
  const kids = data.children;
  const population = kids.length;
  const bySex = (sex: string) => kids.filter((k) => k.sex === sex);
  // TE-0101
  out.add('TE-0101', {}, population, null, null);
  for (const sex of SEXES) out.add('TE-0101', { sex }, bySex(sex).length, null, null);
  for (const age of AGES) out.add('TE-0101', { ageGroup: age }, kids.filter((k) => ageGroup(k.age) === age).length, null, null);
  // TE-0104 / TE-0105
  for (const [code, limit, flag] of [
    ['TE-0104', 5, 'registered'],
    ['TE-0105', 6, 'insured'],
  ] as const) {
    const young = (list: FixtureChild[]) => list.filter((k) => k.age < limit);
    out.add(code, {}, young(kids).filter((k) => k[flag]).length, young(kids).length, 100);
    for (const sex of SEXES) out.add(code, { sex }, young(bySex(sex)).filter((k) => k[flag]).length, young(bySex(sex)).length, 100);
  }
  // TE-0301 / 0302 / 0303
  const special = kids.filter((k) => k.groups.length > 0);
  out.add('TE-0301', {}, special.length, population, 100);
  for (const group of ['HCDB01', 'HCDB03', 'HCDB04', 'HCDB09', 'HCDB13']) {
    const inGroup = special.filter((k) => k.groups.includes(group));
    if (inGroup.length > 0) out.add('TE-0301', { group }, inGroup.length, population, 100);
    for (const sex of SEXES) {
      const n = inGroup.filter((k) => k.sex === sex).length;
      if (n > 0) out.add('TE-0301', { group, sex }, n, bySex(sex).length, 100);
    }
  }
  for (const sex of SEXES) out.add('TE-0301', { sex }, special.filter((k) => k.sex === sex).length, bySex(sex).length, 100);
  for (const age of AGES) {
    out.add('TE-0301', { ageGroup: age }, special.filter((k) => ageGroup(k.age) === age).length, kids.filter((k) => ageGroup(k.age) === age).length, 100);
  }
  out.add('TE-0302', {}, special.filter((k) => k.supported).length, special.length, 100);
  for (const sex of SEXES) {
    const s = special.filter((k) => k.sex === sex);
    out.add('TE-0302', { sex }, s.filter((k) => k.supported).length, s.length, 100);
  }
  out.add('TE-0303', {}, kids.filter((k) => k.risk).length, population, 100);
  for (const sex of SEXES) out.add('TE-0303', { sex }, bySex(sex).filter((k) => k.risk).length, bySex(sex).length, 100);

  // Events: distinct children per value.
  const distinct = (events: FixtureEvent[]) => new Set(events.map((e) => e.child));
  const childOf = (e: FixtureEvent) => kids[e.child]!;
  const eventRows = (indicator: string, events: FixtureEvent[], keys: ('cause' | 'form' | 'setting')[], pairs: ('sex' | 'ageGroup')[]) => {
    out.add(indicator, {}, distinct(events).size, population, 100000);
    for (const sex of SEXES) out.add(indicator, { sex }, distinct(events.filter((e) => childOf(e).sex === sex)).size, bySex(sex).length, 100000);
    for (const age of AGES) {
      out.add(indicator, { ageGroup: age }, distinct(events.filter((e) => ageGroup(childOf(e).age) === age)).size, population, 100000);
    }
    for (const key of keys) {
      const values = [...new Set(events.flatMap((e) => (key === 'form' ? (e.forms ?? []) : e[key] ? [e[key]!] : [])))].sort();
      for (const value of values) {
        const matching = events.filter((e) => (key === 'form' ? (e.forms ?? []).includes(value) : e[key] === value));
        out.add(indicator, { [key]: value }, distinct(matching).size, population, 100000);
        for (const pair of pairs) {
          const pairValues = pair === 'sex' ? SEXES : AGES;
          for (const pv of pairValues) {
            const m = matching.filter((e) => (pair === 'sex' ? childOf(e).sex === pv : ageGroup(childOf(e).age) === pv));
            if (m.length > 0) out.add(indicator, { [key]: value, [pair]: pv }, distinct(m).size, pair === 'sex' ? bySex(pv).length : population, 100000);
          }
        }
      }
    }
  };
  const injuries = data.events.filter((e) => e.type === 'TNTT');
  eventRows('TE-0304', injuries, ['cause'], ['sex', 'ageGroup']);
  eventRows('TE-0305', injuries.filter((e) => e.died), ['cause'], ['sex', 'ageGroup']);
  eventRows('TE-0306', injuries.filter((e) => e.died && e.cause === 'DUOI_NUOC'), [], []);
  const abuse = data.events.filter((e) => e.type === 'XAM_HAI');
  eventRows('XH-0101', abuse, ['setting', 'form'], ['sex', 'ageGroup']);
  out.add('XH-0102', {}, new Set(abuse.map((e) => e.caseId)).size, null, null);
  const abused = distinct(abuse);
  const helped = distinct(abuse.filter((e) => e.helped));
  out.add('XH-0103', {}, helped.size, abused.size, 100);
  for (const sex of SEXES) {
    const ofSex = (set: Set<number>) => [...set].filter((i) => kids[i]!.sex === sex).length;
    out.add('XH-0103', { sex }, ofSex(helped), ofSex(abused), 100);
  }
  const fined = abuse.filter((e) => e.fine !== undefined);
  out.add('XH-0201', {}, new Set(fined.map((e) => e.caseId)).size, null, null);
  out.add('XH-0202', {}, fined.reduce((sum, e) => sum + (e.fine ?? 0), 0), null, null);
  // Commune facts: TE-0310 (communes that are child-friendly), TE-0501 (villages).
  out.add('TE-0310', {}, facts.filter((f) => f.childFriendly).length, facts.length, 100);
  out.add('TE-0501', {}, facts.reduce((s, f) => s + (f.villagesWithFacilities ?? 0), 0), facts.reduce((s, f) => s + (f.villages ?? 0), 0), 100);
  // No school column in these files.
  out.rows.push({ indicator: 'TE-0403', unit, level, breakdown: {}, numerator: null, denominator: null, value: null, noData: true });
  return out.rows;
}

function communeData(year: number): Record<string, CommuneData> {
  const seed = year * 10;
  const size = year === 2025 ? 1 : 0.98;
  const children = (code: string, n: number, s: number) => makeChildren(Math.round(n * size), seed + s + Number(code));
  if (year === 2025) {
    return {
      '21289': {
        children: children('21289', 1850, 1),
        events: [
          { child: 3, caseId: 'VV-01', type: 'XAM_HAI', forms: ['BAO_LUC'], setting: 'GIA_DINH', helped: true },
          { child: 40, caseId: 'VV-02', type: 'XAM_HAI', forms: ['XAM_HAI_TINH_DUC'], setting: 'CONG_DONG', helped: true, fine: 15_000_000 },
          { child: 7, caseId: 'TN-01', type: 'TNTT', cause: 'GIAO_THONG' },
          { child: 8, caseId: 'TN-02', type: 'TNTT', cause: 'DUOI_NUOC', died: true },
          { child: 9, caseId: 'TN-03', type: 'TNTT', cause: 'NGA' },
        ],
      },
      '21292': {
        children: children('21292', 1220, 2),
        events: [
          { child: 12, caseId: 'VV-03', type: 'XAM_HAI', forms: ['BAO_LUC', 'BO_ROI_BO_MAC'], setting: 'GIA_DINH', helped: false },
          { child: 5, caseId: 'TN-04', type: 'TNTT', cause: 'BONG' },
        ],
      },
      '21295': { children: children('21295', 980, 3), events: [{ child: 30, caseId: 'TN-05', type: 'TNTT', cause: 'DUOI_NUOC', died: true }] },
      '21298': { children: children('21298', 1430, 4), events: [{ child: 2, caseId: 'TN-06', type: 'TNTT', cause: 'DONG_VAT' }] },
    };
  }
  return {
    '21289': {
      children: children('21289', 1850, 1),
      events: [
        { child: 3, caseId: 'VV-11', type: 'XAM_HAI', forms: ['BAO_LUC'], setting: 'TRUONG_HOC', helped: true },
        { child: 7, caseId: 'TN-11', type: 'TNTT', cause: 'DUOI_NUOC', died: true },
        { child: 8, caseId: 'TN-12', type: 'TNTT', cause: 'DUOI_NUOC', died: true },
        { child: 9, caseId: 'TN-13', type: 'TNTT', cause: 'GIAO_THONG', died: true },
      ],
    },
    '21292': { children: children('21292', 1220, 2), events: [{ child: 4, caseId: 'TN-14', type: 'TNTT', cause: 'GIAO_THONG', died: true }] },
    '21295': { children: children('21295', 980, 3), events: [{ child: 6, caseId: 'TN-15', type: 'TNTT', cause: 'NGA', died: true }] },
    '21298': { children: children('21298', 1430, 4), events: [] },
  };
}

export const FACTS_2025: UnitFacts[] = [
  { communeCode: '21289', periodId: '2025-H1', population: 11850, villages: 9, villagesWithFacilities: 6, childFriendly: true, hasPlayground: true, budget: 85_000_000 },
  { communeCode: '21292', periodId: '2025-H1', population: 7420, villages: 8, villagesWithFacilities: 3, childFriendly: false, hasPlayground: false, budget: 40_000_000 },
  { communeCode: '21295', periodId: '2025-H1', population: 6010, villages: 7, villagesWithFacilities: 2, childFriendly: true, hasPlayground: false },
  { communeCode: '21298', periodId: '2025-H1', population: 8900, villages: 10, villagesWithFacilities: 5, childFriendly: false, hasPlayground: true, budget: 52_500_000 },
];

/** All rows: communes, then the district counting all their children. */
function resultFor(year: number, facts: UnitFacts[]): IndicatorResult[] {
  const data = communeData(year);
  const rows: IndicatorResult[] = [];
  const all: CommuneData = { children: [], events: [] };
  for (const commune of COMMUNES) {
    const own = data[commune.code]!;
    rows.push(...unitRows(commune.code, 'commune', own, facts.filter((f) => f.communeCode === commune.code)));
    const offset = all.children.length;
    all.children.push(...own.children);
    all.events.push(...own.events.map((e) => ({ ...e, child: e.child + offset, caseId: e.caseId })));
  }
  rows.push(...unitRows(DISTRICT.code, 'district', all, facts));
  return rows;
}

export const TARGET_DEATHS = 'Giảm ít nhất 10% số trẻ em tử vong do tai nạn, thương tích so với cùng kỳ';
export const TARGET_SUPPORT = '100% trẻ em có hoàn cảnh đặc biệt được trợ giúp';

function targets(current: IndicatorResult[], baseline: IndicatorResult[]): TargetResult[] {
  const get = (rows: IndicatorResult[], indicator: string, unit: string) => rows.find((r) => r.indicator === indicator && r.unit === unit && Object.keys(r.breakdown).length === 0)!;
  const out: TargetResult[] = [];
  for (const unit of [...COMMUNES, DISTRICT]) {
    const now = get(current, 'TE-0305', unit.code).numerator!;
    const before = get(baseline, 'TE-0305', unit.code).numerator!;
    const met = before === 0 ? now === 0 : now <= 0.9 * before;
    out.push({ target: TARGET_DEATHS, indicator: 'TE-0305', unit: unit.code, level: unit.level, status: met ? 'met' : 'not_met', current: now, baseline: before });
    const support = get(current, 'TE-0302', unit.code);
    out.push({
      target: TARGET_SUPPORT,
      indicator: 'TE-0302',
      unit: unit.code,
      level: unit.level,
      status: support.value === null || support.value === 100 ? 'met' : 'not_met',
      current: support.value,
      baseline: null,
      ...(support.value === null ? { note: 'không có trẻ em thuộc diện' } : {}),
    });
  }
  return out;
}

export function fixtureResults(): { current: ComputeResult; baseline: ComputeResult } {
  const currentRows = resultFor(2025, FACTS_2025);
  const baselineRows = resultFor(2024, FACTS_2025.map((f) => ({ ...f, periodId: '2024-H1' })));
  return {
    current: { period: { id: '2025-H1', from: '2025-01-01', to: '2025-06-30' }, results: currentRows, targets: targets(currentRows, baselineRows) },
    baseline: { period: { id: '2024-H1', from: '2024-01-01', to: '2024-06-30' }, results: baselineRows, targets: [] },
  };
}

export const FACTORS: Record<string, number | null> = {
  'TE-0101': null,
  'TE-0104': 100,
  'TE-0105': 100,
  'TE-0301': 100,
  'TE-0302': 100,
  'TE-0303': 100,
  'TE-0304': 100000,
  'TE-0305': 100000,
  'TE-0306': 100000,
  'TE-0310': 100,
  'TE-0403': null,
  'TE-0501': 100,
  'XH-0101': 100000,
  'XH-0102': null,
  'XH-0103': 100,
  'XH-0201': null,
  'XH-0202': null,
};

export function districtInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const { current, baseline } = fixtureResults();
  return {
    result: current,
    baseline,
    unit: DISTRICT,
    subUnits: COMMUNES,
    indicatorNames: { 'TE-0101': 'Dân số trẻ em', 'TE-0305': 'Số trẻ em tử vong do tai nạn thương tích (tỷ suất /100.000)' },
    indicatorFactors: FACTORS,
    facts: FACTS_2025,
    sources: COMMUNES.map((c, i) => ({ file: `${c.code}.xlsx`, read: 1000 + i, accepted: 990 + i, rejected: 10, sha256: 'ab'.repeat(32) })),
    catalogueVersion: 'test-1',
    toolVersion: '0.1.0',
    origin: 'compute',
    ...overrides,
  };
}

/** The input for one commune's own annex: its rows only. */
export function communeInput(commune: UnitName): ReportInput {
  const base = districtInput();
  const only = (result: ComputeResult): ComputeResult => ({
    period: result.period,
    results: result.results.filter((r) => r.unit === commune.code),
    targets: result.targets.filter((t) => t.unit === commune.code),
  });
  return {
    ...base,
    result: only(base.result),
    baseline: only(base.baseline!),
    unit: commune,
    subUnits: [],
    facts: FACTS_2025.filter((f) => f.communeCode === commune.code),
    sources: base.sources!.filter((s) => s.file.startsWith(commune.code)),
  };
}
