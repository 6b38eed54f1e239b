/**
 * Runs one measured job in this (fresh) process and prints one JSON line per stage:
 *   node --import tsx bench/measure.ts inflate FILES...
 *   node --import tsx bench/measure.ts scan FILES...      (inflate + one regular expression over every cell)
 *   node --import tsx bench/measure.ts sheetjs FILES...   (SheetJS reads each file and every sheet's rows)
 *   node --import tsx bench/measure.ts import FILES...
 *   node --import tsx bench/measure.ts pipeline UNIT PERIOD FILES...
 *   node --import tsx bench/measure.ts compiled-stages OUT FILES...   (the compiled modules, dist/, as
 *        `chitieu compute --period 2025-H1 --level province --out OUT` runs them, stage by stage)
 * Peak RSS is the process's high-water mark when the stage ends (it includes earlier stages);
 * CPU is the time the process's threads (workers included) spent on the stage.
 */
import { readFileSync } from 'node:fs';
import { reportFromFiles } from '../src/pipeline/report.js';
import { importFiles } from '../src/import/index.js';
import { inflateZip } from './inflate.js';

const rssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuSeconds = () => {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6;
};
let cpuMark = cpuSeconds();

function emit(stage: string, rows: number, started: number): void {
  const cpu = cpuSeconds();
  console.log(JSON.stringify({ stage, rows, seconds: (performance.now() - started) / 1000, cpuSeconds: cpu - cpuMark, maxRssMb: rssMb() }));
  cpuMark = cpu;
}

function inflateOnly(files: string[]): void {
  cpuMark = cpuSeconds();
  const started = performance.now();
  let bytes = 0;
  for (const file of files) bytes += inflateZip(file);
  emit('bare inflate (1 thread)', Math.round(bytes / 2 ** 20), started);
}

function inflateAndScan(files: string[]): void {
  cpuMark = cpuSeconds();
  const started = performance.now();
  const scan = { cells: 0 };
  for (const file of files) inflateZip(file, scan);
  emit('inflate + scan (floor)', scan.cells, started);
}

/** SheetJS (the `xlsx` package, a devDependency for this comparison only) reading the same files. */
async function sheetjs(files: string[]): Promise<void> {
  const { default: XLSX } = await import('xlsx');
  cpuMark = cpuSeconds();
  const started = performance.now();
  let rows = 0;
  for (const file of files) {
    const workbook = XLSX.read(readFileSync(file), { type: 'buffer', cellDates: true, dense: true });
    for (const name of workbook.SheetNames) rows += XLSX.utils.sheet_to_json(workbook.Sheets[name]!, { header: 1 }).length;
  }
  emit('SheetJS 0.18.5 read', rows, started);
}

async function importOnly(files: string[]): Promise<void> {
  cpuMark = cpuSeconds();
  const started = performance.now();
  const result = await importFiles(files);
  emit('import (read+validate)', result.files.reduce((sum, file) => sum + file.read, 0), started);
}

async function pipeline(unit: string, period: string, files: string[]): Promise<void> {
  cpuMark = cpuSeconds();
  const totalCpu = cpuMark;
  const started = performance.now();
  let mark = started;
  let rows = 0;
  await reportFromFiles(files, { unit, period, targets: 'targets/ke-hoach-003-phu-la-2025.yaml', baseline: 'records' }, (event) => {
    if (event.kind !== 'stage-done') return;
    if (event.stage === 'import') rows = event.rows;
    emit(event.stage === 'import' ? 'import (read+validate)' : event.stage, rows, mark);
    mark = performance.now();
  });
  cpuMark = totalCpu;
  emit('total', rows, started);
}

/**
 * `chitieu compute --period 2025-H1 --level province --out OUT FILES` stage by stage, from the
 * compiled build (dist/) as the CLI runs it (src/cli/compute.ts), so that a run's time can be
 * told apart: start (the modules the command loads), definitions (catalogue, units, periods),
 * read (read + validate, all threads), compute, write (the JSON). The stages' CPU are the
 * process's, workers included.
 */
async function compiledStages(out: string, files: string[]): Promise<void> {
  const dist = new URL('../dist/', import.meta.url);
  // tsx, which runs this file, is not the CLI's: its own start is left out.
  const started = performance.now();
  cpuMark = cpuSeconds();
  const { readData, bornBy } = (await import(new URL('pipeline/read.js', dist).href)) as typeof import('../src/pipeline/read.js');
  const { computeStep, loadDefinitions } = (await import(new URL('pipeline/compute.js', dist).href)) as typeof import('../src/pipeline/compute.js');
  const { resolvePeriod } = (await import(new URL('pipeline/period.js', dist).href)) as typeof import('../src/pipeline/period.js');
  const { unitNamer } = (await import(new URL('pipeline/units.js', dist).href)) as typeof import('../src/pipeline/units.js');
  const { RESULT_FORMATS } = (await import(new URL('output/formats.js', dist).href)) as typeof import('../src/output/formats.js');
  const { writeOutputFile } = (await import(new URL('io/output.js', dist).href)) as typeof import('../src/io/output.js');
  emit('start', 0, started);
  let mark = performance.now();
  const period = resolvePeriod({ period: '2025-H1' });
  const definitions = loadDefinitions();
  emit('definitions', 0, mark);
  mark = performance.now();
  const imported = await readData(files, bornBy(period));
  const rows = imported.files.reduce((sum, file) => sum + file.read, 0);
  emit('read', rows, mark);
  mark = performance.now();
  const computed = computeStep(imported, { period, level: 'province' }, definitions);
  emit('compute', rows, mark);
  mark = performance.now();
  const names = unitNamer(period.to, definitions.units);
  writeOutputFile(out, await RESULT_FORMATS[0].write({ result: computed.output.result, catalogue: definitions.catalogue, names, lang: 'vi', sources: imported.files }));
  emit('write', rows, mark);
}

const [job, ...args] = process.argv.slice(2);
if (job === 'inflate') inflateOnly(args);
else if (job === 'scan') inflateAndScan(args);
else if (job === 'sheetjs') await sheetjs(args);
else if (job === 'import') await importOnly(args);
else if (job === 'pipeline') await pipeline(args[0]!, args[1]!, args.slice(2));
else if (job === 'compiled-stages') await compiledStages(args[0]!, args.slice(1));
else {
  console.error(`unknown job ${job}`);
  process.exit(1);
}
