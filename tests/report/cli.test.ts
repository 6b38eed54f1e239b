import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerAggregate } from '../../src/cli/aggregate.js';
import type { CliContext } from '../../src/cli/context.js';
import { registerDemo } from '../../src/cli/demo.js';
import { textIn } from '../../src/cli/help.js';
import { registerReport } from '../../src/cli/report.js';
import { ExitCode, UserError, render } from '../../src/messages/index.js';
import { buildSampleSet } from '../../src/sample/build.js';
import { writeSampleSet } from '../../src/sample/write.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { paragraphs, zipEntries } from './read-back.js';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The report commands as main.ts runs them (UserError → its exit code, one line). */
async function chitieu(...args: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const context: CliContext = { out: (line) => out.push(line), err: (line) => err.push(line), interactive: false, status: () => undefined, exitCode: 0 };
  const program = new Command('chitieu');
  program.exitOverride();
  program.configureOutput({ writeOut: (text) => out.push(text), writeErr: (text) => err.push(text) });
  program.option('--lang <lang>', '', 'vi');
  for (const register of [registerReport, registerAggregate, registerDemo]) register(program, context, textIn('vi'));
  let code: number;
  try {
    await program.parseAsync(['node', 'chitieu', ...args]);
    code = context.exitCode;
  } catch (error) {
    if (error instanceof UserError) {
      err.push(render(error.text, 'vi'));
      code = error.exitCode;
    } else if (error instanceof CommanderError) {
      code = ExitCode.usage;
    } else {
      throw error;
    }
  }
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
const samples = join(dir, 'sample-data');
const TARGETS = join(import.meta.dirname, '../../targets/ke-hoach-003-phu-la-2025.yaml');

beforeAll(async () => {
  await writeSampleSet(samples, buildSampleSet(loadAdminUnits(), { seed: 2025, communes: 14 }));
});

const sampleFile = (code: string) => join(samples, readdirSync(samples).find((name) => name.includes(`-${code}-`))!);

describe('chitieu report', () => {
  it('writes a commune\'s report and annex', async () => {
    const out = join(dir, 'xa');
    const ran = await chitieu('report', sampleFile('21289'), '--period', '2025-H1', '--unit', '21289', '--baseline', 'records', '--targets', TARGETS, '--out', out);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain('51-529-21289-thi-tran-di-lang.xlsx');
    expect(ran.stdout).toContain('bao-cao-21289-2025-H1.docx');
    const text = paragraphs((await zipEntries(readFileSync(join(out, 'bao-cao-21289-2025-H1.docx'))))['word/document.xml']!);
    expect(text).toContain('THỊ TRẤN DI LĂNG');
    expect(text).toContain('Di Lăng, ngày      tháng      năm 2025');
    expect(existsSync(join(out, 'bao-cao-21289-2025-H1.xlsx'))).toBe(true);
  });

  it('takes a custom window and the annual template', async () => {
    const out = join(dir, 'nam');
    const ran = await chitieu('report', sampleFile('21292'), '--from', '2025-01-01', '--to', '2025-06-30', '--unit', '21292', '--template', 'bao-cao-nam', '--out', out);
    expect(ran.code).toBe(0);
    expect(existsSync(join(out, 'bao-cao-21292-2025-01-01_2025-06-30.docx'))).toBe(true);
  });

  it('stops with exit 4 on a bad settings file, before reading any data', async () => {
    const settings = join(dir, 'sai.yaml');
    writeFileSync(settings, 'signer:\n  ten: A\n');
    const ran = await chitieu('report', join(dir, 'khong-co.xlsx'), '--period', '2025-H1', '--unit', '529', '--settings', settings);
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain('sai.yaml');
  });

  it('refuses an unknown unit or a unit without data (exit 1)', async () => {
    const unknown = await chitieu('report', sampleFile('21289'), '--period', '2025-H1', '--unit', '999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--unit 999');
    const other = await chitieu('report', sampleFile('21289'), '--period', '2025-H1', '--unit', '21292', '--out', join(dir, 'x'));
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('không có dòng dữ liệu nào của Xã Sơn Hạ');
    const both = await chitieu('report', sampleFile('21289'), '--period', '2025-H1', '--from', '2025-01-01', '--to', '2025-02-01', '--unit', '21289');
    expect(both.code).toBe(1);
  });
});

describe('chitieu demo and aggregate', () => {
  it('writes the district report, one annex per commune, sums them back and finds the same figures', async () => {
    const out = join(dir, 'demo');
    const ran = await chitieu('demo', '--scenario', '2025-district', '--samples', samples, '--out', out);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Kiểm tra: cộng phụ lục các xã cho đúng số của huyện tính trực tiếp');
    expect(readdirSync(join(out, 'xa'))).toHaveLength(14);
    for (const file of ['bao-cao-529-2025-H1.docx', 'bao-cao-529-2025-H1.xlsx', 'tong-hop/bao-cao-529-2025-H1.docx', 'tong-hop/bao-cao-529-2025-H1.xlsx']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }

    // aggregate on its own: three communes, the others listed as missing.
    const annexes = readdirSync(join(out, 'xa')).slice(0, 3).map((name) => join(out, 'xa', name));
    const summed = await chitieu('aggregate', ...annexes, '--unit', '529', '--period', '2025-H1', '--targets', TARGETS, '--out', join(dir, 'tong-hop'));
    expect(summed.code).toBe(0);
    expect(summed.stdout).toContain('số liệu từ 3/14 xã; chưa có số liệu của 11 xã');
    expect(summed.stdout).toContain('được tính hai lần');
    expect(existsSync(join(dir, 'tong-hop', 'bao-cao-529-2025-H1.docx'))).toBe(true);

    const wrongPeriod = await chitieu('aggregate', ...annexes, '--unit', '529', '--period', '2025-Q1');
    expect(wrongPeriod.code).toBe(2);
    expect(wrongPeriod.stderr).toContain('không phải kỳ 2025-Q1');
    const wrongUnit = await chitieu('aggregate', ...annexes, '--unit', '530', '--period', '2025-H1');
    expect(wrongUnit.code).toBe(2);
    expect(wrongUnit.stderr).toContain('không thuộc');
    const notAnnex = await chitieu('aggregate', sampleFile('21289'), '--unit', '529', '--period', '2025-H1');
    expect(notAnnex.code).toBe(2);
    expect(notAnnex.stderr).toContain('không phải phụ lục do chitieu tạo');
  });

  it('says how to get the sample data when there is none', async () => {
    const ran = await chitieu('demo', '--samples', join(dir, 'trong'), '--out', join(dir, 'demo2'));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('npm run sample');
  });
});
