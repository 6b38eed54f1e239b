/**
 * `chitieu serve [--port N] [--no-open] [--settings FILE]`: the whole job on a local web page
 * (src/server), for people who never open a terminal. Nothing leaves the machine.
 */
import { Option, type Command } from 'commander';
import { cliText, ExitCode, UserError, render, type Message } from '../messages/index.js';
import { toolVersion } from '../model/version.js';
import { loadProfile } from '../pipeline/stages.js';
import { profileOption } from './sheet-options.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(ExitCode.usage, cliText.portNotValid({ given: value }));
  }
  return port;
}

function terminalLines(url: string): Message[] {
  return [
    cliText.serverRunningAt({ url }),
    cliText.serverOpenLinkAbove(),
  ];
}

/** What the console window of a double-clicked chitieu.exe says: where the page is, where the data stays, how to stop. */
function windowLines(url: string, browserOpened: boolean): Message[] {
  return [
    cliText.versionLine({ version: toolVersion() }),
    browserOpened
      ? cliText.serverPageOpened({ url })
      : cliText.serverOpenAddress({ url }),
    cliText.serverDataStaysHere(),
    cliText.serverKeepWindowOpen(),
  ];
}

export function registerServe(program: Command, context: CliContext, text: Text): void {
  program
    .command('serve')
    .description(
      text(
        cliText.serveDescription(),
      ),
    )
    .option(text(cliText.portFlag()), text(cliText.servePortHelp()), parsePort)
    .option('--no-open', text(cliText.serveNoOpenHelp()))
    .option(text(cliText.settingsFlag()), text(cliText.serveSettingsHelp()))
    .addOption(profileOption(text))
    // chitieu.exe double-clicked (src/cli/main.ts): the console window is all the user sees of the program.
    .addOption(new Option('--window').hideHelp())
    .action(async (options: { port?: number; open: boolean; settings?: string; profile?: string; window?: boolean }, command: Command) => {
      const lang = langOf(command);
      // A bad profile exits 4 before the server starts, as on every other command.
      const profile = options.profile !== undefined ? loadProfile(options.profile) : undefined;
      const { openBrowser, startServer } = await import('../server/start.js');
      const server = await startServer({
        ...(profile ? { profile } : {}),
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.settings ? { settingsFile: options.settings } : {}),
        log: (line) => context.err(render(line, lang)),
      });
      const opensBrowser = options.open && !process.env.CI;
      for (const line of options.window ? windowLines(server.url, opensBrowser) : terminalLines(server.url)) say(context, lang, line);
      if (opensBrowser) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        // Closing the console window on Windows arrives as SIGHUP; Windows waits a few seconds for the cleanup.
        const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
        const stop = () => {
          for (const signal of signals) process.off(signal, stop);
          void server.close().then(() => {
            say(context, lang, cliText.serverStopped());
            resolve();
          });
        };
        for (const signal of signals) process.on(signal, stop);
      });
    });
}
