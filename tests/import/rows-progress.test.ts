/**
 * Rows told while a file is read (#18 item 9): a 50 MB file took 14 s with the page at 0. The
 * reader counts rows and tells the count at most every 0.25 s, from the main thread and from the
 * worker threads alike; the last count told is never more than the rows the file holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/index.js';
import { ROWS_TOLD_EVERY_MS, rowTicker } from '../../src/import/read-file.js';
import { writeChildCsv } from '../helpers/workbooks.js';

const work = mkdtempSync(join(tmpdir(), 'chitieu-rows-progress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('rowTicker', () => {
  it('tells the count every 256 rows at most once per 0.25 s of the clock', () => {
    let now = 0;
    const told: number[] = [];
    const tick = rowTicker((rows) => told.push(rows), () => now);
    // 1,000 rows with the clock standing still: the clock is looked at on rows 256, 512, 768, never told.
    for (let row = 0; row < 1_000; row += 1) tick();
    expect(told).toEqual([]);
    // The clock moves 0.25 s: row 1,024 (the next multiple of 256) tells 1,024.
    now = ROWS_TOLD_EVERY_MS;
    for (let row = 0; row < 24; row += 1) tick();
    expect(told).toEqual([1_024]);
    // 0.1 s later, 256 rows on (1,280): too soon, nothing; 0.25 s after the last tell, row 1,536 tells.
    now += 100;
    for (let row = 0; row < 256; row += 1) tick();
    expect(told).toEqual([1_024]);
    now += 150;
    for (let row = 0; row < 256; row += 1) tick();
    expect(told).toEqual([1_024, 1_536]);
  });
});

describe('rows told while reading', () => {
  it.each([1, 2])('with %i thread(s): counts rise, name the file, and never pass the rows read', async (threads) => {
    const big = join(work, `lon-${threads}.csv`);
    const small = join(work, `nho-${threads}.csv`);
    writeChildCsv(big, 150_000);
    writeChildCsv(small, 10);
    const told: { file: string; rows: number }[] = [];
    const result = await importFiles([big, small], { threads, keepGoing: true, onRowsRead: (file, rows) => told.push({ file, rows }) });
    const read = result.files.find((file) => file.file === `lon-${threads}.csv`)!.read;
    expect(read).toBe(150_000);
    // Whether a count is told depends on the machine's speed; what is told must be right.
    for (const tell of told) {
      expect(tell.file).toBe(`lon-${threads}.csv`);
      expect(tell.rows % 256).toBe(0);
      expect(tell.rows).toBeLessThanOrEqual(150_000);
    }
    const counts = told.map((tell) => tell.rows);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  }, 120_000);
});
