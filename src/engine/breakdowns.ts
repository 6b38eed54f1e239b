/**
 * Breakdown values and their order (code-list order, KHONG_RO last): every output sorts by it.
 */
import {
  ABUSE_FORMS,
  ABUSE_SETTINGS,
  AGE_GROUPS,
  INJURY_CAUSES,
  SEX,
  SPECIAL_GROUPS,
  UNKNOWN,
  codesOf,
  labelOf,
  type CodeList,
} from '../model/codes.js';
import type { BreakdownKey } from '../model/results.js';
import { engineText, type Message } from '../messages/index.js';

const AGE_GROUP_LIST: CodeList = AGE_GROUPS.map((group) => ({ code: group.code, label: group.label }));

const LISTS: Record<BreakdownKey, CodeList> = {
  sex: SEX,
  ageGroup: AGE_GROUP_LIST,
  group: SPECIAL_GROUPS,
  cause: INJURY_CAUSES,
  setting: ABUSE_SETTINGS,
  form: ABUSE_FORMS,
};

/** Keys whose every value gets a row, whether it occurs or not (docs/indicator-rules.md, JSON output). */
export const ALWAYS_SHOWN: ReadonlySet<BreakdownKey> = new Set(['sex', 'ageGroup']);

/** The values of a key that always get a row (empty for keys shown only when they occur). */
export function alwaysValues(key: BreakdownKey): readonly string[] {
  return ALWAYS_SHOWN.has(key) ? codesOf(LISTS[key]) : [];
}

const ORDER = new Map<BreakdownKey, Map<string, number>>(
  (Object.keys(LISTS) as BreakdownKey[]).map((key) => [key, new Map([...codesOf(LISTS[key]), UNKNOWN].map((code, index) => [code, index]))]),
);

export function valueRank(key: BreakdownKey, value: string): number {
  return ORDER.get(key)?.get(value) ?? Number.MAX_SAFE_INTEGER;
}

export function compareValues(key: BreakdownKey, a: string, b: string): number {
  return valueRank(key, a) - valueRank(key, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Label of a breakdown value for people ("Nữ", "Đuối nước", "Không rõ"). */
export function valueLabel(key: BreakdownKey, value: string, lang: 'vi' | 'en' = 'vi'): string {
  if (value === UNKNOWN) return engineText.breakdownValueUnknown().in(lang);
  return labelOf(LISTS[key], value);
}

export const KEY_LABELS: Record<BreakdownKey, Message> = {
  sex: engineText.breakdownSex(),
  ageGroup: engineText.breakdownAgeGroup(),
  group: engineText.breakdownGroup(),
  cause: engineText.breakdownCause(),
  setting: engineText.breakdownSetting(),
  form: engineText.breakdownForm(),
};

export function ageGroupOf(age: number | null): string {
  if (age === null || age < 0) return UNKNOWN;
  return AGE_GROUPS.find((group) => age >= group.min && age <= group.max)?.code ?? UNKNOWN;
}
