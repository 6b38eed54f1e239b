import type { Message } from './define.js';

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
