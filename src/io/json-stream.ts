/**
 * JSON written as it is made, in pieces of about 64 KiB, exactly as `JSON.stringify(value,
 * null, 2)` would print it: `inspect --json --cells` of a big sheet or a province's
 * `compute --out x.json` never becomes one giant string (V8 caps a string at 2^29 − 24
 * characters, and building it doubles the memory the data already takes).
 */

const PIECE_CHARS = 65_536;
/** An object of scalars (or of such objects) with at most this many members is written without a generator (a cell has three). */
const FLAT_KEYS = 64;
const INDENT = '  ';

/** Writes `value` as `JSON.stringify(value, null, 2)` does, starting at indentation `level`, to `write` in pieces. */
export function writeJson(value: unknown, write: (text: string) => void, level = 0): void {
  for (const piece of jsonPieces(value, level)) write(piece);
}

/**
 * The text of `JSON.stringify(value, null, 2)`, starting at indentation `level`, in pieces of
 * about 64 KiB as it is made: a consumer that must wait for its output to drain (a pipe) waits
 * between pieces, and nothing is made meanwhile.
 */
export function* jsonPieces(value: unknown, level = 0): Generator<string> {
  const pieces = new JsonPieces();
  if (!(yield* pieces.value(resolved(value, ''), level))) pieces.text('null');
  if (pieces.buffer !== '') yield pieces.buffer;
}

class JsonPieces {
  buffer = '';

  text(piece: string): void {
    this.buffer += piece;
  }

  private take(): string {
    const piece = this.buffer;
    this.buffer = '';
    return piece;
  }

  /** Writes a value `toJSON` was applied to; false when JSON leaves it out (undefined, a function). */
  *value(value: unknown, level: number): Generator<string, boolean> {
    if (typeof value === 'object' && value !== null) {
      yield* this.container(value, level);
      return true;
    }
    return this.scalar(value);
  }

  private scalar(value: unknown): boolean {
    if (typeof value === 'number') {
      // What JSON.stringify writes for a number, without the call.
      this.buffer += Number.isFinite(value) ? String(value) : 'null';
      return true;
    }
    if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) return false;
    this.buffer += text;
    return true;
  }

  /**
   * Writes a small object (a cell, a result row with its breakdown) without a generator of its
   * own, which would cost more than the writing; false when `value` is not such an object.
   */
  private flat(value: object, level: number): boolean {
    if (!smallObject(value, 1)) return false;
    this.inline(value, level);
    return true;
  }

  /** Writes an object `smallObject` accepted. */
  private inline(value: object, level: number): void {
    const members = value as Record<string, unknown>;
    const inner = newlineIndent(level + 1);
    let first = true;
    for (const key of Object.keys(members)) {
      const member = members[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      this.buffer += `${first ? '{' : ','}${inner}${keyText(key)}: `;
      first = false;
      if (typeof member === 'object' && member !== null) this.inline(member, level + 1);
      else this.scalar(member);
    }
    this.buffer += first ? '{}' : `${newlineIndent(level)}}`;
  }

  private *container(value: object, level: number): Generator<string> {
    if (this.buffer.length >= PIECE_CHARS) yield this.take();
    const inner = INDENT.repeat(level + 1);
    if (Array.isArray(value)) {
      if (value.length === 0) {
        this.buffer += '[]';
        return;
      }
      this.buffer += '[';
      for (let index = 0; index < value.length; index += 1) {
        if (this.buffer.length >= PIECE_CHARS) yield this.take();
        this.buffer += `${index === 0 ? '' : ','}\n${inner}`;
        const item = resolved(value[index], String(index));
        if (typeof item !== 'object' || item === null) {
          if (!this.scalar(item)) this.buffer += 'null';
        } else if (!this.flat(item, level + 1)) {
          yield* this.container(item, level + 1);
        }
      }
      this.buffer += `\n${INDENT.repeat(level)}]`;
      return;
    }
    let first = true;
    for (const [name, input] of Object.entries(value)) {
      if (this.buffer.length >= PIECE_CHARS) yield this.take();
      const member = resolved(input, name);
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      this.buffer += `${first ? '{' : ','}\n${inner}${JSON.stringify(name)}: `;
      first = false;
      if (typeof member !== 'object' || member === null) this.scalar(member);
      else if (!this.flat(member, level + 1)) yield* this.container(member, level + 1);
    }
    this.buffer += first ? '{}' : `\n${INDENT.repeat(level)}}`;
  }
}

/**
 * An object, not an array, of at most FLAT_KEYS members, each a scalar or (`depth` levels down)
 * such an object, none with a `toJSON` of its own: written at once, exactly as the long way would.
 */
function smallObject(value: object, depth: number): boolean {
  if (Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length > FLAT_KEYS) return false;
  const members = value as Record<string, unknown>;
  for (const key of keys) {
    const member = members[key];
    if (typeof member !== 'object' || member === null) continue;
    if (depth === 0 || typeof (member as { toJSON?: unknown }).toJSON === 'function' || !smallObject(member, depth - 1)) return false;
  }
  return true;
}

/** "\n" and the indentation of a level, made once per level. */
const NEWLINE_INDENTS: string[] = [];
function newlineIndent(level: number): string {
  return (NEWLINE_INDENTS[level] ??= `\n${INDENT.repeat(level)}`);
}

/** A member name as JSON writes it; the few names of a document are quoted once. */
const KEY_TEXTS = new Map<string, string>();
const KEY_TEXTS_KEPT = 1024;
function keyText(key: string): string {
  let text = KEY_TEXTS.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (KEY_TEXTS.size < KEY_TEXTS_KEPT) KEY_TEXTS.set(key, text);
  }
  return text;
}

/** A value as JSON sees it: what its `toJSON` gives (a Date's ISO text), else itself. */
function resolved(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value;
}

/**
 * Text for a sink that takes whole lines (`CliContext.out` adds the newline): pieces are
 * passed on up to their last newline, the rest kept for the next piece or `end`.
 */
export function lineSink(out: (lines: string) => void): { write: (text: string) => void; end: () => void } {
  let rest = '';
  return {
    write(text) {
      const all = rest + text;
      const newline = all.lastIndexOf('\n');
      if (newline < 0) {
        rest = all;
        return;
      }
      out(all.slice(0, newline));
      rest = all.slice(newline + 1);
    },
    end() {
      out(rest);
      rest = '';
    },
  };
}
