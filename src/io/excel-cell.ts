/**
 * Every shape exceljs gives a cell (rich text, formulas with or without a cached result,
 * hyperlinks, errors) reduced to a plain value, in one place (docs/stack.md: "normalise every cell
 * through one function"). Used when reading exports and when reading our own annexes back.
 */
export type PlainCell = string | number | boolean | Date | null;

export type CellProblem = 'formula_without_result' | 'cell_error';

export function plainCell(value: unknown, onProblem: (problem: CellProblem) => void = () => undefined): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isTextRun(run) ? run.text : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    if (result === undefined || result === null) {
      onProblem('formula_without_result');
      return null;
    }
    return plainCell(result, onProblem);
  }
  if ('text' in value && 'hyperlink' in value) return plainCell(value.text, onProblem);
  if ('error' in value) {
    onProblem('cell_error');
    return null;
  }
  return null;
}

function isTextRun(run: unknown): run is { text: string } {
  return typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string';
}
