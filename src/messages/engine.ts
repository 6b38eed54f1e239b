/** Texts of src/engine/. */
import { catalogue } from './define.js';

export const engineText = catalogue('engine', {});
