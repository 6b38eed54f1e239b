/**
 * How annex tables (templates/tables/) and charts (templates/charts/) name the figures they
 * show: an indicator, a breakdown, a field. Both are checked against the catalogue when they
 * are loaded: a figure the catalogue does not compute would otherwise read as "did not occur"
 * (0) or as an empty chart, and the user could not tell a wrong file from a quiet period.
 */
import { z } from 'zod';
import { readYamlFile } from '../io/yaml-file.js';
import { AGE_GROUPS, ABUSE_FORMS, ABUSE_SETTINGS, INJURY_CAUSES, SEX, SPECIAL_GROUPS, type CodeList } from '../model/codes.js';
import { ExitCode, reportText, UserError, type Message } from '../messages/index.js';
import { BreakdownKey } from '../model/results.js';
import { issueMessage, issuePath } from '../messages/zod-issue.js';

/** What a layout is checked against: each indicator's code and the breakdowns it computes. */
export interface CatalogueView {
  readonly indicators: readonly { readonly code: string; readonly breakdowns: readonly (readonly BreakdownKey[])[] }[];
}

export const Field = z.enum(['count', 'value', 'denominator']);
export type Field = z.infer<typeof Field>;

/** The values of a breakdown key in code-list order: the rows or bars a layout draws for it. */
export const BREAKDOWN_VALUES: Readonly<Record<BreakdownKey, CodeList>> = {
  sex: SEX,
  ageGroup: AGE_GROUPS.map((age) => ({ code: age.code, label: age.label })),
  group: SPECIAL_GROUPS,
  cause: INJURY_CAUSES,
  setting: ABUSE_SETTINGS,
  form: ABUSE_FORMS,
};

/** A layout file that is wrong: exit 4, naming the file. */
export function layoutError(file: string, reason: Message): UserError {
  return new UserError(ExitCode.invalidDefinition, reportText.layoutInvalid({ file, reason }));
}

/** Reads a YAML or JSON layout file and parses it with `schema`; any problem is exit 4 naming the file. */
export function readLayoutFile<T>(file: string, schema: z.ZodType<T>): T {
  // JSON is YAML too: chart specs and table files go through the same reader.
  const raw = readYamlFile(file, reportText.layoutFile());
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw layoutError(file, reportText.layoutSchema({ reason: issueMessage(issue, { schema, input: raw }), path: issuePath(issue.path) }));
  }
  return parsed.data;
}

const sameKeys = (a: readonly BreakdownKey[], b: readonly BreakdownKey[]) => a.length === b.length && a.every((key) => b.includes(key));

/**
 * Checks that the catalogue has `indicator` and computes it broken down by `keys` (none: the
 * total, always computed). `keys` are the breakdown keys one cell or bar reads together.
 */
export function checkFigure(catalogue: CatalogueView, file: string, indicator: string, keys: readonly BreakdownKey[]): void {
  const definition = catalogue.indicators.find((entry) => entry.code === indicator);
  if (!definition) throw layoutError(file, reportText.layoutIndicatorUnknown({ indicator }));
  const unique = [...new Set(keys)];
  if (unique.length === 0 || definition.breakdowns.some((entry) => sameKeys(entry, unique))) return;
  throw layoutError(file, reportText.layoutBreakdownNotComputed({ indicator, wanted: unique.join(' × '), computed: definition.breakdowns.map((entry) => entry.join(' × ')) }));
}

export { BreakdownKey };
