/**
 * The DOCX builder: template blocks + report model → a Decree 30/2020 document.
 *
 * Page: A4, margins 20/20/30/15 mm, Times New Roman in every font slot, Vietnamese language.
 * Page numbers are centred in the header from page 2 (`titlePage` with an empty first-page
 * header). The annex (`::appendix`) is a landscape section numbered on its own.
 */
import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type Table,
} from 'docx';
import type { Block } from '../../report/markup.js';
import { plainText } from '../../report/markup.js';
import type { ReportModel } from '../../report/model.js';
import { MISSING_UNITS_TABLE } from '../../report/missing-units.js';
import type { ReportTable } from '../../report/table-model.js';
import { committeeName } from '../../report/unit-name.js';
import { chartParagraphs, type ChartPictures } from './charts.js';
import { stampCoreDates } from './core-properties.js';
import { addresseeBlock, appendixHeading, officialHeading, signatureBlock, titleBlock } from './official.js';
import { A4, AFTER, FIRST_LINE, FONT, LANDSCAPE_WIDTH, LANGUAGE, LINE, MARGIN, PORTRAIT_WIDTH, pt } from './page.js';
import { runsOf } from './runs.js';
import { tableBlocks } from './table.js';

type Child = Paragraph | Table;

function pageNumberHeaders(size: number): ISectionOptions['headers'] {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size })] })],
    }),
  };
}

function section(children: Child[], landscape: boolean, size: number): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: MARGIN,
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: pageNumberHeaders(size),
    children,
  };
}

/** A one-point paragraph that starts the page: no empty line above what follows. */
function pageBreak(): Paragraph {
  return new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] });
}

function bodyBlock(block: Block, size: number, keepNext = false): Paragraph {
  switch (block.kind) {
    case 'heading':
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE },
        spacing: { before: block.level === 1 ? 120 : 60, after: AFTER, line: LINE, lineRule: LineRuleType.AUTO },
        keepNext: true,
        keepLines: true,
        children: runsOf(block.inlines, { size, bold: true, ...(block.level === 3 ? { italics: true } : {}) }),
      });
    case 'center':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: AFTER }, keepNext: true, children: runsOf(block.inlines, { size, bold: true }) });
    case 'note':
      return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: AFTER }, children: runsOf(block.inlines, { size: pt(12), italics: true }) });
    default:
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE },
        spacing: { after: AFTER, line: LINE, lineRule: LineRuleType.AUTO },
        keepNext,
        children: runsOf(block.kind === 'paragraph' || block.kind === 'subject' ? block.inlines : [], { size }),
      });
  }
}

/**
 * Builds the document. Blocks before `::appendix` form the report (heading, title and
 * "Kính gửi" before them, signature after); blocks after it form the annex.
 */
export function buildDocument(blocks: readonly Block[], model: ReportModel, charts: ChartPictures = new Map()): Document {
  const { settings } = model;
  const size = pt(settings.fontSize);
  const tables = new Map<string, ReportTable>(model.tables.map((table) => [table.id, table]));
  const subject = blocks.filter((block) => block.kind === 'subject').map((block) => plainText(block.kind === 'subject' ? block.inlines : []));
  const appendixAt = blocks.findIndex((block) => block.kind === 'appendix');
  const body = appendixAt < 0 ? blocks : blocks.slice(0, appendixAt);
  const annex = appendixAt < 0 ? [] : blocks.slice(appendixAt + 1);

  // The last paragraph of the body ("Trên đây là báo cáo …") stays on the page of the signature.
  const closing = body.length - 1;
  const render = (list: readonly Block[], width: number): Child[] =>
    list.flatMap((block, i): Child[] => {
      if (block.kind === 'subject') return [];
      if (block.kind === 'pageBreak') return [pageBreak()];
      if (block.kind === 'table') {
        const table = tables.get(block.id);
        return table ? tableBlocks(table, width, settings.fontSize) : [];
      }
      if (block.kind === 'chart') {
        const chart = charts.get(block.id);
        return chart ? chartParagraphs(chart, model.suppress) : [];
      }
      if (block.kind === 'appendix') return [];
      return [bodyBlock(block, size, list === body && i === closing)];
    });

  const main: Child[] = [
    officialHeading(settings),
    ...titleBlock(subject, settings),
    ...addresseeBlock(settings),
    new Paragraph({ spacing: { after: 0 }, children: [] }),
    ...render(body, PORTRAIT_WIDTH),
    new Paragraph({ spacing: { after: 0 }, keepNext: true, children: [] }),
    signatureBlock(settings),
  ];
  const sections = [section(main, false, size)];
  // The list of the units without data, which the text points to, ends the annex wherever the template left it out.
  const list = tables.get(MISSING_UNITS_TABLE);
  const listPlaced = blocks.some((block) => block.kind === 'table' && block.id === MISSING_UNITS_TABLE);
  const listBlocks: Child[] = list && !listPlaced ? [...(appendixAt >= 0 ? [pageBreak()] : []), ...tableBlocks(list, LANDSCAPE_WIDTH, settings.fontSize)] : [];
  if (appendixAt >= 0 || listBlocks.length > 0) {
    const title = `Số liệu công tác trẻ em ${model.wording.label}`;
    sections.push(section([...appendixHeading(settings, title, committeeName(model.input.unit), LANDSCAPE_WIDTH), ...render(annex, LANDSCAPE_WIDTH), ...listBlocks], true, size));
  }
  const subjectText = subject.join(' ');
  return new Document({
    title: `Báo cáo ${subjectText}`,
    subject: subjectText,
    creator: 'chitieu',
    lastModifiedBy: `chitieu ${model.input.toolVersion}`,
    description: `Báo cáo ${model.input.unit.fullName}, kỳ ${model.input.result.period.id}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size, language: { value: LANGUAGE, eastAsia: LANGUAGE, bidirectional: LANGUAGE } },
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections,
  });
}

/** The DOCX bytes, the same for the same inputs (`date`: the report's date, for docProps/core.xml). */
export async function renderDocx(blocks: readonly Block[], model: ReportModel, date: string, charts?: ChartPictures): Promise<Buffer> {
  return stampCoreDates(await Packer.toBuffer(buildDocument(blocks, model, charts)), date);
}
