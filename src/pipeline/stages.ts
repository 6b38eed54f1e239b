/**
 * What the front ends (src/cli, src/server) use of the stages behind the pipeline: they import
 * from src/pipeline/, src/model/, src/io/ and src/output/ only (tests/pipeline/stages.test.ts
 * checks it), so a stage can change inside without the front ends knowing.
 *
 * Every command that loads this module pays for all it re-exports, so it re-exports only what
 * loads fast: the importer's pieces, the engine's words (not the engine: arquero), the units,
 * the report's wording (numbers, dates, completeness, placement, file names). What is heavy to load comes
 * with the step that uses it: the report's making (templates, settings, narrative, charts:
 * handlebars, vega) with pipeline/report.ts, the sample generator (exceljs) with
 * pipeline/sample.ts. tests/cli/loaded-modules.test.ts holds `compute` and `validate` to it.
 */
export { describeMeasure, describeRule } from '../engine/describe.js';
export { DOUBLE_COUNT_NOTE } from '../engine/sum-annexes.js';
export { KEY_LABELS, valueLabel } from '../engine/breakdowns.js';
export type { Explanation, RecordKeys } from '../engine/explain.js';
export { parsePeriod, type Period, periodFromWindow, type PeriodPresets, samePeriodLastYear } from '../engine/period.js';
export { draftVillageMap } from '../engine/village-draft.js';
export { parseDate } from '../import/cells.js';
export { draftProfileText } from '../import/draft-profile.js';
export { type FileAccount, type ImportResult, type ProfileSelection, unreadableError, type UnreadableInput } from '../import/index.js';
export { type FileInspection, inspectFile } from '../import/inspect.js';
export { checkMapping, type LayoutChoice, type LayoutDraft, makeProfile, profileFileName, proposalsFor, proposeMapping, refusedForHeaders, specOf } from '../import/mapping.js';
export { availableProfiles, type BrokenProfile, bundledProfiles, loadProfile, localProfilesChecked } from '../import/profiles.js';
export { columnLetter } from '../import/readers/notes.js';
export { type SheetChoice } from '../import/sheet-choice.js';
export { accountingLines, columnLines, countsByKind, issueLabel, KIND_LABELS, placementLines, rejectedLine, SKIP_REASONS, summaryLines, warningLine } from '../import/summary.js';
export { checkZip, ZipRefusal } from '../import/zip-guard.js';
export { type Catalogue, loadCatalogue, TARGETS_DIR, type TargetPlan } from '../indicators/index.js';
export { completenessMessage } from '../report/completeness.js';
export { reportBaseName } from '../report/file-name.js';
export { formatDate, formatNumber, formatNumberIn } from '../report/format-vi.js';
export { placeholdersMessage } from '../report/narrative.js';
export { periodWording } from '../report/period-label.js';
export { placementNotes } from '../report/placement-note.js';
export type { UnitName } from '../report/unit-name.js';
export { type AdminUnits, eraAt, loadAdminUnits } from '../units/index.js';
export { VILLAGE_MAP_HEADERS, type VillageMap } from '../units/village-map.js';
