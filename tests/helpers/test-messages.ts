/** A message made up by a test (a rejected row's reason, a file's description), in both languages. */
import { catalogue, text } from '../../src/messages/define.js';
import type { Message } from '../../src/messages/index.js';

const testText = catalogue('test', {
  given: text(
    (p: { vi: string; en: string }) => p.vi,
    (p) => p.en,
  ),
});

export const msg = (vi: string, en: string): Message => testText.given({ vi, en });
