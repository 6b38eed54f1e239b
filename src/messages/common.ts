/** Entries every stage uses. */
import { catalogue, text } from './define.js';

export const commonText = catalogue('common', {
  /** Text that is the same in both languages because it is the data's own (a unit's name, a file's name). */
  verbatim: text(
    (p: { text: string }) => p.text,
    (p) => p.text,
  ),
});
