/**
 * npm run bench: generates data sets once (bench/.data, git-ignored) and measures each stage
 * in a fresh process (so that its peak RSS is its own), printing per stage its time, the CPU
 * time of all its threads, rows per second, peak memory, and the ratio to a bare node:zlib
 * inflate of the same files measured in the same run (bench/inflate.ts).
 *
 *   npm run bench                       start-up; commune, district, province sets; 100k and 500k-row sheets
 *   BENCH_SETS=province npm run bench   only some sets (startup, commune, commune-xls, district, province,
 *                                       sheet-100k, sheet-500k, sheet-max: a sheet of 1,048,576 rows)
 *   BENCH_SETS=producers npm run bench  the province as other producers write it (issue 21, bench/producers.ts):
 *                                       per producer the inflate + scan floor, chitieu's import, SheetJS
 *                                       reading the same files, and the compiled CLI's `compute --level
 *                                       province --out x.json` as a user runs it, all in the same run;
 *                                       BENCH_COMMUNES=10 for a smaller province while iterating
 *   BENCH_SETS=hostile npm run bench    what a small hostile workbook costs `validate` and
 *                                       `inspect --json --cells` (issue 23), not in the default sets
 *
 * startup is the compiled CLI's `--version`, `--help` and `validate` of one sample file (bench/startup.ts).
 * commune-xls is the commune's workbook saved as a legacy .xls (Excel 97–2003) by LibreOffice,
 * when it is installed (only to make the file: chitieu reads it with its own BIFF reader); its
 * floor is the bare inflate of the .xlsx it was made from.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAdminUnits } from '../src/units/index.js';
import { amplifiedWorkbook } from '../tests/helpers/zips.js';
import { findSoffice } from '../src/import/xls.js';
import { measureStartup } from './startup.js';
import { producerSets } from './producers.js';
import { writeCommuneWorkbook, writeLargeChildrenWorkbook, type CommuneBenchFile } from './datasets.js';

const DATA = join(import.meta.dirname, '.data');
const DEFAULT_SETS = ['startup', 'commune', 'commune-xls', 'district', 'province', 'producers', 'sheet-100k', 'sheet-500k'];
/** Communes of the province set (5,000 children each): 100 unless BENCH_COMMUNES says fewer. */
const PROVINCE_COMMUNES = Number(process.env.BENCH_COMMUNES ?? 100);
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
  /** The zips the bare inflate is measured on, when `files` are not zips. */
  floorFiles?: string[];
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
    case 'commune-xls': {
      const [xlsx] = await communeSet('commune', [commune('21289', 5_000, 200)]);
      const soffice = await findSoffice();
      if (!soffice) return { name, files: [] };
      const xls = await ensure(join(DATA, 'commune-xls', '21289.xls'), async (part) => {
        const out = join(DATA, 'commune-xls', 'converting');
        execFileSync(soffice, ['--headless', `-env:UserInstallation=${pathToFileURL(join(DATA, 'lo-profile')).href}`, '--convert-to', 'xls', '--outdir', out, xlsx!], { stdio: 'ignore' });
        renameSync(join(out, '21289.xls'), part);
        rmSync(out, { recursive: true, force: true });
      });
      return { name, files: [xls], floorFiles: [xlsx!], unit: '21289' };
    }
    case 'district': {
      const communes = units.childrenOf('district', '529', 'pre').map((unit) => commune(unit.code, 2_900, 150));
      return { name, files: await communeSet(name, communes), unit: '529' };
    }
    case 'province': {
      const communes = quangNgai.slice(0, PROVINCE_COMMUNES).map((unit) => commune(unit.code, 5_000, 200));
      return { name, files: await communeSet(PROVINCE_COMMUNES === 100 ? name : `${name}-${PROVINCE_COMMUNES}`, communes), unit: '51' };
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

/** `chitieu ARGS` from the sources in a fresh process, its output discarded: seconds, exit code and peak RSS (MB). */
function cliRun(args: string[]): { seconds: number; status: number | null; maxRssMb: number } {
  const rssFile = join(DATA, 'cli.rss');
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../tests/helpers/source-cli.ts'), ...args], {
    stdio: 'ignore',
    env: { ...process.env, TZ: 'UTC', CHITIEU_TEST_RSS_FILE: rssFile },
  });
  return { seconds: (performance.now() - started) / 1000, status: child.status, maxRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

/** Issue 23's workbooks: one shared string referenced by 12,000 cells, past Excel's limit and within it. */
function hostileSet(): void {
  const files = [
    { name: 'amplified-1m.xlsx', what: '1,048,576-char shared string × 12,000 cells', chars: 1_048_576 },
    { name: 'amplified-32k.xlsx', what: '32,767-char shared string × 12,000 cells', chars: 32_767 },
  ];
  console.log('');
  console.log('hostile: a small workbook whose one shared string every cell references');
  console.log('  file                                           size MB   command                 exit   seconds   peak RSS MB');
  const bare = cliRun(['--help']);
  console.log(`  ${'(node and chitieu starting: --help)'.padEnd(46)} ${''.padStart(7)}   ${''.padEnd(22)} ${String(bare.status).padStart(4)}   ${decimal.format(bare.seconds).padStart(7)}   ${count.format(bare.maxRssMb).padStart(11)}`);
  for (const file of files) {
    const path = join(DATA, file.name);
    if (!existsSync(path)) writeFileSync(path, amplifiedWorkbook(file.chars, 12_000));
    const size = statSync(path).size / 2 ** 20;
    for (const command of [['validate'], ['inspect', '--json', '--cells']]) {
      const figures = cliRun([command[0]!, path, ...command.slice(1)]);
      console.log(
        `  ${file.what.padEnd(46)} ${decimal.format(size).padStart(7)}   ${command.join(' ').padEnd(22)} ${String(figures.status).padStart(4)}   ${decimal.format(figures.seconds).padStart(7)}   ${count.format(figures.maxRssMb).padStart(11)}`,
      );
    }
  }
}

/** The compiled CLI as a user runs it (`node bin/chitieu.js ARGS`): wall and CPU seconds, peak RSS (MB) by /usr/bin/time. */
function compiledRun(args: string[]): { seconds: number; cpuSeconds: number; maxRssMb: number; status: number | null } {
  const timeFile = join(DATA, 'cli.time');
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%U %S %M', process.execPath, join(import.meta.dirname, '../bin/chitieu.js'), ...args], {
    stdio: 'ignore',
    env: { ...process.env, TZ: 'UTC' },
  });
  const seconds = (performance.now() - started) / 1000;
  const [user, system, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, cpuSeconds: user! + system!, maxRssMb: rssKb! / 1024, status: child.status };
}

/** Issue 21: per producer, the floor, chitieu's import, SheetJS and the compiled CLI, in one run. */
async function producersSet(): Promise<void> {
  const province = await dataSet('province');
  const started = performance.now();
  const producers = await producerSets(DATA, PROVINCE_COMMUNES === 100 ? 'province' : `province-${PROVINCE_COMMUNES}`, province.files);
  const prepared = (performance.now() - started) / 1000;
  const compiled = existsSync(join(import.meta.dirname, '../dist/cli/main.js'));
  console.log('');
  console.log(`producers: the province (${province.files.length} communes × 5,000 children + 200 events) as each producer writes it${prepared > 1 ? ` (files made in ${decimal.format(prepared)} s)` : ''}`);
  console.log('  floor = inflate + one regex over every cell (1 thread); import = chitieu read + validate (all threads);');
  console.log(`  CLI = compiled \`chitieu compute --period 2025-H1 --level province --out x.json\`${compiled ? '' : ' (not measured: run "npm run build" first)'}; ratios are of wall times`);
  console.log('  producer        MB   floor s (CPU)   import s (CPU)   rows/s   µs CPU/row   ×floor   SheetJS s (CPU)   CLI s (CPU)    peak MB   CLI ×floor   CLI ×SheetJS   result');
  let generatorResult: string | undefined;
  const stagesOf = new Map<string, StageFigures[]>();
  for (const producer of producers) {
    if (producer.files.length === 0) {
      console.log(`  ${producer.name.padEnd(12)}  skipped: ${producer.skipped}`);
      continue;
    }
    const megabytes = producer.files.reduce((sum, file) => sum + statSync(file).size, 0) / 2 ** 20;
    const [floor] = measure('scan', producer.files);
    const [read] = measure('import', producer.files);
    const [sheetjs] = measure('sheetjs', producer.files);
    const cli = compiled ? compiledRun(['compute', '--period', '2025-H1', '--level', 'province', '--out', join(DATA, 'producer-result.json'), ...producer.files]) : undefined;
    if (compiled) stagesOf.set(producer.name, measure('compiled-stages', [join(DATA, 'producer-stages.json'), ...producer.files]));
    // Every producer's file holds the same data: the result must be the generator's, byte for byte.
    const sameResult = () => {
      const result = createHash('sha256').update(readFileSync(join(DATA, 'producer-result.json'))).digest('hex');
      generatorResult ??= result;
      return result === generatorResult ? 'same' : 'DIFFERS';
    };
    const ratio = (value: number, of: number) => `${(value / of).toFixed(2)}×`;
    const withCpu = (seconds: number, cpu: number) => `${decimal.format(seconds).padStart(5)} (${decimal.format(cpu).padStart(4)})`;
    console.log(
      [
        `  ${producer.name.padEnd(12)}`,
        decimal.format(megabytes).padStart(5),
        withCpu(floor!.seconds, floor!.cpuSeconds).padStart(15),
        withCpu(read!.seconds, read!.cpuSeconds).padStart(16),
        count.format(read!.rows / read!.seconds).padStart(8),
        decimal.format((1e6 * read!.cpuSeconds) / read!.rows).padStart(12),
        ratio(read!.seconds, floor!.seconds).padStart(8),
        withCpu(sheetjs!.seconds, sheetjs!.cpuSeconds).padStart(17),
        cli ? `${withCpu(cli.seconds, cli.cpuSeconds)}${cli.status === 0 ? '' : ` exit ${cli.status}`}`.padStart(13) : ''.padStart(13),
        cli ? count.format(cli.maxRssMb).padStart(10) : ''.padStart(10),
        cli ? ratio(cli.seconds, floor!.seconds).padStart(12) : '',
        cli ? ratio(cli.seconds, sheetjs!.seconds).padStart(14) : '',
        cli ? `  ${sameResult()}` : '',
      ].join(' '),
    );
  }
  for (const producer of producers) console.log(`  ${producer.name}: ${producer.what}`);
  if (stagesOf.size > 0) {
    // Where a CLI run's time goes: the compiled modules run stage by stage as `compute` runs them (bench/measure.ts).
    const names = ['start', 'definitions', 'read', 'compute', 'write'];
    console.log('  the same run stage by stage (compiled modules, s wall (CPU)); start = the modules `compute` loads');
    console.log(`  producer     ${names.map((name) => name.padStart(13)).join(' ')}   read µs CPU/row`);
    for (const [name, stages] of stagesOf) {
      const cell = (stage: string) => {
        const figures = stages.find((figure) => figure.stage === stage);
        return (figures ? `${decimal.format(figures.seconds)} (${decimal.format(figures.cpuSeconds)})` : '').padStart(13);
      };
      const read = stages.find((figure) => figure.stage === 'read');
      console.log(`  ${name.padEnd(12)} ${names.map(cell).join(' ')}   ${read ? decimal.format((1e6 * read.cpuSeconds) / read.rows).padStart(15) : ''}`);
    }
  }
  console.log(`  load after: ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
}

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
    console.log('startup (compiled CLI, median of 5)      seconds   limit');
    for (const figure of figures) {
      const limit = figure.limit === undefined ? '' : `${figure.limit} s${figure.seconds > figure.limit ? '  OVER' : ''}`;
      console.log(`  ${figure.command.padEnd(36)} ${figure.seconds.toFixed(2).padStart(7)}   ${limit}`);
    }
    continue;
  }
  if (name === 'hostile') {
    hostileSet();
    continue;
  }
  if (name === 'producers') {
    await producersSet();
    continue;
  }
  const started = performance.now();
  const set = await dataSet(name);
  const prepared = (performance.now() - started) / 1000;
  console.log('');
  if (set.files.length === 0) {
    console.log(`${set.name}: skipped (LibreOffice, which makes its file, is not installed)`);
    continue;
  }
  console.log(`${set.name}: ${set.files.length} file(s)${prepared > 1 ? ` (generated in ${decimal.format(prepared)} s)` : ''}`);
  console.log('  stage                      rows      seconds   CPU s    rows/s   peak RSS MB   × bare inflate');
  const [floor] = measure('inflate', set.floorFiles ?? set.files);
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
