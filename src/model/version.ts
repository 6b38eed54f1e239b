/**
 * chitieu's version, from its package.json: printed by `--version`, shown on the page's footer,
 * written into every DOCX/XLSX and the annex's ThongTin. Read here, away from the heavy modules,
 * so that `chitieu --version` loads nothing else (not even zod: its 200-odd files cost more than
 * the whole of the rest of `--version`; the one field is checked by hand).
 */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

function versionField(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('version' in json)) return undefined;
  return typeof json.version === 'string' ? json.version : undefined;
}

export function toolVersion(): string {
  cached ??= versionField(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))) ?? '0.0.0';
  return cached;
}
