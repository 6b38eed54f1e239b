import { createReadStream } from 'node:fs';
import type { TextDecoder } from 'node:util';
import { ENCODING_NAMES, TextEncodingRefusal, sniffTextEncoding, textDecoder, type TextEncoding } from '../../io/text-decoding.js';
import { importText, type Message } from '../../messages/index.js';
import { unreadable } from '../files.js';
import { LegacyRows } from './legacy-rows.js';
import type { CellNote, RawRow, RawSheet } from './types.js';

/**
 * Streams a CSV file as one sheet: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
 * "Unicode Text", tab-separated) or Windows-1258 (Excel's "CSV (Comma delimited)" on a
 * Vietnamese Windows), told by text-decoding.ts; "," ";" or tab separated, RFC 4180 quoting.
 * Every cell stays text, so codes keep their leading zeros.
 */
export function readCsvSheet(path: string, name: string): RawSheet {
  const notes: CellNote[] = [];
  return { name, index: 0, state: 'visible', hidden: false, batches: csvBatches(path, notes), notes };
}

async function* csvBatches(path: string, notes: CellNote[]): AsyncGenerator<readonly RawRow[]> {
  const parser = new CsvParser();
  const legacy = new LegacyRows();
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding = 'UTF-8';
  let rowNumber = 0;
  const rowsOf = (records: string[][]): RawRow[] => {
    const ready: RawRow[] = [];
    for (const cells of records) {
      rowNumber += 1;
      // Windows-1258 writes tone marks as combining characters: each cell is composed.
      if (encoding === 'windows-1258') for (let i = 0; i < cells.length; i += 1) cells[i] = cells[i]!.normalize('NFC');
      legacy.push({ number: rowNumber, cells }, ready);
    }
    return ready;
  };
  const decode = (chunk?: Buffer): string => {
    try {
      // Plain ASCII reads the same in every encoding taken: the encoding is told by the first
      // chunk that holds anything else (a Windows-1258 file whose first 64 KiB are unaccented).
      if (decoder === undefined && chunk !== undefined && chunk.length === CHUNK_BYTES && isPlainAscii(chunk)) return chunk.toString('latin1');
      if (decoder === undefined) {
        // The encoding is told from the first chunk (64 KiB, or the whole of a smaller file).
        encoding = sniffTextEncoding(chunk ?? new Uint8Array(0), chunk === undefined || chunk.length < CHUNK_BYTES);
        decoder = textDecoder(encoding);
      }
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (error) {
      if (error instanceof TextEncodingRefusal) {
        throw unreadable(
          path,
          importText.csvLettersUnreadable({ found: error.found }),
        );
      }
      // Fatal: a byte further on that is not UTF-8 would change names without a trace.
      throw unreadable(
        path,
        importText.csvBadBytes({ encoding: ENCODING_NAMES[encoding] }),
      );
    }
  };
  const parse = (feed: () => string[][]): string[][] => {
    try {
      return feed();
    } catch (error) {
      if (error instanceof CsvRefusal) throw unreadable(path, error.reason);
      throw error;
    }
  };
  // TextDecoder drops a leading BOM itself.
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const ready = rowsOf(parse(() => parser.push(decode(chunk as Buffer))));
    if (ready.length > 0) yield ready;
  }
  const ready = rowsOf(parse(() => parser.end(decode())));
  legacy.end(notes, ready);
  if (ready.length > 0) yield ready;
}

const CHUNK_BYTES = 64 * 1024;

/** Printable ASCII and line breaks only (no NUL: UTF-16 without a mark must still be told). */
function isPlainAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte === 0 || byte > 0x7f) return false;
  return true;
}

/** Excel's own limits: a cell holds at most 32,767 characters, a sheet at most 16,384 columns. */
export const CSV_LIMITS = { fieldChars: 32_767, fields: 16_384, recordChars: 1_048_576 } as const;

/** A CSV the parser will not read on: what is wrong and where (1-based line of the file). */
export class CsvRefusal extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
    this.name = 'CsvRefusal';
  }
}

/**
 * An incremental CSV parser: feed text, get complete records. Runs of plain characters are
 * copied as slices, not one character at a time. A field, a record or a quoted value past
 * Excel's limits is refused at once, with the line it started on: an unbalanced quote would
 * otherwise swallow the rest of the file into one field without a word.
 */
export class CsvParser {
  private delimiter: string | undefined;
  private field = '';
  private record: string[] = [];
  private recordChars = 0;
  private inQuotes = false;
  private quoteSeen = false;
  private pending = '';
  /** 1-based line of the file the parser is on, and the line the open quote is on. */
  private line = 1;
  private quoteLine = 0;

  push(text: string): string[][] {
    const input = this.pending + text;
    this.pending = '';
    if (this.delimiter === undefined) {
      // Title rows above the header may hold no separator: look at the first lines together.
      const lines = input.split('\n', 11);
      if (lines.length < 11 && input.length < 65_536) {
        this.pending = input;
        return [];
      }
      this.delimiter = guessDelimiter(lines.slice(0, 10).join('\n'));
    }
    return this.consume(input);
  }

  end(text: string): string[][] {
    const records = this.push(text);
    if (this.pending !== '') {
      this.delimiter ??= guessDelimiter(this.pending);
      const rest = this.pending;
      this.pending = '';
      records.push(...this.consume(rest, true));
    }
    if (this.inQuotes) throw this.unclosedQuote();
    if (this.field !== '' || this.record.length > 0) {
      this.endField();
      records.push(this.record);
      this.field = '';
      this.record = [];
    }
    return records;
  }

  private unclosedQuote(): CsvRefusal {
    return new CsvRefusal(
      importText.csvQuoteNotClosed({ quoteLine: this.quoteLine }),
    );
  }

  private append(piece: string): void {
    if (piece === '') return;
    this.field += piece;
    this.recordChars += piece.length;
    if (this.field.length > CSV_LIMITS.fieldChars) {
      if (this.inQuotes) throw this.unclosedQuote();
      throw new CsvRefusal(
        importText.csvCellTooLong({ line: this.line, fieldChars: CSV_LIMITS.fieldChars }),
      );
    }
    if (this.recordChars > CSV_LIMITS.recordChars) this.tooLong();
  }

  private tooLong(): never {
    throw new CsvRefusal(
      importText.csvLineTooLong({ line: this.line, recordChars: CSV_LIMITS.recordChars, fields: CSV_LIMITS.fields }),
    );
  }

  private endField(): void {
    this.record.push(this.field);
    if (this.record.length > CSV_LIMITS.fields) this.tooLong();
    this.field = '';
    this.quoteSeen = false;
  }

  private consume(input: string, last = false): string[][] {
    const records: string[][] = [];
    const delimiter = (this.delimiter ?? ',').charCodeAt(0);
    let run = 0;
    let i = 0;
    for (; i < input.length; i += 1) {
      const char = input.charCodeAt(i);
      if (this.inQuotes) {
        if (char === QUOTE) {
          if (i + 1 >= input.length && !last) {
            // Cannot tell "" from a closing quote yet: wait for more input.
            this.append(input.slice(run, i));
            this.pending = '"';
            return records;
          }
          this.append(input.slice(run, i));
          if (input.charCodeAt(i + 1) === QUOTE) {
            this.append('"');
            i += 1;
          } else {
            this.inQuotes = false;
            // A quote that closed lines later and is followed by more text ("…\n"Nguyễn, …)
            // was never meant to close: the quote left open is the one on the opening line.
            const next = input.charCodeAt(i + 1);
            if (this.line > this.quoteLine && i + 1 < input.length && next !== delimiter && next !== LF && next !== CR) throw this.unclosedQuote();
          }
          run = i + 1;
        } else if (char === LF) {
          this.line += 1;
        }
        continue;
      }
      if (char === QUOTE && this.field === '' && run === i && !this.quoteSeen) {
        this.inQuotes = true;
        this.quoteSeen = true;
        this.quoteLine = this.line;
        run = i + 1;
      } else if (char === delimiter) {
        this.append(input.slice(run, i));
        this.endField();
        run = i + 1;
      } else if (char === LF || char === CR) {
        if (char === CR && i + 1 >= input.length && !last) {
          // "\r\n" may be split between two chunks.
          this.append(input.slice(run, i));
          this.pending = '\r';
          return records;
        }
        this.append(input.slice(run, i));
        if (char === CR && input.charCodeAt(i + 1) === LF) i += 1;
        this.line += 1;
        this.endField();
        records.push(this.record);
        this.record = [];
        this.recordChars = 0;
        run = i + 1;
      }
    }
    this.append(input.slice(run, i));
    return records;
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Excel in a Vietnamese locale may save with ";", and as "Unicode Text" with tabs: count separators outside quotes. */
function guessDelimiter(line: string): string {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === '\t') tabs += 1;
  }
  if (tabs > commas && tabs > semicolons) return '\t';
  return semicolons > commas ? ';' : ',';
}
