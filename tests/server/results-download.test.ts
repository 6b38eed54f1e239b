/**
 * The page can give the computed results in every format `compute --out` writes (the output
 * registry's RESULT_FORMATS): /download/results.json, .xlsx and .csv, after "Tính chỉ tiêu" only,
 * named after the unit and period, without the server's private folder in them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputeResult } from '../../src/model/results.js';
import { buildApp } from '../../src/server/app.js';
import type { Workspace } from '../../src/server/workspace.js';

const PORT = 48157;
const TOKEN = 'test-token-results-0123';
const headers = { host: `127.0.0.1:${PORT}`, cookie: `chitieu-${PORT}=${TOKEN}` };
const root = mkdtempSync(join(tmpdir(), 'chitieu-results-serve-'));
let app: FastifyInstance;
let workspace: Workspace;

const get = (url: string) => app.inject({ method: 'GET', url, headers });
const post = (url: string, body?: object) => app.inject({ method: 'POST', url, headers, ...(body ? { payload: body } : {}) });

beforeAll(async () => {
  ({ app, workspace } = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: root }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('/download/results.*', () => {
  it('is not there before a computation', async () => {
    for (const name of ['results.json', 'results.xlsx', 'results.csv']) expect((await get(`/download/${name}`)).statusCode, name).toBe(404);
    expect((await get('/download/results.pdf')).statusCode).toBe(404);
  });

  it('gives the JSON, the workbook and the CSV of the last computation, which agree', async () => {
    expect((await post('/api/data/sample')).statusCode).toBe(202);
    for (let i = 0; i < 1200 && (await get('/api/data')).json().state === 'reading'; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await post('/api/compute', { period: '2025-H1', unit: '529' })).statusCode).toBe(200);

    const json = await get('/download/results.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe('attachment; filename="ket-qua-529-2025-H1.json"');
    const result = ComputeResult.parse(JSON.parse(json.body));
    expect(result.period).toEqual({ id: '2025-H1', from: '2025-01-01', to: '2025-06-30' });
    // Exactly what `compute --out x.json` writes: JSON.stringify(…, null, 2) and a newline.
    expect(json.body).toBe(`${JSON.stringify(result, null, 2)}\n`);

    const csv = await get('/download/results.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="ket-qua-529-2025-H1.csv"');
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n').filter((line) => line !== '');
    // A header line, then one line per result row (no name in the sample holds a line break).
    expect(lines).toHaveLength(result.results.length + 1);
    const population = result.results.find((row) => row.indicator === 'TE-0101' && row.unit === '529' && Object.keys(row.breakdown).length === 0)!;
    // A count: its numerator is its value, it has no denominator.
    expect(lines).toContain(`Huyện,529,Huyện Sơn Hà,TE-0101,Dân số trẻ em,,${population.value},,${population.value},`);

    const xlsx = await get('/download/results.xlsx?lang=en');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="ket-qua-529-2025-H1.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.name).toBe('About');
    const about = book.worksheets[0]!;
    const listed: string[] = [];
    about.eachRow((row) => listed.push(String(row.getCell(1).value ?? '')));
    // The input files by their own names, never the server's private folder.
    expect(listed.some((name) => name.endsWith('.xlsx'))).toBe(true);
    expect(listed.join('\n')).not.toContain(workspace.dir);
    expect(listed.join('\n')).not.toContain(root);
  });
});
