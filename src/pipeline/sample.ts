/**
 * The sample step: the synthetic data sets `chitieu sample` writes (src/sample/). Apart from
 * pipeline/stages.ts, and from the sample's own modules rather than sample/index.ts, so that
 * listing the command (`chitieu --help`) loads no workbook writer: sample/write.ts loads
 * exceljs when it writes the first workbook.
 */
export { buildSampleSet, DEFAULT_SEED, districtSize } from '../sample/build.js';
export { buildPostReformSet, POST_REFORM_DIR } from '../sample/post-reform.js';
export { OTHER_LAYOUTS_DIR, writeOtherLayouts, writePostReformSet, writeSampleSet, type WrittenFile } from '../sample/write.js';
