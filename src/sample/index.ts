/** The synthetic sample: `chitieu sample` and anything else that needs realistic commune exports. */
export { DEFAULT_SEED, buildSampleSet, districtCommunes, districtSize } from './build.js';
export type { FileLayout, PlantedError, SampleOptions, SampleSet, SheetAccount } from './build.js';
export { sampleReadme } from './readme.js';
export { periodTotals } from './truth.js';
export type { PeriodTotals, SampleChild, SampleEvent, SampleFacts } from './truth.js';
export { workbookBuffer } from './workbook.js';
export { CONTRACT_LAYOUT, OTHER_LAYOUTS, otherLayoutFile } from './other-layouts.js';
export type { OtherLayout, OtherSheet } from './other-layouts.js';
export { OTHER_LAYOUTS_DIR, writeOtherLayouts, writePostReformSet, writeSampleSet } from './write.js';
export { POST_REFORM_DIR, POST_REFORM_PERIODS, buildPostReformSet, postReformCommunes } from './post-reform.js';
export type { NewCommune, PostReformSet } from './post-reform.js';
export { postReformReadme } from './readme-post.js';
export type { WrittenFile } from './write.js';
