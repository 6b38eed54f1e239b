import { type FileAccount } from '../pipeline/stages.js';
import { render, type Lang, type Message } from '../model/messages.js';
import type { CliContext } from './context.js';

/**
 * A province office on deadline day reads 100+ files: a line on stderr says how far it has
 * got. Only on a terminal: in a pipe or a log the output stays quiet.
 */
export interface Progress {
  readonly fileRead: (account: FileAccount) => void;
  readonly stage: (name: Message) => void;
  readonly done: () => void;
}

const quiet: Progress = { fileRead: () => undefined, stage: () => undefined, done: () => undefined };

export function progressFor(context: CliContext, lang: Lang, totalFiles: number): Progress {
  if (!context.interactive) return quiet;
  const started = performance.now();
  const locale = lang === 'en' ? 'en-US' : 'vi-VN';
  const number = (n: number) => Math.round(n).toLocaleString(locale);
  let files = 0;
  let rows = 0;
  return {
    fileRead: (account) => {
      files += 1;
      rows += account.read;
      const perSecond = rows / Math.max((performance.now() - started) / 1000, 0.001);
      context.status(
        lang === 'en'
          ? `Reading: ${files}/${totalFiles} files · ${number(rows)} rows · ${number(perSecond)} rows/s`
          : `Đang đọc: ${files}/${totalFiles} tệp · ${number(rows)} dòng · ${number(perSecond)} dòng/giây`,
      );
    },
    stage: (name) => context.status(`${render(name, lang)}…`),
    done: () => context.status(''),
  };
}
