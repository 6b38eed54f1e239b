import type { ColumnSpec, SheetSpec } from '../model/columns.js';
import { closestColumn } from './column-report.js';
import { foldHeader } from './text.js';

/**
 * The contract column a header most likely means, for a draft profile: never for reading,
 * where only the contract's names and a profile's count. A misspelt contract header is found
 * as `validate`'s hint finds it (column-report.ts); beyond that, headers are compared folded,
 * by words, letter triples and shorthand, against each column's header and aliases, its key in
 * words ("dateOfBirth" → "date of birth") and the names other templates use (English ones).
 */

/** English names and Vietnamese shorthand of contract columns seen in templates; suggestions only. */
const OTHER_NAMES: Readonly<Record<string, readonly string[]>> = {
  childId: ['child id', 'child code', 'child number', 'id', 'mã số', 'mã số trẻ'],
  personalId: ['personal id', 'national id', 'id number', 'citizen id'],
  fullName: ['full name', 'name', 'child name'],
  dateOfBirth: ['date of birth', 'birth date', 'birthday', 'dob', 'born'],
  sex: ['sex', 'gender', 'trai/gái', 'nam/nữ', 'giới'],
  ethnicity: ['ethnicity', 'ethnic group'],
  provinceCode: ['province code', 'province', 'tỉnh'],
  districtCode: ['district code', 'district', 'huyện'],
  communeCode: ['commune code', 'commune', 'ward code', 'ward', 'xã', 'xã/phường'],
  village: ['village', 'hamlet'],
  birthRegistered: ['birth registered', 'birth registration', 'birth certificate'],
  hasHealthInsurance: ['health insurance', 'health insurance card', 'insurance'],
  schoolStatus: ['school status', 'schooling', 'education', 'school', 'đang học', 'học lớp'],
  specialGroups: ['special circumstances', 'special group'],
  specialSince: ['special circumstances since', 'special since'],
  specialUntil: ['special circumstances until', 'special until'],
  riskGroups: ['risk groups', 'at risk', 'risk'],
  supportForms: ['support received', 'support forms', 'support'],
  supportDate: ['support date', 'date of support'],
  status: ['status', 'current status', 'hiện trạng'],
  statusDate: ['status date', 'date of status change', 'status changed'],
  caseId: ['case id', 'case number', 'case code', 'case', 'số hồ sơ', 'mã hồ sơ'],
  eventType: ['event type', 'type of event', 'type', 'event'],
  eventDate: ['event date', 'date of event', 'date'],
  abuseForms: ['abuse forms', 'form of abuse', 'abuse form', 'type of abuse'],
  abuseSetting: ['abuse setting', 'setting', 'place of abuse'],
  injuryCause: ['injury cause', 'cause of injury', 'cause'],
  outcome: ['outcome', 'consequence', 'result'],
  interventions: ['interventions', 'support and intervention', 'intervention'],
  handling: ['handling', 'action taken'],
  fineAmount: ['fine amount', 'fine'],
  periodId: ['reporting period', 'period'],
  population: ['population'],
  villages: ['villages', 'number of villages'],
  villagesWithFacilities: ['villages with facilities'],
  hasPlayground: ['playground'],
  childFriendly: ['child friendly commune', 'child friendly'],
  childrenConsulted: ['children consulted'],
  budget: ['budget', 'funding'],
};

export interface Suggestion {
  readonly column: ColumnSpec;
  /** 0..1: 1 when the header is one of the column's names. */
  readonly score: number;
}

/** How close a suggestion must be to be offered as likely rather than as a guess. */
export const LIKELY = 0.6;

const keyWords = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function namesOf(column: ColumnSpec): string[] {
  return [column.header, ...column.aliases, keyWords(column.key), ...(OTHER_NAMES[column.key] ?? [])].map(foldHeader);
}

function dice<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const rest = [...b];
  let shared = 0;
  for (const item of a) {
    const at = rest.indexOf(item);
    if (at >= 0) {
      shared += 1;
      rest.splice(at, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

function triples(text: string): string[] {
  const padded = ` ${text} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i += 1) out.push(padded.slice(i, i + 3));
  return out;
}

/** Shorthand drops the last words ("Nơi xảy ra" for "Nơi xảy ra xâm hại"): a name begun by the other counts as near. */
const SHORTHAND = 0.8;

function begins(long: string, short: string): boolean {
  return short.length >= 3 && long.startsWith(`${short} `);
}

/** Likeness of two folded texts: the best of shared words, shared letter triples and shorthand. */
export function likeness(a: string, b: string): number {
  if (a === b) return 1;
  const shorthand = begins(a, b) || begins(b, a) ? SHORTHAND : 0;
  return Math.max(shorthand, dice(a.split(' '), b.split(' ')), dice(triples(a), triples(b)));
}

/** How sure a misspelling of a contract header is (validate's own hint). */
const MISSPELT = 0.9;

/** The sheet's column a header most likely means, or undefined when none is near at all. */
export function suggestColumn(header: string, sheet: SheetSpec): Suggestion | undefined {
  const folded = foldHeader(header);
  if (folded === '') return undefined;
  const misspelt = closestColumn(header, sheet.columns);
  let best: Suggestion | undefined = misspelt ? { column: misspelt, score: MISSPELT } : undefined;
  for (const column of sheet.columns) {
    const score = Math.max(...namesOf(column).map((name) => likeness(folded, name)));
    if (!best || score > best.score) best = { column, score };
  }
  return best && best.score >= 0.3 ? best : undefined;
}
