/**
 * What the front ends (src/cli, src/server) use of the stages behind the pipeline: they import
 * from src/pipeline/, src/model/, src/io/ and src/output/ only (tests/pipeline/stages.test.ts
 * checks it), so a stage can change inside without the front ends knowing.
 */
export { describeMeasure, describeRule, type Explanation, KEY_LABELS, loadCatalogue, parsePeriod, type Period, periodFromWindow, type PeriodPresets, type RecordKeys, samePeriodLastYear, TARGETS_DIR, valueLabel } from '../engine/index.js';
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
export { type Catalogue, type TargetPlan } from '../indicators/index.js';
export { type ChartFigure, chartNotes, REFERENCE_TONE } from '../report/charts/data.js';
export { chartSvg } from '../report/charts/render.js';
export { completenessMessage } from '../report/completeness.js';
export { formatDate, formatNumber, formatNumberIn } from '../report/format-vi.js';
export { placedCharts, placeholdersMessage, reportBaseName, type ReportInput, type UnitName } from '../report/index.js';
export { loadNarrative, type Narrative, NARRATIVE_KEYS, NARRATIVE_SECTIONS } from '../report/narrative.js';
export { periodWording } from '../report/period-label.js';
export { placementNotes } from '../report/placement-note.js';
export { checkReportDate, loadSettingsFile, ReportSettingsFile } from '../report/settings.js';
export { buildPostReformSet, buildSampleSet, DEFAULT_SEED, districtSize, OTHER_LAYOUTS_DIR, POST_REFORM_DIR, writeOtherLayouts, writePostReformSet, writeSampleSet, type WrittenFile } from '../sample/index.js';
export { vnNumber } from '../sample/layout.js';
export { type AdminUnits, eraAt, loadAdminUnits } from '../units/index.js';
export { VILLAGE_MAP_HEADERS, type VillageMap } from '../units/village-map.js';
