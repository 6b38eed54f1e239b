import { Command, CommanderError, Option } from 'commander';
import { cliText, ExitCode, UserError, render, type Lang } from '../messages/index.js';
import { processContext, type CliContext } from './context.js';
import { speak, textIn, type Text } from './help.js';
import { toolVersion } from '../model/version.js';

/** `text` renders a description in the language of the run (help is in one language). */
type Register = (program: Command, context: CliContext, text: Text) => void;

/**
 * Every command lives in its own module; this list is the whole CLI, in the order help lists it.
 * A module is loaded only when its command runs (or for help): the report, chart and server
 * modules take most of a second to load, which `validate` of one file should not pay. A command
 * module, in turn, imports the steps its action runs (the engine, the report, the server, the
 * sample writer) in that action, so that help, which loads them all, loads none of those
 * (tests/cli/loaded-modules.test.ts).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  validate: async () => (await import('./validate.js')).registerValidate,
  compute: async () => (await import('./compute.js')).registerCompute,
  explain: async () => (await import('./explain.js')).registerExplain,
  inspect: async () => (await import('./inspect.js')).registerInspect,
  indicators: async () => (await import('./indicators.js')).registerIndicators,
  report: async () => (await import('./report.js')).registerReport,
  aggregate: async () => (await import('./aggregate.js')).registerAggregate,
  demo: async () => (await import('./demo.js')).registerDemo,
  sample: async () => (await import('./sample.js')).registerSample,
  serve: async () => (await import('./serve.js')).registerServe,
};

/** The command argv names (after the global options), or undefined for help, --version and mistakes. */
function commandOf(argv: readonly string[]): string | undefined {
  const args = argv.slice(2);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--lang') index++;
    else if (arg.startsWith('--lang=')) continue;
    else return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}

/** Which command modules a run needs: the one it names, none for --version, all for help. */
async function registersFor(argv: readonly string[]): Promise<Register[]> {
  const named = commandOf(argv);
  if (named) return [await COMMANDS[named]!()];
  const first = argv.slice(2).find((arg) => arg !== '--lang' && !arg.startsWith('--lang='));
  if (first === '--version' || first === '-V') return [];
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}

export function buildProgram(context: CliContext, lang: Lang, registers: readonly Register[]): Command {
  const text = textIn(lang);
  const program = new Command('chitieu');
  // exitOverride, output and help settings must come before .command(): subcommands inherit them (docs/stack.md).
  program.exitOverride();
  speak(program, lang, context);
  program
    .description(text(cliText.programDescription()))
    .version(toolVersion(), '-V, --version', text(cliText.versionHelp()))
    .addOption(new Option(text(cliText.langFlag()), text(cliText.programLangHelp())).choices(['vi', 'en']).default('vi'));
  for (const register of registers) register(program, context, text);
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
  const program = buildProgram(context, langFromArgv(argv), await registersFor(argv));
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

export interface MainOptions {
  /** Started as chitieu.exe from the zip (packaging/), not as `npx chitieu`. */
  readonly packaged?: boolean;
}

/**
 * chitieu.exe double-clicked gets no arguments: it opens the page, which is what the people who
 * double-click want; `--window` makes serve say what the console window is for.
 */
export function argvOf(argv: readonly string[], options: MainOptions = {}): readonly string[] {
  return options.packaged && argv.length <= 2 ? [...argv.slice(0, 2), 'serve', '--window'] : argv;
}

export async function main(argv: readonly string[], options: MainOptions = {}): Promise<void> {
  const args = argvOf(argv, options);
  process.exitCode = await run(args, processContext(() => langFromArgv(args)));
}
