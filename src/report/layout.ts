/**
 * What a report draws, as data users edit: the annex tables of templates/tables/ and the chart
 * specs of templates/charts/ (and of `tables/`, `charts/` folders next to a template given by
 * path, whose files replace those of the same name). Loaded and checked against the catalogue before any figure is read: a file naming an
 * indicator or breakdown the catalogue does not compute stops the run (exit 4, naming it).
 */
import { dirname, join } from 'node:path';
import { loadCatalogue } from '../indicators/index.js';
import type { CatalogueView } from './binding.js';
import { loadCharts, type ChartDefinition } from './charts/spec.js';
import { loadTables, type TableFile } from './table-spec.js';
import { TEMPLATES_DIR, type TemplateFile } from './template.js';

export interface ReportLayout {
  /** The annex tables (templates/tables/), in id order. */
  readonly tables: readonly TableFile[];
  readonly charts: readonly ChartDefinition[];
}

/** The folders a layout is read from: the bundled one, then the template's own. */
function foldersOf(kind: 'tables' | 'charts', template?: TemplateFile): string[] {
  const bundled = join(TEMPLATES_DIR, kind);
  const own = template ? join(dirname(template.path), kind) : bundled;
  return own === bundled ? [bundled] : [bundled, own];
}

export function loadReportLayout(catalogue: CatalogueView = loadCatalogue(), template?: TemplateFile): ReportLayout {
  return { tables: loadTables(foldersOf('tables', template), catalogue), charts: loadCharts(foldersOf('charts', template), catalogue) };
}
