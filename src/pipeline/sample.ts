/**
 * The sample step: the synthetic data sets `chitieu sample` writes (src/sample/). Apart from
 * pipeline/stages.ts because writing workbooks loads exceljs, which no other command needs.
 */
export { buildPostReformSet, buildSampleSet, DEFAULT_SEED, districtSize, OTHER_LAYOUTS_DIR, POST_REFORM_DIR, writeOtherLayouts, writePostReformSet, writeSampleSet, type WrittenFile } from '../sample/index.js';
