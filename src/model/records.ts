import { z } from 'zod';
import { CHILD_FIELDS, COMMUNE_FACT_FIELDS, EVENT_FIELDS, valuesShape } from './fields.js';

export { communeCode, districtCode, isoDate, provinceCode } from './fields.js';

/**
 * Validated records: what the importer hands to the engine (their fields are described in
 * fields.ts). Every date is an ISO calendar date string (YYYY-MM-DD): no time zone can shift
 * it and string order is date order.
 */

/** Where a record came from: file, sheet and 1-based row number as Excel shows it. */
export const SourceRef = z.object({
  file: z.string(),
  sheet: z.string(),
  row: z.number().int().positive(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * Optional columns the record's sheet did not have (contract keys). A column absent from the
 * data means "no data" for the indicators that need it, not "none" (docs/indicator-rules.md).
 */
const absentColumns = z.array(z.string()).readonly().optional();

export const Child = z.object({ ...valuesShape(CHILD_FIELDS), absentColumns, source: SourceRef });
export type Child = z.infer<typeof Child>;

export const ChildEvent = z.object({ ...valuesShape(EVENT_FIELDS), absentColumns, source: SourceRef });
export type ChildEvent = z.infer<typeof ChildEvent>;

export const CommuneFacts = z.object({ ...valuesShape(COMMUNE_FACT_FIELDS), source: SourceRef });
export type CommuneFacts = z.infer<typeof CommuneFacts>;

export type RecordKind = 'children' | 'events' | 'communeFacts';
