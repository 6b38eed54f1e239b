/**
 * Being replaced by the message catalogue (src/messages/): new text goes there, never here.
 * `msg` remains only while the stages move their texts into the catalogue;
 * tests/messages/catalogue.test.ts fails while any call is left.
 */
import { Message, registerLegacy } from '../messages/define.js';

export { type Lang, Message, render } from '../messages/define.js';
export { ExitCode, UserError } from '../messages/user-error.js';

registerLegacy();

/** @deprecated Write an entry in src/messages/ instead. */
export const msg = (vi: string, en: string): Message => new Message('legacy', { vi, en });
