/**
 * The small document markup templates render into, one block per line:
 *
 *   # I. ĐẶC ĐIỂM TÌNH HÌNH        heading, level 1 (bold)
 *   ## 1. Tình hình trẻ em          heading, level 2 (bold)
 *   ### a) Cấp độ phòng ngừa        heading, level 3 (bold italic)
 *   any other line                  a body paragraph (justified, first-line indent)
 *   ::subject Kết quả công tác …    a line of the subject under "BÁO CÁO"
 *   ::table bieu-05                 an annex table (what {{table "bieu-05"}} writes)
 *   ::chart bieu-do-01              a chart with its caption (what {{chart "bieu-do-01"}} writes)
 *   ::page-break                    a new page
 *   ::appendix                      the annex starts here: landscape pages, own page numbers
 *   ::center text                   a centred bold line
 *   ::note text                     an italic paragraph without indent
 *   \text                           a body paragraph taken literally (for text starting with # or ::)
 *
 * Inside a line: **bold**, *italic*, and [[placeholder]] (shown highlighted, for the office to
 * fill in). Blank lines are ignored; leading spaces are dropped so templates can be indented.
 */
import { reportText, type Message } from '../messages/index.js';

export interface Inline {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Text the office must replace: drawn highlighted. */
  readonly placeholder?: boolean;
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly inlines: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'center'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'note'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'subject'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'table'; readonly id: string }
  | { readonly kind: 'chart'; readonly id: string }
  | { readonly kind: 'pageBreak' }
  | { readonly kind: 'appendix' };

export class MarkupError extends Error {
  constructor(
    readonly line: number,
    readonly reason: Message,
  ) {
    super(`line ${line}: ${reason.en}`);
    this.name = 'MarkupError';
  }
}

/** Splits a line into runs: [[placeholder]], **bold**, *italic*, plain text. */
export function parseInline(text: string): Inline[] {
  const inlines: Inline[] = [];
  const pattern = /\[\[(.+?)\]\]|\*\*(.+?)\*\*|\*(?!\s)(.+?)\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) inlines.push({ text: text.slice(last, match.index) });
    if (match[1] !== undefined) inlines.push({ text: `[${match[1]}]`, placeholder: true });
    else if (match[2] !== undefined) inlines.push({ text: match[2], bold: true });
    else inlines.push({ text: match[3] ?? '', italic: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) inlines.push({ text: text.slice(last) });
  return inlines;
}

/** Makes a line of someone's text safe to put in markup: it stays one literal paragraph. */
export function literalLine(text: string): string {
  return /^(#|::|\\)/.test(text) ? `\\${text}` : text;
}

const TABLE_ID = /^[a-z0-9-]+$/;

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.normalize('NFC').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('\\')) {
      blocks.push({ kind: 'paragraph', inlines: parseInline(line.slice(1)) });
      return;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, inlines: parseInline(heading[2]!) });
      return;
    }
    if (!line.startsWith('::')) {
      blocks.push({ kind: 'paragraph', inlines: parseInline(line) });
      return;
    }
    const directive = /^::([a-z-]+)\s*(.*)$/.exec(line);
    const name = directive?.[1] ?? '';
    const rest = directive?.[2] ?? '';
    switch (name) {
      case 'subject':
        blocks.push({ kind: 'subject', inlines: parseInline(rest) });
        return;
      case 'center':
        blocks.push({ kind: 'center', inlines: parseInline(rest) });
        return;
      case 'note':
        blocks.push({ kind: 'note', inlines: parseInline(rest) });
        return;
      case 'page-break':
        blocks.push({ kind: 'pageBreak' });
        return;
      case 'appendix':
        blocks.push({ kind: 'appendix' });
        return;
      case 'table':
        if (!TABLE_ID.test(rest)) {
          throw new MarkupError(i + 1, reportText.markupTableName({ name: rest }));
        }
        blocks.push({ kind: 'table', id: rest });
        return;
      case 'chart':
        if (!TABLE_ID.test(rest)) {
          throw new MarkupError(i + 1, reportText.markupChartName({ name: rest }));
        }
        blocks.push({ kind: 'chart', id: rest });
        return;
      default:
        throw new MarkupError(i + 1, reportText.markupDirective({ line: line.slice(0, 40) }));
    }
  });
  return blocks;
}

/** The plain text of some runs (for tests and for places that draw text themselves). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => inline.text).join('');
}
