/** Texts of src/import/. */
import { catalogue } from './define.js';

export const importText = catalogue('import', {});
