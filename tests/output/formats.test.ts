/**
 * The output registry: one writer per format, each `write(model) → bytes`, and the results
 * formats chosen by the file's ending. The writers give the same bytes as the functions they
 * wrap (the demo's checksums before and after the output stage were equal: see #20's note).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/engine/index.js';
import { writeOutputFile } from '../../src/io/output.js';
import type { RejectedRow } from '../../src/model/issues.js';
import { msg } from '../helpers/test-messages.js';
import { bytesOf, OUTPUTS, RESULT_FORMATS, resultFormatFor } from '../../src/output/formats.js';
import { errorWorkbookBytes } from '../../src/output/error-workbook.js';
import { createReport } from '../../src/output/report.js';
import { resultWorkbookBytes } from '../../src/output/results-xlsx.js';
import { reportDocument } from '../../src/report/index.js';
import { districtInput } from '../report/fixtures.js';

const names = (_level: string, code: string) => (code === '529' ? 'Huyện Sơn Hà' : code);

describe('the output registry', () => {
  it('gives every format a lower-case ending and a media type', () => {
    for (const [id, format] of Object.entries(OUTPUTS)) {
      expect(format.extension, id).toMatch(/^\.[a-z]+$/);
      expect(format.mediaType, id).toMatch(/^[a-z]+\/[\w.+-]+(; charset=utf-8)?$/);
    }
  });

  it('chooses the results format by the file ending, whatever its case', () => {
    expect(resultFormatFor('ket-qua.json')).toBe(OUTPUTS.resultsJson);
    expect(resultFormatFor('Ket-Qua.XLSX')).toBe(OUTPUTS.resultsXlsx);
    expect(resultFormatFor('ket-qua.csv')).toBe(OUTPUTS.resultsCsv);
    expect(resultFormatFor('ket-qua.pdf')).toBeUndefined();
    expect(resultFormatFor('ket-qua.json.bak')).toBeUndefined();
    // One format per ending: `compute --out` and the page never have to choose between two.
    const endings = RESULT_FORMATS.map((format) => format.extension);
    expect(new Set(endings).size).toBe(endings.length);
  });

  it('writes the results JSON as JSON.stringify(…, null, 2) and a newline, in pieces', async () => {
    const { result } = districtInput();
    const content = await OUTPUTS.resultsJson.write({ result, catalogue: loadCatalogue(), names, lang: 'vi' });
    expect(content).not.toBeInstanceOf(Uint8Array);
    expect(bytesOf(content).toString('utf8')).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('writes the results workbook as resultWorkbookBytes does, readable', async () => {
    const { result } = districtInput();
    const catalogue = loadCatalogue();
    const bytes = bytesOf(await OUTPUTS.resultsXlsx.write({ result, catalogue, names, lang: 'vi' }));
    expect(bytes.equals(await resultWorkbookBytes(result, catalogue, names, 'vi'))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.name).toBe('Thông tin');
    expect(book.worksheets.at(-1)!.name).toBe('Chỉ tiêu kế hoạch');
  });

  it('writes the error workbook as errorWorkbookBytes does', async () => {
    const rejected: RejectedRow[] = [
      {
        recordKind: 'children',
        source: { file: 'xa.xlsx', sheet: 'TreEm', row: 2 },
        values: { 'Mã trẻ em': 'TE001' },
        issues: [{ kind: 'invalid_date', column: 'Ngày sinh', message: msg('ngày không hợp lệ', 'invalid date') }],
      },
    ];
    const bytes = bytesOf(await OUTPUTS.errorWorkbook.write({ rejected, lang: 'vi' }));
    expect(bytes.equals(await errorWorkbookBytes(rejected, 'vi'))).toBe(true);
  });

  it('writes the report and its annex as createReport gives them, from the model report/ builds', async () => {
    const input = districtInput();
    const document = reportDocument(input);
    const files = await createReport(input);
    expect(bytesOf(await OUTPUTS.reportDocx.write(document)).equals(files.docx)).toBe(true);
    expect(bytesOf(await OUTPUTS.annexXlsx.write(document)).equals(files.xlsx)).toBe(true);
    expect(document.date).toBe(input.result.period.to);
  });
});

describe('writing an output at the edge (io/output.ts)', () => {
  it('writes streamed pieces whole, and nothing when making them fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-output-pieces-'));
    const { result } = districtInput();
    const path = join(dir, 'ket-qua.json');
    writeOutputFile(path, await OUTPUTS.resultsJson.write({ result, catalogue: loadCatalogue(), names, lang: 'vi' }));
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(result, null, 2)}\n`);

    function* failing(): Generator<string> {
      yield '{ "half": ';
      throw new Error('the writer failed');
    }
    const other = join(dir, 'hong.json');
    expect(() => writeOutputFile(other, failing())).toThrow();
    // No file under the name, no temporary file left.
    expect(readdirSync(dir)).toEqual(['ket-qua.json']);
  });
});
