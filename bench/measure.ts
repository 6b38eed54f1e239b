/**
 * Runs one measured job in this (fresh) process and prints one JSON line per stage:
 *   node --import tsx bench/measure.ts exceljs-stream FILES...
 *   node --import tsx bench/measure.ts import FILES...
 *   node --import tsx bench/measure.ts pipeline UNIT PERIOD FILES...
 * Peak RSS is the process's high-water mark when the stage ends (it includes earlier stages).
 */
import ExcelJS from 'exceljs';
import { reportFromFiles } from '../src/pipeline/report.js';
import { importFiles } from '../src/import/index.js';

const rssMb = () => process.resourceUsage().maxRSS / 1024;

function emit(stage: string, rows: number, started: number): void {
  console.log(JSON.stringify({ stage, rows, seconds: (performance.now() - started) / 1000, maxRssMb: rssMb() }));
}

async function exceljsStream(files: string[]): Promise<void> {
  const started = performance.now();
  let rows = 0;
  for (const file of files) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
    for await (const sheet of reader) for await (const _row of sheet as unknown as AsyncIterable<unknown>) rows += 1;
  }
  emit('exceljs floor (1 thread)', rows, started);
}

async function importOnly(files: string[]): Promise<void> {
  const started = performance.now();
  const result = await importFiles(files);
  emit('import (read+validate)', result.files.reduce((sum, file) => sum + file.read, 0), started);
}

async function pipeline(unit: string, period: string, files: string[]): Promise<void> {
  const started = performance.now();
  let mark = started;
  let rows = 0;
  await reportFromFiles(files, { unit, period, targets: 'targets/ke-hoach-003-phu-la-2025.yaml', baseline: 'records' }, (event) => {
    if (event.kind === 'file-read') return;
    if (event.stage === 'import') rows = event.rows;
    emit(event.stage === 'import' ? 'import (read+validate)' : event.stage, rows, mark);
    mark = performance.now();
  });
  emit('total', rows, started);
}

const [job, ...args] = process.argv.slice(2);
if (job === 'exceljs-stream') await exceljsStream(args);
else if (job === 'import') await importOnly(args);
else if (job === 'pipeline') await pipeline(args[0]!, args[1]!, args.slice(2));
else {
  console.error(`unknown job ${job}`);
  process.exit(1);
}
