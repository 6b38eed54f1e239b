/**
 * Text runs from markup inlines: bold, italic, and highlighted placeholders.
 */
import { HighlightColor, TextRun, UnderlineType } from 'docx';
import { parseInline, type Inline } from '../../report/markup.js';

export interface RunStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: boolean;
}

export function runsOf(inlines: readonly Inline[], style: RunStyle = {}): TextRun[] {
  return inlines.map(
    (inline) =>
      new TextRun({
        text: inline.text,
        ...(style.size ? { size: style.size } : {}),
        ...(style.bold || inline.bold ? { bold: true } : {}),
        ...(style.italics || inline.italic || inline.placeholder ? { italics: true } : {}),
        ...(inline.placeholder ? { highlight: HighlightColor.YELLOW } : {}),
        ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
      }),
  );
}

/** Runs of a text that may hold [[placeholders]] (settings values). */
export function runsOfText(text: string, style: RunStyle = {}): TextRun[] {
  return runsOf(parseInline(text), style);
}
