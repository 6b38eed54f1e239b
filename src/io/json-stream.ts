/**
 * JSON written as it is made, in pieces of about 64 KiB, exactly as `JSON.stringify(value,
 * null, 2)` would print it: `inspect --json --cells` of a big sheet or a province's
 * `compute --out x.json` never becomes one giant string (V8 caps a string at 2^29 − 24
 * characters, and building it doubles the memory the data already takes).
 */

const PIECE_CHARS = 65_536;
const INDENT = '  ';

/** Writes `value` as `JSON.stringify(value, null, 2)` does, starting at indentation `level`, to `write` in pieces. */
export function writeJson(value: unknown, write: (text: string) => void, level = 0): void {
  const writer = new JsonWriter(write);
  if (!writer.value(value, '', level)) writer.text('null');
  writer.flush();
}

class JsonWriter {
  private buffer = '';

  constructor(private readonly write: (text: string) => void) {}

  text(piece: string): void {
    this.buffer += piece;
    if (this.buffer.length >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer === '') return;
    this.write(this.buffer);
    this.buffer = '';
  }

  /** Writes `value` (as the member `key` of its parent); false when JSON leaves it out (undefined, a function). */
  value(input: unknown, key: string, level: number): boolean {
    const value = resolved(input, key);
    if (typeof value !== 'object' || value === null) {
      if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) return false;
      this.text(text);
      return true;
    }
    const inner = INDENT.repeat(level + 1);
    if (Array.isArray(value)) {
      if (value.length === 0) {
        this.text('[]');
        return true;
      }
      this.text('[');
      value.forEach((item: unknown, index) => {
        this.text(`${index === 0 ? '' : ','}\n${inner}`);
        if (!this.value(item, String(index), level + 1)) this.text('null');
      });
      this.text(`\n${INDENT.repeat(level)}]`);
      return true;
    }
    let first = true;
    for (const [name, input] of Object.entries(value)) {
      const member = resolved(input, name);
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      this.text(`${first ? '{' : ','}\n${inner}${JSON.stringify(name)}: `);
      first = false;
      this.value(member, name, level + 1);
    }
    this.text(first ? '{}' : `\n${INDENT.repeat(level)}}`);
    return true;
  }
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
