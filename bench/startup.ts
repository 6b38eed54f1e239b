/**
 * Start-up of the compiled CLI (`npm run build`), as a user meets it: wall time of a fresh
 * process from start to exit, the median of several runs. `--version` loads no command module;
 * `validate` loads only its own (src/cli/main.ts), not the report, chart or server modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'chitieu.js');

export interface StartupFigure {
  readonly command: string;
  readonly seconds: number;
  /** What issue 17 asks of it on this machine; none for help, which loads every command. */
  readonly limit?: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(args: readonly string[], runs: number): number {
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`chitieu ${args.join(' ')} exited with ${result.status}`);
    seconds.push((performance.now() - started) / 1000);
  }
  return median(seconds);
}

export function measureStartup(runs = 5): StartupFigure[] | undefined {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return undefined;
  const samples = join(ROOT, 'sample-data');
  const commune = readdirSync(samples).filter((name) => name.endsWith('.xlsx')).sort()[0];
  const figures: StartupFigure[] = [{ command: '--version', seconds: timed(['--version'], runs), limit: 0.3 }];
  figures.push({ command: '--help', seconds: timed(['--help'], runs) });
  if (commune) figures.push({ command: `validate sample-data/${commune}`, seconds: timed(['validate', join(samples, commune)], runs), limit: 1 });
  return figures;
}
