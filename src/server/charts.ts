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
import { type ChartFigure, chartNotes, chartSvg, placedCharts, type ReportInput } from '../pipeline/stages.js';

/** Width the page's SVGs are drawn at, in points (the picture scales with the page). */
const PAGE_WIDTH = 560;

/** The computed run, as the report would read it; undefined before "Tính chỉ tiêu". */
export type CurrentInput = (request: FastifyRequest) => { readonly run: object; readonly input: () => ReportInput } | undefined;

interface Drawn {
  readonly charts: readonly ChartFigure[];
  readonly svgs: Map<string, string>;
}

const SvgName = z.object({ file: z.string().regex(/^[a-z0-9-]{1,40}\.svg$/) });

export function registerCharts(app: FastifyInstance, current: CurrentInput): void {
  // One computation per run: the run object is the key, so a new "Tính chỉ tiêu" starts afresh.
  const cache = new WeakMap<object, Drawn>();
  const drawnFor = (request: FastifyRequest): Drawn => {
    const now = current(request);
    if (!now) throw new UserError(ExitCode.usage, serverText.notComputedCharts());
    let drawn = cache.get(now.run);
    if (!drawn) {
      drawn = { charts: placedCharts(now.input()), svgs: new Map() };
      cache.set(now.run, drawn);
    }
    return drawn;
  };

  app.get('/api/charts', async (request, reply) => {
    const { charts } = drawnFor(request);
    reply.header('cache-control', 'no-store');
    return {
      charts: charts.map((chart, i) => ({
        id: chart.definition.id,
        caption: serverText.chartCaption({ number: i + 1, title: chart.title }),
        notes: chartNotes(chart, undefined),
        source: chart.source,
        alt: chart.alt,
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
    let svg = drawn.svgs.get(id);
    if (svg === undefined) {
      svg = await chartSvg(chart.definition.spec, chart.values, PAGE_WIDTH);
      drawn.svgs.set(id, svg);
    }
    return reply.header('cache-control', 'no-store').type('image/svg+xml; charset=utf-8').send(svg);
  });
}
