/**
 * Engine benchmark: a synthetic Dataset of 500,000 children and 20,000 event rows in memory
 * (all communes of Quảng Ngãi, province 51, before the reform so that three levels are
 * computed), then computeIndicators for 2025-H1 with the whole catalogue, the shipped targets
 * and a baseline from the records. Prints wall time of each step and peak RSS.
 *
 *   node --import tsx bench/compute.ts [children] [events]
 */
import { ABUSE_FORMS, ABUSE_SETTINGS, INJURY_CAUSES, OUTCOMES, RISK_GROUPS, SPECIAL_GROUPS, codesOf } from '../src/model/codes.js';
import type { Child, ChildEvent, CommuneFacts } from '../src/model/records.js';
import { datasetOf, type Dataset } from '../src/model/record-columns.js';
import { computeIndicators, loadCatalogue, loadTargets, parsePeriod } from '../src/engine/index.js';
import { loadAdminUnits } from '../src/units/index.js';

const CHILDREN = Number(process.argv[2] ?? 500_000);
const EVENTS = Number(process.argv[3] ?? 20_000);

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 20);

// A fixed linear congruential generator: the same data on every run.
let seed = 20250701;
const random = () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function generate(): Dataset {
  const units = loadAdminUnits();
  const communes = units.childrenOf('commune', '51', 'pre').map((unit) => unit.code);
  const special = codesOf(SPECIAL_GROUPS);
  const risks = codesOf(RISK_GROUPS);
  const source = { file: 'bench.xlsx', sheet: 'TreEm', row: 1 };
  const children: Child[] = [];
  for (let i = 0; i < CHILDREN; i++) {
    const r = random();
    children.push({
      childId: `TE${i}`,
      fullName: 'Nguyễn Văn A',
      dateOfBirth: iso(2009 + Math.floor(random() * 17), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
      sex: random() < 0.51 ? 'NAM' : 'NU',
      provinceCode: '51',
      communeCode: pick(communes),
      birthRegistered: random() < 0.97,
      hasHealthInsurance: random() < 0.9,
      schoolStatus: pick(['CHUA_DI_HOC', 'NHA_TRE', 'MAU_GIAO', 'TIEU_HOC', 'THCS', 'THPT', 'BO_HOC'] as const),
      specialGroups: r < 0.02 ? [pick(special)] : [],
      riskGroups: r > 0.95 ? [pick(risks)] : [],
      supportForms: [],
      ...(r < 0.015 ? { supportDate: iso(2025, 1 + Math.floor(random() * 12), 10) } : {}),
      status: r > 0.999 ? 'DEAD' : r > 0.99 ? 'MOVED' : 'ACTIVE',
      ...(r > 0.99 ? { statusDate: iso(2025, 1 + Math.floor(random() * 12), 5) } : {}),
      source: { ...source, row: i + 2 },
    });
  }
  const events: ChildEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const child = children[Math.floor(random() * children.length)]!;
    const abuse = random() < 0.3;
    events.push({
      caseId: `VV${Math.floor(i / 1.2)}`,
      childId: child.childId,
      communeCode: child.communeCode,
      eventType: abuse ? 'XAM_HAI' : 'TNTT',
      eventDate: iso(2024 + Math.floor(random() * 2), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
      abuseForms: abuse ? [pick(codesOf(ABUSE_FORMS))] : [],
      ...(abuse ? { abuseSetting: pick(codesOf(ABUSE_SETTINGS)) } : { injuryCause: pick(codesOf(INJURY_CAUSES)), outcome: pick(codesOf(OUTCOMES)) }),
      interventions: random() < 0.8 ? ['TU_VAN_TAM_LY'] : [],
      ...(abuse && random() < 0.2 ? { handling: 'XU_PHAT_HC', fineAmount: 1_000_000 * (1 + Math.floor(random() * 20)) } : {}),
      source: { file: 'bench.xlsx', sheet: 'SuViec', row: i + 2 },
    });
  }
  const communeFacts: CommuneFacts[] = communes.map((communeCode, index) => ({
    communeCode,
    periodId: '2025-H1',
    population: 5000 + index,
    villages: 10,
    villagesWithFacilities: 6,
    hasPlayground: index % 2 === 0,
    childFriendly: index % 3 === 0,
    childrenConsulted: 100,
    source: { file: 'bench.xlsx', sheet: 'ThongTinXa', row: index + 2 },
  }));
  return datasetOf({ children, events, communeFacts });
}

/** Wall time, and CPU time of this process (the machine may be shared: CPU time is what the work took). */
const time = <T>(label: string, work: () => T): T => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  sample();
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)`);
  return value;
};

const dataset = time(`generate ${CHILDREN.toLocaleString('en')} children + ${EVENTS.toLocaleString('en')} events`, generate);
const catalogue = time('load catalogue', () => loadCatalogue());
const plan = loadTargets(new URL('../targets/ke-hoach-003-phu-la-2025.yaml', import.meta.url).pathname, catalogue);
const before = process.memoryUsage().rss;
const output = time('compute 2025-H1 (3 levels, all indicators)', () => computeIndicators({ units: loadAdminUnits(), dataset, period: parsePeriod('2025-H1'), catalogue }));
time('compute 2025-H1 + targets + baseline from records', () =>
  computeIndicators({ units: loadAdminUnits(), dataset, period: parsePeriod('2025-H1'), catalogue, targets: [plan], baseline: 'records' }),
);
clearInterval(sampler);
sample();
console.log(`result rows: ${output.result.results.length.toLocaleString('en')}`);
console.log(`RSS before compute: ${(before / 2 ** 20).toFixed(0)} MiB; peak RSS: ${(peak / 2 ** 20).toFixed(0)} MiB`);
