import { z } from 'zod';
import { ExitCode, serverText, UserError } from '../messages/index.js';

/** A request's body, query or params checked with zod: a bad one is one line naming the field (400). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(ExitCode.usage, serverText.invalidRequestField({ field: issue.path.join('.') }));
  }
  return parsed.data;
}
