/**
 * npm run bench: generates data sets once (bench/.data, git-ignored) and measures each
 * stage in a fresh process, printing rows per second and peak memory.
 *   BENCH_SIZES=100000,500000 npm run bench
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { writeLargeChildrenWorkbook } from './datasets.js';

const DATA = join(import.meta.dirname, '.data');
const sizes = (process.env.BENCH_SIZES ?? '100000,500000').split(',').map(Number);

interface Measure {
  job: string;
  rows: number;
  seconds: number;
  maxRssMb: number;
}

function measure(job: string, files: string[]): Measure {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measure.ts'), job, ...files], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = output.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Measure;
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmt1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

mkdirSync(DATA, { recursive: true });
console.log(`chitieu bench · node ${process.version} · ${cpus().length} cores · ${cpus()[0]?.model ?? ''}`);
console.log('');
console.log('stage            rows        seconds   rows/s      peak RSS MB   vs exceljs floor');
for (const size of sizes) {
  const file = join(DATA, `children-${size}.xlsx`);
  if (!existsSync(file)) {
    const started = performance.now();
    await writeLargeChildrenWorkbook(file, size);
    console.log(`(generated ${file} in ${fmt1.format((performance.now() - started) / 1000)} s)`);
  }
  const floor = measure('exceljs-stream', [file]);
  const read = measure('import', [file]);
  for (const result of [floor, read]) {
    const ratio = result === floor ? '1.00×' : `${(result.seconds / floor.seconds).toFixed(2)}×`;
    console.log(
      `${result.job.padEnd(16)} ${fmt.format(result.rows).padStart(9)}   ${fmt1.format(result.seconds).padStart(7)}   ${fmt.format(result.rows / result.seconds).padStart(9)}   ${fmt.format(result.maxRssMb).padStart(11)}   ${ratio}`,
    );
  }
}
