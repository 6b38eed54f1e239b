import { Command } from 'commander';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { registerSample } from '../../src/cli/sample.js';
import { UserError } from '../../src/model/messages.js';

function harness(): { program: Command; context: CliContext; lines: string[] } {
  const lines: string[] = [];
  const context: CliContext = { out: (line) => lines.push(line), err: (line) => lines.push(line), interactive: false, exitCode: 0 };
  const program = new Command('chitieu');
  program.exitOverride();
  program.option('--lang <lang>', 'language', 'vi');
  registerSample(program, context);
  return { program, context, lines };
}

async function failure(args: string[]): Promise<UserError> {
  const { program } = harness();
  const error = await program.parseAsync(['node', 'chitieu', ...args]).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('chitieu sample', () => {
  it('writes the first N communes and a README into --out, and says what it wrote', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'chitieu-sample-cli-')), 'nested', 'out');
    const { program, context, lines } = harness();
    await program.parseAsync(['node', 'chitieu', 'sample', '--out', dir, '--seed', '3', '--communes', '2']);
    expect(context.exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '51-529-21289-thi-tran-di-lang.xlsx',
      '51-529-21292-xa-son-ha.xlsx',
      'README.md',
    ]);
    expect(lines.at(-1)).toMatch(/^Đã ghi 2 file mẫu và README\.md .*seed 3/);
    // No personal data on the terminal: only paths and counts.
    expect(lines.join('\n')).not.toMatch(/Đinh (Văn|Thị)/);
  });

  it('speaks English with --lang en', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-sample-cli-'));
    const { program, lines } = harness();
    await program.parseAsync(['node', 'chitieu', '--lang', 'en', 'sample', '--out', dir, '--communes', '1']);
    expect(lines.at(-1)).toMatch(/^Wrote 1 sample workbooks and README\.md .*seed 2025/);
    expect(existsSync(join(dir, '51-529-21289-thi-tran-di-lang.xlsx'))).toBe(true);
  });

  it('rejects bad options with exit code 1 and a one-line message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-sample-cli-'));
    for (const args of [
      ['sample'],
      ['sample', '--out', dir, '--seed', 'abc'],
      ['sample', '--out', dir, '--seed', '-1'],
      ['sample', '--out', dir, '--seed', '99999999999'],
      ['sample', '--out', dir, '--communes', '0'],
      ['sample', '--out', dir, '--communes', '15'],
      ['sample', '--out', dir, '--communes', '2.5'],
    ]) {
      const error = await failure(args);
      expect(error.exitCode, args.join(' ')).toBe(1);
      expect(error.text.vi).not.toContain('\n');
      expect(error.text.en).not.toContain('\n');
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
