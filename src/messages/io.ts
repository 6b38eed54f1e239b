/** Texts of src/io/. */
import { catalogue } from './define.js';

export const ioText = catalogue('io', {});
