/**
 * Indicator definitions and target plans, loaded from YAML data and validated:
 *
 *   loadCatalogue(dir?) → Catalogue                 every indicators/*.yaml, in code order
 *   loadIndicatorFile(file) → IndicatorDefinition[]
 *   loadTargets(file, catalogue) → TargetPlan       one plan's targets (targets/*.yaml)
 *
 * The vocabulary is documented in indicators/README.md and targets/README.md.
 */
export { CATALOGUE_DIR, TARGETS_DIR, catalogueOf, lastYearNotes, loadCatalogue, loadIndicatorFile, loadTargets } from './load.js';
export {
  BREAKDOWN_SOURCES,
  CHILD_PROPERTY_BREAKDOWNS,
  CONDITION_SOURCES,
  SUM_FIELDS,
  type Appendix,
  type Catalogue,
  type Condition,
  type CountOf,
  type IndicatorDefinition,
  type IndicatorEntry,
  type Measure,
  type Source,
  type SumField,
  type TargetDefinition,
  type TargetEntry,
  type TargetPlan,
  type UnitOfCount,
  type Where,
} from './schema.js';
