/**
 * `compute --out result.csv`: the results as one table for other programs (a spreadsheet's
 * pivot table, R, a database): one line per unit, indicator and breakdown value, in the
 * order of the result JSON. Numbers are the JSON's, unrounded, with a point as the decimal
 * mark; an empty field is a figure that cannot be given (null in the JSON: a denominator of 0,
 * no data). Target statuses and coverage are in the JSON and the XLSX, not here.
 *
 * Text that a spreadsheet would take for a formula (= + - @ first) gets an apostrophe before
 * it, as OWASP advises for CSV: a CSV cannot mark a field as text, and the names come from
 * files (the catalogue, a unit list) that a person may have edited.
 *
 * Codes are written as they are ("00004", "01"): a program reading the CSV keeps them, but a
 * spreadsheet opening it by double-click reads them as numbers and drops the leading zeros
 * (Hà Nội's communes, provinces 01–09). People who want a table to read take the XLSX.
 */
import { csvText } from '../io/csv-text.js';
import { looksLikeFormula } from '../io/xlsx-output.js';
import { outputText } from '../messages/index.js';
import { levelWords } from '../model/levels.js';
import { breakdownText, type ResultsDocument } from './results-model.js';

export const RESULTS_CSV_HEADERS = [
  outputText.levelHeader(),
  outputText.csvUnitCodeHeader(),
  outputText.unitHeader(),
  outputText.indicatorHeader(),
  outputText.csvIndicatorNameHeader(),
  outputText.csvBreakdownHeader(),
  outputText.numeratorHeader(),
  outputText.denominatorHeader(),
  outputText.ratioValueHeader(),
  outputText.csvApproximateHeader(),
] as const;

const APPROXIMATE = outputText.csvApproximate();

/** Text as a field no spreadsheet turns into a formula. */
const inertText = (text: string): string => (looksLikeFormula(text) ? `'${text}` : text);

const figure = (value: number | null): string | number => value ?? '';

export function resultsCsvText({ result, catalogue, names, lang }: ResultsDocument): string {
  const indicatorNames = new Map(catalogue.indicators.map((definition) => [definition.code, lang === 'en' ? definition.nameEn : definition.name]));
  const rows = result.results.map((row) => [
    levelWords(row.level).label[lang],
    inertText(row.unit),
    inertText(names(row.level, row.unit)),
    inertText(row.indicator),
    inertText(indicatorNames.get(row.indicator) ?? ''),
    inertText(breakdownText(row.breakdown, lang)),
    figure(row.numerator),
    figure(row.denominator),
    figure(row.value),
    row.approximate ? APPROXIMATE.in(lang) : '',
  ]);
  return csvText([RESULTS_CSV_HEADERS.map((header) => header.in(lang)), ...rows]);
}
