/** Texts of src/indicators/. */
import { catalogue } from './define.js';

export const indicatorsText = catalogue('indicators', {});
