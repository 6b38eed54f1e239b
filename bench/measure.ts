/**
 * Runs one measured job in this (fresh) process and prints one JSON line:
 *   node --import tsx bench/measure.ts <job> <files...>
 * Each job runs in its own process so that peak memory (max RSS) belongs to it alone.
 */
import ExcelJS from 'exceljs';
import { importFiles } from '../src/import/index.js';

type Job = (files: string[]) => Promise<{ rows: number }>;

const jobs: Record<string, Job> = {
  /** The floor: exceljs's streaming reader counting rows, nothing else. */
  'exceljs-stream': async (files) => {
    let rows = 0;
    for (const file of files) {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
      for await (const sheet of reader) for await (const _row of sheet as unknown as AsyncIterable<unknown>) rows += 1;
    }
    return { rows };
  },
  /** chitieu's import: read, recognise, parse, validate, link. */
  import: async (files) => {
    const result = await importFiles(files);
    return { rows: result.files.reduce((sum, file) => sum + file.read, 0) };
  },
};

const [name, ...files] = process.argv.slice(2);
const job = name ? jobs[name] : undefined;
if (!job) {
  console.error(`unknown job ${name}; jobs: ${Object.keys(jobs).join(', ')}`);
  process.exit(1);
}
const started = performance.now();
const { rows } = await job(files);
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ job: name, rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
