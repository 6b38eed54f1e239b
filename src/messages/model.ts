/** Texts of src/model/. */
import { catalogue } from './define.js';

export const modelText = catalogue('model', {});
