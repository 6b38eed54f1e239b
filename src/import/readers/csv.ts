import { createReadStream } from 'node:fs';
import { msg } from '../../model/messages.js';
import { unreadable } from '../files.js';
import { LegacyRows } from './legacy-rows.js';
import type { CellNote, RawRow, RawSheet } from './types.js';

/**
 * Streams a CSV file (UTF-8, with or without BOM; "," or ";" separated, RFC 4180 quoting) as
 * one sheet. Every cell stays text, so codes keep their leading zeros.
 */
export function readCsvSheet(path: string, name: string): RawSheet {
  const notes: CellNote[] = [];
  return { name, index: 0, state: 'visible', hidden: false, rows: csvRows(path, notes), notes };
}

async function* csvRows(path: string, notes: CellNote[]): AsyncGenerator<RawRow> {
  // Fatal: a file saved as "CSV (Comma delimited)" is in the PC's code page, where Vietnamese
  // letters are lost or garbled; reading it anyway would change names without a trace.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = new CsvParser();
  const legacy = new LegacyRows();
  let rowNumber = 0;
  const row = (cells: string[]): readonly RawRow[] => {
    rowNumber += 1;
    return legacy.push({ number: rowNumber, cells });
  };
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw unreadable(
        path,
        msg(
          'file CSV không phải mã UTF-8 nên chữ tiếng Việt bị hỏng; trong Excel hãy lưu lại bằng "CSV UTF-8 (Comma delimited)"',
          'the CSV file is not UTF-8, so its Vietnamese letters are garbled; in Excel, save it again as "CSV UTF-8 (Comma delimited)"',
        ),
      );
    }
  };
  // TextDecoder drops a leading BOM itself.
  for await (const chunk of createReadStream(path)) {
    for (const cells of parser.push(decode(chunk as Buffer))) yield* row(cells);
  }
  for (const cells of parser.end(decode())) yield* row(cells);
  yield* legacy.end(notes);
}

/** An incremental CSV parser: feed text, get complete records. */
export class CsvParser {
  private delimiter: string | undefined;
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private pending = '';

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
      records.push(...this.consume(this.pending));
      this.pending = '';
    }
    if (this.field !== '' || this.record.length > 0) {
      this.record.push(this.field);
      records.push(this.record);
      this.field = '';
      this.record = [];
    }
    return records;
  }

  private consume(input: string): string[][] {
    const records: string[][] = [];
    const delimiter = this.delimiter ?? ',';
    for (let i = 0; i < input.length; i += 1) {
      const char = input[i]!;
      if (this.inQuotes) {
        if (char === '"') {
          if (i + 1 >= input.length) {
            // Cannot tell "" from a closing quote yet: wait for more input.
            this.pending = '"';
            return records;
          }
          if (input[i + 1] === '"') {
            this.field += '"';
            i += 1;
          } else {
            this.inQuotes = false;
          }
        } else {
          this.field += char;
        }
      } else if (char === '"' && this.field === '' && !this.quoteSeen) {
        this.inQuotes = true;
        this.quoteSeen = true;
      } else if (char === delimiter) {
        this.record.push(this.field);
        this.field = '';
        this.quoteSeen = false;
      } else if (char === '\n' || char === '\r') {
        if (char === '\r' && i + 1 >= input.length) {
          // "\r\n" may be split between two chunks.
          this.pending = '\r';
          return records;
        }
        if (char === '\r' && input[i + 1] === '\n') i += 1;
        this.record.push(this.field);
        records.push(this.record);
        this.field = '';
        this.record = [];
        this.quoteSeen = false;
      } else {
        this.field += char;
      }
    }
    return records;
  }
}

/** Excel in a Vietnamese locale may save with ";": count separators outside quotes. */
function guessDelimiter(line: string): string {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}
