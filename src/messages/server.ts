/** Texts of src/server/. */
import { catalogue } from './define.js';

export const serverText = catalogue('server', {});
