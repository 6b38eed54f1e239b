import { Command, CommanderError, Option } from 'commander';
import { ExitCode, UserError, msg, render, type Lang } from '../model/messages.js';
import { processContext, type CliContext } from './context.js';
import { speak, textIn, type Text } from './help.js';
import { registerAggregate } from './aggregate.js';
import { registerCompute } from './compute.js';
import { registerDemo } from './demo.js';
import { registerExplain } from './explain.js';
import { registerIndicators } from './indicators.js';
import { registerInspect } from './inspect.js';
import { registerReport } from './report.js';
import { registerSample } from './sample.js';
import { registerServe } from './serve.js';
import { registerValidate } from './validate.js';

/** `text` renders a description in the language of the run (help is in one language). */
type Register = (program: Command, context: CliContext, text: Text) => void;

/** Every command lives in its own module; this list is the whole CLI. */
const COMMANDS: readonly Register[] = [
  registerValidate,
  registerCompute,
  registerExplain,
  registerInspect,
  registerIndicators,
  registerReport,
  registerAggregate,
  registerDemo,
  registerSample,
  registerServe,
];

export function buildProgram(context: CliContext, lang: Lang = 'vi'): Command {
  const text = textIn(lang);
  const program = new Command('chitieu');
  // exitOverride, output and help settings must come before .command(): subcommands inherit them (stack.md).
  program.exitOverride();
  speak(program, lang, context);
  program
    .description(text(msg('Chỉ tiêu thống kê trẻ em theo Thông tư 13/2021/TT-BLĐTBXH', 'Child statistics indicators of Circular 13/2021/TT-BLĐTBXH')))
    .addOption(new Option(text(msg('--lang <ngôn-ngữ>', '--lang <language>')), text(msg('ngôn ngữ của thông báo và hướng dẫn', 'language of messages and help'))).choices(['vi', 'en']).default('vi'));
  for (const register of COMMANDS) register(program, context, text);
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
  const program = buildProgram(context, langFromArgv(argv));
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
  process.exitCode = await run(argv, processContext(() => langFromArgv(argv)));
}
