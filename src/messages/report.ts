/** Texts of src/report/. */
import { catalogue } from './define.js';

export const reportText = catalogue('report', {});
