/**
 * A reporting period as a value: its window [from, to] (both days included), its id, and what
 * kind of period it is (docs/indicator-rules.md, "Periods"). The id grammar lives here and only
 * here; every stage past the edge reads `kind` and its fields, never the id's letters.
 *
 *   2025                   year         2025-H1 / 2025-H2   half-year (`half`)
 *   2025-9M                nine months  2025-Q1 … 2025-Q4   quarter (`quarter`)
 *   2025-01-01..2025-06-30 custom       2025-cutoff-6m      named window (`name`, a preset)
 */
import type { PeriodRef } from './results.js';

export type PeriodShape =
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'half-year'; readonly year: number; readonly half: 1 | 2 }
  | { readonly kind: 'nine-months'; readonly year: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'custom' }
  | { readonly kind: 'named'; readonly year: number; readonly name: string };

export type PeriodKind = PeriodShape['kind'];

export type Period = Readonly<PeriodRef> & PeriodShape;

/** What an id says about its period, with the id written the canonical way; the window of a custom id. */
export type ReadPeriodId =
  | { readonly id: string; readonly shape: Exclude<PeriodShape, { kind: 'custom' }> }
  | { readonly id: string; readonly shape: { readonly kind: 'custom' }; readonly from: string; readonly to: string };

/**
 * The one reading of a period id. A named window's suffix is returned as written (lower-cased):
 * whether a preset of that name exists is the caller's question. Undefined: not an id.
 */
export function readPeriodId(text: string): ReadPeriodId | undefined {
  const id = text.trim();
  let match = /^(\d{4})$/.exec(id);
  if (match) return { id, shape: { kind: 'year', year: Number(match[1]) } };
  match = /^(\d{4})-(H1|H2|9M|Q[1-4])$/i.exec(id);
  if (match) {
    const year = Number(match[1]);
    const suffix = match[2]!.toUpperCase();
    const canonical = `${match[1]}-${suffix}`;
    if (suffix === '9M') return { id: canonical, shape: { kind: 'nine-months', year } };
    if (suffix.startsWith('H')) return { id: canonical, shape: { kind: 'half-year', year, half: suffix === 'H1' ? 1 : 2 } };
    return { id: canonical, shape: { kind: 'quarter', year, quarter: Number(suffix.slice(1)) as 1 | 2 | 3 | 4 } };
  }
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (match) return { id, shape: { kind: 'custom' }, from: match[1]!, to: match[2]! };
  match = /^(\d{4})-([a-z][a-z0-9-]*)$/i.exec(id);
  if (match) return { id: `${match[1]}-${match[2]!.toLowerCase()}`, shape: { kind: 'named', year: Number(match[1]), name: match[2]!.toLowerCase() } };
  return undefined;
}

/** The id a period of this shape has (a custom window is named by its dates). */
export function periodIdOf(shape: PeriodShape, from: string, to: string): string {
  switch (shape.kind) {
    case 'year':
      return String(shape.year);
    case 'half-year':
      return `${shape.year}-H${shape.half}`;
    case 'nine-months':
      return `${shape.year}-9M`;
    case 'quarter':
      return `${shape.year}-Q${shape.quarter}`;
    case 'named':
      return `${shape.year}-${shape.name}`;
    case 'custom':
      return `${from}..${to}`;
  }
}

/**
 * A period from a stored reference (a results file, an annex): the id as written there tells its
 * kind, the stored dates its window; an id that is none of the forms is a custom window.
 */
export function periodOfRef(ref: PeriodRef): Period {
  const read = readPeriodId(ref.id);
  const shape: PeriodShape = read?.shape ?? { kind: 'custom' };
  return { ...shape, id: ref.id, from: ref.from, to: ref.to };
}

/** The stored form of a period (results JSON, annexes): id and window only. */
export function periodRef(period: PeriodRef): PeriodRef {
  return { id: period.id, from: period.from, to: period.to };
}
