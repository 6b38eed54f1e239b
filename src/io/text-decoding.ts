/**
 * The one decoder for every text file chitieu reads (settings, targets, profiles, narrative,
 * indicator definitions, CSV, web pages saved as .xls): UTF-8 with or without a byte-order mark,
 * UTF-16 LE/BE with one, and Windows-1258, what Notepad calls "ANSI" on a Vietnamese Windows,
 * with its tone marks as combining characters. The text comes out in NFC, so that "Ủy" typed
 * either way is one string. Anything else is refused, naming what it seems to be: decoding it
 * anyway would put replacement characters into a signed heading or make a profile match nothing.
 */
import { TextDecoder } from 'node:util';
import { ioText, type Message } from '../messages/index.js';
import { decodeLegacy, isVietnameseWord } from './legacy-encoding.js';

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'windows-1258';

/** How a message names each encoding. */
export const ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  'UTF-8': 'UTF-8',
  'UTF-16LE': 'UTF-16 LE',
  'UTF-16BE': 'UTF-16 BE',
  'windows-1258': 'Windows-1258 (ANSI)',
};

/**
 * A text file in none of the encodings read: `found` says what it seems to be, `reason` adds
 * what to do about a file edited in Notepad (a CSV reader gives Excel's advice instead).
 */
export class TextEncodingRefusal extends Error {
  readonly reason: Message;
  constructor(
    readonly found: Message,
    advice: Message = ioText.saveAsUtf8InNotepad(),
  ) {
    const reason = ioText.vietnameseTextUnreadable({ found, advice });
    super(reason.en);
    this.reason = reason;
    this.name = 'TextEncodingRefusal';
  }
}

const DECODER_LABELS: Readonly<Record<TextEncoding, string>> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'windows-1258': 'windows-1258',
};

/** A streaming decoder for `encoding`; UTF-8 and UTF-16 are fatal on bad bytes, and a byte-order mark is dropped. */
export function textDecoder(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(DECODER_LABELS[encoding], { fatal: encoding !== 'windows-1258' });
}

/** The byte-order mark's encoding, if the bytes start with one. */
function byteOrderMark(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/** Words a Windows-1258 text must mostly read as Vietnamese syllables, of those beyond ASCII. */
const VIETNAMESE_SHARE = 0.75;
const WORD = /[\p{L}\p{M}]+/gu;
const NON_ASCII = /[^\0-\x7f]/;
/** C1 controls: bytes Windows-1258 leaves undefined; no text typed on a keyboard holds them. */
const C1 = /[\u0080-\u009f]/;

/** Whether Windows-1258 bytes, decoded, read as Vietnamese: most words beyond ASCII are syllables. */
function readsAsVietnameseText(text: string): boolean {
  if (C1.test(text)) return false;
  let words = 0;
  let vietnamese = 0;
  for (const [word] of text.matchAll(WORD)) {
    if (!NON_ASCII.test(word)) continue;
    words += 1;
    if (isVietnameseWord(word)) vietnamese += 1;
  }
  return words > 0 && vietnamese >= words * VIETNAMESE_SHARE;
}

/**
 * The encoding of a text file from its first bytes (`complete`: they are the whole file, else a
 * multi-byte character may be cut at their end). Throws TextEncodingRefusal for anything else.
 */
export function sniffTextEncoding(head: Uint8Array, complete = true): TextEncoding {
  const marked = byteOrderMark(head);
  if (marked === 'UTF-16LE' || marked === 'UTF-16BE') return marked;
  // A zero byte every other byte is UTF-16 text without its mark (valid UTF-8 as it stands, NULs and all).
  if (marked === undefined && looksLikeUtf16(head)) {
    throw new TextEncodingRefusal(ioText.utf16WithoutBom());
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'UTF-8';
  } catch {
    if (marked === 'UTF-8') throw new TextEncodingRefusal(ioText.utf8MarkedButInvalid());
  }
  if (head.includes(0)) {
    throw new TextEncodingRefusal(
      ioText.zeroBytes(),
    );
  }
  const windows = new TextDecoder('windows-1258').decode(head).normalize('NFC');
  if (readsAsVietnameseText(windows)) return 'windows-1258';
  throw likelyEncoding(head);
}

/** Zero bytes at most even, or most odd, places of the first 4 KiB: text in UTF-16. */
function looksLikeUtf16(head: Uint8Array): boolean {
  const pairs = Math.min(head.length, 4096) >> 1;
  if (pairs < 2) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) evenZeros += 1;
    if (head[2 * i + 1] === 0) oddZeros += 1;
  }
  return Math.max(evenZeros, oddZeros) >= pairs * 0.4;
}

/** The refusal of a text in no encoding we read, saying what it probably is. */
function likelyEncoding(bytes: Uint8Array): TextEncodingRefusal {
  const latin1 = Buffer.from(bytes).toString('latin1');
  const legacy = latin1.split(/\r?\n/).map((line) => decodeLegacy(line)).find((decoded) => decoded !== undefined);
  if (legacy) {
    // Saving it again keeps the font's codes: the text itself must be converted.
    return new TextEncodingRefusal(
      ioText.legacyEncodingFound({ encoding: legacy.encoding }),
      ioText.convertWithUnikey({ encoding: legacy.encoding }),
    );
  }
  return new TextEncodingRefusal(ioText.unknownEncoding());
}


/** A whole text file's bytes as NFC text, and the encoding they were in. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = sniffTextEncoding(bytes, true);
  let text: string;
  try {
    text = textDecoder(encoding).decode(bytes);
  } catch {
    throw new TextEncodingRefusal(ioText.invalidBytesFor({ encoding: ENCODING_NAMES[encoding] }));
  }
  return { text: text.normalize('NFC'), encoding };
}
