/**
 * Shapes of the three bundled files in data/admin-units (see its README for provenance).
 * Only the fields the program uses are declared; zod drops the rest. Code formats (2, 3 and
 * 5 digits) are checked while indexing, in build.ts, not here: zod string checks doubled the
 * start-up cost of every run (about 80 ms on ~25,000 codes) for data that is bundled.
 */
import { z } from 'zod';

export const preUnitsFileSchema = z.array(
  z.object({
    Code: z.string(),
    FullName: z.string(),
    District: z.array(
      z.object({
        Code: z.string(),
        FullName: z.string(),
        ProvinceCode: z.string(),
        // Island districts had no commune level: their Ward is null.
        Ward: z.array(z.object({ Code: z.string(), FullName: z.string(), DistrictCode: z.string() })).nullable(),
      }),
    ),
  }),
);
export type PreUnitsFile = z.infer<typeof preUnitsFileSchema>;

export const postUnitsFileSchema = z.array(
  z.object({
    Code: z.string(),
    FullName: z.string(),
    Wards: z.array(z.object({ Code: z.string(), FullName: z.string(), ProvinceCode: z.string() })),
  }),
);
export type PostUnitsFile = z.infer<typeof postUnitsFileSchema>;

const mergeType = z.enum(['full', 'partial']);

/** Names are left out: old communes are named from the pre-reform list (one spelling source). */
export const mergesFileSchema = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      merges: z.array(z.object({ old_id: z.string(), type: mergeType })),
      level2s: z.array(
        z.object({
          level2_id: z.string(),
          // Old units are communes (5 digits), except the island districts without communes
          // (3 digits) that became special zones.
          merges: z.array(z.object({ old_id: z.string(), type: mergeType })),
        }),
      ),
    }),
  ),
});
export type MergesFile = z.infer<typeof mergesFileSchema>;
/** One old unit listed by a new commune. */
export type MergeSource = MergesFile['data'][number]['level2s'][number]['merges'][number];
