import { describe, expect, it } from 'vitest';
import { ageAt } from '../../src/sample/dates.js';
import { buildSampleSet, districtCommunes } from '../../src/sample/build.js';
import { ABUSE_CASES, INJURY_DEATHS, REFORM_DATE, generateSample } from '../../src/sample/generate.js';
import { HALVES, REPORT_PERIODS, SNAPSHOT_DATE } from '../../src/sample/periods.js';
import { Rng } from '../../src/sample/prng.js';
import { inPopulation, periodTotals, specialAt } from '../../src/sample/truth.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { Child, ChildEvent, CommuneFacts } from '../../src/model/records.js';

const units = loadAdminUnits();
const communes = districtCommunes(units);
const source = { file: 'x.xlsx', sheet: 'S', row: 2 };

describe('PRNG', () => {
  it('gives the same sequence for the same seed and stream, another for another', () => {
    const draw = (seed: number, stream: string): number[] => {
      const rng = new Rng(seed, stream);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(draw(2025, 'a')).toEqual(draw(2025, 'a'));
    expect(draw(2025, 'a')).not.toEqual(draw(2026, 'a'));
    expect(draw(2025, 'a')).not.toEqual(draw(2025, 'b'));
  });

  it('draws integers inside the range, both ends reachable', () => {
    const rng = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const value = rng.int(3, 7);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(7);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('district and communes', () => {
  it('takes the 14 communes of huyện Sơn Hà (51/529) by code, each with its post-reform commune', () => {
    expect(communes).toHaveLength(14);
    expect(communes.map((commune) => commune.code)).toEqual([...communes.map((commune) => commune.code)].sort());
    expect(communes[0]).toMatchObject({ code: '21289', name: 'Thị trấn Di Lăng', newCode: '21289', provinceCode: '51', districtCode: '529' });
    // domain.md §2.4: the 14 communes became 5, all whole-commune merges.
    expect(new Set(communes.map((commune) => commune.newCode))).toEqual(new Set(['21289', '21292', '21307', '21319', '21325']));
    expect(districtCommunes(units, 3).map((commune) => commune.code)).toEqual(['21289', '21292', '21295']);
  });
});

describe.each([2025, 7])('generated records, seed %i', (seed) => {
  const data = generateSample(seed, communes);
  const children = data.communes.flatMap((commune) => commune.children);
  const events = data.communes.flatMap((commune) => commune.events);
  const byId = new Map(children.map((child) => [child.childId, child]));

  it('are valid records of the model (zod)', () => {
    for (const child of children) expect(Child.safeParse({ ...child, source }).success).toBe(true);
    for (const event of events) expect(ChildEvent.safeParse({ ...event, source }).success).toBe(true);
    for (const facts of data.communes.flatMap((commune) => commune.facts)) {
      expect(CommuneFacts.safeParse({ ...facts, source }).success).toBe(true);
    }
  });

  it('have 600–2,500 children per commune, ~20,000 in the district, ids unique across communes', () => {
    for (const commune of data.communes) {
      expect(commune.children.length).toBeGreaterThanOrEqual(600);
      expect(commune.children.length).toBeLessThanOrEqual(2500);
      for (const child of commune.children) expect(child.communeCode).toBe(commune.commune.code);
    }
    expect(children.length).toBeGreaterThan(15_000);
    expect(children.length).toBeLessThan(26_000);
    expect(byId.size).toBe(children.length);
    const personalIds = children.flatMap((child) => (child.personalId === undefined ? [] : [child.personalId]));
    expect(new Set(personalIds).size).toBe(personalIds.length);
  });

  it('keep the magnitudes of domain.md §3 at 30/06/2025', () => {
    const population = children.filter((child) => inPopulation(child, SNAPSHOT_DATE));
    const share = (n: number): number => n / population.length;
    const boys = population.filter((child) => child.sex === 'NAM').length;
    expect((boys / (population.length - boys)) * 100).toBeGreaterThan(103);
    expect((boys / (population.length - boys)) * 100).toBeLessThan(120);
    const special = population.filter((child) => specialAt(child, SNAPSHOT_DATE));
    expect(share(special.length)).toBeGreaterThan(0.006);
    expect(share(special.length)).toBeLessThan(0.02);
    // Mostly disability.
    expect(special.filter((child) => child.specialGroups.includes('HCDB04')).length / special.length).toBeGreaterThan(0.5);
    expect(special.filter((child) => child.supportDate !== undefined && child.supportDate >= '2025-01-01').length / special.length).toBeGreaterThan(0.85);
    const risk = population.filter((child) => child.riskGroups.length > 0 && !specialAt(child, SNAPSHOT_DATE));
    expect(share(risk.length)).toBeGreaterThan(0.025);
    expect(share(risk.length)).toBeLessThan(0.06);
    const under5 = population.filter((child) => ageAt(child.dateOfBirth, SNAPSHOT_DATE) < 5);
    expect(under5.filter((child) => child.birthRegistered).length / under5.length).toBeGreaterThan(0.96);
    const under6 = population.filter((child) => ageAt(child.dateOfBirth, SNAPSHOT_DATE) < 6);
    expect(under6.filter((child) => child.hasHealthInsurance).length / under6.length).toBeGreaterThan(0.96);
    // Age roughly uniform: each completed year holds about 1/16 of the children.
    for (let age = 0; age < 16; age += 1) {
      const cohort = population.filter((child) => ageAt(child.dateOfBirth, SNAPSHOT_DATE) === age).length;
      expect(cohort / population.length).toBeGreaterThan(0.045);
      expect(cohort / population.length).toBeLessThan(0.08);
    }
    const ethnic = (name: string): number => children.filter((child) => child.ethnicity === name).length / children.length;
    expect(ethnic('Hrê')).toBeGreaterThan(0.6);
    expect(ethnic('Kinh')).toBeGreaterThan(0.05);
  });

  it('have births in the period, a few moves and deaths with status dates, none after the register date', () => {
    expect(children.filter((child) => child.dateOfBirth >= '2024-01-01').length).toBeGreaterThan(1000);
    for (const child of children) {
      expect(child.dateOfBirth <= SNAPSHOT_DATE).toBe(true);
      expect(child.dateOfBirth.endsWith('-02-29')).toBe(false);
      if (child.status === 'ACTIVE') expect(child.statusDate).toBeUndefined();
      else {
        expect(child.statusDate! >= child.dateOfBirth && child.statusDate! <= SNAPSHOT_DATE).toBe(true);
      }
      if (child.specialSince !== undefined) expect(child.specialSince >= child.dateOfBirth).toBe(true);
      if (child.specialUntil !== undefined) expect(child.specialUntil > child.specialSince!).toBe(true);
    }
    const moved = children.filter((child) => child.status === 'MOVED').length / children.length;
    const dead = children.filter((child) => child.status === 'DEAD').length / children.length;
    expect(moved).toBeGreaterThan(0.005);
    expect(moved).toBeLessThan(0.02);
    expect(dead).toBeGreaterThan(0.0005);
    expect(dead).toBeLessThan(0.005);
  });

  it('give school statuses consistent with age at 30/06/2025', () => {
    const allowed = (age: number): string[] =>
      age < 3 ? ['CHUA_DI_HOC', 'NHA_TRE']
        : age < 6 ? ['CHUA_DI_HOC', 'MAU_GIAO']
          : age < 11 ? ['TIEU_HOC', 'BO_HOC']
            : age < 15 ? ['THCS', 'BO_HOC']
              : ['THCS', 'THPT', 'BO_HOC'];
    const wrong = children.filter(
      (child) => !allowed(ageAt(child.dateOfBirth, SNAPSHOT_DATE)).includes(child.schoolStatus ?? ''),
    );
    expect(wrong).toEqual([]);
  });

  it('record events of living children under 16, under the old code before 1 July 2025 and the new code after', () => {
    const codes = new Map(data.communes.map((commune) => [commune.commune.code, commune.commune.newCode]));
    for (const commune of data.communes) {
      for (const event of commune.events) {
        const child = byId.get(event.childId)!;
        expect(child.communeCode).toBe(commune.commune.code);
        expect(event.eventDate > child.dateOfBirth).toBe(true);
        expect(ageAt(child.dateOfBirth, event.eventDate)).toBeLessThan(16);
        expect(event.eventDate >= '2024-01-01' && event.eventDate <= '2025-12-31').toBe(true);
        if (child.status !== 'ACTIVE') expect(event.eventDate <= child.statusDate!).toBe(true);
        expect(event.communeCode).toBe(event.eventDate < REFORM_DATE ? commune.commune.code : codes.get(commune.commune.code));
        expect(event.sex).toBe(child.sex);
        expect(event.dateOfBirth).toBe(child.dateOfBirth);
        if (event.eventType === 'XAM_HAI') {
          expect(event.abuseForms.length).toBeGreaterThan(0);
          expect(event.abuseSetting).toBeDefined();
        }
        if (event.eventType === 'TNTT') {
          expect(event.injuryCause).toBeDefined();
          expect(event.outcome).toBeDefined();
        }
      }
      // A handful of events per commune per half-year (domain.md §3.4: 0–20).
      for (const half of HALVES) {
        const count = commune.events.filter((event) => event.eventDate >= half.from && event.eventDate <= half.to).length;
        expect(count).toBeLessThanOrEqual(20);
      }
    }
    // A child who died of an injury has no later event.
    for (const death of events.filter((event) => event.outcome === 'TU_VONG')) {
      expect(events.some((event) => event.childId === death.childId && event.eventDate > death.eventDate)).toBe(false);
    }
  });

  it('script injury deaths and abuse cases so that the demo figures are known', () => {
    const totals = new Map(REPORT_PERIODS.map((period) => [period.id, periodTotals(children, events, period)]));
    // 5 injury deaths in 2024-H1 and 3 in 2025-H1: "giảm ít nhất 10%" is met (3 ≤ 0.9 × 5 = 4.5).
    expect(totals.get('2024-H1')!.injuryDeaths).toBe(5);
    expect(totals.get('2025-H1')!.injuryDeaths).toBe(3);
    expect(totals.get('2024')!.injuryDeaths).toBe(INJURY_DEATHS['2024-H1']!.length + INJURY_DEATHS['2024-H2']!.length);
    expect(totals.get('2024-H1')!.drowningDeaths).toBe(3);
    expect(totals.get('2025-H1')!.drowningDeaths).toBe(2);
    // Abuse: 2024 has 3 cases, 4 children, one not supported; 2025-H1 has 2 cases, 4 children, all supported.
    expect(totals.get('2024')).toMatchObject({ abuseCases: 3, abusedChildren: 4, abusedSupported: 3, fineCases: 1, fineTotal: 7_500_000 });
    expect(totals.get('2025-H1')).toMatchObject({ abuseCases: 2, abusedChildren: 4, abusedSupported: 4, fineCases: 1, fineTotal: 3_500_000 });
    expect(totals.get('2025')!.abuseCases).toBe(ABUSE_CASES.filter((spec) => spec.half.startsWith('2025')).length);
    const multi = new Map<string, Set<string>>();
    for (const event of events.filter((event) => event.eventType === 'XAM_HAI')) {
      multi.set(event.caseId, (multi.get(event.caseId) ?? new Set()).add(event.childId));
    }
    expect([...multi.values()].some((victims) => victims.size >= 2)).toBe(true);
    // Non-fatal injuries: roughly 550–1,500 per 100,000 children a year.
    const year = totals.get('2024')!;
    expect((year.injuredChildren / year.children) * 100_000).toBeGreaterThan(400);
    expect((year.injuredChildren / year.children) * 100_000).toBeLessThan(1500);
    expect(events.some((event) => event.eventType === 'TAO_HON')).toBe(true);
  });

  it('give each commune facts for 2024-H1, 2024 and 2025-H1 with children ~27% of the population', () => {
    for (const commune of data.communes) {
      expect(commune.facts.map((facts) => facts.periodId)).toEqual(['2024-H1', '2024', '2025-H1']);
      const counted = commune.children.filter((child) => inPopulation(child, SNAPSHOT_DATE)).length;
      const facts = commune.facts[2]!;
      expect(counted / facts.population!).toBeGreaterThan(0.24);
      expect(counted / facts.population!).toBeLessThan(0.3);
      for (const row of commune.facts) {
        expect(row.communeCode).toBe(commune.commune.code);
        expect(row.villagesWithFacilities!).toBeLessThanOrEqual(row.villages!);
      }
    }
    const total = data.communes.reduce((sum, commune) => sum + commune.facts[2]!.population!, 0);
    expect(total).toBeGreaterThan(55_000);
    expect(total).toBeLessThan(95_000);
  });
});

describe('case ids', () => {
  it('are shared by the children of one case and unique otherwise', () => {
    const set = buildSampleSet(units, { seed: 2025 });
    const byCase = new Map<string, string[]>();
    for (const event of set.events) byCase.set(event.caseId, [...(byCase.get(event.caseId) ?? []), event.childId]);
    for (const [caseId, victims] of byCase) {
      expect(new Set(victims).size).toBe(victims.length);
      expect(caseId).toMatch(/^VV-\d{5}-\d{4}-\d{3}$/);
    }
  });
});
