import type { Command } from 'commander';
import { once } from 'node:events';
import { terminalText } from '../io/file-names.js';
import { cliText, ExitCode, render, type Lang, type Message } from '../messages/index.js';

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
  /**
   * Resolves once what `out` was given has been taken (a pipe on POSIX is written
   * asynchronously): a command printing much waits here, so that its output is not held in memory.
   */
  readonly outDrained?: () => Promise<void>;
}

/**
 * A reader that stops early (`chitieu indicators | head -5`) closes the pipe: the next write
 * fails with EPIPE, emitted on the stream. The command stops there with one line on stderr
 * (exit 1) instead of an unhandled 'error' event and its stack trace.
 */
function stopWhenOutputCloses(lang: () => Lang): void {
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    try {
      process.stderr.write(
        `${render(cliText.outputClosedEarly(), lang())}\n`,
      );
    } catch {
      // stderr is closed too: nothing left to tell.
    }
    process.exit(ExitCode.usage);
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', () => process.exit(ExitCode.usage));
}

export function processContext(lang: () => Lang = () => 'vi'): CliContext {
  stopWhenOutputCloses(lang);
  return {
    // The last guard before the terminal: no control character from data is written raw.
    out: (line) => process.stdout.write(`${terminalText(line)}\n`),
    err: (line) => process.stderr.write(`${terminalText(line)}\n`),
    interactive: Boolean(process.stderr.isTTY),
    status: (line) => process.stderr.write(`\r\x1b[K${terminalText(line)}`),
    exitCode: 0,
    outDrained: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : Promise.resolve()),
  };
}

const LANGS: readonly Lang[] = ['vi', 'en'];

/** The global `--lang` option, read from the root command. */
export function langOf(command: Command): Lang {
  const options = command.optsWithGlobals<{ lang?: string }>();
  return LANGS.find((lang) => lang === options.lang) ?? 'vi';
}

export function say(context: CliContext, lang: Lang, message: Message): void {
  context.out(render(message, lang));
}
