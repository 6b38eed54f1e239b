/** Texts of src/pipeline/. */
import { catalogue } from './define.js';

export const pipelineText = catalogue('pipeline', {});
