/**
 * The import of some files on one thread, for a CPU profile of the reader:
 *   node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/profile-import.ts FILES...
 * Prints its CPU time and µs of CPU per row read.
 */
import { importFiles } from '../src/import/index.js';

const files = process.argv.slice(2);
const before = process.cpuUsage();
const result = await importFiles(files, { threads: 1 });
const used = process.cpuUsage(before);
const rows = result.files.reduce((sum, file) => sum + file.read, 0);
const cpu = (used.user + used.system) / 1e6;
console.log(`${rows} rows, ${cpu.toFixed(2)} s CPU, ${((1e6 * cpu) / rows).toFixed(1)} µs/row`);
