import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { RawRow, RawSheet } from './types.js';

/**
 * Streams a CSV file (UTF-8, with or without BOM; "," or ";" separated, RFC 4180 quoting) as
 * one sheet. Every cell stays text, so codes keep their leading zeros.
 */
export function readCsvSheet(path: string, name: string): RawSheet {
  return { name, index: 0, hidden: false, rows: csvRows(path), notes: [] };
}

async function* csvRows(path: string): AsyncGenerator<RawRow> {
  const decoder = new StringDecoder('utf8');
  const parser = new CsvParser();
  let rowNumber = 0;
  let first = true;
  for await (const chunk of createReadStream(path)) {
    let text = decoder.write(chunk as Buffer);
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    for (const cells of parser.push(text)) {
      rowNumber += 1;
      yield { number: rowNumber, cells };
    }
  }
  for (const cells of parser.end(decoder.end())) {
    rowNumber += 1;
    yield { number: rowNumber, cells };
  }
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
