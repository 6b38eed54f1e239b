/** The synthetic sample: `chitieu sample` and anything else that needs realistic commune exports. */
export { DEFAULT_SEED, buildSampleSet, districtCommunes, districtSize } from './build.js';
export type { FileLayout, PlantedError, SampleOptions, SampleSet, SheetAccount } from './build.js';
export { sampleReadme } from './readme.js';
export { periodTotals } from './truth.js';
export type { PeriodTotals, SampleChild, SampleEvent, SampleFacts } from './truth.js';
export { workbookBuffer } from './workbook.js';
export { CONTRACT_LAYOUT, OTHER_LAYOUTS, otherLayoutFile } from './other-layouts.js';
export type { OtherLayout, OtherSheet } from './other-layouts.js';
export { OTHER_LAYOUTS_DIR, writeOtherLayouts, writeSampleSet } from './write.js';
export type { WrittenFile } from './write.js';
