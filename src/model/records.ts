import { z } from 'zod';
import {
  ABUSE_FORMS,
  ABUSE_SETTINGS,
  CHILD_STATUS,
  EVENT_TYPES,
  HANDLING,
  INJURY_CAUSES,
  OUTCOMES,
  RISK_GROUPS,
  SCHOOL_STATUS,
  SEX,
  SPECIAL_GROUPS,
  SUPPORT_FORMS,
  codesOf,
  type CodeList,
} from './codes.js';
import { childColumns, eventColumns, type ChildColumns, type EventColumns } from './record-columns.js';

/**
 * Validated records: what the importer hands to the engine. Every date is an ISO calendar
 * date string (YYYY-MM-DD): no time zone can shift it and string order is date order.
 */

const enumOf = (list: CodeList) => z.enum(codesOf(list) as [string, ...string[]]);

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const communeCode = z.string().regex(/^\d{5}$/);
export const districtCode = z.string().regex(/^\d{3}$/);
export const provinceCode = z.string().regex(/^\d{2}$/);

/** Where a record came from: file, sheet and 1-based row number as Excel shows it. */
export const SourceRef = z.object({
  file: z.string(),
  sheet: z.string(),
  row: z.number().int().positive(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * Yes/no columns: `null` means the column was absent from the file ("no data");
 * a blank cell in a present column is `false` (indicator-rules.md).
 */
const yesNo = z.boolean().nullable();

/**
 * Optional columns the record's sheet did not have (contract keys). A column absent from the
 * data means "no data" for the indicators that need it, not "none" (indicator-rules.md).
 */
const absentColumns = z.array(z.string()).readonly().optional();

export const Child = z.object({
  childId: z.string().min(1),
  personalId: z.string().regex(/^\d{12}$/).optional(),
  fullName: z.string().min(1),
  dateOfBirth: isoDate,
  sex: enumOf(SEX),
  ethnicity: z.string().optional(),
  provinceCode,
  districtCode: districtCode.optional(),
  communeCode,
  village: z.string().optional(),
  birthRegistered: yesNo,
  hasHealthInsurance: yesNo,
  /** `null`: the column was absent; `undefined`: blank cell. */
  schoolStatus: enumOf(SCHOOL_STATUS).nullable().optional(),
  specialGroups: z.array(enumOf(SPECIAL_GROUPS)),
  specialSince: isoDate.optional(),
  specialUntil: isoDate.optional(),
  riskGroups: z.array(enumOf(RISK_GROUPS)),
  supportForms: z.array(enumOf(SUPPORT_FORMS)),
  supportDate: isoDate.optional(),
  status: enumOf(CHILD_STATUS),
  statusDate: isoDate.optional(),
  absentColumns,
  source: SourceRef,
});
export type Child = z.infer<typeof Child>;

export const ChildEvent = z.object({
  caseId: z.string().min(1),
  childId: z.string().min(1),
  sex: enumOf(SEX).optional(),
  dateOfBirth: isoDate.optional(),
  communeCode,
  eventType: enumOf(EVENT_TYPES),
  eventDate: isoDate,
  abuseForms: z.array(enumOf(ABUSE_FORMS)),
  abuseSetting: enumOf(ABUSE_SETTINGS).optional(),
  injuryCause: enumOf(INJURY_CAUSES).optional(),
  outcome: enumOf(OUTCOMES).optional(),
  interventions: z.array(enumOf(SUPPORT_FORMS)),
  handling: enumOf(HANDLING).optional(),
  fineAmount: z.number().nonnegative().optional(),
  absentColumns,
  source: SourceRef,
});
export type ChildEvent = z.infer<typeof ChildEvent>;

export const CommuneFacts = z.object({
  communeCode,
  periodId: z.string().min(1),
  population: z.number().nonnegative().optional(),
  villages: z.number().int().nonnegative().optional(),
  villagesWithFacilities: z.number().int().nonnegative().optional(),
  hasPlayground: z.boolean().optional(),
  childFriendly: z.boolean().optional(),
  childrenConsulted: z.number().int().nonnegative().optional(),
  budget: z.number().nonnegative().optional(),
  source: SourceRef,
});
export type CommuneFacts = z.infer<typeof CommuneFacts>;

export type RecordKind = 'children' | 'events' | 'communeFacts';

/**
 * Everything the importer accepted, ready for the engine: children and events as columns
 * (record-columns.ts), the few commune-facts rows as records.
 */
export interface Dataset {
  readonly children: ChildColumns;
  readonly events: EventColumns;
  readonly communeFacts: readonly CommuneFacts[];
}

/** A dataset from plain records: how tests and benchmarks write their data. */
export function datasetOf(parts: { readonly children?: readonly Child[]; readonly events?: readonly ChildEvent[]; readonly communeFacts?: readonly CommuneFacts[] }): Dataset {
  return { children: childColumns(parts.children ?? []), events: eventColumns(parts.events ?? []), communeFacts: parts.communeFacts ?? [] };
}
