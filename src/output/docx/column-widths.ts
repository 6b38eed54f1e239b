/**
 * Column widths of an annex table part in the DOCX, in twips: by the weights of the table file,
 * then so that no cell breaks inside a word ("Trườn/g học"), then so that the header takes as
 * few lines as the page allows (a header of four lines where three would do pushes a district's
 * Biểu 01 onto a second page). Words are measured in the bundled faces (../fonts.ts) and laid
 * out greedily as Word and LibreOffice do; no body cell takes a line more for a shorter header.
 */
import { textWidth, wordsOf, type FaceStyle } from '../../report/fonts.js';
import { parseInline } from '../../report/markup.js';
import { formatCell, headerLayout } from '../../report/table-layout.js';
import type { Row, TablePart } from '../../report/table-model.js';

/** STT starts at a fixed width (three digits); the rest shares the width by weight. */
const STT_WIDTH = 640;

// Advance widths and twips are rounded on the way to the page: a word measured to fit exactly could still wrap.
const WORD_SLACK = 1.02;

/** A cell's text as the line breaker sees it: its words' widths and a space's, twips. */
interface Measured {
  readonly words: readonly number[];
  readonly space: number;
}

function measure(text: string, size: number, style: FaceStyle): Measured {
  const printed = parseInline(text).map((inline) => inline.text).join('');
  return {
    words: wordsOf(printed).map((word) => textWidth(word, size / 2, style) * 20 * WORD_SLACK),
    space: textWidth(' ', size / 2, style) * 20,
  };
}

/** Lines a text takes in `room` twips, words laid greedily (a word wider than the room takes a line of its own). */
function lineCount(text: Measured, room: number): number {
  let lines = 1;
  let used = -1;
  for (const word of text.words) {
    if (used < 0) used = word;
    else if (used + text.space + word <= room) used += text.space + word;
    else {
      lines++;
      used = word;
    }
  }
  return lines;
}

const longestWord = (text: Measured): number => Math.max(0, ...text.words);

/** The narrowest width (twips, cell padding included) at which every text takes at most `lines` lines (and no word breaks). */
function widthFor(texts: readonly Measured[], lines: (text: Measured, index: number) => number, padding: number, from: number): number {
  const fits = (width: number) => texts.every((text, i) => lineCount(text, width - padding) <= lines(text, i));
  let low = Math.max(from, padding + Math.max(0, ...texts.map(longestWord)));
  if (fits(low)) return low;
  let high = padding + texts.reduce((sum, text) => sum + text.words.reduce((a, b) => a + b + text.space, 0), 0);
  if (!fits(high)) return high;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (fits(middle)) high = middle;
    else low = middle;
  }
  return high;
}

interface ColumnText {
  readonly header: Measured;
  /** The header spans both header rows (STT, the label, a column without a group, or a one-row header). */
  readonly spanning: boolean;
  /** The column number and every row's cell. */
  readonly body: readonly Measured[];
}

interface GroupText {
  readonly header: Measured;
  readonly columns: readonly number[];
}

function texts(part: TablePart, size: number): { columns: ColumnText[]; groups: GroupText[]; twoRows: boolean } {
  const layout = headerLayout(part.columns);
  const style = (row: Row, approximate: boolean): FaceStyle => (row.total ? 'bold' : approximate ? 'italic' : 'regular');
  const columns: ColumnText[] = [
    { header: measure('STT', size, 'bold'), spanning: true, body: [measure('A', size, 'italic'), ...part.rows.map((row) => measure(row.stt, size, style(row, false)))] },
    { header: measure(part.labelHeader, size, 'bold'), spanning: true, body: [measure('B', size, 'italic'), ...part.rows.map((row) => measure(row.label, size, style(row, false)))] },
    ...part.columns.map((column, i) => ({
      header: measure(column.header, size, 'bold'),
      spanning: column.group === undefined,
      body: [
        measure(String(i + 1), size, 'italic'),
        ...part.rows.map((row) => {
          const cell = row.cells[column.key];
          return measure(formatCell(cell?.value ?? null, cell?.format ?? column.format), size, style(row, cell?.approximate === true));
        }),
      ],
    })),
  ];
  const groups = layout.top.flatMap((block) =>
    block.group === undefined ? [] : [{ header: measure(block.group, size, 'bold'), columns: Array.from({ length: block.count }, (_, i) => block.from + 2 + i) }],
  );
  return { columns, groups, twoRows: layout.twoRows };
}

function weighted(part: TablePart, total: number): number[] {
  const weights = [part.labelHeader === 'Đơn vị' ? 2.6 : 3.6, ...part.columns.map((column) => column.width)];
  const sum = weights.reduce((a, b) => a + b, 0);
  return [STT_WIDTH, ...weights.map((weight) => (weight / sum) * (total - STT_WIDTH))];
}

/** `base` raised to `required`, the difference taken from the columns above it in proportion to their excess. */
function raised(base: readonly number[], required: readonly number[], total: number): number[] | undefined {
  const short = base.reduce((sum, w, i) => sum + Math.max(0, required[i]! - w), 0);
  const spare = base.reduce((sum, w, i) => sum + Math.max(0, w - required[i]!), 0);
  if (short > spare) return undefined;
  if (short === 0) return [...base];
  const scale = 1 - short / spare;
  const out = base.map((w, i) => (w <= required[i]! ? required[i]! : required[i]! + (w - required[i]!) * scale));
  // Floating error must not move the total.
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** Each column of `group` raised in proportion to its width until together they are `width` wide. */
function spread(required: number[], group: readonly number[], width: number, shares: readonly number[]): void {
  const short = width - group.reduce((sum, c) => sum + required[c]!, 0);
  if (short <= 0) return;
  const share = group.reduce((sum, c) => sum + shares[c]!, 0);
  for (const c of group) required[c]! += (short * shares[c]!) / share;
}

/** Header lines (top, leaf or single row) a layout gives. */
function headerLines(text: ReturnType<typeof texts>, widths: readonly number[], padding: number): { top: number; leaf: number; spanning: number } {
  const lines = (measured: Measured, width: number) => lineCount(measured, width - padding);
  const spanning = Math.max(...text.columns.map((column, c) => (column.spanning ? lines(column.header, widths[c]!) : 1)));
  const leaf = Math.max(1, ...text.columns.map((column, c) => (column.spanning ? 1 : lines(column.header, widths[c]!))));
  const top = Math.max(1, ...text.groups.map((group) => lines(group.header, group.columns.reduce((sum, c) => sum + widths[c]!, 0))));
  return { top, leaf, spanning };
}

/**
 * The widths of a part (twips, summing to `total`). When the page is too narrow for all the
 * words, the widths follow what the words need (some word must break).
 */
export function columnWidths(part: TablePart, total: number, size: number, padding: number): number[] {
  const text = texts(part, size);
  const base = weighted(part, total);
  const minimum = text.columns.map((column) => widthFor([column.header, ...column.body], () => Infinity, padding, 0));
  for (const group of text.groups) spread(minimum, group.columns, widthFor([group.header], () => Infinity, padding, 0), base);
  const fitted = raised(base, minimum, total);
  if (!fitted) return floored(minimum.map((m) => (m * total) / minimum.reduce((a, b) => a + b, 0)), total);

  // Every body cell keeps at most the lines it has now; STT keeps its width.
  const bodyLines = text.columns.map((column, c) => column.body.map((measured) => lineCount(measured, fitted[c]! - padding)));
  const body = text.columns.map((column, c) => (c === 0 ? fitted[0]! : widthFor(column.body, (_, i) => bodyLines[c]![i]!, padding, minimum[c]!)));

  // The fewest header lines that fit: in a two-row header, the groups' lines above plus the leaves' below,
  // which the headers spanning both rows must not exceed either.
  const now = headerLines(text, fitted, padding);
  const attempt = (top: number, leaf: number, spanning: number): number[] | undefined => {
    const required = text.columns.map((column, c) =>
      c === 0 ? body[0]! : Math.max(body[c]!, widthFor([column.header], () => (column.spanning ? spanning : leaf), padding, minimum[c]!)),
    );
    for (const group of text.groups) spread(required, group.columns, widthFor([group.header], () => top, padding, 0), fitted);
    return raised(fitted, required, total);
  };
  let best = { lines: text.twoRows ? Math.max(now.top + now.leaf, now.spanning) : now.spanning, widths: fitted };
  if (text.twoRows) {
    for (let top = 1; top <= now.top; top++) {
      for (let leaf = 1; leaf <= now.leaf; leaf++) {
        if (top + leaf >= best.lines) continue;
        const widths = attempt(top, leaf, top + leaf);
        if (widths) best = { lines: top + leaf, widths };
      }
    }
  } else {
    for (let lines = 1; lines < best.lines; lines++) {
      const widths = attempt(1, lines, lines);
      if (widths) {
        best = { lines, widths };
        break;
      }
    }
  }
  return floored(best.widths, total);
}

function floored(widths: readonly number[], total: number): number[] {
  const twips = widths.map((w) => Math.floor(w));
  twips[twips.length - 1]! += total - twips.reduce((a, b) => a + b, 0);
  return twips;
}
