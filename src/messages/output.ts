/** Texts of src/output/. */
import { catalogue } from './define.js';

export const outputText = catalogue('output', {});
