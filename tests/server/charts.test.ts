/**
 * The report's charts on the page: after "Tính chỉ tiêu" the server lists the charts the DOCX
 * has, in the DOCX's order and numbering, and draws each as an SVG the page shows with <img>
 * (no script, the page's CSP). The numbers drawn are the computed figures.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/report/format-vi.js';
import { buildApp } from '../../src/server/app.js';

const PORT = 48127;
const TOKEN = 'charts-token-0123456789';
const headers = { host: `127.0.0.1:${PORT}`, cookie: `chitieu-${PORT}=${TOKEN}` };

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: mkdtempSync(join(tmpdir(), 'chitieu-charts-serve-')) }));
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url, headers });
const post = (url: string, body?: object) => app.inject({ method: 'POST', url, headers, ...(body ? { payload: body } : {}) });

describe('charts on the page', () => {
  it('are refused before anything is computed', async () => {
    const answer = await get('/api/charts');
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.vi).toContain('Chưa tính chỉ tiêu');
  });

  it('are the DOCX charts of the computed district, drawn as SVG from the computed figures', async () => {
    expect((await post('/api/data/sample')).statusCode).toBe(202);
    for (let state = ''; state !== 'ready'; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      state = (await get('/api/data')).json().state;
      expect(state).not.toBe('failed');
    }
    const computed = await post('/api/compute', { period: '2025-H1', unit: '529', targets: 'plan:ke-hoach-003-phu-la-2025.yaml', baseline: 'records' });
    expect(computed.statusCode).toBe(200);

    const list = await get('/api/charts');
    expect(list.statusCode).toBe(200);
    const charts = list.json().charts as { id: string; caption: { vi: string; en: string }; source: { vi: string; en: string }; alt: { vi: string; en: string }; drawn: boolean }[];
    // The titles are the report's in Vietnamese, the chart file's English rendering in English (the page only).
    expect(charts[0]!.caption.en).toBe('Chart 1. Children in special circumstances by unit');
    expect(charts.map((chart) => chart.caption.vi)).toEqual([
      'Biểu đồ 1. Trẻ em có hoàn cảnh đặc biệt theo đơn vị',
      'Biểu đồ 2. Trẻ em bị tai nạn thương tích, tử vong theo nguyên nhân, so với cùng kỳ',
      'Biểu đồ 3. Kết quả thực hiện chỉ tiêu kế hoạch',
    ]);
    expect(charts[0]!.source.vi).toBe('Nguồn: Dữ liệu trẻ em do các xã cập nhật, tính theo Thông tư 13/2021/TT-BLĐTBXH, kỳ 6 tháng đầu năm 2025.');

    const svg = await get(`/charts/${charts[0]!.id}.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers['content-security-policy']).toContain("default-src 'self'");
    expect(svg.body).toMatch(/^<svg /);
    expect(svg.body).not.toContain('<script');
    // The figures of the result: every commune's TE-0301, as text next to its bar.
    const rows = (computed.json() as { rows: { indicator: string; unit: string; now: { numerator: number | null } | null }[] }).rows;
    const communes = rows.filter((row) => row.indicator === 'TE-0301' && /^\d{5}$/.test(row.unit));
    expect(communes.length).toBe(14);
    const texts = [...svg.body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    for (const row of communes) expect(texts).toContain(formatNumber(row.now!.numerator));
    expect(charts[0]!.alt.vi).toContain('Thị trấn Di Lăng: ');
    expect(charts[0]!.alt.en).toMatch(/^Children in special circumstances by unit\. .*Thị trấn Di Lăng: /);

    expect((await get('/charts/bieu-do-99.svg')).statusCode).toBe(404);
    expect((await get('/charts/..%2Fapp.js')).statusCode).toBe(404);
  }, 120_000);
});
