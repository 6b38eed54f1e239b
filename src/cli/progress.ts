import { type FileAccount } from '../pipeline/stages.js';
import { cliText, render, type Lang, type Message } from '../messages/index.js';
import type { CliContext } from './context.js';

/**
 * A province office on deadline day reads 100+ files: a line on stderr says how far it has
 * got. Only on a terminal: in a pipe or a log the output stays quiet.
 */
export interface Progress {
  readonly fileRead: (account: FileAccount) => void;
  /** Rows of a file still being read (a large file takes seconds): counted in the line at once. */
  readonly rowsRead: (file: string, rows: number) => void;
  readonly stage: (name: Message) => void;
  readonly done: () => void;
}

const quiet: Progress = { fileRead: () => undefined, rowsRead: () => undefined, stage: () => undefined, done: () => undefined };

export function progressFor(context: CliContext, lang: Lang, totalFiles: number): Progress {
  if (!context.interactive) return quiet;
  const started = performance.now();
  let files = 0;
  let rows = 0;
  const inFlight = new Map<string, number>();
  const show = () => {
    const all = rows + [...inFlight.values()].reduce((sum, count) => sum + count, 0);
    const perSecond = all / Math.max((performance.now() - started) / 1000, 0.001);
    context.status(render(cliText.readingProgress({ files, totalFiles, rows: all, perSecond: Math.round(perSecond) }), lang));
  };
  return {
    fileRead: (account) => {
      files += 1;
      rows += account.read;
      inFlight.delete(account.file);
      show();
    },
    rowsRead: (file, count) => {
      inFlight.set(file, count);
      show();
    },
    stage: (name) => context.status(`${render(name, lang)}…`),
    done: () => context.status(''),
  };
}
