/**
 * A chart to pictures, in Node: vega-lite → vega → SVG (no canvas: `renderer: 'none'`), then
 * resvg → PNG at print resolution for the DOCX. The fonts are the bundled Liberation Serif
 * files (metric-compatible with Times New Roman, full Vietnamese coverage), passed to resvg
 * explicitly: with no font file resvg silently drops every text, and system fonts would make
 * the picture depend on the machine. Nothing in the output depends on the clock, so the same
 * data gives the same bytes.
 *
 * vega and vega-lite are ESM with top-level await and take most of a second to load: they are
 * imported only when a report draws a chart.
 */
import { FACE_FILES, FONTS_DIR } from '../fonts.js';
import type { ChartDatum } from './data.js';

export const CHART_FONT = 'Liberation Serif';
const FONT_FILES = Object.values(FACE_FILES).map((file) => `${FONTS_DIR}${file}`);

/** Print resolution of the PNG. */
export const CHART_DPI = 300;

/**
 * The look every chart shares (a spec's own `config` wins): the document's face, Vietnamese
 * number format ("1.234,5"), text sizes in points, since the picture is drawn as wide as the
 * text (one SVG pixel is one point).
 */
const BASE_CONFIG = {
  font: CHART_FONT,
  background: 'white',
  locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đồng'] } },
  axis: { labelFontSize: 10, titleFontSize: 10.5, labelFont: CHART_FONT, titleFont: CHART_FONT, titleFontWeight: 'normal' },
  legend: { labelLimit: 400, labelFontSize: 10, titleFontSize: 10.5, labelFont: CHART_FONT, titleFont: CHART_FONT, orient: 'bottom', titleFontWeight: 'normal' },
  header: { labelFontSize: 10.5, titleFontSize: 10.5, labelFont: CHART_FONT, titleFont: CHART_FONT },
  text: { font: CHART_FONT, fontSize: 10 },
  view: { stroke: null },
} as const;

export interface ChartPicture {
  readonly svg: string;
  readonly png: Buffer;
  /** PNG size in pixels. */
  readonly width: number;
  readonly height: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = isObject(value) && isObject(out[key]) ? merge(out[key] as Json, value) : value;
  return out;
}

/**
 * The spec with its data and the shared look. A single or layered view is made exactly
 * `widthPoints` wide; a faceted or concatenated one keeps the widths its file gives.
 */
export function completeSpec(spec: Readonly<Json>, values: readonly ChartDatum[], widthPoints: number): Json {
  const { usermeta: _usermeta, ...rest } = spec;
  const single = 'mark' in rest || 'layer' in rest;
  const sized = single ? { width: widthPoints, autosize: { type: 'fit-x', contains: 'padding' } } : {};
  return {
    ...rest,
    ...sized,
    data: { values: values.map((datum) => ({ ...datum })) },
    config: merge(BASE_CONFIG as unknown as Json, isObject(rest.config) ? rest.config : {}),
  };
}

/**
 * Text widths for layout. Without a canvas vega estimates 0.8 em per character, nearly twice
 * what Liberation Serif takes, so labels were cut short ("Tai nạn giao th…") and margins left
 * wide; 0.5 em (bold 0.55 em) is a little more than the face's average, so nothing overlaps.
 */
function estimateWidth(item: { fontSize?: number; fontWeight?: string | number }, text: unknown): number {
  const size = item.fontSize ?? 11;
  const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
  return Math.ceil([...String(text ?? '')].length * size * (bold ? 0.55 : 0.5));
}

/** The SVG of a chart. */
export async function chartSvg(spec: Readonly<Json>, values: readonly ChartDatum[], widthPoints: number): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  // vega exports `textMetrics` (vega-scenegraph) but its typings do not declare it.
  const metrics: unknown = Reflect.get(vega, 'textMetrics');
  if (isObject(metrics)) metrics.width = estimateWidth;
  const full = completeSpec(spec, values, widthPoints);
  // Warnings about a spec's sort or size options are for its author, not for a report run.
  const quiet = vega.logger(vega.None);
  const compiled = vegaLite.compile(full as unknown as Parameters<typeof vegaLite.compile>[0], { logger: quiet }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The SVG as a PNG `widthInches` wide at print resolution. */
export async function svgToPng(svg: string, widthInches: number): Promise<{ png: Buffer; width: number; height: number }> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthInches * CHART_DPI) },
    background: 'white',
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** A chart drawn `widthInches` wide: its SVG and PNG. */
export async function drawChart(spec: Readonly<Json>, values: readonly ChartDatum[], widthInches: number): Promise<ChartPicture> {
  const svg = await chartSvg(spec, values, Math.round(widthInches * 72));
  return { svg, ...(await svgToPng(svg, widthInches)) };
}
