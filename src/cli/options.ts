import { InvalidArgumentError } from 'commander';

/** `--as-of 2025-06-30`: a real calendar date in ISO form. */
export function parseIsoDateOption(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('Ngày phải có dạng yyyy-mm-dd (ví dụ 2025-06-30). / Use yyyy-mm-dd.');
  }
  return value;
}
