/**
 * Report templates: Handlebars files under templates/ that users edit without touching code.
 * They render into the markup of markup.ts; the DOCX builder does the rest.
 *
 * A template is someone else's file: it must not reach anything but the data it is given.
 * The Handlebars instance is our own (`Handlebars.create()`): its helpers are only ours and
 * the block helpers of Handlebars (`log` is removed), unknown helpers fail at compile time
 * (`knownHelpersOnly`), unknown fields fail at render time (`strict`), prototype properties
 * and methods stay unreachable (`allowProtoPropertiesByDefault/MethodsByDefault: false`,
 * which `lookup` obeys too), and a template or partial that names `constructor`, `__proto__`,
 * `prototype` or the `__define…__`/`__lookup…__` methods anywhere (a path, a string given to
 * `lookup` or `with`) is refused before it runs. Output is not HTML-escaped (it is not HTML).
 * Any template problem is exit 4 naming the template.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { commonText, ExitCode, reportText, UserError, type Message } from '../messages/index.js';
import { formatDate, formatDateWords, formatMoney, formatNumber, formatPercent, formatRate } from './format-vi.js';
import { literalLine, MarkupError, parseMarkup, type Block } from './markup.js';
import { isNarrativeKey, NARRATIVE_KEYS, type Narrative, type NarrativeKey } from './narrative.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export const PLACEHOLDER = '[[Nội dung do đơn vị bổ sung]]';

export interface TemplateFile {
  /** The name users give (`bao-cao-6-thang`) or the file's base name. */
  readonly name: string;
  readonly path: string;
}

/** The bundled templates: every .hbs file directly under templates/. */
export function bundledTemplates(): string[] {
  if (!existsSync(TEMPLATES_DIR)) return [];
  return readdirSync(TEMPLATES_DIR)
    .filter((file) => extname(file) === '.hbs')
    .map((file) => basename(file, '.hbs'))
    .sort();
}

/** A bundled template by name, or a .hbs file by path. */
export function resolveTemplate(nameOrPath: string): TemplateFile {
  const isPath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.hbs');
  const path = isPath ? resolve(nameOrPath) : join(TEMPLATES_DIR, `${nameOrPath}.hbs`);
  if (!existsSync(path)) {
    throw new UserError(ExitCode.invalidDefinition, reportText.templateNotFound({ name: nameOrPath, known: bundledTemplates() }));
  }
  return { name: isPath ? basename(path, '.hbs') : nameOrPath, path };
}

/** Partials: the bundled ones, then those in a partials/ folder next to the template (which win). */
function partialsFor(template: TemplateFile): Record<string, string> {
  const partials: Record<string, string> = {};
  for (const dir of [join(TEMPLATES_DIR, 'partials'), join(dirname(template.path), 'partials')]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => extname(f) === '.hbs').sort()) {
      partials[basename(file, '.hbs')] = readFileSync(join(dir, file), 'utf8');
    }
  }
  return partials;
}

type Lines = readonly string[] | string | null | undefined;

function asLines(value: unknown): string[] {
  if (value === null || value === undefined || value === false) return [];
  if (Array.isArray(value)) return value.flatMap(asLines);
  return String(value)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}

interface HelperOptions {
  readonly hash: Readonly<Record<string, unknown>>;
}

const KNOWN_HELPERS = ['table', 'chart', 'content', 'num', 'pct', 'rate', 'money', 'date', 'dateWords', 'upper'] as const;

/** Names that lead from data to code: never allowed in a template, as a path part or a string. */
const FORBIDDEN_NAMES = ['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'];

const COMPILE_OPTIONS: CompileOptions = {
  noEscape: true,
  strict: true,
  // `log` writes to the console: not for templates.
  knownHelpers: { ...Object.fromEntries(KNOWN_HELPERS.map((name) => [name, true])), log: false },
  knownHelpersOnly: true,
};

/** The first forbidden name used in a template's syntax tree (paths, strings, partial names). */
function forbiddenName(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = forbiddenName(item);
      if (found) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  const texts: unknown[] = [];
  if (record.type === 'PathExpression') texts.push(record.original, ...(Array.isArray(record.parts) ? record.parts : []));
  if (record.type === 'StringLiteral') texts.push(record.value);
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    const found = FORBIDDEN_NAMES.find((name) => text.includes(name));
    if (found) return found;
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === 'loc') continue;
    const found = forbiddenName(value);
    if (found) return found;
  }
  return undefined;
}

/** Parses and compiles one source eagerly: syntax errors, unknown helpers and forbidden names fail here. */
function checkSource(hbs: typeof Handlebars, source: string, what: string): void {
  const found = forbiddenName(hbs.parse(source));
  if (found) throw new Error(`${what}dùng tên "${found}", không được phép trong mẫu (mẫu chỉ đọc dữ liệu báo cáo)`);
  hbs.precompile(source, COMPILE_OPTIONS);
}

function templateError(template: TemplateFile, reason: Message): UserError {
  return new UserError(ExitCode.invalidDefinition, reportText.templateInvalid({ name: template.name, path: template.path, reason }));
}

function readSource(template: TemplateFile): string {
  try {
    return readFileSync(template.path, 'utf8');
  } catch (error) {
    throw templateError(template, reportText.templateUnreadable({ error: String(error) }));
  }
}

function checkSources(hbs: typeof Handlebars, template: TemplateFile, source: string): void {
  checkSource(hbs, source, '');
  for (const [name, partial] of Object.entries(partialsFor(template))) checkSource(hbs, partial, `phần "${name}" `);
}

/** Checks a template and its partials without data, so that a bad one fails before any work (exit 4). */
export function checkTemplate(template: TemplateFile): void {
  const source = readSource(template);
  try {
    checkSources(Handlebars.create(), template, source);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // The template engine's own words (or checkSource's), as they are.
    throw templateError(template, commonText.verbatim({ text: text.split('\n').slice(0, 3).join(' ') }));
  }
}

export interface RenderedTemplate {
  readonly blocks: Block[];
  /** Sections (narrative keys, in document order) still holding a [[placeholder]] for the office. */
  readonly placeholders: readonly NarrativeKey[];
}

/** The placeholder of an empty section, with what to write there when the template says (hint=). */
function placeholderText(hint: unknown): string {
  return typeof hint === 'string' && hint.trim() !== '' ? `[[Nội dung do đơn vị bổ sung: ${hint.trim()}]]` : PLACEHOLDER;
}

export interface Placeable {
  /** The ids `{{table …}}` may name. */
  readonly tables: readonly string[];
  /** The charts this report draws: `{{chart …}}` places them. */
  readonly charts: readonly string[];
  /** Every chart id there is: one the report does not draw (another level's) places nothing. */
  readonly known: readonly string[];
}

/** Renders a template with its context into blocks, with the sections still left for the office. */
export function renderTemplate(template: TemplateFile, context: object, narrative: Narrative, placeable: Placeable): RenderedTemplate {
  const { tables, charts, known } = placeable;
  const placeholders: NarrativeKey[] = [];
  const hbs = Handlebars.create();
  hbs.unregisterHelper('log');
  const helpers: Record<(typeof KNOWN_HELPERS)[number], Handlebars.HelperDelegate> = {
    table: (id: unknown) => {
      if (typeof id !== 'string' || !tables.includes(id)) {
        throw new Error(`{{table "${String(id)}"}}: biểu không có (có: ${tables.join(', ')})`);
      }
      return `::table ${id}`;
    },
    /** {{chart "bieu-do-01"}}: the picture with its number and caption, where the report draws it. */
    chart: (id: unknown) => {
      if (typeof id !== 'string' || !known.includes(id)) {
        throw new Error(`{{chart "${String(id)}"}}: biểu đồ không có (có: ${known.join(', ')}; xem templates/charts/)`);
      }
      return charts.includes(id) ? `::chart ${id}` : '';
    },
    /**
     * {{content "II.4" text.education}}: the figures, then the section's narrative; a visible
     * placeholder when there is neither (`hint="…"` says in it what to write). `narrativeFirst=true`
     * puts the narrative first; `default=lines` is used only when there is no narrative (the
     * opening sentence). A section whose lines hold a [[placeholder]] is listed as left to write.
     */
    content: (...args: unknown[]) => {
      const options = args.pop() as HelperOptions;
      const [key, data] = args as [unknown, Lines];
      if (typeof key !== 'string' || !isNarrativeKey(key)) {
        throw new Error(`{{content "${String(key)}"}}: mục không có (có: ${NARRATIVE_KEYS.join(', ')})`);
      }
      const written = (narrative[key] ?? []).map(literalLine);
      const figures = asLines(data);
      let lines: string[];
      if ('default' in options.hash) lines = written.length > 0 ? written : asLines(options.hash.default);
      else lines = options.hash.narrativeFirst === true ? [...written, ...figures] : [...figures, ...written];
      const shown = lines.length > 0 ? lines : [placeholderText(options.hash.hint)];
      if (shown.some((line) => line.includes('[[')) && !placeholders.includes(key)) placeholders.push(key);
      return shown.join('\n');
    },
    num: (value: unknown, ...rest: unknown[]) => formatNumber(typeof value === 'number' ? value : null, typeof rest[0] === 'number' ? rest[0] : 0),
    pct: (value: unknown) => formatPercent(typeof value === 'number' ? value : null),
    rate: (value: unknown) => formatRate(typeof value === 'number' ? value : null),
    money: (value: unknown) => formatMoney(typeof value === 'number' ? value : null),
    date: (value: unknown) => (typeof value === 'string' ? formatDate(value) : ''),
    dateWords: (value: unknown) => (typeof value === 'string' ? formatDateWords(value) : ''),
    upper: (value: unknown) => String(value ?? '').toLocaleUpperCase('vi'),
  };
  for (const [name, helper] of Object.entries(helpers)) hbs.registerHelper(name, helper);

  const source = readSource(template);
  try {
    checkSources(hbs, template, source);
    for (const [name, partial] of Object.entries(partialsFor(template))) {
      hbs.registerPartial(name, hbs.compile(partial, COMPILE_OPTIONS));
    }
    const render = hbs.compile(source, COMPILE_OPTIONS);
    const text = render(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    return { blocks: parseMarkup(text), placeholders };
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof MarkupError) throw templateError(template, reportText.templateOutputLine({ line: error.line, reason: error.reason }));
    const text = error instanceof Error ? error.message : String(error);
    // The template engine's own words (or checkSource's), as they are.
    throw templateError(template, commonText.verbatim({ text: text.split('\n').slice(0, 3).join(' ') }));
  }
}
