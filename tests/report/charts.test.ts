/**
 * Charts (templates/charts/) and table files (templates/tables/): each chart draws the figures
 * of the results, a chart or table naming what the catalogue does not compute stops the run
 * (exit 4, naming the file), `--suppress K` leaves no hidden count in any chart, and the DOCX
 * holds the charts as PNGs at print resolution.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/engine/index.js';
import { chartFigure, chartNotes, type ChartFigure, type FigureDatum, type TargetDatum } from '../../src/report/charts/data.js';
import { chartSvg, drawChart } from '../../src/report/charts/render.js';
import { ChartBinding, loadCharts } from '../../src/report/charts/spec.js';
import { placedCharts, reportModel } from '../../src/report/index.js';
import { createReport } from '../../src/output/report.js';
import { ResultIndex } from '../../src/report/result-index.js';
import { isSmallCount, protectionRules, sourceKey } from '../../src/report/suppress.js';
import { loadTables } from '../../src/report/table-spec.js';
import { TEMPLATES_DIR } from '../../src/report/template.js';
import { formatNumber } from '../../src/report/format-vi.js';
import { userError } from '../helpers/errors.js';
import { COMMUNES, DISTRICT, communeInput, districtInput, fixtureResults } from './fixtures.js';
import { paragraphs, zipEntries } from './read-back.js';

const catalogue = loadCatalogue();
const { current, baseline } = fixtureResults();
const now = new ResultIndex(current.results);
const before = new ResultIndex(baseline.results);

const chart = (charts: readonly ChartFigure[], id: string) => charts.find((c) => c.definition.id === id)!;
const figures = (c: ChartFigure) => c.values as FigureDatum[];

/** The numbers the SVG writes as text: every bar of these specs carries its value as a label. */
async function drawnTexts(c: ChartFigure): Promise<string[]> {
  const svg = await chartSvg(c.definition.spec, c.values, 468);
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('the charts of a district report draw the figures of the results', () => {
  const model = reportModel(districtInput());

  it('are those for a district: by unit, injuries by cause, targets (not the commune one)', () => {
    expect(model.charts.map((c) => c.definition.id)).toEqual(['bieu-do-01', 'bieu-do-02', 'bieu-do-03']);
  });

  it('Biểu đồ 1: TE-0301 of each commune, as the results give it', async () => {
    const c = chart(model.charts, 'bieu-do-01');
    const drawn = figures(c).map((d) => [d.label, d.value]);
    expect(drawn).toEqual(COMMUNES.map((commune) => [commune.fullName, now.count('TE-0301', commune.code)]));
    expect(drawn.every(([, v]) => typeof v === 'number' && v > 0)).toBe(true);
    const texts = await drawnTexts(c);
    for (const d of figures(c)) expect(texts).toContain(formatNumber(d.value));
    for (const commune of COMMUNES) expect(texts).toContain(commune.fullName);
  });

  it('Biểu đồ 2: TE-0304 and TE-0305 of the district by cause, this period and last year', async () => {
    const c = chart(model.charts, 'bieu-do-02');
    // 10 causes × 2 indicators × 2 periods, none without data.
    expect(c.values).toHaveLength(40);
    for (const d of figures(c)) {
      const indicator = d.figure === 'Bị tai nạn thương tích' ? 'TE-0304' : 'TE-0305';
      const index = d.period === 'Cùng kỳ năm 2024' ? before : now;
      const source = c.sources[c.values.indexOf(d)]!;
      expect(source).toMatchObject({ indicator, unit: DISTRICT.code, when: index === now ? 'current' : 'baseline' });
      // A cause without a row did not occur (the indicator has figures): 0.
      expect(d.value).toBe(index.count(indicator, DISTRICT.code, source.breakdown) ?? 0);
    }
    const drowned = figures(c).find((d) => d.label === 'Đuối nước' && d.figure === 'Bị tai nạn thương tích' && d.period === '6 tháng đầu năm 2025')!;
    expect(drowned.value).toBe(now.count('TE-0304', DISTRICT.code, { cause: 'DUOI_NUOC' }));
    expect(figures(c).some((d) => d.value > 0)).toBe(true);
    const texts = await drawnTexts(c);
    expect(texts).toEqual(expect.arrayContaining(['Tai nạn giao thông', 'Đuối nước', 'Bị tai nạn thương tích', '6 tháng đầu năm 2025', 'Cùng kỳ năm 2024']));
    expect(c.source).toBe('Nguồn: Dữ liệu trẻ em do các xã cập nhật, tính theo Thông tư 13/2021/TT-BLĐTBXH, kỳ 6 tháng đầu năm 2025 và cùng kỳ năm 2024.');
  });

  it('Biểu đồ 3: each target of the district, its result against the target, the status in words', async () => {
    const c = chart(model.charts, 'bieu-do-03');
    const targets = current.targets.filter((t) => t.unit === DISTRICT.code);
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets) {
      const bars = (c.values as TargetDatum[]).filter((d) => d.target === target.target);
      const status = target.status === 'met' ? 'Đạt' : target.status === 'not_met' ? 'Chưa đạt' : 'Chưa đủ số liệu';
      expect(bars.every((d) => d.status === status && d.heading.endsWith(`: ${status.toLocaleLowerCase('vi')}`))).toBe(true);
      if (target.baseline !== null) {
        // A reduction: this period's count against last year's.
        expect(bars.map((d) => [d.measure, d.value])).toEqual([
          ['6 tháng đầu năm 2025', target.current],
          ['Cùng kỳ năm 2024', target.baseline],
        ]);
      } else {
        expect(bars.map((d) => [d.measure, d.value])).toEqual([
          ['Kết quả', target.current],
          ['Chỉ tiêu', 100],
        ]);
      }
    }
    const texts = await drawnTexts(c);
    for (const d of c.values as TargetDatum[]) expect(texts).toContain(d.text);
  });
});

describe('a commune report', () => {
  const commune = COMMUNES[0]!;
  const model = reportModel(communeInput(commune));

  it('draws the charts of one unit: by group, injuries by cause, targets', () => {
    expect(model.charts.map((c) => c.definition.id)).toEqual(['bieu-do-02', 'bieu-do-03', 'bieu-do-04']);
  });

  it('Biểu đồ "theo nhóm": TE-0301 of the commune by group, every group in code-list order', () => {
    const c = chart(model.charts, 'bieu-do-04');
    expect(c.values).toHaveLength(14);
    for (const [i, d] of figures(c).entries()) {
      const group = `HCDB${String(i + 1).padStart(2, '0')}`;
      expect(c.sources[i]).toMatchObject({ indicator: 'TE-0301', unit: commune.code, breakdown: { group } });
      expect(d.value).toBe(now.count('TE-0301', commune.code, { group }) ?? 0);
    }
    expect(figures(c)[3]!.label).toBe('d) Khuyết tật');
  });
});

describe('a limit on the units drawn', () => {
  it('keeps the units with the largest figure, in list order, and says how many', () => {
    const model = reportModel(districtInput());
    const bundled = chart(model.charts, 'bieu-do-01').definition;
    const binding = ChartBinding.parse({ ...bundled.binding, limit: 2 });
    const c = chartFigure({ ...bundled, binding }, { index: now, unit: DISTRICT, subUnits: COMMUNES, subUnitsWord: 'xã, thị trấn', wording: model.wording, targets: [], origin: 'compute' });
    const largest = [...COMMUNES].sort((a, b) => now.count('TE-0301', b.code)! - now.count('TE-0301', a.code)!).slice(0, 2);
    expect(figures(c).map((d) => d.label)).toEqual(COMMUNES.filter((u) => largest.includes(u)).map((u) => u.fullName));
    // 2 drawn of the 4 communes, all 4 with data.
    expect(c.shown).toEqual({ units: 2, withData: 4, withoutData: 0, word: 'xã, thị trấn' });
    expect(chartNotes(c, undefined)).toEqual(['Thể hiện 2 đơn vị có số liệu cao nhất (trong 4 đơn vị có số liệu).']);
  });
});

describe('a figure without data is not drawn as 0', () => {
  it('leaves the bar out and counts it in the caption (the annex lists the units without data)', () => {
    const input = districtInput();
    const results = input.result.results.map((row) =>
      row.indicator === 'TE-0301' && row.unit === COMMUNES[1]!.code ? { ...row, numerator: null, denominator: null, value: null, noData: true as const } : row,
    );
    const model = reportModel({ ...input, result: { ...input.result, results } });
    const c = chart(model.charts, 'bieu-do-01');
    expect(figures(c).map((d) => d.label)).not.toContain(COMMUNES[1]!.fullName);
    // 4 communes, 1 without data: 3 bars, and the caption says exactly that.
    expect(figures(c)).toHaveLength(3);
    expect(c.missing).toEqual([]);
    expect(c.shown).toMatchObject({ units: 3, withData: 3, withoutData: 1 });
    expect(chartNotes(c, undefined)).toEqual(['Thể hiện 3 đơn vị có số liệu; 1 xã, thị trấn chưa có số liệu.']);
  });
});

describe('a chart with nothing to draw is left out, and the text says why', () => {
  // Every commune's TE-0301 set to 0: Biểu đồ 1 would be four bars of 0.
  const zeroed = () => {
    const input = districtInput();
    const communes = new Set(COMMUNES.map((u) => u.code));
    const results = input.result.results.map((row) => (row.indicator === 'TE-0301' && communes.has(row.unit) ? { ...row, numerator: 0, value: 0 } : row));
    return { ...input, result: { ...input.result, results } };
  };

  it('says why in the model, and the page is not given it', () => {
    const c = chart(reportModel(zeroed()).charts, 'bieu-do-01');
    expect(figures(c).every((d) => d.value === 0)).toBe(true);
    expect(c.empty).toBe('mọi số liệu đều bằng 0');
    expect(placedCharts(zeroed()).map((p) => p.definition.id)).toEqual(['bieu-do-02', 'bieu-do-03']);
    // With its figures, the chart is drawn.
    expect(chart(reportModel(districtInput()).charts, 'bieu-do-01').empty).toBeUndefined();
  });

  it('the targets chart of a period without targets says so', () => {
    const input = districtInput();
    const c = chart(reportModel({ ...input, result: { ...input.result, targets: [] } }).charts, 'bieu-do-03');
    expect(c.values).toEqual([]);
    expect(c.empty).toBe('kỳ này không có chỉ tiêu kế hoạch');
  });

  it('in the DOCX: no picture and no number, a sentence in its place; the next chart is Biểu đồ 1', async () => {
    const files = await createReport(zeroed());
    const zip = await JSZip.loadAsync(files.docx);
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(2);
    const text = paragraphs((await zipEntries(files.docx))['word/document.xml']!);
    expect(text).toContain('(Không vẽ biểu đồ "Trẻ em có hoàn cảnh đặc biệt theo đơn vị" vì mọi số liệu đều bằng\u00a00.)');
    expect(text.filter((p) => /^Biểu đồ \d\./.test(p)).map((p) => p.split('. ')[0])).toEqual(['Biểu đồ 1', 'Biểu đồ 2']);
    expect(text.some((p) => p.startsWith('Biểu đồ 1. Trẻ em bị tai nạn thương tích'))).toBe(true);
  });
});

describe('--suppress K: no chart shows a count its table hides', () => {
  const K = 3;
  for (const [name, input] of [
    ['district', districtInput()],
    ['commune', communeInput(COMMUNES[0]!)],
  ] as const) {
    it(`${name} report`, () => {
      const model = reportModel(input, { suppress: K });
      const hidden = new Set<string>();
      for (const table of model.tables) {
        for (const part of table.parts) for (const row of part.rows) for (const cell of Object.values(row.cells)) if (cell.suppressed && cell.source) hidden.add(sourceKey(cell.source));
      }
      expect(hidden.size).toBeGreaterThan(0);
      const rules = protectionRules(model.tables);
      expect(rules.indicators.has('TE-0305')).toBe(true);
      let left = 0;
      for (const c of model.charts) {
        left += c.hidden;
        c.sources.forEach((source, i) => {
          if (!source) return;
          expect(hidden.has(sourceKey(source)), `${c.definition.id}: ${sourceKey(source)}`).toBe(false);
          expect(isSmallCount(source, (c.values[i] as { value: number }).value, K, rules)).toBe(false);
        });
      }
      expect(left).toBeGreaterThan(0);
    });
  }

  it('the caption says what was left out', async () => {
    const files = await createReport(communeInput(COMMUNES[0]!), { suppress: K });
    const text = paragraphs((await zipEntries(files.docx))['word/document.xml']!);
    // The commune's injuries by cause: every bar that is not 0 is hidden, so the chart is left out and the text says why.
    expect(text.some((p) => /^Biểu đồ \d\. Trẻ em bị tai nạn thương tích/.test(p))).toBe(false);
    expect(text).toContain('(Không vẽ biểu đồ "Trẻ em bị tai nạn thương tích, tử vong theo nguyên nhân, so với cùng kỳ" vì các số liệu khác 0 được ẩn để bảo vệ thông tin cá nhân của trẻ\u00a0em.)');
    // The targets chart, drawn, says how many bars it leaves out; it is number 2, the left-out chart took no number.
    const at = text.indexOf('Biểu đồ 2. Kết quả thực hiện chỉ tiêu kế hoạch'.replace(/ (\S+)$/, '\u00a0$1'));
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toMatch(/^Không thể hiện \d+ số liệu được ẩn ở biểu số liệu \(số từ 1 đến 2 /);
  });
});

describe('chart files are checked against the catalogue when loaded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-charts-'));
  const write = (name: string, chitieu: object) => {
    const folder = join(dir, name);
    mkdirSync(join(folder, 'charts'), { recursive: true });
    const file = join(folder, 'charts', 'bieu-do-99.vl.json');
    writeFileSync(file, JSON.stringify({ usermeta: { chitieu }, data: { name: 'figures' }, mark: 'bar' }));
    return { folder, file };
  };

  it('an unknown indicator: exit 4 naming the file', () => {
    const { folder, file } = write('unknown', { title: 'X', reports: ['district'], level: 'subunits', figures: [{ indicator: 'TE-9999' }] });
    const error = userError(() => loadCharts([join(folder, 'charts')], catalogue));
    expect(error.exitCode).toBe(4);
    expect(error.text.vi).toContain(file);
    expect(error.text.vi).toContain('"TE-9999" không có trong danh mục');
  });

  it('a field of the wrong kind is said in our own words, in both languages, never the validator\'s', () => {
    const { folder, file } = write('kind', { title: 'X', reports: 'district', level: 'subunits', figures: [{ indicator: 'TE-0101' }] });
    const error = userError(() => loadCharts([join(folder, 'charts')], catalogue));
    expect(error.exitCode).toBe(4);
    expect(error.text.vi).toContain(file);
    expect(error.text.vi).toContain('mục usermeta.chitieu: cần danh sách');
    expect(error.text.en).toContain('field usermeta.chitieu:');
    expect(error.text.vi).not.toMatch(/Invalid|expected/);
  });

  it('a breakdown the catalogue does not compute: exit 4', () => {
    const { folder } = write('breakdown', { title: 'X', reports: ['district'], level: 'unit', breakdown: 'cause', figures: [{ indicator: 'TE-0101' }] });
    const error = userError(() => loadCharts([join(folder, 'charts')], catalogue));
    expect(error.exitCode).toBe(4);
    expect(error.text.en).toContain('TE-0101 is not computed by "cause"');
  });

  it('a report whose template folder has a bad chart stops before writing (exit 4)', async () => {
    const { folder, file } = write('report', { title: 'X', reports: ['district'], level: 'subunits', figures: [{ indicator: 'TE-9999' }] });
    const template = join(folder, 'mau.hbs');
    writeFileSync(template, 'Chữ\n');
    await expect(createReport(districtInput(), { template })).rejects.toMatchObject({ exitCode: 4, text: { vi: expect.stringContaining(file) } });
  });

  it('the bundled charts load', () => {
    expect(loadCharts([join(TEMPLATES_DIR, 'charts')], catalogue).map((c) => c.id)).toEqual(['bieu-do-01', 'bieu-do-02', 'bieu-do-03', 'bieu-do-04']);
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('in the DOCX', () => {
  it('each chart is a PNG at least 1,600 px wide, with its numbered caption, alt text and source line', async () => {
    const files = await createReport(districtInput());
    const zip = await JSZip.loadAsync(files.docx);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    for (const name of media) {
      expect(name).toMatch(/\.png$/);
      const size = pngSize(await zip.file(name)!.async('uint8array'));
      expect(size.width).toBeGreaterThanOrEqual(1600);
      expect(size.height).toBeGreaterThan(100);
    }
    const xml = (await zipEntries(files.docx))['word/document.xml']!;
    const text = paragraphs(xml);
    const captions = text.filter((p) => /^Biểu đồ \d\./.test(p));
    // The last two words of a caption are joined by a no-break space.
    expect(captions).toEqual([
      'Biểu đồ 1. Trẻ em có hoàn cảnh đặc biệt theo đơn\u00a0vị',
      'Biểu đồ 2. Trẻ em bị tai nạn thương tích, tử vong theo nguyên nhân, so với cùng\u00a0kỳ',
      'Biểu đồ 3. Kết quả thực hiện chỉ tiêu kế\u00a0hoạch',
    ]);
    for (const caption of captions) expect(text[text.indexOf(caption) + 1]).toMatch(/^Nguồn: .*, kỳ 6 tháng đầu năm 2025/);
    const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(descriptions).toHaveLength(3);
    expect(descriptions[0]).toMatch(new RegExp(`^Trẻ em có hoàn cảnh đặc biệt theo đơn vị\\. ${COMMUNES[0]!.fullName}: \\d`));
    // The pictures span the text width of a portrait page (9.355 twips ≈ 5.940.000 EMU).
    const widths = [...xml.matchAll(/<wp:extent cx="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths.every((cx) => Math.abs(cx - 9355 * 635) < 10_000)).toBe(true);
  });

  it('the same data gives the same PNG bytes', async () => {
    const c = chart(reportModel(districtInput()).charts, 'bieu-do-02');
    const [a, b] = [await drawChart(c.definition.spec, c.values, 6.5), await drawChart(c.definition.spec, c.values, 6.5)];
    expect(Buffer.compare(a.png, b.png)).toBe(0);
    expect(a.width).toBe(1950);
  });
});

describe('table files (templates/tables/) are checked against the catalogue when loaded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-tables-'));
  const write = (name: string, column: object, rows: object | string = 'units') => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, JSON.stringify({ id: 'bieu-09', number: 'Biểu 09', sheet: 'Bieu09', title: 'X', period: 'flow', parts: [{ rows, columns: [column] }] }));
    return file;
  };
  const load = (file: string) => userError(() => loadTables([dir], catalogue).find((t) => t.file === file));

  it('an unknown indicator: exit 4 naming the file', () => {
    const file = write('a', { key: 'x', header: 'X', indicator: 'XH-9999' });
    const error = load(file);
    expect(error.exitCode).toBe(4);
    expect(error.text.vi).toContain(file);
    expect(error.text.vi).toContain('"XH-9999" không có trong danh mục');
  });

  it('a breakdown the catalogue does not compute (TE-0306 by cause × sex): exit 4', () => {
    const file = write('b', { key: 'x', by: 'sex', indicator: 'TE-0306' }, { by: 'cause', total: 'Tổng' });
    rmSync(join(dir, 'a.yaml'));
    const error = load(file);
    expect(error.exitCode).toBe(4);
    expect(error.text.en).toContain('TE-0306 is not computed by "sex × cause"');
  });

  it('the bundled tables load: Biểu 01–05, Biểu 03 and 04 protected', () => {
    const tables = loadTables([join(TEMPLATES_DIR, 'tables')], catalogue);
    expect(tables.map((t) => t.spec.id)).toEqual(['bieu-01', 'bieu-02', 'bieu-03', 'bieu-04', 'bieu-05']);
    expect(tables.filter((t) => 'protect' in t.spec && t.spec.protect).map((t) => t.spec.id)).toEqual(['bieu-03', 'bieu-04']);
  });
});
