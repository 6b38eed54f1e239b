import { z } from 'zod';
import type { RecordKind } from './records.js';

/**
 * A column-mapping profile (profiles/README.md): another layout's sheet names, headers and
 * values, said in the contract's terms. A profile only adds header aliases and value
 * mappings to the contract; every value it maps to must already be one of the contract's, so
 * it can never change what a figure means.
 */

/** One name or several: `match: "DS TE"` and `match: ["DS TE", "Danh sách trẻ"]` alike. */
const Names = z
  .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])
  .transform((names) => (typeof names === 'string' ? [names] : names));

const ValueMap = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

/** A key left with nothing under it (every line commented out, as in a draft) is the same as no key. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === null ? undefined : value), schema.optional());

export const SheetProfile = z.strictObject({
  /** Sheet names that tell this kind (folded as headers are). */
  match: optional(Names),
  /** Contract key → the headers this layout uses for it. */
  columns: optional(z.record(z.string(), Names)),
  /** Contract key → { this layout's value: the contract's code or label }. */
  values: optional(z.record(z.string(), ValueMap)),
});
export type SheetProfile = z.infer<typeof SheetProfile>;

export const ProfileFile = z.strictObject({
  name: z.string().trim().min(1),
  description: z.string().optional(),
  /** Sheets of this layout that hold no data (instructions, code lists). */
  ignoreSheets: optional(Names),
  sheets: z.strictObject({
    children: optional(SheetProfile),
    events: optional(SheetProfile),
    communeFacts: optional(SheetProfile),
  }),
});
export type ProfileFile = z.infer<typeof ProfileFile>;

/** A profile as the importer receives it (plain data: it crosses into worker threads). */
export interface Profile {
  /** How messages name the file it came from. */
  readonly file: string;
  readonly name: string;
  readonly ignoreSheets: readonly string[];
  readonly sheets: Partial<Record<RecordKind, CheckedSheetProfile>>;
}

export interface CheckedSheetProfile {
  readonly match: readonly string[];
  readonly columns: Readonly<Record<string, readonly string[]>>;
  /** Key → { value as this layout writes it → the contract's own text for it }. */
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
