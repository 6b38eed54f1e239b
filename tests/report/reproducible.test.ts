/**
 * Reproducible output: the same inputs and options give the same bytes, whatever the clock
 * and the time zone of the machine (every workbook and document goes through fixed document
 * dates and the zip normaliser). And the annex records the SHA-256 of each input file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnnex } from '../../src/output/report.js';
import { runCli } from '../helpers/cli.js';
import { COMMUNES, communeInput } from './fixtures.js';

const SAMPLES = join(import.meta.dirname, '../../sample-data');
const sample = (code: string) => join(SAMPLES, readdirSync(SAMPLES).find((name) => name.includes(`-${code}-`))!);
const TARGETS = join(import.meta.dirname, '../../targets/ke-hoach-003-phu-la-2025.yaml');

/** Two machines: different clocks, different time zones. */
const CLOCKS = [
  { now: '2030-01-02T03:04:05Z', tz: 'Pacific/Kiritimati' },
  { now: '2033-07-08T22:59:59Z', tz: 'America/Adak' },
] as const;

const originalTz = process.env.TZ;

afterEach(() => {
  vi.useRealTimers();
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Runs `produce` once per clock and returns what it made each time. */
async function onEachClock<T>(produce: (run: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (const [run, clock] of CLOCKS.entries()) {
    process.env.TZ = clock.tz;
    // Only Date: zip writers need real timers to run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(clock.now));
    made.push(await produce(run));
    vi.useRealTimers();
  }
  return made;
}

const dir = mkdtempSync(join(tmpdir(), 'chitieu-repro-'));

describe('the same inputs give the same bytes on another day, in another time zone', () => {
  it('the fake clock does change what a plain exceljs write gives (the check below is not empty)', async () => {
    const [a, b] = await onEachClock(async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('a').getCell('A1').value = 1;
      const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
      return zip.file('docProps/core.xml')!.async('string');
    });
    expect(a).toContain('2030-01-02T03:04:05Z');
    expect(a).not.toBe(b);
  });

  it('report: DOCX and XLSX', async () => {
    const files = await onEachClock(async (run) => {
      const out = join(dir, `report-${run}`);
      const ran = await runCli('report', sample('21289'), sample('21292'), '--period', '2025-H1', '--unit', '21289', '--baseline', 'records', '--targets', TARGETS, '--out', out);
      expect(ran.code, ran.stderr).toBe(0);
      return { docx: readFileSync(join(out, 'bao-cao-21289-2025-H1.docx')), xlsx: readFileSync(join(out, 'bao-cao-21289-2025-H1.xlsx')) };
    });
    expect(files[0]!.docx.equals(files[1]!.docx)).toBe(true);
    expect(files[0]!.xlsx.equals(files[1]!.xlsx)).toBe(true);
    // The files carry the period's last day (no report date in the settings), never the clock's.
    for (const bytes of [files[0]!.docx, files[0]!.xlsx]) {
      const zip = await JSZip.loadAsync(bytes);
      const core = await zip.file('docProps/core.xml')!.async('string');
      expect(core).toMatch(/<dcterms:created[^>]*>2025-06-30T00:00:00Z</);
      expect(core).not.toMatch(/203\d-/);
      for (const entry of Object.values(zip.files)) expect(entry.date.getUTCFullYear()).toBe(1980);
    }
  });

  it('report --suppress: the same', async () => {
    const files = await onEachClock(async (run) => {
      const out = join(dir, `suppress-${run}`);
      expect((await runCli('report', sample('21289'), '--period', '2025-H1', '--unit', '21289', '--suppress', '3', '--out', out)).code).toBe(0);
      return [readFileSync(join(out, 'bao-cao-21289-2025-H1.docx')), readFileSync(join(out, 'bao-cao-21289-2025-H1.xlsx'))];
    });
    expect(files[0]![0]!.equals(files[1]![0]!)).toBe(true);
    expect(files[0]![1]!.equals(files[1]![1]!)).toBe(true);
  });

  it('compute --out x.xlsx', async () => {
    const files = await onEachClock(async (run) => {
      const out = join(dir, `ket-qua-${run}.xlsx`);
      expect((await runCli('compute', sample('21289'), sample('21295'), '--period', '2025-H1', '--targets', TARGETS, '--out', out)).code).toBe(0);
      return readFileSync(out);
    });
    expect(files[0]!.equals(files[1]!)).toBe(true);
  });

  it('validate --out (the error workbook)', async () => {
    const files = await onEachClock(async (run) => {
      const out = join(dir, `loi-${run}.xlsx`);
      expect((await runCli('validate', ...readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).slice(0, 4).map((f) => join(SAMPLES, f)), '--out', out)).code).toBe(0);
      return readFileSync(out);
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files[0]! as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    expect(files[0]!.equals(files[1]!)).toBe(true);
  });

  it('a commune\'s annex (what demo writes into xa/)', async () => {
    const files = await onEachClock(async () => createAnnex(communeInput(COMMUNES[1]!)));
    expect(files[0]!.equals(files[1]!)).toBe(true);
  });
});

describe('aggregate', () => {
  it('gives the same bytes whatever the order of the workbooks, the clock and the time zone', async () => {
    const annexes = await Promise.all(
      COMMUNES.map(async (commune) => {
        const path = join(dir, `phu-luc-${commune.code}.xlsx`);
        writeFileSync(path, await createAnnex(communeInput(commune)));
        return path;
      }),
    );
    const files = await onEachClock(async (run) => {
      const out = join(dir, `tong-hop-${run}`);
      const order = run === 0 ? annexes : [...annexes].reverse();
      const ran = await runCli('aggregate', ...order, '--unit', '529', '--period', '2025-H1', '--targets', TARGETS, '--out', out);
      expect(ran.code, ran.stderr).toBe(0);
      return [readFileSync(join(out, 'bao-cao-529-2025-H1.docx')), readFileSync(join(out, 'bao-cao-529-2025-H1.xlsx'))];
    });
    expect(files[0]![0]!.equals(files[1]![0]!)).toBe(true);
    expect(files[0]![1]!.equals(files[1]![1]!)).toBe(true);
  });
});

describe('the annex records its input files', () => {
  it('with their rows and SHA-256, in ThongTin', async () => {
    const out = join(dir, 'checksums');
    const inputs = [sample('21292'), sample('21289')];
    expect((await runCli('report', ...inputs, '--period', '2025-H1', '--unit', '529', '--out', out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'bao-cao-529-2025-H1.xlsx'));
    const files: { name: unknown; read: unknown; sha256: unknown }[] = [];
    workbook.getWorksheet('ThongTin')!.eachRow((row) => {
      if (row.getCell(1).value === 'file') files.push({ name: row.getCell(2).value, read: row.getCell(3).value, sha256: row.getCell(6).value });
    });
    // In name order, whatever order they were given in.
    const expected = [...inputs].sort().map((path) => ({
      name: path.split('/').at(-1),
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    }));
    expect(files.map(({ name, sha256 }) => ({ name, sha256 }))).toEqual(expected);
    for (const file of files) expect(file.read).toBeGreaterThan(0);
  });
});
