/** Texts of src/units/. */
import { catalogue } from './define.js';

export const unitsText = catalogue('units', {});
