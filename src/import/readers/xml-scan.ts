import { importText } from '../../messages/index.js';
import { ZipRefusal, corrupt } from '../zip-guard.js';

/**
 * A streaming XML tokenizer for SpreadsheetML, made for speed: text is fed in chunks as it
 * inflates, tags are found with `indexOf`, names and attributes are read as offsets into the
 * text (nothing is allocated per tag), and only the text a subclass asks for is decoded.
 *
 * It is not a general XML parser, and need not be: no DTD is processed (a file that declares one
 * is refused: no entity expansion, no external entities), namespace prefixes are dropped
 * (`<x:c>` is `<c>`), comments and processing instructions are skipped, CDATA is text. A part
 * whose root element is not closed was cut short and is refused: never a partial read.
 */

/** Local names the readers act on; everything else is `OTHER`. */
export const Tag = {
  OTHER: 0,
  ROW: 1,
  C: 2,
  V: 3,
  F: 4,
  IS: 5,
  T: 6,
  R: 7,
  RPH: 8,
  SI: 9,
  SHEET_DATA: 10,
} as const;

/** Most text held back waiting for the end of a tag or of a value: far above any real cell. */
const MAX_CARRY = 16 * 1024 * 1024;
/** Attributes remembered per start tag (a cell has 2 or 3). */
const MAX_ATTRIBUTES = 32;

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

export const dtdRefused = (part: string) =>
  new ZipRefusal(
    importText.xmlPartHasDtd({ part }),
  );

export const cutShort = (part: string) =>
  corrupt(importText.xmlCutShort({ part }));

const malformed = (part: string) => corrupt(importText.xmlMalformed({ part }));

export abstract class XmlScanner {
  /** Text kept from the previous chunk: an unfinished tag, or a value being captured. */
  private carry = '';
  private depth = 0;
  private rootClosed = false;
  /** Set by `capture()`: the text up to the next tag is kept (see `captured…`). */
  protected capturing = false;
  /**
   * The text captured: most often one piece of the source, kept as offsets (a cell's number is
   * then read without making a string); else decoded into `text`.
   */
  private pieces = 0;
  private pieceSource = '';
  private pieceStart = 0;
  private pieceEnd = 0;
  private text = '';
  /** The text the current tag's offsets point into. */
  protected source = '';
  protected nameStart = 0;
  protected nameEnd = 0;
  /** Per attribute: name start, name end, value start, value end (offsets into `source`). */
  protected readonly attributes = new Int32Array(MAX_ATTRIBUTES * 4);
  protected attributeCount = 0;

  constructor(protected readonly part: string) {}

  protected abstract open(tag: number, empty: boolean): void;
  protected abstract close(tag: number): void;

  /**
   * Set by Utf8Feeder: the text is the part's bytes read as Latin-1, one character per byte
   * (decoding it is then a copy, and markup is ASCII either way); the few pieces of text kept
   * are decoded from UTF-8 then (`decoded`).
   */
  bytesAsLatin1 = false;

  /** A piece of source text as the characters it stands for, before entities are decoded. */
  protected fromBytes(raw: string): string {
    return this.bytesAsLatin1 && BEYOND_ASCII.test(raw) ? Buffer.from(raw, 'latin1').toString('utf8') : raw;
  }

  /** A piece of source text as its value: UTF-8 read (see `bytesAsLatin1`), entities decoded. */
  protected decoded(raw: string): string {
    return this.decodedSpan(raw, 0, raw.length, undefined);
  }

  /**
   * Set by a subclass that reads its commonest element in one go (`<c>` of a worksheet, `<si>`
   * of the shared strings): the first letter of its name, or -1.
   */
  protected fastLetter = -1;

  /** Reads a whole element at `lt` whose name starts with `fastLetter`; -1 to leave it to the generic path. */
  protected fastElement(_s: string, _lt: number): number {
    return -1;
  }

  /**
   * While Utf8Feeder has the scanner read a chunk: the bytes the text being scanned was read
   * from, one character per byte, so that a piece of that text is decoded from them directly.
   */
  scanBytes: Buffer | undefined;

  /**
   * The text from `start` to `end` of `s` as its value (see `decoded`), in one look at each
   * character: plain ASCII is one slice; character references and entities are decoded as they
   * are met (openpyxl writes every letter beyond ASCII as one, `M&#227; tr&#7867; em`); UTF-8
   * bytes are decoded by node's decoder, from the inflated bytes themselves while a chunk is scanned.
   */
  protected decodedAt(s: string, start: number, end: number): string {
    return this.decodedSpan(s, start, end, this.scanBytes);
  }

  /** `decodedAt` after the scan of `s`: for text whose decoding was put off; `bytes` those `s` was read from (`scanBytes` then), if kept. */
  decodedLater(s: string, start: number, end: number, bytes?: Buffer): string {
    return this.decodedSpan(s, start, end, bytes);
  }

  /** `decodedAt`, with `bytes` the bytes `s` was read from as Latin-1, when it was. */
  private decodedSpan(s: string, start: number, end: number, bytes: Buffer | undefined): string {
    let i = start;
    let code = 0;
    while (i < end && (code = s.charCodeAt(i)) !== AMPERSAND && code < 0x80) i += 1;
    if (i === end) return s.slice(start, end);
    if (!this.bytesAsLatin1) return decodeEntities(s, start, end, i);
    if (code === AMPERSAND) {
      let beyond = i + 1;
      while (beyond < end && s.charCodeAt(beyond) < 0x80) beyond += 1;
      if (beyond === end) return decodeEntities(s, start, end, i);
    }
    // Bytes beyond ASCII: UTF-8 first (entities are ASCII, so the order does not change them).
    const text = bytes !== undefined ? bytes.toString('utf8', start, end) : Buffer.from(s.slice(start, end), 'latin1').toString('utf8');
    return decodeXml(text);
  }

  /** Scans text that follows what was fed before (a piece not yet whole is kept for the next). */
  feed(chunk: string): void {
    const s = this.carry === '' ? chunk : this.carry + chunk;
    const rest = this.scan(s);
    this.carry = rest < s.length ? s.slice(rest) : '';
  }

  /**
   * Scans `s`; returns where the text not consumed yet starts (`s.length` when all was): an
   * unfinished tag, or a value being captured, which the caller hands in again with what
   * follows. A flat string scans about twice as fast as one joined with `+` (see Utf8Feeder).
   */
  scan(s: string): number {
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      // Tags mostly follow one another: look before searching.
      const lt = s.charCodeAt(pos) === LT ? pos : s.indexOf('<', pos);
      if (lt < 0) return this.capturing ? this.kept(s, pos) : n;
      if (this.capturing && lt > pos) this.piece(s, pos, lt);
      // The commonest element (a worksheet's cell, most of the XML; a shared string) is read in one go where the subclass can.
      const fast = s.charCodeAt(lt + 1) === this.fastLetter ? this.fastElement(s, lt) : -1;
      const next = fast >= 0 ? fast : this.tag(s, lt);
      if (next < 0) return this.kept(s, lt);
      pos = next;
    }
    return n;
  }

  /** At the end of the part (`rest`: the text never consumed): throws if it was cut short. */
  finish(rest: string = this.carry): void {
    if (rest.trim() !== '' || !this.rootClosed) throw cutShort(this.part);
  }

  private kept(s: string, from: number): number {
    if (this.capturing && s.length - from > this.maxCaptureChars) throw this.captureTooLong();
    if (s.length - from > MAX_CARRY) throw malformed(this.part);
    return from;
  }

  /**
   * Most source text one captured value may span before its end is seen: a subclass that knows
   * a limit on values refuses there, before the text carried from chunk to chunk grows (each
   * chunk joined to it is scanned again).
   */
  protected maxCaptureChars = MAX_CARRY;

  protected captureTooLong(): Error {
    return malformed(this.part);
  }

  /** Reads the tag at `lt`; returns the offset after it, or -1 when it is not all in `s` yet. */
  private tag(s: string, lt: number): number {
    const n = s.length;
    let i = lt + 1;
    if (i >= n) return -1;
    let ch = s.charCodeAt(i);
    if (ch === BANG) return this.special(s, lt);
    if (ch === QUESTION) {
      const end = s.indexOf('?>', i);
      return end < 0 ? -1 : end + 2;
    }
    const closing = ch === SLASH;
    if (closing) i += 1;
    const start = i;
    let colon = -1;
    while (i < n) {
      ch = s.charCodeAt(i);
      if (ch === COLON) colon = i;
      else if (ch === GT || ch === SLASH || ch <= 32) break;
      i += 1;
    }
    if (i >= n) return -1;
    const localStart = colon >= 0 ? colon + 1 : start;
    if (i === localStart) throw malformed(this.part);
    const tag = tagOf(s, localStart, i);
    if (closing) {
      const gt = s.charCodeAt(i) === GT ? i : s.indexOf('>', i);
      if (gt < 0) return -1;
      this.source = s;
      this.nameStart = localStart;
      this.nameEnd = i;
      this.depth -= 1;
      if (this.depth === 0) this.rootClosed = true;
      this.close(tag);
      return gt + 1;
    }
    this.nameStart = localStart;
    this.nameEnd = i;
    let count = 0;
    let empty = false;
    for (;;) {
      while (i < n && s.charCodeAt(i) <= 32) i += 1;
      if (i >= n) return -1;
      ch = s.charCodeAt(i);
      if (ch === GT) {
        i += 1;
        break;
      }
      if (ch === SLASH) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) !== GT) throw malformed(this.part);
        empty = true;
        i += 2;
        break;
      }
      const attributeStart = i;
      while (i < n && (ch = s.charCodeAt(i)) !== EQUALS && ch > 32 && ch !== GT && ch !== SLASH) i += 1;
      const attributeEnd = i;
      while (i < n && s.charCodeAt(i) <= 32) i += 1;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== EQUALS || attributeEnd === attributeStart) throw malformed(this.part);
      i += 1;
      while (i < n && s.charCodeAt(i) <= 32) i += 1;
      if (i >= n) return -1;
      const quote = s.charCodeAt(i);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) throw malformed(this.part);
      const valueEnd = s.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
      if (valueEnd < 0) return -1;
      if (count < MAX_ATTRIBUTES) {
        const at = count * 4;
        this.attributes[at] = attributeStart;
        this.attributes[at + 1] = attributeEnd;
        this.attributes[at + 2] = i + 1;
        this.attributes[at + 3] = valueEnd;
        count += 1;
      }
      i = valueEnd + 1;
    }
    this.attributeCount = count;
    this.source = s;
    if (empty) {
      if (this.depth === 0) this.rootClosed = true;
    } else {
      this.depth += 1;
    }
    this.open(tag, empty);
    return i;
  }

  /** `<!--…-->`, `<![CDATA[…]]>`; `<!DOCTYPE` is refused. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.capturing) {
        this.text = this.capturedText() + this.fromBytes(s.slice(lt + 9, end));
        this.pieces = 2;
      }
      return end + 3;
    }
    if (s.length - lt < 9) return -1;
    if (s.startsWith('<!DOCTYPE', lt)) throw dtdRefused(this.part);
    throw malformed(this.part);
  }

  protected capture(): void {
    this.capturing = true;
    this.pieces = 0;
    this.text = '';
  }

  private piece(s: string, start: number, end: number): void {
    if (this.pieces === 0) {
      this.pieceSource = s;
      this.pieceStart = start;
      this.pieceEnd = end;
      this.pieces = 1;
    } else {
      this.text = this.capturedText() + this.decoded(s.slice(start, end));
      this.pieces = 2;
    }
  }

  /** The text captured since `capture()`, decoded. */
  protected capturedText(): string {
    if (this.pieces === 0) return '';
    if (this.pieces === 1) return this.decoded(this.pieceSource.slice(this.pieceStart, this.pieceEnd));
    return this.text;
  }

  /** Whether any text was captured (an empty `<v></v>` has none). */
  protected capturedAny(): boolean {
    return this.pieces !== 0;
  }

  /**
   * The text captured as a number, read straight from the source when it is plain digits (a
   * shared-string index, a date serial): no string is made for most cells.
   */
  protected capturedNumber(): number {
    if (this.pieces !== 1) return this.pieces === 0 ? NaN : xmlNumber(this.text);
    const digits = this.pieceEnd - this.pieceStart <= 15 ? digitsOf(this.pieceSource, this.pieceStart, this.pieceEnd) : -1;
    return digits >= 0 ? digits : xmlNumber(this.decoded(this.pieceSource.slice(this.pieceStart, this.pieceEnd)));
  }

  /** The index of the attribute whose local name (prefix dropped) is `name`, or -1. */
  protected findAttribute(name: string): number {
    for (let a = 0; a < this.attributeCount; a += 1) {
      const local = this.localNameStart(a);
      if (this.attributes[a * 4 + 1]! - local === name.length && this.source.startsWith(name, local)) return a;
    }
    return -1;
  }

  /** Where attribute `a`'s name starts once its prefix is dropped. */
  protected localNameStart(a: number): number {
    const s = this.source;
    const start = this.attributes[a * 4]!;
    const end = this.attributes[a * 4 + 1]!;
    let local = start;
    for (let i = start; i < end; i += 1) if (s.charCodeAt(i) === COLON) local = i + 1;
    return local;
  }

  protected tagName(): string {
    return this.source.slice(this.nameStart, this.nameEnd);
  }
}

const XML_DOUBLE = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const EXPONENT = /[eE]/;

/**
 * A cell's number as XML Schema and spreadsheet programs write it; NaN for anything else, which
 * is then kept as text: JavaScript's Number() would read "0x15CA" as 5578 (a commune code),
 * "Infinity" as a number, and "1e3" as 1000, which no program writes for a whole number below
 * 10^15 (it writes "1000").
 */
export function xmlNumber(text: string): number {
  if (!XML_DOUBLE.test(text)) return NaN;
  const value = Number(text);
  if (!Number.isFinite(value) || (EXPONENT.test(text) && Number.isInteger(value) && Math.abs(value) < 1e15)) return NaN;
  return value;
}

/** Plain digits as a number (at most 15 of them stay exact); -1 when there are none or anything else. */
export function digitsOf(s: string, start: number, end: number): number {
  if (end <= start) return -1;
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function tagOf(s: string, start: number, end: number): number {
  const length = end - start;
  const first = s.charCodeAt(start);
  switch (length) {
    case 1:
      return first === 99 ? Tag.C : first === 118 ? Tag.V : first === 116 ? Tag.T : first === 102 ? Tag.F : first === 114 ? Tag.R : Tag.OTHER;
    case 2:
      if (first === 105 && s.charCodeAt(start + 1) === 115) return Tag.IS;
      if (first === 115 && s.charCodeAt(start + 1) === 105) return Tag.SI;
      return Tag.OTHER;
    case 3:
      if (s.startsWith('row', start)) return Tag.ROW;
      if (s.startsWith('rPh', start)) return Tag.RPH;
      return Tag.OTHER;
    case 9:
      return s.startsWith('sheetData', start) ? Tag.SHEET_DATA : Tag.OTHER;
    default:
      return Tag.OTHER;
  }
}

const BEYOND_ASCII = /[^\0-\x7f]/;

const AMPERSAND = 38;
const HASH = 35;
const LOWER_X = 120;
/** The longest entity or reference that decodes: `&#x10FFFF;` is 10 characters, `&#1114111;` 10 (7 digits allowed). */
const MAX_REFERENCE = 11;

/** The five XML entities and numeric character references; nothing else is an entity without a DTD. */
export function decodeXml(text: string): string {
  const first = text.indexOf('&');
  return first < 0 ? text : decodeEntities(text, 0, text.length, first);
}

/**
 * `s` from `start` to `end` with its entities and character references decoded, in one pass
 * (`first`: where the first `&` may be; nothing before it needs decoding). What decodes is what
 * `&(?:#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);` matches, when the code point is
 * 1..0x10FFFF; anything else, a lone `&` included, stays as written.
 */
function decodeEntities(s: string, start: number, end: number, first: number): string {
  let out = '';
  let copied = start;
  let i = s.indexOf('&', first);
  while (i >= 0 && i < end) {
    const semicolon = s.indexOf(';', i + 2);
    const decoded = semicolon > 0 && semicolon < end && semicolon - i <= MAX_REFERENCE ? referenceAt(s, i + 1, semicolon) : '';
    if (decoded !== '') {
      out += s.slice(copied, i) + decoded;
      copied = semicolon + 1;
      i = s.indexOf('&', copied);
    } else {
      i = s.indexOf('&', i + 1);
    }
  }
  return copied === start ? s.slice(start, end) : copied === end ? out : out + s.slice(copied, end);
}

/** The character(s) `&` + `s[start..end)` + `;` stands for, or '' when it is no entity. */
function referenceAt(s: string, start: number, end: number): string {
  if (s.charCodeAt(start) !== HASH) {
    switch (end - start) {
      case 2:
        if (s.startsWith('lt', start)) return '<';
        return s.startsWith('gt', start) ? '>' : '';
      case 3:
        return s.startsWith('amp', start) ? '&' : '';
      case 4:
        if (s.startsWith('quot', start)) return '"';
        return s.startsWith('apos', start) ? "'" : '';
      default:
        return '';
    }
  }
  let code = 0;
  if (s.charCodeAt(start + 1) === LOWER_X) {
    const digits = end - start - 2;
    if (digits < 1 || digits > 6) return '';
    for (let i = start + 2; i < end; i += 1) {
      const c = s.charCodeAt(i);
      const value = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (value < 0) return '';
      code = code * 16 + value;
    }
  } else {
    const digits = end - start - 1;
    if (digits < 1 || digits > 7) return '';
    for (let i = start + 1; i < end; i += 1) {
      const value = s.charCodeAt(i) - 48;
      if (value < 0 || value > 9) return '';
      code = code * 10 + value;
    }
  }
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Every start tag of a small part (workbook, relationships, styles) with its attributes; ends as `/name`. */
export interface XmlElement {
  /** Local name; a closing tag is `/name`. */
  readonly name: string;
  /** By local name, prefixes dropped (`r:id` is `id`); namespace declarations left out. */
  readonly attributes: ReadonlyMap<string, string>;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

class ElementCollector extends XmlScanner {
  readonly elements: XmlElement[] = [];

  protected open(): void {
    const attributes = new Map<string, string>();
    const s = this.source;
    for (let a = 0; a < this.attributeCount; a += 1) {
      const start = this.attributes[a * 4]!;
      const name = s.slice(this.localNameStart(a), this.attributes[a * 4 + 1]);
      if (s.startsWith('xmlns', start) || attributes.has(name)) continue;
      attributes.set(name, decodeXml(s.slice(this.attributes[a * 4 + 2], this.attributes[a * 4 + 3])));
    }
    this.elements.push({ name: this.tagName(), attributes });
  }

  protected close(): void {
    this.elements.push({ name: `/${this.tagName()}`, attributes: NO_ATTRIBUTES });
  }
}

/** A small part's elements, in document order. */
export function elementsOf(part: string, text: string): XmlElement[] {
  const collector = new ElementCollector(part);
  collector.feed(text);
  collector.finish();
  return collector.elements;
}

/**
 * Hands a part's inflated bytes to a scanner as flat strings, one character per byte (Latin-1:
 * the scanner decodes the text it keeps from UTF-8, see `bytesAsLatin1`). The text a scan left
 * unconsumed is kept as bytes and read again with the next chunk, rather than joined to it as a
 * string (V8 reads a joined string through an indirection, at every character); a UTF-8 letter
 * split between chunks is thus always whole when decoded.
 */
/**
 * `head` then `tail`: a view of both where they lie side by side in one buffer (the pieces of an
 * entry inflated at once, readers/zip.ts), else a copy.
 */
function joined(head: Buffer, tail: Buffer): Buffer {
  if (head.buffer === tail.buffer && head.byteOffset + head.length === tail.byteOffset) {
    return Buffer.from(head.buffer, head.byteOffset, head.length + tail.length);
  }
  return Buffer.concat([head, tail]);
}

export class Utf8Feeder {
  private pending: Buffer | undefined;

  constructor(private readonly scanner: XmlScanner) {
    scanner.bytesAsLatin1 = true;
  }

  push(chunk: Buffer): void {
    const bytes = this.pending === undefined ? chunk : joined(this.pending, chunk);
    const text = bytes.toString('latin1');
    this.scanner.scanBytes = bytes;
    const rest = this.scanner.scan(text);
    this.scanner.scanBytes = undefined;
    this.pending = rest < text.length ? bytes.subarray(rest) : undefined;
  }

  end(): void {
    const bytes = this.pending;
    const text = bytes === undefined ? '' : bytes.toString('latin1');
    this.pending = undefined;
    this.scanner.scanBytes = bytes;
    const rest = this.scanner.scan(text);
    this.scanner.scanBytes = undefined;
    this.scanner.finish(text.slice(rest));
  }
}
