/**
 * Reads the bundled unit lists, each at most once per process and only when a query first
 * needs it. The program reads its own copy in data/admin-units: two levels up from this file
 * is the package root both from src/units (tsx, vitest) and from dist/units (rootDir src).
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { createAdminUnits, indexCrosswalk, indexPost, indexPre, once } from './build.js';
import { mergesFileSchema, postUnitsFileSchema, preUnitsFileSchema } from './schema.js';
import type { AdminUnits } from './types.js';

export const ADMIN_UNITS_DIR = new URL('../../data/admin-units/', import.meta.url);

export const ADMIN_UNIT_FILES = {
  pre: 'vn_admin_units_pre_2025-07-01_3level.min.json',
  post: 'vn_admin_units_post_2025-07-01_2level.json',
  merges: 'vn_commune_merges_2025-07-01_new_to_old.json',
} as const;

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const url = new URL(file, ADMIN_UNITS_DIR);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(url, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read bundled administrative-unit file ${url.pathname}: ${String(error)}`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.')}: ${issue.message}`;
    throw new Error(`Bundled administrative-unit file ${url.pathname} has an unexpected shape${where}`);
  }
  return parsed.data;
}

let cached: AdminUnits | undefined;

/** The administrative units of both eras and the 2025 crosswalk (one shared instance). */
export function loadAdminUnits(): AdminUnits {
  if (cached === undefined) {
    const pre = once(() => indexPre(readJson(ADMIN_UNIT_FILES.pre, preUnitsFileSchema)));
    const post = once(() => indexPost(readJson(ADMIN_UNIT_FILES.post, postUnitsFileSchema)));
    const crosswalk = once(() => indexCrosswalk(readJson(ADMIN_UNIT_FILES.merges, mergesFileSchema), pre(), post()));
    cached = createAdminUnits({ pre, post, crosswalk });
  }
  return cached;
}
