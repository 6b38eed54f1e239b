/**
 * Output file names built from data (unit codes, period ids, names): one function makes them
 * safe, so that no name can leave the output folder or be refused by a file system.
 */
import { join, relative, resolve, isAbsolute } from 'node:path';

/** Characters Windows refuses in a name, path separators, and control characters (NUL…). */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Bytes left for a name, under the 255 of common file systems, with room for an extension. */
const MAX_BYTES = 200;

/**
 * One path segment: forbidden characters and ".." become "_", leading and trailing dots and
 * spaces go (hidden files; Windows drops trailing ones), device names get a "_" in front, the
 * length is capped; never empty. "bao-cao-529-2025-H1" stays as it is.
 */
export function safeFileName(name: string): string {
  let out = name.normalize('NFC').replace(FORBIDDEN, '_').replace(/\.{2,}/g, '_');
  out = out.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (RESERVED.test(out)) out = `_${out}`;
  return out === '' ? '_' : fitBytes(out);
}

const GRAPHEMES = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/**
 * A name cut to MAX_BYTES of UTF-8 by whole characters, its extension kept (".xlsx" still says
 * what the file is): a long Vietnamese name loses the end of its stem, never its kind.
 */
function fitBytes(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= MAX_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const room = MAX_BYTES - Buffer.byteLength(extension, 'utf8');
  let stem = '';
  let bytes = 0;
  // By grapheme: a letter is never parted from a combining tone mark the NFC form could not absorb.
  for (const { segment: char } of GRAPHEMES.segment(name.slice(0, name.length - extension.length))) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > room) break;
    stem += char;
  }
  return `${stem.replace(/[\s.]+$/, '') || '_'}${extension}`;
}

/** `dir/name` with `name` made safe; checked to be directly inside `dir`. */
export function outputPath(dir: string, name: string): string {
  const path = join(dir, safeFileName(name));
  const inside = relative(resolve(dir), resolve(path));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.includes('/') || inside.includes('\\')) {
    throw new Error(`output file name ${JSON.stringify(name)} leaves ${dir}`);
  }
  return path;
}

/**
 * Control characters, line and paragraph separators and bidirectional overrides: in a file name
 * printed on a terminal they break a one-line message, move the cursor or reorder the text.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A name as one printable line: "a\nb.xlsx" is shown as `a\nb.xlsx`, ESC as `\u001B`. */
export function printableName(name: string): string {
  return name.replace(UNPRINTABLE, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Control characters but the line break and the tab, which chitieu's own output uses. */
const UNPRINTABLE_IN_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for the terminal, escaped as `printableName` escapes a name: whatever value from a file
 * reaches a message (a sheet name, a cell), no escape sequence or carriage return is sent raw.
 */
export function terminalText(text: string): string {
  return text.replace(UNPRINTABLE_IN_OUTPUT, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
