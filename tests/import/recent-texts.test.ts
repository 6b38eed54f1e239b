/**
 * A column's repeated values (inline strings, as openpyxl and LibreOffice write every text
 * cell) are decoded once and handed on again (SheetScanner's recent texts): what comes out is
 * exactly what decoding every cell would give, whatever the values and however they repeat.
 */
import { describe, expect, it } from 'vitest';
import { SharedStrings, SheetScanner } from '../../src/import/readers/sheet-scan.js';
import { Utf8Feeder } from '../../src/import/readers/xml-scan.js';
import type { CellNote } from '../../src/import/readers/types.js';

/** "Nữ" as openpyxl writes it, and values of the same source length that differ only at the end. */
const SEX = ['N&#7919;', 'N&#7918;', 'Nam'];
const SEX_TEXT = ['Nữ', 'NỮ', 'Nam'];
/** 20 villages: more than a column remembers, so they are forgotten and decoded again in turn. */
const VILLAGE = Array.from({ length: 20 }, (_, index) => `Th&#244;n ${index + 1}`);
const inline = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;

function scanned(rows: number): { cells: unknown[][] } {
  const parts = ['<worksheet><sheetData>'];
  for (let row = 1; row <= rows; row += 1) {
    const cells = [
      inline(`A${row}`, `TE-${row}`),
      inline(`B${row}`, SEX[(row * 7) % 3]!),
      inline(`C${row}`, VILLAGE[(row * 13) % 20]!),
      // The same value as text with and without its reference: one source each.
      inline(`D${row}`, row % 2 === 0 ? 'C&#243;' : 'Có'),
    ];
    parts.push(`<row r="${row}">${cells.join('')}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  const notes: CellNote[] = [];
  const scanner = new SheetScanner('sheet1.xml', { sharedStrings: SharedStrings.of([]), dateStyles: new Uint8Array(0), date1904: false, notes });
  const feeder = new Utf8Feeder(scanner);
  const bytes = Buffer.from(parts.join(''), 'utf8');
  // Fed in uneven pieces, as a sheet inflates.
  for (let at = 0; at < bytes.length; at += 4099) feeder.push(bytes.subarray(at, at + 4099));
  feeder.end();
  return { cells: scanner.rows.map((row) => row.cells) };
}

describe('repeated values of a column', () => {
  it('come out as decoding every cell would give them, for 1,000 rows', () => {
    const { cells } = scanned(1000);
    expect(cells).toHaveLength(1000);
    cells.forEach((row, index) => {
      const number = index + 1;
      expect(row).toEqual([`TE-${number}`, SEX_TEXT[(number * 7) % 3], `Thôn ${((number * 13) % 20) + 1}`, 'Có']);
    });
  });

  it('tells apart sources of the same length that differ in their last character', () => {
    const { cells } = scanned(6);
    expect(cells.map((row) => row[1])).toEqual([1, 2, 3, 4, 5, 6].map((row) => SEX_TEXT[(row * 7) % 3]));
    expect(SEX_TEXT[0]).not.toBe(SEX_TEXT[1]);
  });
});
