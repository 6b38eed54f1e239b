/**
 * The declarative vocabulary of indicator definitions (indicators/README.md) as zod schemas.
 * A definition says which records to count (a source and conditions), how to count them
 * (distinct children, distinct cases, communes, or a sum) and how to break them down; the
 * engine interprets that vocabulary and never looks at an indicator's code.
 */
import { z } from 'zod';
import { indicatorsText, type Message } from '../messages/index.js';
import { ownIssue, ownIssueText } from '../messages/zod-issue.js';
import {
  ABUSE_FORMS,
  ABUSE_SETTINGS,
  EVENT_TYPES,
  HANDLING,
  INJURY_CAUSES,
  OUTCOMES,
  SCHOOL_STATUS,
  SEX,
  codesOf,
  type CodeList,
} from '../model/codes.js';
import { BreakdownKey, Level } from '../model/results.js';
import { UnitCode } from '../model/levels.js';

/** Where a measure's records come from. */
export const Source = z.enum([
  /** P(R): children in TreEm born on or before R, under 16 at R, not moved or dead by R. */
  'population',
  /** Children in TreEm born inside W. */
  'births',
  /** Children in TreEm with status DEAD and a status date inside W. */
  'deaths',
  /** SuViec rows dated inside W, of children under 16 on the event date. */
  'events',
  /** ThongTinXa rows of the period. */
  'communeFacts',
]);
export type Source = z.infer<typeof Source>;

export const CountOf = z.enum(['children', 'cases', 'communes']);
export type CountOf = z.infer<typeof CountOf>;

/** Numeric fields that can be summed, with the source they belong to. */
export const SUM_FIELDS = {
  fineAmount: 'events',
  population: 'communeFacts',
  villages: 'communeFacts',
  villagesWithFacilities: 'communeFacts',
  childrenConsulted: 'communeFacts',
  budget: 'communeFacts',
} as const satisfies Record<string, Source>;
export const SumField = z.enum(Object.keys(SUM_FIELDS) as [keyof typeof SUM_FIELDS, ...(keyof typeof SUM_FIELDS)[]]);
export type SumField = z.infer<typeof SumField>;

const codesIn = (list: CodeList) => {
  const codes = codesOf(list);
  const code = z.enum(codes as [string, ...string[]]);
  const error = ownIssueText(indicatorsText.codeOrCodesAmong({ codes }));
  // One value or a list of values: `outcome: TU_VONG` or `cause: [DUOI_NUOC, GIAO_THONG]`.
  return z.union([code, z.array(code).min(1)], { error }).transform((value) => (Array.isArray(value) ? value : [value]));
};

const range = z
  .strictObject({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional() })
  .check((ctx) => {
    const { min, max } = ctx.value;
    if (min === undefined && max === undefined) ctx.issues.push(ownIssue(ctx.value, indicatorsText.minOrMaxNeeded()));
    if (min !== undefined && max !== undefined && min > max) ctx.issues.push(ownIssue(ctx.value, indicatorsText.minAboveMax()));
  });

/** Conditions on records. Each applies to some sources only (CONDITION_SOURCES). */
export const Where = z.strictObject({
  /** Completed years: at R for population, at death for deaths, at the event date for events. Both ends included. */
  age: range.optional(),
  /** Completed months at R, both ends included. */
  ageMonths: range.optional(),
  sex: codesIn(SEX).optional(),
  birthRegistered: z.boolean().optional(),
  hasHealthInsurance: z.boolean().optional(),
  schoolStatus: codesIn(SCHOOL_STATUS).optional(),
  /** `active`: at least one special-circumstance group active at R; `none`: no group active at R. */
  specialCircumstances: z.enum(['active', 'none']).optional(),
  riskGroups: z.enum(['any', 'none']).optional(),
  /** The child's (latest) support date lies inside W. */
  supportDate: z.literal('inWindow').optional(),
  eventType: codesIn(EVENT_TYPES).optional(),
  outcome: codesIn(OUTCOMES).optional(),
  cause: codesIn(INJURY_CAUSES).optional(),
  setting: codesIn(ABUSE_SETTINGS).optional(),
  form: codesIn(ABUSE_FORMS).optional(),
  handling: codesIn(HANDLING).optional(),
  interventions: z.enum(['any', 'none']).optional(),
  childFriendly: z.boolean().optional(),
  hasPlayground: z.boolean().optional(),
});
export type Where = z.infer<typeof Where>;
export type Condition = keyof Where;

const CHILD_SOURCES: readonly Source[] = ['population', 'births', 'deaths'];

export const CONDITION_SOURCES: Record<Condition, readonly Source[]> = {
  age: [...CHILD_SOURCES, 'events'],
  ageMonths: CHILD_SOURCES,
  sex: [...CHILD_SOURCES, 'events'],
  birthRegistered: CHILD_SOURCES,
  hasHealthInsurance: CHILD_SOURCES,
  schoolStatus: CHILD_SOURCES,
  specialCircumstances: CHILD_SOURCES,
  riskGroups: CHILD_SOURCES,
  supportDate: CHILD_SOURCES,
  eventType: ['events'],
  outcome: ['events'],
  cause: ['events'],
  setting: ['events'],
  form: ['events'],
  handling: ['events'],
  interventions: ['events'],
  childFriendly: ['communeFacts'],
  hasPlayground: ['communeFacts'],
};

export const BREAKDOWN_SOURCES: Record<BreakdownKey, readonly Source[]> = {
  sex: [...CHILD_SOURCES, 'events'],
  ageGroup: [...CHILD_SOURCES, 'events'],
  group: CHILD_SOURCES,
  cause: ['events'],
  setting: ['events'],
  form: ['events'],
};

/** Breakdowns that are properties of the child: a ratio restricts its denominator to them. */
export const CHILD_PROPERTY_BREAKDOWNS: ReadonlySet<BreakdownKey> = new Set(['sex', 'ageGroup']);

const COUNTS_FOR: Record<CountOf, readonly Source[]> = {
  children: [...CHILD_SOURCES, 'events'],
  cases: ['events'],
  communes: ['communeFacts'],
};

export const Measure = z
  .strictObject({
    count: CountOf.optional(),
    sum: SumField.optional(),
    of: Source,
    /** Events carry one row per child: a case's amount is taken once, its largest. */
    perCase: z.literal('largest').optional(),
    where: Where.default({}),
  })
  .check((ctx) => {
    const m = ctx.value;
    const issue = (message: Message, path: (string | number)[] = []) => ctx.issues.push(ownIssue(m, message, path));
    if ((m.count === undefined) === (m.sum === undefined)) {
      issue(indicatorsText.countOrSum());
      return;
    }
    if (m.count !== undefined && !COUNTS_FOR[m.count].includes(m.of)) {
      issue(indicatorsText.cannotCount({ count: m.count, source: m.of }), ['count']);
    }
    if (m.sum !== undefined) {
      if (SUM_FIELDS[m.sum] !== m.of) issue(indicatorsText.fieldNotInSource({ field: m.sum, source: m.of }), ['sum']);
      if (m.of === 'events' && m.perCase === undefined) {
        issue(indicatorsText.perCaseNeeded(), ['perCase']);
      }
    }
    if (m.perCase !== undefined && m.of !== 'events') issue(indicatorsText.perCaseEventsOnly(), ['perCase']);
    for (const key of Object.keys(m.where) as Condition[]) {
      if (m.where[key] !== undefined && !CONDITION_SOURCES[key].includes(m.of)) {
        issue(indicatorsText.conditionNotForSource({ condition: key, source: m.of }), ['where', key]);
      }
    }
  });
export type Measure = z.infer<typeof Measure>;

const BreakdownEntry = z.union([BreakdownKey, z.tuple([BreakdownKey, BreakdownKey])]);

export const UnitOfCount = z.enum(['children', 'cases', 'communes', 'villages', 'amount']);
export type UnitOfCount = z.infer<typeof UnitOfCount>;

export const IndicatorEntry = z
  .strictObject({
    code: z.string().regex(/^(TE|XH)-\d{4}$/, { error: ownIssueText(indicatorsText.codeForm()) }),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    group: z.string().regex(/^\d{2}$/, { error: ownIssueText(indicatorsText.groupForm()) }),
    unitOfCount: UnitOfCount,
    periodKind: z.enum(['stock', 'flow']),
    numerator: Measure,
    denominator: Measure.optional(),
    factor: z.number().positive().optional(),
    breakdowns: z.array(BreakdownEntry).default([]),
    modelled: z.boolean().default(false),
    /**
     * false: today's records cannot give last year's figure (e.g. the support date keeps only
     * the latest support), so `--baseline records` gives none for it; last year's result
     * file still can. `lastYearNote` says why, in the report's words.
     */
    lastYearFromRecords: z.boolean().default(true),
    lastYearNote: z.string().min(1).optional(),
    notes: z.string().optional(),
    notesEn: z.string().optional(),
  })
  .check((ctx) => {
    const d = ctx.value;
    const issue = (message: Message, path: (string | number)[]) => ctx.issues.push(ownIssue(d, message, path));
    if ((d.denominator === undefined) !== (d.factor === undefined)) {
      issue(indicatorsText.ratioNeedsBoth(), [
        d.denominator === undefined ? 'denominator' : 'factor',
      ]);
    }
    if (!d.lastYearFromRecords && d.lastYearNote === undefined) {
      issue(indicatorsText.lastYearNoteNeeded(), ['lastYearNote']);
    }
    if (d.code.slice(3, 5) !== d.group) issue(indicatorsText.codeNotInGroup({ code: d.code, group: d.group }), ['group']);
    const seen = new Set<string>();
    d.breakdowns.forEach((entry, index) => {
      const keys = Array.isArray(entry) ? entry : [entry];
      const id = keys.join('×');
      if (seen.has(id)) issue(indicatorsText.breakdownRepeated({ breakdown: id }), ['breakdowns', index]);
      seen.add(id);
      if (keys.length === 2 && keys[0] === keys[1]) issue(indicatorsText.breakdownSameKeyTwice(), ['breakdowns', index]);
      for (const key of keys) {
        if (!BREAKDOWN_SOURCES[key].includes(d.numerator.of)) {
          issue(indicatorsText.breakdownNotForSource({ breakdown: key, source: d.numerator.of }), ['breakdowns', index]);
        }
        // A denominator is split by the child's sex and age only; it must be able to carry them.
        if (d.denominator && CHILD_PROPERTY_BREAKDOWNS.has(key) && !BREAKDOWN_SOURCES[key].includes(d.denominator.of)) {
          issue(indicatorsText.denominatorNotSplit({ breakdown: key, source: d.denominator.of }), ['breakdowns', index]);
        }
      }
    });
  });
export type IndicatorEntry = z.infer<typeof IndicatorEntry>;

export const Appendix = z.enum(['I', 'II']);
export type Appendix = z.infer<typeof Appendix>;

export const IndicatorFile = z
  .strictObject({
    appendix: Appendix,
    groups: z.record(
      z.string().regex(/^\d{2}$/),
      z.strictObject({ name: z.string().min(1), nameEn: z.string().min(1) }),
    ),
    indicators: z.array(IndicatorEntry).min(1),
  })
  .check((ctx) => {
    const file = ctx.value;
    file.indicators.forEach((entry, index) => {
      const prefix = file.appendix === 'I' ? 'TE-' : 'XH-';
      if (!entry.code.startsWith(prefix)) {
        ctx.issues.push(ownIssue(entry.code, indicatorsText.appendixCodePrefix({ appendix: file.appendix, prefix }), ['indicators', index, 'code']));
      }
      if (!(entry.group in file.groups)) {
        ctx.issues.push(ownIssue(entry.group, indicatorsText.groupNotListed({ group: entry.group }), ['indicators', index, 'group']));
      }
    });
  });
export type IndicatorFile = z.infer<typeof IndicatorFile>;

/** A loaded definition: an entry with its place in the Circular and the file it came from. */
export interface IndicatorDefinition extends Omit<IndicatorEntry, 'breakdowns'> {
  readonly appendix: Appendix;
  readonly groupName: string;
  readonly groupNameEn: string;
  /** Each breakdown as its list of keys: `[['sex'], ['cause', 'sex']]`. */
  readonly breakdowns: readonly (readonly BreakdownKey[])[];
  readonly file: string;
}

export interface Catalogue {
  /** In code order (TE- before XH-), the order of every output. */
  readonly indicators: readonly IndicatorDefinition[];
  get(code: string): IndicatorDefinition | undefined;
}

// ---------------------------------------------------------------------------------------------
// Targets (targets/README.md)


const Override = z
  .strictObject({
    unit: UnitCode,
    percent: z.number().positive().max(100).optional(),
    skip: z.literal(true).optional(),
  })
  .check((ctx) => {
    if ((ctx.value.percent === undefined) === (ctx.value.skip === undefined)) {
      ctx.issues.push(ownIssue(ctx.value, indicatorsText.percentOrSkip()));
    }
  });

export const TargetEntry = z
  .strictObject({
    /** The plan's wording, kept as the target's label. */
    label: z.string().min(1),
    /** The sentence of the plan the target comes from, word for word. */
    wording: z.string().optional(),
    /** Where the target comes from when not from the plan itself (e.g. a national programme). */
    source: z.string().optional(),
    indicator: z.string().regex(/^(TE|XH)-\d{4}$/),
    rule: z.enum(['reduction', 'full_coverage']),
    /** reduction: the count must fall by at least this percent against the same period last year. */
    percent: z.number().positive().max(100).optional(),
    /** Shown with every status of this target (e.g. why another indicator stands in). */
    note: z.string().optional(),
    levels: z.array(Level).min(1).optional(),
    units: z.array(UnitCode).min(1).optional(),
    overrides: z.array(Override).default([]),
  })
  .check((ctx) => {
    const t = ctx.value;
    if (t.rule === 'reduction' && t.percent === undefined) {
      ctx.issues.push(ownIssue(t, indicatorsText.reductionNeedsPercent(), ['percent']));
    }
    if (t.rule === 'full_coverage' && t.percent !== undefined) {
      ctx.issues.push(ownIssue(t, indicatorsText.fullCoverageNoPercent(), ['percent']));
    }
    t.overrides.forEach((override, index) => {
      if (override.percent !== undefined && t.rule !== 'reduction') {
        ctx.issues.push(ownIssue(override, indicatorsText.percentForReductionOnly(), ['overrides', index, 'percent']));
      }
    });
  });
export type TargetEntry = z.infer<typeof TargetEntry>;

export const TargetsFile = z.strictObject({
  plan: z.string().min(1),
  issuedBy: z.string().optional(),
  source: z.string().optional(),
  targets: z.array(TargetEntry).min(1),
});
export type TargetsFile = z.infer<typeof TargetsFile>;

export interface TargetDefinition extends TargetEntry {
  readonly plan: string;
  readonly file: string;
}

export interface TargetPlan {
  readonly plan: string;
  readonly issuedBy?: string;
  readonly source?: string;
  readonly file: string;
  readonly targets: readonly TargetDefinition[];
}
