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
import { ExitCode, UserError, msg } from '../model/messages.js';
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

const usage = (vi: string, en: string) => new UserError(ExitCode.usage, msg(vi, en));

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
  throw usage(
    `Kỳ báo cáo "${id}" không hợp lệ. Dùng: 2025, 2025-H1, 2025-H2, 2025-9M, 2025-Q1..Q4, 2025-01-01..2025-06-30${more}, hoặc --from/--to.`,
    `Unknown period "${id}". Use 2025, 2025-H1, 2025-H2, 2025-9M, 2025-Q1..Q4, 2025-01-01..2025-06-30${more}, or --from/--to.`,
  );
}

/** A custom window; its id is `from..to`. */
export function periodFromWindow(from: string, to: string): Period {
  for (const date of [from, to]) {
    if (!isIsoDate(date)) {
      throw usage(`Ngày "${date}" không hợp lệ (cần dạng YYYY-MM-DD).`, `Invalid date "${date}" (expected YYYY-MM-DD).`);
    }
  }
  if (from > to) {
    throw usage(`Ngày bắt đầu ${from} sau ngày kết thúc ${to}.`, `The start date ${from} is after the end date ${to}.`);
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
  .regex(/^\d{1,2}\/\d{1,2}$/, { error: 'cần dạng ngày/tháng, ví dụ 15/12 (day/month, e.g. 15/12)' })
  .transform((text, ctx) => {
    const [day, month] = text.split('/').map(Number) as [number, number];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) {
      ctx.addIssue({ code: 'custom', message: `ngày/tháng không có thật: ${text} (no such day)` });
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
  periods: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'tên kỳ: chữ thường không dấu, số, "-" (lower-case ascii name)' }),
    presetSchema,
  ),
});

/**
 * Presets from a parsed YAML file with a `periods:` map (`file` names it in messages; the
 * pipeline reads it); other top-level keys are left to their owners.
 */
export function parsePeriodPresets(raw: unknown, file: string): PeriodPresets {
  const parsed = presetsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    throw new UserError(
      ExitCode.invalidDefinition,
      msg(`Tệp kỳ báo cáo ${file}, mục ${path}: ${issue.message}`, `Periods file ${file}, field ${path}: ${issue.message}`),
    );
  }
  const presets = new Map<string, PeriodPreset>();
  for (const [name, preset] of Object.entries(parsed.data.periods)) {
    if (BUILT_IN_SUFFIXES.has(name)) {
      throw new UserError(
        ExitCode.invalidDefinition,
        msg(`Tệp kỳ báo cáo ${file}: tên "${name}" trùng kỳ có sẵn.`, `Periods file ${file}: the name "${name}" is a built-in period.`),
      );
    }
    presets.set(name, { name, ...preset });
  }
  return presets;
}
