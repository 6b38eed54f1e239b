/**
 * npm run bench: generates data sets once (bench/.data, git-ignored) and measures each stage
 * in a fresh process (so that its peak RSS is its own), printing per stage its time, the CPU
 * time of all its threads, rows per second, peak memory, and the ratio to a bare node:zlib
 * inflate of the same files measured in the same run (bench/inflate.ts).
 *
 *   npm run bench                       start-up; commune, district, province sets; 100k and 500k-row sheets
 *   BENCH_SETS=province npm run bench   only some sets (commune, district, province, sheet-100k,
 *                                       sheet-500k, sheet-max: a sheet of 1,048,576 rows;
 *                                       startup: `chitieu --version` and `validate` of one file)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadAdminUnits } from '../src/units/index.js';
import { measureStartup } from './startup.js';
import { writeCommuneWorkbook, writeLargeChildrenWorkbook, type CommuneBenchFile } from './datasets.js';

const DATA = join(import.meta.dirname, '.data');
const DEFAULT_SETS = ['startup', 'commune', 'district', 'province', 'sheet-100k', 'sheet-500k'];
const sets = (process.env.BENCH_SETS ?? DEFAULT_SETS.join(',')).split(',');

interface StageFigures {
  stage: string;
  rows: number;
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
}

interface DataSet {
  name: string;
  files: string[];
  /** What `report` is run for: the unit and period. */
  unit?: string;
}

function measure(job: string, args: string[]): StageFigures[] {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measure.ts'), job, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return output
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as StageFigures);
}

/** Writes a file under a temporary name first, so an interrupted run never leaves half a data set. */
async function ensure(path: string, write: (path: string) => Promise<void>): Promise<string> {
  if (!existsSync(path)) {
    await write(`${path}.part`);
    renameSync(`${path}.part`, path);
  }
  return path;
}

async function communeSet(name: string, communes: CommuneBenchFile[]): Promise<string[]> {
  const dir = join(DATA, name);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [index, commune] of communes.entries()) {
    files.push(await ensure(join(dir, `${commune.communeCode}.xlsx`), (path) => writeCommuneWorkbook(path, commune, 1000 + index)));
  }
  return files;
}

async function dataSet(name: string): Promise<DataSet> {
  const units = loadAdminUnits();
  const quangNgai = units.childrenOf('commune', '51', 'pre');
  const commune = (code: string, children: number, events: number): CommuneBenchFile => {
    const unit = units.commune(code, 'pre')!;
    return { provinceCode: unit.provinceCode, districtCode: unit.districtCode ?? '', communeCode: code, children, events };
  };
  switch (name) {
    case 'commune':
      return { name, files: await communeSet(name, [commune('21289', 5_000, 200)]), unit: '21289' };
    case 'district': {
      const communes = units.childrenOf('district', '529', 'pre').map((unit) => commune(unit.code, 2_900, 150));
      return { name, files: await communeSet(name, communes), unit: '529' };
    }
    case 'province': {
      const communes = quangNgai.slice(0, 100).map((unit) => commune(unit.code, 5_000, 200));
      return { name, files: await communeSet(name, communes), unit: '51' };
    }
    case 'sheet-100k':
    case 'sheet-500k':
    case 'sheet-max': {
      const rows = name === 'sheet-100k' ? 100_000 : name === 'sheet-500k' ? 500_000 : 1_048_575;
      const path = join(DATA, `${name}.xlsx`);
      return { name, files: [await ensure(path, (part) => writeLargeChildrenWorkbook(part, rows))] };
    }
    default:
      throw new Error(`unknown data set ${name}`);
  }
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

mkdirSync(DATA, { recursive: true });
console.log(`chitieu bench · node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}) · ${Math.round(totalmem() / 2 ** 30)} GiB · load ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
for (const name of sets) {
  if (name === 'startup') {
    console.log('');
    const figures = measureStartup();
    if (!figures) {
      console.log('startup: not measured (run "npm run build" first: it times the compiled CLI)');
      continue;
    }
    console.log("startup (compiled CLI, median of 5)      seconds   limit");
    for (const figure of figures) console.log(`  ${figure.command.padEnd(36)} ${figure.seconds.toFixed(2).padStart(7)}   ${figure.limit} s${figure.seconds > figure.limit ? '  OVER' : ''}`);
    continue;
  }
  const started = performance.now();
  const set = await dataSet(name);
  const prepared = (performance.now() - started) / 1000;
  console.log('');
  console.log(`${set.name}: ${set.files.length} file(s)${prepared > 1 ? ` (generated in ${decimal.format(prepared)} s)` : ''}`);
  console.log('  stage                      rows      seconds   CPU s    rows/s   peak RSS MB   × bare inflate');
  const [floor] = measure('inflate', set.files);
  const stages = set.unit ? measure('pipeline', [set.unit, '2025-H1', ...set.files]) : measure('import', set.files);
  console.log(`  ${floor!.stage.padEnd(24)} ${`${count.format(floor!.rows)} MiB`.padStart(9)}   ${decimal.format(floor!.seconds).padStart(7)}   ${decimal.format(floor!.cpuSeconds).padStart(5)}`);
  for (const figures of stages) {
    const ratio = figures.stage.startsWith('import') || figures.stage === 'total' ? `${(figures.seconds / floor!.seconds).toFixed(2)}×` : '';
    console.log(
      `  ${figures.stage.padEnd(24)} ${count.format(figures.rows).padStart(9)}   ${decimal.format(figures.seconds).padStart(7)}   ${decimal.format(figures.cpuSeconds).padStart(5)}   ${count.format(figures.rows / Math.max(figures.seconds, 1e-9)).padStart(8)}   ${count.format(figures.maxRssMb).padStart(11)}   ${ratio.padStart(8)}`,
    );
  }
  const total = stages.find((figures) => figures.stage === 'total');
  const compute = stages.find((figures) => figures.stage === 'compute');
  const render = stages.find((figures) => figures.stage === 'render');
  if (total && compute && render) {
    console.log(`  compute + render = ${decimal.format((100 * (compute.seconds + render.seconds)) / total.seconds)}% of total`);
  }
}
