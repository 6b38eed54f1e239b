/**
 * The report's charts on the page (Kết quả): the same specs and data as the DOCX, drawn by the
 * server as SVG and shown with <img>, so the page needs no script of vega's and no inline
 * script under its CSP, and an SVG shown as an image cannot run anything.
 *
 *   GET /api/charts            the charts of the computed run: number, title, notes, source, alt text
 *   GET /charts/<id>.svg       one of them
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ExitCode, serverText, UserError } from '../messages/index.js';
import { type ChartFigure, chartNotes, chartSvg, placedCharts, type ReportInput } from '../pipeline/report.js';
import { chartTexts, englishDrawing, type ChartPeriods } from './chart-english.js';

/** Width the page's SVGs are drawn at, in points (the picture scales with the page). */
const PAGE_WIDTH = 560;

/** The computed run, as the report would read it; undefined before "Tính chỉ tiêu". */
export type CurrentInput = (request: FastifyRequest) => { readonly run: object; readonly input: () => ReportInput; readonly periods: ChartPeriods } | undefined;

interface Drawn {
  readonly charts: readonly ChartFigure[];
  readonly periods: ChartPeriods;
  /** By chart id and language ("bieu-do-01 en"). */
  readonly svgs: Map<string, string>;
}

const SvgName = z.object({ file: z.string().regex(/^[a-z0-9-]{1,40}\.svg$/) });
/** The page's language: English draws the chart's fixed texts in English. */
const SvgQuery = z.object({ lang: z.enum(['vi', 'en']).catch('vi') });

export function registerCharts(app: FastifyInstance, current: CurrentInput): void {
  // One computation per run: the run object is the key, so a new "Tính chỉ tiêu" starts afresh.
  const cache = new WeakMap<object, Drawn>();
  const drawnFor = (request: FastifyRequest): Drawn => {
    const now = current(request);
    if (!now) throw new UserError(ExitCode.usage, serverText.notComputedCharts());
    let drawn = cache.get(now.run);
    if (!drawn) {
      drawn = { charts: placedCharts(now.input()), periods: now.periods, svgs: new Map() };
      cache.set(now.run, drawn);
    }
    return drawn;
  };

  app.get('/api/charts', async (request, reply) => {
    const { charts, periods } = drawnFor(request);
    reply.header('cache-control', 'no-store');
    return {
      charts: charts.map((chart, i) => ({
        id: chart.definition.id,
        ...chartTexts(chart, i + 1, chartNotes(chart, undefined), periods),
        drawn: chart.values.length > 0,
      })),
    };
  });

  app.get('/charts/:file', async (request, reply) => {
    const parsed = SvgName.safeParse(request.params);
    const drawn = drawnFor(request);
    const id = parsed.success ? parsed.data.file.slice(0, -'.svg'.length) : '';
    const chart = drawn.charts.find((candidate) => candidate.definition.id === id);
    if (!chart || chart.values.length === 0) return reply.code(404).send({ error: serverText.noSuchChart() });
    const { lang } = SvgQuery.parse(request.query ?? {});
    const key = `${id} ${lang}`;
    let svg = drawn.svgs.get(key);
    if (svg === undefined) {
      const english = lang === 'en' ? englishDrawing(chart, drawn.periods) : undefined;
      svg = english ? await chartSvg(english.spec, english.values, PAGE_WIDTH) : await chartSvg(chart.definition.spec, chart.values, PAGE_WIDTH);
      drawn.svgs.set(key, svg);
    }
    return reply.header('cache-control', 'no-store').type('image/svg+xml; charset=utf-8').send(svg);
  });
}
