import { expect } from 'vitest';
import { UserError } from '../../src/messages/index.js';

/** The UserError `work` throws (fails the test if it throws nothing or something else). */
export function userError(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('no UserError');
}

/** The UserError `promise` rejects with: an unreadable file (exit 2), one line in each language. */
export async function unreadableRefusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(UserError);
  const userError = error as UserError;
  expect(userError.exitCode).toBe(2);
  expect(userError.text.vi).not.toContain('\n');
  expect(userError.text.en).not.toContain('\n');
  return userError;
}
