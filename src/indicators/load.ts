/**
 * Loads the indicator catalogue (indicators/*.yaml) and target plans (targets/*.yaml). Files are
 * read and validated once here; the engine receives plain, typed definitions and never reads YAML.
 * A bad file is a UserError (exit 4) naming the file and the field path.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { readYamlFile } from '../io/yaml-file.js';
import { issueMessage } from '../messages/zod-issue.js';
import { ExitCode, UserError, indicatorsText, type Message } from '../messages/index.js';
import {
  IndicatorFile,
  TargetsFile,
  type Catalogue,
  type IndicatorDefinition,
  type TargetDefinition,
  type TargetPlan,
} from './schema.js';

/** Two levels up from this file is the package root, from src/indicators and dist/indicators alike. */
export const CATALOGUE_DIR = fileURLToPath(new URL('../../indicators/', import.meta.url));
export const TARGETS_DIR = fileURLToPath(new URL('../../targets/', import.meta.url));

function invalid(file: string, where: string, reason: Message): UserError {
  return new UserError(ExitCode.invalidDefinition, where ? indicatorsText.invalidDefinitionAt({ file, where, reason }) : indicatorsText.invalidDefinition({ file, reason }));
}


/** Path of the first issue, with the indicator's code when the path goes through one ("indicators[2] (TE-0305).numerator"). */
function describePath(path: readonly PropertyKey[], raw: unknown): string {
  let node: unknown = raw;
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      const code = node && typeof node === 'object' && Array.isArray(node) ? codeOf(node[key]) : undefined;
      parts.push(`[${key}]${code ? ` (${code})` : ''}`);
      node = Array.isArray(node) ? node[key] : undefined;
    } else {
      parts.push(parts.length === 0 ? String(key) : `.${String(key)}`);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return parts.join('');
}

function codeOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const code = record['code'] ?? record['indicator'];
    if (typeof code === 'string') return code;
  }
  return undefined;
}

const INDICATOR_FILE = indicatorsText.indicatorDefinitionFile();
const TARGETS_FILE = indicatorsText.targetsFile();

function parseYamlFile<T>(file: string, schema: z.ZodType<T>, what: Message): T {
  const raw = readYamlFile(file, what);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw invalid(file, describePath(issue.path, raw), issueMessage(issue, { schema, input: raw }));
}

export function catalogueOf(definitions: readonly IndicatorDefinition[]): Catalogue {
  const sorted = [...definitions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map(sorted.map((definition) => [definition.code, definition]));
  return { indicators: sorted, get: (code) => byCode.get(code) };
}

/** Definitions of one YAML file. */
export function loadIndicatorFile(file: string): IndicatorDefinition[] {
  const parsed = parseYamlFile(file, IndicatorFile, INDICATOR_FILE);
  return parsed.indicators.map((entry) => {
    const group = parsed.groups[entry.group]!;
    return {
      ...entry,
      appendix: parsed.appendix,
      groupName: group.name,
      groupNameEn: group.nameEn,
      breakdowns: entry.breakdowns.map((breakdown) => (Array.isArray(breakdown) ? [...breakdown] : [breakdown])),
      file,
    };
  });
}

/**
 * The catalogue of every `*.yaml` file in a directory (default: the bundled indicators/), in
 * code order. A code defined twice is an error naming both files.
 */
/** Indicator → why `--baseline records` cannot give its last year (lastYearFromRecords: false). */
export function lastYearNotes(catalogue: Catalogue): Record<string, string> {
  return Object.fromEntries(
    catalogue.indicators.flatMap((definition) => (!definition.lastYearFromRecords && definition.lastYearNote ? [[definition.code, definition.lastYearNote]] : [])),
  );
}

export function loadCatalogue(dir: string = CATALOGUE_DIR): Catalogue {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch (error) {
    throw new UserError(
      ExitCode.invalidDefinition,
      indicatorsText.indicatorFolderUnreadable({ dir, error: String(error) }),
    );
  }
  const definitions: IndicatorDefinition[] = [];
  const origin = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    for (const definition of loadIndicatorFile(file)) {
      const first = origin.get(definition.code);
      if (first !== undefined) {
        throw invalid(file, definition.code, indicatorsText.codeDefinedTwice({ first: basename(first) }));
      }
      origin.set(definition.code, file);
      definitions.push(definition);
    }
  }
  if (definitions.length === 0) {
    throw new UserError(ExitCode.invalidDefinition, indicatorsText.noIndicatorFiles({ dir }));
  }
  return catalogueOf(definitions);
}

/** A target plan; every target must name an indicator of the catalogue ("100%" targets a ratio). */
export function loadTargets(file: string, catalogue: Catalogue): TargetPlan {
  const parsed = parseYamlFile(file, TargetsFile, TARGETS_FILE);
  const targets: TargetDefinition[] = parsed.targets.map((target, index) => {
    const definition = catalogue.get(target.indicator);
    const where = `targets[${index}].indicator`;
    if (!definition) {
      throw invalid(file, where, indicatorsText.targetIndicatorUnknown({ indicator: target.indicator }));
    }
    if (target.rule === 'full_coverage' && definition.denominator === undefined) {
      throw invalid(file, where, indicatorsText.fullCoverageNeedsRatio({ indicator: target.indicator }));
    }
    return { ...target, plan: parsed.plan, file };
  });
  return {
    plan: parsed.plan,
    ...(parsed.issuedBy !== undefined ? { issuedBy: parsed.issuedBy } : {}),
    ...(parsed.source !== undefined ? { source: parsed.source } : {}),
    file,
    targets,
  };
}
