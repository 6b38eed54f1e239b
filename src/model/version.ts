/**
 * chitieu's version, from its package.json: printed by `--version`, shown on the page's footer,
 * written into every DOCX/XLSX and the annex's ThongTin. Read here, away from the heavy modules,
 * so that `chitieu --version` loads nothing else.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const PackageJson = z.object({ version: z.string() });

let cached: string | undefined;

export function toolVersion(): string {
  if (cached === undefined) {
    const parsed = PackageJson.safeParse(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')));
    cached = parsed.success ? parsed.data.version : '0.0.0';
  }
  return cached;
}
