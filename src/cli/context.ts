import type { Command } from 'commander';
import type { Lang, Message } from '../model/messages.js';
import { render } from '../model/messages.js';

/** What every command needs from the outside world; tests give their own. */
export interface CliContext {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** True when stderr is a terminal: progress lines are shown only then. */
  readonly interactive: boolean;
  /** Rewrites the one progress line on stderr in place ('' clears it). */
  readonly status: (line: string) => void;
  /** A command that finishes with a non-zero code without an error (e.g. `--strict`) sets it here. */
  exitCode: number;
}

export function processContext(): CliContext {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stderr.isTTY),
    status: (line) => process.stderr.write(`\r\x1b[K${line}`),
    exitCode: 0,
  };
}

/** The global `--lang` option, read from the root command. */
export function langOf(command: Command): Lang {
  const options = command.optsWithGlobals<{ lang?: string }>();
  return options.lang === 'en' ? 'en' : 'vi';
}

export function say(context: CliContext, lang: Lang, message: Message): void {
  context.out(render(message, lang));
}
