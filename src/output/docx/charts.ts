/**
 * Charts in the DOCX: each `::chart` block becomes the picture (a PNG as wide as the text of
 * its section, at print resolution), its numbered caption under it ("Biểu đồ 1. …"), what it
 * leaves out, and the source line ("Nguồn: …, kỳ …"). Charts are numbered in the order the
 * template places them.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { chartLeftOut, chartNotes, type ChartFigure } from '../../report/charts/data.js';
import { drawChart, type ChartPicture } from '../../report/charts/render.js';
import { keepLastWordsTogether } from '../../report/format-vi.js';
import type { Block } from '../../report/markup.js';
import type { ReportModel } from '../../report/model.js';
import type { OnReportStep } from '../report.js';
import { AFTER, LANDSCAPE_WIDTH, PORTRAIT_WIDTH, pt } from './page.js';

export interface PlacedChart {
  readonly figure: ChartFigure;
  /** "Biểu đồ 1": the order of placement; 0 for a chart left out (nothing to draw), which takes no number. */
  readonly number: number;
  /** Width of the text of its section, in twips. */
  readonly width: number;
  /** Absent when the chart is left out (nothing to draw: `figure.empty` says why). */
  readonly picture?: ChartPicture;
}

export type ChartPictures = ReadonlyMap<string, PlacedChart>;

const TWIPS_PER_INCH = 1440;

/** Draws every chart the blocks place (the annex's at landscape width). */
export async function drawCharts(blocks: readonly Block[], model: ReportModel, onStep?: OnReportStep): Promise<ChartPictures> {
  const figures = new Map(model.charts.map((chart) => [chart.definition.id, chart]));
  const placed = new Map<string, PlacedChart>();
  const appendixAt = blocks.findIndex((block) => block.kind === 'appendix');
  // The charts to draw, counted first: the page says "biểu đồ 2/3".
  const toDraw = new Set(blocks.flatMap((block) => (block.kind === 'chart' && figures.get(block.id)?.empty === undefined && figures.has(block.id) ? [block.id] : [])));
  let drawn = 0;
  for (const [i, block] of blocks.entries()) {
    if (block.kind !== 'chart' || placed.has(block.id)) continue;
    const figure = figures.get(block.id);
    if (!figure) continue;
    const width = appendixAt >= 0 && i > appendixAt ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
    if (figure.empty !== undefined) {
      placed.set(block.id, { figure, number: 0, width });
      continue;
    }
    drawn += 1;
    onStep?.({ step: 'chart', done: drawn, total: toDraw.size });
    const picture = await drawChart(figure.definition.spec, figure.values, width / TWIPS_PER_INCH);
    const number = [...placed.values()].filter((chart) => chart.number > 0).length + 1;
    placed.set(block.id, { figure, number, width, picture });
  }
  return placed;
}

/** The picture, the caption, the notes and the source line of a placed chart. */
export function chartParagraphs(placed: PlacedChart, k: number | undefined): Paragraph[] {
  const { figure, picture } = placed;
  const leftOut = chartLeftOut(figure);
  if (leftOut !== undefined) {
    return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 60, after: AFTER }, children: [new TextRun({ text: keepLastWordsTogether(`(${leftOut})`), italics: true, size: pt(12) })] })];
  }
  const caption = keepLastWordsTogether(`Biểu đồ ${placed.number}. ${figure.title}`);
  const paragraphs: Paragraph[] = [];
  if (picture) {
    // docx sizes pictures in pixels of 96 per inch: a twip is 1/15 of one.
    const width = Math.round(placed.width / 15);
    const height = Math.round((width * picture.height) / picture.width);
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // Single spacing, set here: a fixed line height would crop the picture to one line.
        spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: picture.png,
            transformation: { width, height },
            // A fixed id: docx would otherwise number pictures by a counter shared by every document of the process.
            altText: { id: String(placed.number), name: `bieu-do-${placed.number}`, title: caption, description: figure.alt },
          }),
        ],
      }),
    );
  }
  paragraphs.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, keepNext: true, children: [new TextRun({ text: caption, bold: true, size: pt(12) })] }),
  );
  for (const note of chartNotes(figure, k)) {
    paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, keepNext: true, children: [new TextRun({ text: note, italics: true, size: pt(11) })] }));
  }
  paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: AFTER }, children: [new TextRun({ text: figure.source, italics: true, size: pt(11) })] }));
  return paragraphs;
}
