/** Texts of src/sample/. */
import { catalogue } from './define.js';

export const sampleText = catalogue('sample', {});
