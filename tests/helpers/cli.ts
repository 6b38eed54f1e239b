import { run } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as `chitieu ARGS...` would. */
export async function runCli(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const context: CliContext = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    interactive: false,
    status: () => undefined,
    exitCode: 0,
  };
  const code = await run(['node', 'chitieu', ...args], context);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
