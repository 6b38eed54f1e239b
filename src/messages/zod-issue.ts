/**
 * The one place a zod issue becomes words. zod records an issue as data (a code and its
 * parameters); its own texts are English (or its locale's), so each code is rendered here from
 * our catalogue (src/messages/io.ts), in the reader's language. Every file checked with zod
 * (settings, narrative, targets, profiles, village map, indicator files) says its faults through
 * `issueMessage`.
 */
import type { z } from 'zod';
import { Message } from './define.js';
import { ioText } from './io.js';

type Issue = z.core.$ZodIssue;

/**
 * Messages a schema gives for its own checks (`{ error: ownIssueText(…) }`, a refinement's
 * issue): zod carries a string, so the string is a key to the message, found again here.
 */
const OWN_TEXTS = new Map<string, Message>();

/**
 * The text to hand zod for one of our messages; `issueMessage` renders the message itself. The
 * key is the English text, so that code reading `issue.message` directly still shows words.
 */
export function ownIssueText(message: Message): string {
  const key = message.en;
  OWN_TEXTS.set(key, message);
  return key;
}

/** A refinement's issue carrying one of our messages (`ctx.issues.push(ownIssue(…))`). */
export function ownIssue(input: unknown, message: Message, path: PropertyKey[] = []): z.core.$ZodRawIssue {
  return { code: 'custom', input, message: ownIssueText(message), path };
}

/** What a value is, in words: the kinds zod expects and the kinds a YAML file can hold. */
const KINDS = ['string', 'number', 'int', 'boolean', 'array', 'object', 'date', 'null', 'undefined'] as const;
type Kind = (typeof KINDS)[number];

function kindOf(value: unknown): Kind | undefined {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' ? type : undefined;
}

const isKind = (name: string): name is Kind => (KINDS as readonly string[]).includes(name);

/** A value shown in a message: short, quoted when text. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The keys an object schema allows at `path`, for an unrecognised key: the message lists them.
 * Walks wrappers (optional, default, pipe, array element, record value) the way zod validated.
 */
export function allowedKeysAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string[] | undefined {
  let node: unknown = schema;
  const unwrap = (value: unknown): unknown => {
    for (let depth = 0; depth < 20; depth += 1) {
      const def = (value as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
      if (!def) return value;
      const inner = def['innerType'] ?? (def['type'] === 'pipe' ? def['in'] : undefined) ?? (def['type'] === 'lazy' ? (def['getter'] as () => unknown)() : undefined);
      if (inner === undefined) return value;
      value = inner;
    }
    return value;
  };
  for (const key of path) {
    node = unwrap(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def) return undefined;
    if (def['type'] === 'object') node = (def['shape'] as Record<string, unknown>)[String(key)];
    else if (def['type'] === 'array') node = def['element'];
    else if (def['type'] === 'record') node = def['valueType'];
    else return undefined;
  }
  const def = (unwrap(node) as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  return def?.['type'] === 'object' ? Object.keys(def['shape'] as Record<string, unknown>) : undefined;
}

/** What was checked: the schema (for the keys it allows) and the data (for the value at a path). */
export interface Checked {
  readonly schema?: z.ZodType;
  readonly input?: unknown;
}

/** The value at `path` of the data checked; `present: false` when a key on the way is absent. */
function valueAt(input: unknown, path: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return { present: false };
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value: node };
}

/** One zod issue as a message of ours (the field's path is the caller's to say). */
export function issueMessage(issue: Issue, checked: Checked = {}): Message {
  const own = OWN_TEXTS.get(issue.message);
  if (own) return own;
  // zod leaves the value out of its issues unless asked: it is found again in the data checked.
  const at = issue.input !== undefined ? { present: true, value: issue.input } : checked.input !== undefined ? valueAt(checked.input, issue.path) : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (at && (!at.present || at.value === undefined)) return ioText.zodRequired();
      const expected = isKind(issue.expected) ? issue.expected : undefined;
      if (!expected) return ioText.zodInvalidValue();
      if (!at) return ioText.zodKindNeeded({ expected });
      return ioText.zodWrongKind({ expected, found: kindOf(at.value) ?? 'other', value: shown(at.value) });
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? ioText.zodEmptyText() : ioText.zodTextTooShort({ minimum });
      if (issue.origin === 'array' || issue.origin === 'set') return ioText.zodTooFewItems({ minimum });
      return issue.inclusive === false ? ioText.zodAbove({ limit: minimum }) : ioText.zodAtLeast({ limit: minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return ioText.zodTextTooLong({ maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return ioText.zodTooManyItems({ maximum });
      return issue.inclusive === false ? ioText.zodBelow({ limit: maximum }) : ioText.zodAtMost({ limit: maximum });
    }
    case 'invalid_format':
      return ioText.zodBadFormat({ value: at?.present && at.value !== undefined ? shown(at.value) : '' });
    case 'not_multiple_of':
      return ioText.zodNotMultipleOf({ divisor: issue.divisor });
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(checked.schema, issue.path) ?? [];
      return ioText.zodUnknownKeys({ keys: issue.keys, allowed });
    }
    case 'invalid_value':
      if (at && (!at.present || at.value === undefined)) return ioText.zodRequiredOneOf({ values: issue.values.map(shown) });
      return issue.values.length === 1 ? ioText.zodMustBe({ value: shown(issue.values[0]) }) : ioText.zodOneOf({ values: issue.values.map(shown) });
    case 'invalid_union': {
      // The branch that got furthest says the most: its first issue, with the path inside the union.
      const branch = issue.errors.map((issues) => issues[0]).filter((first) => first !== undefined).sort((a, b) => b.path.length - a.path.length)[0];
      return branch && branch.path.length > 0 ? issueMessage({ ...branch, path: [...issue.path, ...branch.path] }, checked) : ioText.zodInvalidValue();
    }
    case 'invalid_key':
    case 'invalid_element': {
      const inner = issue.issues[0];
      return inner ? issueMessage({ ...inner, path: [...issue.path, ...inner.path] }, checked) : ioText.zodInvalidValue();
    }
    case 'custom': {
      const given: unknown = issue.params?.['message'];
      if (given instanceof Message) return given;
      return ioText.zodCustom({ text: issue.message });
    }
  }
}

/** An issue's path as the user wrote it in the file: "indicators[2].numerator", "(gốc)" when empty. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`)).join('');
}
