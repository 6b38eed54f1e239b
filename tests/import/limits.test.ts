/**
 * Issue 23: what one small workbook can cost. Excel's own limits in the reader (32,767
 * characters a cell, 16,384 columns, 1,048,576 rows), a budget for the text one file hands
 * over (a shared string referenced by every cell), and JSON output written in pieces.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { run } from '../../src/cli/main.js';
import { readXlsxWorkbook } from '../../src/import/readers/xlsx.js';
import { writeJson, lineSink } from '../../src/io/json-stream.js';
import { runCli } from '../helpers/cli.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { tempDir } from '../helpers/workbooks.js';
import { amplifiedWorkbook, handWorkbook } from '../helpers/zips.js';

const dir = tempDir('chitieu-limits-');
const file = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function readCells(path: string): Promise<number> {
  let cells = 0;
  for await (const sheet of readXlsxWorkbook(path)) {
    for await (const row of sheet.rows([])) cells += row.cells.filter((cell) => cell !== null).length;
  }
  return cells;
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe("Excel's limits in the workbook reader", () => {
  it('refuses a 1,048,576-character shared string referenced 12,000 times, in one line, in validate and inspect --json --cells', async () => {
    const path = file('amplified.xlsx', amplifiedWorkbook(1_048_576, 12_000));
    // Random CJK characters (3 bytes in UTF-8) do not deflate much: the file is about 2 MB, as in the issue.
    expect(statSync(path).size).toBeGreaterThan(1_500_000);
    for (const args of [['validate', path], ['inspect', path, '--json', '--cells']]) {
      const run = await runCli(...args);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('"amplified.xlsx"');
      // 3 MB of XML for one item: refused once 327,670 characters of it (32,767 × 10, the most a
      // string within the limit can take as character references) are held, before its end is read.
      expect(run.stderr).toContain('phần "xl/sharedStrings.xml" có một chuỗi dài hơn 32.767 ký tự, quá giới hạn 32.767 ký tự một ô của Excel');
    }
    const inspect = await runCli('inspect', path, '--json', '--cells');
    expect(inspect.stdout).toBe('');
    const english = await runCli('--lang', 'en', 'validate', path);
    expect(english.stderr).toContain('part "xl/sharedStrings.xml" holds a string of more than 32,767 characters, over Excel\'s limit of 32,767 per cell');
  });

  it('reads a string of exactly 32,767 characters, shared or inline, and refuses one of 32,768 naming the cell', async () => {
    const atLimit = 'ư'.repeat(32_767);
    const ok = file('at-limit.xlsx', handWorkbook({ sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c>${inline('B1', atLimit)}</row>`, sharedItems: `<si><t>${atLimit}</t></si>` }));
    expect(await readCells(ok)).toBe(2);

    const sharedOver = file('shared-over.xlsx', handWorkbook({ sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sharedItems: `<si><r><t>${atLimit}</t></r><r><t>x</t></r></si>` }));
    const shared = await unreadableRefusal(readCells(sharedOver));
    expect(shared.text.en).toContain('part "xl/sharedStrings.xml" holds a string of 32,768 characters');

    const inlineOver = file('inline-over.xlsx', handWorkbook({ sheetData: `<row r="7">${inline('C7', `${atLimit}x`)}</row>` }));
    const error = await unreadableRefusal(readCells(inlineOver));
    expect(error.text.vi).toContain('phần "xl/worksheets/sheet1.xml" có ô C7 chứa một chuỗi 32.768 ký tự');
    const huge = await unreadableRefusal(readCells(file('inline-huge.xlsx', handWorkbook({ sheetData: `<row r="2">${inline('B2', 'a'.repeat(400_000))}</row>` }))));
    expect(huge.text.en).toContain('part "xl/worksheets/sheet1.xml" holds in cell B2 a string of more than 32,767 characters');
    // Entities count as the characters they stand for: 32,767 "&amp;" are 32,767 characters.
    const entities = file('entities.xlsx', handWorkbook({ sheetData: `<row r="1">${inline('A1', '&amp;'.repeat(32_767))}</row>` }));
    expect(await readCells(entities)).toBe(1);
  });

  it('reads column XFD (16,384) and row 1,048,576, and refuses a cell past either', async () => {
    const edge = file('edge.xlsx', handWorkbook({ sheetData: `<row r="1048576">${inline('XFD1048576', 'x')}</row>` }));
    expect(await readCells(edge)).toBe(1);

    const wide = await unreadableRefusal(readCells(file('wide.xlsx', handWorkbook({ sheetData: `<row r="3">${inline('XFE3', 'x')}</row>` }))));
    // XFE = 24·676 + 6·26 + 5 = 16,224 + 156 + 5 = 16,385
    expect(wide.text.en).toContain('part "xl/worksheets/sheet1.xml" has a cell in column 16,385 (row 3), beyond Excel\'s limit of 16,384 columns (XFD)');
    // A column far past the limit is refused before its row is padded out to it.
    await unreadableRefusal(readCells(file('far.xlsx', handWorkbook({ sheetData: `<row r="1">${inline('ZZZZZZ1', 'x')}</row>` }))));

    const long = await unreadableRefusal(readCells(file('long.xlsx', handWorkbook({ sheetData: `<row r="1048577">${inline('A1048577', 'x')}</row>` }))));
    expect(long.text.en).toContain('has row 1,048,577, beyond Excel\'s limit of 1,048,576 rows');
  });
});

describe('the text budget of one file', () => {
  it('refuses a 32,767-character shared string referenced by 2,000 cells: 65.5 million characters from about 70 KB of XML', async () => {
    const text = 'a'.repeat(32_767);
    const rows = Array.from({ length: 200 }, (_, row) => `<row r="${row + 1}">${Array.from({ length: 10 }, () => '<c t="s"><v>0</v></c>').join('')}</row>`);
    const path = file('budget.xlsx', handWorkbook({ sheetData: rows.join(''), sharedItems: `<si><t>${text}</t></si>` }));
    // 2,000 × 32,767 = 65,534,000 characters handed over, against max(32,000,000, 16 × the XML's bytes):
    // the XML is 32,767 + about 46,000 bytes, 16 × that about 1.3 million, so the floor of 32 million holds.
    const error = await unreadableRefusal(readCells(path));
    expect(error.text.vi).toContain('các ô chữ của phần "xl/worksheets/sheet1.xml" lặp lại hơn 32 triệu ký tự');
    expect(error.text.en).toContain('more than 32 million characters');
  });

  it('reads the same string referenced by 900 cells: 29.5 million characters, under the floor', async () => {
    const text = 'a'.repeat(32_767);
    const rows = Array.from({ length: 90 }, (_, row) => `<row r="${row + 1}">${Array.from({ length: 10 }, () => '<c t="s"><v>0</v></c>').join('')}</row>`);
    const path = file('under-budget.xlsx', handWorkbook({ sheetData: rows.join(''), sharedItems: `<si><t>${text}</t></si>` }));
    // 900 × 32,767 = 29,490,300 < 32,000,000
    expect(await readCells(path)).toBe(900);
  });
});

describe('a header as long as a cell may be', () => {
  it('is shown in validate cut to 80 characters', async () => {
    // 12 columns whose header is the same 32,767-character string (900 references, under the budget).
    const path = file('long-headers.xlsx', amplifiedWorkbook(32_767, 900));
    const run = await runCli('validate', path);
    expect(run.code).toBe(2);
    const ignored = run.stdout.split('\n').find((line) => line.includes('bỏ qua 12 cột không có trong mẫu'));
    expect(ignored).toBeDefined();
    // 12 headers of 80 characters (79 and "…") in quotes, with ", " between: well under 2,000.
    expect(ignored!.length).toBeLessThan(2_000);
    expect(ignored).toMatch(/"[^"]{79}…", "/);
    expect(run.stdout.length).toBeLessThan(10_000);
  });
});

describe('JSON written in pieces', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes', () => {
    const value = {
      file: 'a.xlsx',
      empty: [],
      none: {},
      skipped: undefined,
      when: new Date(Date.UTC(2025, 6, 1)),
      sheets: [{ name: 'TreEm "1"', rows: 3, cells: [{ r: 1, c: 1, v: 'Mã trẻ em' }, { r: 2, c: 1, v: 1.5 }, { r: 2, c: 2, v: true }], nan: NaN }, null, [undefined, () => 1]],
    };
    const pieces: string[] = [];
    writeJson(value, (text) => pieces.push(text));
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
    // Nested at level 1, as an element of an array.
    const nested: string[] = [];
    writeJson(value, (text) => nested.push(text), 1);
    expect(`[\n  ${nested.join('')}\n]`).toBe(JSON.stringify([value], null, 2));
  });

  it('writes result rows with small objects inside (a breakdown) exactly as JSON.stringify does', () => {
    const rows = [
      { indicator: 'TE-0101', unit: '21010', level: 'commune', breakdown: {}, numerator: 4827, denominator: null, value: 4827 },
      { indicator: 'TE-0104', unit: '21010', breakdown: { sex: 'NU', ageGroup: '0-2' }, numerator: 1, denominator: 3, value: (1 / 3) * 100, approximate: true },
      // Not written at once: a member with toJSON, an array, an object three levels deep, minus zero and infinities.
      { when: new Date(Date.UTC(2025, 0, 1)), breakdown: { sex: 'NAM' }, n: -0, big: Infinity, small: -Infinity },
      { list: [1, 2], breakdown: { inner: { deeper: { deepest: 1 } } }, skipped: undefined, fn: () => 1 },
      { breakdown: { when: new Date(Date.UTC(2025, 5, 30)), missing: undefined } },
    ];
    const pieces: string[] = [];
    writeJson({ results: rows }, (text) => pieces.push(text));
    expect(pieces.join('')).toBe(JSON.stringify({ results: rows }, null, 2));
  });

  it('hands a line sink whole lines, in pieces of about 64 KiB rather than one string', () => {
    const cells = Array.from({ length: 20_000 }, (_, index) => ({ r: index + 1, c: 1, v: `Thôn ${index}` }));
    const calls: string[] = [];
    const sink = lineSink((lines) => calls.push(lines));
    writeJson({ cells }, sink.write);
    sink.end();
    expect(calls.join('\n')).toBe(JSON.stringify({ cells }, null, 2));
    expect(calls.length).toBeGreaterThan(10);
    expect(Math.max(...calls.map((lines) => lines.length))).toBeLessThan(70_000);
  });
});

/** Runs `chitieu ARGS` from the sources in a child process, its stdout to a file; its exit code and peak RSS (KiB). */
function childRun(name: string, ...args: string[]): { status: number | null; rssKiB: number; stdout: string; stderr: string } {
  const out = join(dir, `${name}.out`);
  const rss = join(dir, `${name}.rss`);
  const fd = openSync(out, 'w');
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../helpers/source-cli.ts'), ...args], {
      stdio: ['ignore', fd, 'pipe'],
      env: { ...process.env, CHITIEU_TEST_RSS_FILE: rss },
      encoding: 'utf8',
    });
    return { status: child.status, rssKiB: Number(readFileSync(rss, 'utf8')), stdout: readFileSync(out, 'utf8'), stderr: child.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('inspect --json --cells of a 100,000-cell sheet', () => {
  // 10,000 rows × 10 cells: 5 text, 5 numbers.
  const rows: string[] = [];
  for (let row = 1; row <= 10_000; row += 1) {
    let cells = '';
    for (let column = 0; column < 10; column += 1) {
      const ref = `${'ABCDEFGHIJ'[column]}${row}`;
      cells += column % 2 === 0 ? inline(ref, `Thôn ${row} xã Phước Long ${column}`) : `<c r="${ref}"><v>${row * 10 + column}</v></c>`;
    }
    rows.push(`<row r="${row}">${cells}</row>`);
  }
  const path = file('cells.xlsx', handWorkbook({ sheetData: rows.join('') }));

  it('hands the output over in pieces of about 64 KiB, never the whole JSON at once', async () => {
    const pieces: string[] = [];
    // Each piece waits for the output to drain before the next is made (a pipe on POSIX).
    let waits = 0;
    let piecesAtWait = 0;
    const context: CliContext = {
      out: (lines) => pieces.push(lines),
      err: () => undefined,
      interactive: false,
      status: () => undefined,
      exitCode: 0,
      outDrained: async () => {
        waits += 1;
        piecesAtWait = pieces.length;
      },
    };
    expect(await run(['node', 'chitieu', 'inspect', path, '--json', '--cells'], context)).toBe(0);
    expect(waits).toBeGreaterThan(100);
    expect(piecesAtWait).toBeGreaterThan(100);
    const text = pieces.join('\n');
    expect(text.length).toBeGreaterThan(9_000_000);
    // 9 MB in pieces of at most 64 KiB and a line: well over 100 of them.
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(70_000);
    expect((JSON.parse(text) as { sheets: { cells: unknown[] }[] }).sheets[0]!.cells).toHaveLength(100_000);
  });

  it('prints every cell and peaks within the reader’s own memory (a child process, against inspect without --cells)', () => {
    const plain = childRun('plain', 'inspect', path);
    const cells = childRun('cells', 'inspect', path, '--json', '--cells');
    expect(plain.status, plain.stderr).toBe(0);
    expect(cells.status, cells.stderr).toBe(0);
    const json = JSON.parse(cells.stdout) as { sheets: { cells: { r: number; c: number; v: unknown }[] }[] };
    expect(json.sheets[0]!.cells).toHaveLength(100_000);
    expect(json.sheets[0]!.cells[99_999]).toEqual({ r: 10_000, c: 10, v: 100_009 });
    // The output is about 10 MB of text (20 MB as one UTF-16 string, more while built); written in
    // pieces it costs only the cells' objects. A generous margin: the child's peak within 1.5 × the
    // reader's own, and at most 150 MB above it.
    expect(cells.stdout.length).toBeGreaterThan(9_000_000);
    console.info(`inspect: ${Math.round(plain.rssKiB / 1024)} MB; inspect --json --cells: ${Math.round(cells.rssKiB / 1024)} MB`);
    expect(cells.rssKiB).toBeLessThan(plain.rssKiB * 1.5);
    expect(cells.rssKiB - plain.rssKiB).toBeLessThan(150 * 1024);
  }, 120_000);
});
