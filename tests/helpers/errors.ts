import { UserError } from '../../src/model/messages.js';

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
