/**
 * Reporting periods (docs/indicator-rules.md, "Periods"): ids read into period values
 * (src/model/period.ts reads the id; this file gives each kind its window). A period is a window W = [from, to], both
 * days included; its last day is the reference date R.
 *
 *   2025          1 Jan – 31 Dec          2025-H1 / 2025-H2   1 Jan – 30 Jun / 1 Jul – 31 Dec
 *   2025-9M       1 Jan – 30 Sep          2025-Q1 … 2025-Q4   calendar quarters
 *   2025-01-01..2026-06-30                a custom window (`--from` / `--to`)
 *   2025-cutoff-6m                        a named preset from a periods file (e.g. 15/12 – 14/05)
 *
 * Presets are settings, not code: a YAML file with a `periods:` map (settings/periods.yaml),
 * read by the pipeline (src/pipeline/load.ts) and parsed here.
 */
import { z } from 'zod';
import { engineText, ExitCode, UserError, type Message } from '../messages/index.js';
import { periodIdOf, readPeriodId, type Period, type PeriodShape } from '../model/period.js';
import { addYears, daysInMonth, isIsoDate, isoOf } from './dates.js';

export type { Period, PeriodKind } from '../model/period.js';

/** A named window repeated every year, written day/month as officials write it. */
export interface PeriodPreset {
  readonly name: string;
  readonly label?: string;
  readonly labelEn?: string;
  /** Day and month of the first day; in the previous year when it falls after `to` in the calendar. */
  readonly from: { readonly day: number; readonly month: number };
  readonly to: { readonly day: number; readonly month: number };
}

export type PeriodPresets = ReadonlyMap<string, PeriodPreset>;

const BUILT_IN_SUFFIXES = new Set(['h1', 'h2', '9m', 'q1', 'q2', 'q3', 'q4']);

const usage = (message: Message) => new UserError(ExitCode.usage, message);

function calendar(year: number, fromMonth: number, toMonth: number): { from: string; to: string } {
  return { from: isoOf(year, fromMonth, 1), to: isoOf(year, toMonth, daysInMonth(year, toMonth)) };
}

function presetWindow(preset: PeriodPreset, year: number): { from: string; to: string } {
  const toDay = Math.min(preset.to.day, daysInMonth(year, preset.to.month));
  const to = isoOf(year, preset.to.month, toDay);
  const sameYearFrom = preset.from.month * 100 + preset.from.day <= preset.to.month * 100 + preset.to.day;
  const fromYear = sameYearFrom ? year : year - 1;
  const from = isoOf(fromYear, preset.from.month, Math.min(preset.from.day, daysInMonth(fromYear, preset.from.month)));
  return { from, to };
}

/** The window of a calendar period. */
function calendarWindow(shape: Exclude<PeriodShape, { kind: 'custom' | 'named' }>): { from: string; to: string } {
  switch (shape.kind) {
    case 'year':
      return calendar(shape.year, 1, 12);
    case 'half-year':
      return shape.half === 1 ? calendar(shape.year, 1, 6) : calendar(shape.year, 7, 12);
    case 'nine-months':
      return calendar(shape.year, 1, 9);
    case 'quarter':
      return calendar(shape.year, shape.quarter * 3 - 2, shape.quarter * 3);
  }
}

/**
 * A period from its id. Unknown ids are a usage error (exit 1) that lists the accepted forms.
 */
export function parsePeriod(id: string, presets: PeriodPresets = new Map()): Period {
  const read = readPeriodId(id);
  if (read !== undefined) {
    if ('from' in read) return periodFromWindow(read.from, read.to);
    const { shape } = read;
    if (shape.kind !== 'named') return { ...shape, id: read.id, ...calendarWindow(shape) };
    const preset = presets.get(shape.name);
    if (preset) return { ...shape, id: read.id, ...presetWindow(preset, shape.year) };
  }
  const names = [...presets.keys()].map((name) => `2025-${name}`);
  const more = names.length > 0 ? `, ${names.join(', ')}` : '';
  throw usage(engineText.periodUnknown({ id, more }));
}

/** A custom window; its id is `from..to`. */
export function periodFromWindow(from: string, to: string): Period {
  for (const date of [from, to]) {
    if (!isIsoDate(date)) {
      throw usage(engineText.windowDateNotValid({ date }));
    }
  }
  if (from > to) {
    throw usage(engineText.windowStartsAfterEnd({ from, to }));
  }
  return { kind: 'custom', id: periodIdOf({ kind: 'custom' }, from, to), from, to };
}

/**
 * The same period one year earlier ("cùng kỳ năm trước"): both ends shifted back a year,
 * 29 Feb → 28 Feb. A year, a half-year, a quarter and a named window keep their kind with the
 * year before; nine months and a custom window are named by their shifted dates.
 */
export function samePeriodLastYear(period: Period): Period {
  const from = addYears(period.from, -1);
  const to = addYears(period.to, -1);
  switch (period.kind) {
    case 'year':
    case 'half-year':
    case 'quarter':
    case 'named': {
      const { id: _id, from: _from, to: _to, ...shape } = period;
      const earlier = { ...shape, year: shape.year - 1 };
      return { ...earlier, id: periodIdOf(earlier, from, to), from, to };
    }
    case 'nine-months':
    case 'custom':
      return { kind: 'custom', id: periodIdOf({ kind: 'custom' }, from, to), from, to };
  }
}

const dayMonth = z
  .string()
  .regex(/^\d{1,2}\/\d{1,2}$/)
  .transform((text, ctx) => {
    const [day, month] = text.split('/').map(Number) as [number, number];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) {
      // The text is said in our own words when the file is refused (parsePeriodPresets).
      ctx.addIssue({ code: 'custom', message: 'no such day', params: { dayMonth: text } });
      return z.NEVER;
    }
    return { day, month };
  });

const presetSchema = z.strictObject({
  label: z.string().optional(),
  labelEn: z.string().optional(),
  from: dayMonth,
  to: dayMonth,
});

const presetsFileSchema = z.looseObject({
  periods: z.record(z.string(), presetSchema),
});

const PRESET_NAME = /^[a-z][a-z0-9-]*$/;

/** What is wrong with a field of the periods file, in our words (never the validator's). */
function presetFault(issue: z.core.$ZodIssue): Message {
  const field = issue.path.at(-1);
  if (issue.code === 'custom' && typeof issue.params?.['dayMonth'] === 'string') return engineText.presetNoSuchDay({ dayMonth: issue.params['dayMonth'] });
  if (issue.code === 'invalid_format' && (field === 'from' || field === 'to')) return engineText.presetDayMonthFormat();
  if (issue.code === 'unrecognized_keys') return engineText.presetUnknownKeys({ keys: issue.keys.join(', ') });
  if (issue.code === 'invalid_type' && issue.input === undefined) return engineText.presetFieldMissing();
  return engineText.presetValueNotValid();
}

/**
 * Presets from a parsed YAML file with a `periods:` map (`file` names it in messages; the
 * pipeline reads it); other top-level keys are left to their owners.
 */
export function parsePeriodPresets(raw: unknown, file: string): PeriodPresets {
  const parsed = presetsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(ExitCode.invalidDefinition, engineText.periodsFileField({ file, path: issue.path.join('.'), fault: presetFault(issue) }));
  }
  const presets = new Map<string, PeriodPreset>();
  for (const [name, preset] of Object.entries(parsed.data.periods)) {
    if (!PRESET_NAME.test(name)) {
      throw new UserError(ExitCode.invalidDefinition, engineText.periodsFileField({ file, path: `periods.${name}`, fault: engineText.presetNameNotValid() }));
    }
    if (BUILT_IN_SUFFIXES.has(name)) {
      throw new UserError(
        ExitCode.invalidDefinition,
        engineText.periodsFileNameBuiltIn({ file, name }),
      );
    }
    presets.set(name, { name, ...preset });
  }
  return presets;
}
