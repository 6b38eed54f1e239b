/**
 * The report's charts on the page in English (#18 item 9): the documents stay Vietnamese (Decree
 * 30), but a page switched to English shows every fixed text of a chart in English: its title,
 * axis titles, series and legend words (each chart file's `usermeta.chitieu.en`), the period
 * names, the numbers ("1,234"), the notes and the source line. The data's own names (units,
 * plan targets, the code lists' categories, as the tables show them) stay as they are.
 */
import { type Bilingual, type Message, serverText } from '../messages/index.js';
import { type ChartFigure, REFERENCE_TONE } from '../pipeline/report.js';

/** The run's period and last year's, as the page names them (views.ts, periodLabel). */
export interface ChartPeriods {
  readonly current: Message;
  readonly baseline: Message;
}

/** The chart's fixed Vietnamese texts with their English (none when the file gives none). */
function textsOf(figure: ChartFigure): ReadonlyMap<string, string> {
  return new Map(Object.entries(figure.definition.binding.en?.texts ?? {}));
}

/** "1.234,5" → "1,234.5": the document's number, written the English way. */
export function englishNumber(text: string): string {
  return text.replace(/[.,]/g, (mark) => (mark === '.' ? ',' : '.'));
}

/** Every string of the spec that is one of the chart's fixed texts, in English (field names are never among them). */
function translated(value: unknown, texts: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return texts.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => translated(item, texts));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, translated(item, texts)]));
  return value;
}

const ENGLISH_NUMBERS = { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''] } };

/** The spec and the rows an English chart is drawn from. */
export function englishDrawing(figure: ChartFigure, periods: ChartPeriods): { spec: ChartFigure['definition']['spec']; values: ChartFigure['values'] } {
  const texts = textsOf(figure);
  const word = (text: string) => texts.get(text) ?? text;
  const [current, baseline] = [upperFirst(periods.current.in('en')), upperFirst(periods.baseline.in('en'))];
  const values = figure.values.map((datum): ChartFigure['values'][number] => {
    if ('target' in datum) {
      const status = word(datum.status);
      // A reduction's bars are this period and last year's: the result's bar has the status as its tone.
      const measure = texts.has(datum.measure) ? word(datum.measure) : datum.tone === REFERENCE_TONE ? baseline : current;
      const heading = `${datum.target.trim().replace(/[.;]+$/, '')}: ${status.toLowerCase()}`;
      return { ...datum, status, tone: word(datum.tone), measure, heading, text: englishNumber(datum.text) };
    }
    return { ...datum, label: word(datum.label), category: word(datum.category), figure: word(datum.figure), period: datum.periodOrder === 1 ? current : baseline, text: englishNumber(datum.text) };
  });
  // The usermeta stays as written (the binding is read from it, not drawn).
  const spec: Record<string, unknown> = Object.fromEntries(Object.entries(figure.definition.spec).map(([key, value]) => [key, key === 'usermeta' ? value : translated(value, texts)]));
  // Axis numbers the English way too ("1,000"): the spec's own config is kept, over the locale.
  const own = spec['config'];
  spec['config'] = { locale: ENGLISH_NUMBERS, ...(own !== null && typeof own === 'object' ? own : {}) };
  return { spec, values };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The caption, notes, source line and alternative text of a chart on the page, in both languages. */
export function chartTexts(figure: ChartFigure, number: number, notesVi: readonly string[], periods: ChartPeriods) {
  const en = figure.definition.binding.en;
  const title = { vi: figure.title, en: en?.title ?? figure.title };
  const caption: Bilingual = { vi: serverText.chartCaption({ number, title: title.vi }).in('vi'), en: serverText.chartCaption({ number, title: title.en }).in('en') };
  // chartNotes' notes, in its order: the units shown, the figures hidden, the figures without data.
  const notes: Message[] = [];
  let next = 0;
  const shown = figure.shown;
  if (shown && (shown.units < shown.withData || shown.withoutData > 0)) notes.push(serverText.chartShownNote({ vi: notesVi[next++] ?? '', units: shown.units, withData: shown.withData, withoutData: shown.withoutData }));
  if (figure.hidden > 0) notes.push(serverText.chartHiddenNote({ vi: notesVi[next++] ?? '', hidden: figure.hidden }));
  if (figure.missing.length > 0) notes.push(serverText.chartMissingNote({ vi: notesVi[next++] ?? '', missing: figure.missing.join('; ') }));
  const binding = figure.definition.binding;
  const withBaseline = figure.values.some((datum) => !('target' in datum) && datum.periodOrder === 2);
  const source = serverText.chartSource({
    vi: figure.source,
    from: binding.source !== undefined ? 'own' : 'targets' in binding ? 'targets' : 'records',
    own: en?.source ?? binding.source ?? '',
    period: periods.current.in('en'),
    baseline: withBaseline ? periods.baseline.in('en') : null,
  });
  const drawing = englishDrawing(figure, periods);
  // The series and the period named only when the chart has several, as in the document's alt text.
  const varies = (field: 'figure' | 'period') => new Set(drawing.values.map((datum) => ('target' in datum ? '' : datum[field]))).size > 1;
  const [figures, periodsVary] = [varies('figure'), varies('period')];
  const items = drawing.values.map((datum) =>
    'target' in datum ? `${datum.heading} – ${datum.measure}: ${datum.text}` : `${[datum.label, figures ? datum.figure : '', periodsVary ? datum.period : ''].filter(Boolean).join(', ')}: ${datum.text}`,
  );
  const alt: Bilingual = { vi: figure.alt, en: serverText.chartAlt({ title: title.en, items }).in('en') };
  return { caption, notes: notes.map(both), source: both(source), alt };
}

const both = (message: Message): Bilingual => ({ vi: message.in('vi'), en: message.in('en') });
