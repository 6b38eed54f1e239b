/**
 * Tests may compare a message with the texts it must render to: `toEqual({ vi: '…', en: '…' })`.
 * A `Message` is data (an id and parameters), so it equals such an object when its two
 * renderings do.
 */
import { expect } from 'vitest';
import { Message } from '../../src/messages/index.js';

const isTexts = (value: unknown): value is { vi: unknown; en: unknown } =>
  typeof value === 'object' && value !== null && !(value instanceof Message) && Object.keys(value).sort().join() === 'en,vi';

expect.addEqualityTesters([
  function messageEqualsTexts(a: unknown, b: unknown) {
    if (a instanceof Message && isTexts(b)) return a.vi === b.vi && a.en === b.en;
    if (b instanceof Message && isTexts(a)) return b.vi === a.vi && b.en === a.en;
    return undefined;
  },
]);
