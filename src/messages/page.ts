/** Texts of the page (src/server/public/): served to it as JSON. */
import { catalogue } from './define.js';

export const pageText = catalogue('page', {});
