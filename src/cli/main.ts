import { Command, CommanderError, Option } from 'commander';
import { ExitCode, UserError, render, type Lang } from '../model/messages.js';
import { processContext, type CliContext } from './context.js';
import { registerAggregate } from './aggregate.js';
import { registerCompute } from './compute.js';
import { registerDemo } from './demo.js';
import { registerExplain } from './explain.js';
import { registerIndicators } from './indicators.js';
import { registerReport } from './report.js';
import { registerSample } from './sample.js';
import { registerServe } from './serve.js';
import { registerValidate } from './validate.js';

type Register = (program: Command, context: CliContext) => void;

/** Every command lives in its own module; this list is the whole CLI. */
const COMMANDS: readonly Register[] = [
  registerValidate,
  registerCompute,
  registerExplain,
  registerIndicators,
  registerReport,
  registerAggregate,
  registerDemo,
  registerSample,
  registerServe,
];

export function buildProgram(context: CliContext): Command {
  const program = new Command('chitieu');
  // exitOverride must come before .command() so subcommands inherit it (stack.md).
  program.exitOverride();
  program.configureOutput({
    writeOut: (text) => context.out(text.trimEnd()),
    writeErr: (text) => context.err(text.trimEnd()),
  });
  program
    .description('Chỉ tiêu thống kê trẻ em theo Thông tư 13/2021/TT-BLĐTBXH')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo / message language').choices(['vi', 'en']).default('vi'))
    .showHelpAfterError();
  for (const register of COMMANDS) register(program, context);
  return program;
}

function langFromArgv(argv: readonly string[]): Lang {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index < 0) return 'vi';
  const value = argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  return value === 'en' ? 'en' : 'vi';
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], context: CliContext = processContext()): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv]);
    return context.exitCode;
  } catch (error) {
    if (error instanceof UserError) {
      context.err(render(error.text, langFromArgv(argv)));
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its message.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    throw error;
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  process.exitCode = await run(argv);
}
