/**
 * User-facing text is Vietnamese first, English with `--lang en`. A message is built once with
 * both languages so that the two can never drift apart, and rendered where it is shown.
 */
export type Lang = 'vi' | 'en';

export interface Message {
  readonly vi: string;
  readonly en: string;
}

export const msg = (vi: string, en: string): Message => ({ vi, en });

export function render(message: Message, lang: Lang): string {
  return lang === 'en' ? message.en : message.vi;
}

/** Exit codes of docs/data-contract.md. */
export const ExitCode = {
  ok: 0,
  usage: 1,
  unreadableInput: 2,
  rejectedRows: 3,
  invalidDefinition: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error the user can fix (bad file, bad option, bad definition): shown as one line,
 * never with a stack trace, and mapped to its exit code.
 */
export class UserError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly text: Message,
  ) {
    super(text.en);
    this.name = 'UserError';
  }
}
