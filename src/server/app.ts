/**
 * The page's server: the same pipeline as the CLI (src/pipeline), behind a few JSON routes.
 * One person, a workspace per browser tab (src/server/tabs.ts): each tab's files, what was
 * read and computed from them and the reports made are kept here, in memory and in the tab's
 * own sub-folder of the private folder, until that tab's "Xóa dữ liệu" or the server stops.
 */
import { createWriteStream, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline as pipeStreams } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { toolVersion } from '../model/version.js';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { checkZip, completenessMessage, samePeriodLastYear, type ImportResult, type LayoutDraft, parsePeriod, type Period, periodFromWindow, proposeMapping, refusedForHeaders, reportBaseName, type TargetPlan, TARGETS_DIR, type UnitName, unreadableError, type UnreadableInput, type VillageMap, ZipRefusal } from '../pipeline/stages.js';
import type { Profile } from '../model/profile.js';
import { ExitCode, joined, serverText, UserError, type Message } from '../messages/index.js';
import type { ComputeResult } from '../model/results.js';
import { UnitCode, levelOfCode, levelRank, unitsAbove, type Level } from '../model/levels.js';
import { aggregateReport, aggregateStep } from '../pipeline/aggregate.js';
import { computeStep, explainStep, loadDefinitions, type Computed, type Definitions } from '../pipeline/compute.js';
import { DEMO_2026, sampleFiles } from '../pipeline/demo.js';
import { loadTargets, loadVillageMap, readResultFile } from '../pipeline/load.js';
import { rowsRead, readData } from '../pipeline/read.js';
import { loadNarrative, loadReportOptions, loadSettingsFile, type Narrative, NARRATIVE_KEYS, NARRATIVE_SECTIONS, ReportSettingsFile, reportInputFor, reportStep, type LoadedReportOptions } from '../pipeline/report.js';
import { reportUnit, unitNamer } from '../pipeline/units.js';
import { OUTPUTS, RESULT_FORMATS, type OutputBytes } from '../output/formats.js';
import type { OnReportStep, ReportStep } from '../output/report.js';
import { errorWorkbooksByFile } from '../output/error-workbook.js';
import { readAnnex, type Annex } from '../pipeline/annexes.js';
import { registerCharts } from './charts.js';
import { createProfileState, mappingRefusal, mappingView, registerProfiles, type MappingTrial } from './profiles.js';
import { parseBody } from './request.js';
import { registerSecurity } from './security.js';
import { registerTexts } from './texts.js';
import { breakdownView, coverageView, dataView, explanationView, periodLabel, periodsView, resultView, unitsView } from './views.js';
import { pathHider } from './page-text.js';
import { createTabs } from './tabs.js';
import { createWorkspace, type Workspace } from './workspace.js';
import { checkFormDate, FormFields, formOf, issuingBodyWarning, registerForm, settingsFolders, settingsOfForm } from './form.js';
import { commonParent, defaultPlanId } from '../pipeline/defaults.js';

export const PUBLIC_DIR = fileURLToPath(new URL('../../src/server/public/', import.meta.url));

export interface UploadLimits {
  /** Bytes per file. */
  readonly fileBytes: number;
  /** Bytes of one upload, all files together. */
  readonly totalBytes: number;
  /** Files in one upload. */
  readonly files: number;
}

export const DEFAULT_LIMITS: UploadLimits = { fileBytes: 200 * 1024 * 1024, totalBytes: 1024 * 1024 * 1024, files: 500 };

export interface AppOptions {
  readonly token: string;
  /** The port the server listens on (for the Host check); tests with `inject` give one. */
  readonly port: () => number;
  readonly limits?: UploadLimits;
  /** A settings file to prefill the report form with (`serve --settings`). */
  readonly settingsFile?: string;
  /** Where the private folder goes (default: the system's temp folder). */
  readonly tempRoot?: string;
  /** Aggregates only (files, rows): never a name, a key or a value. */
  readonly log?: (line: Message) => void;
  /** Where profiles are read from besides the bundled ones, and saved to (default: ./profiles). */
  readonly profilesDir?: string;
  /** `serve --profile FILE`: read with this profile only, until the page chooses otherwise. */
  readonly profile?: Profile;
}

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

class UploadTooLarge extends UserError {}

/** Work that ended after "Xóa dữ liệu" was pressed: what it made is dropped, and the page is told (409). */
class ClearedMeanwhile extends UserError {
  constructor() {
    super(
      ExitCode.usage,
      serverText.clearedMeanwhile(),
    );
  }
}

function limitError(limits: UploadLimits, code: string | undefined, file?: string): UserError | undefined {
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new UploadTooLarge(
      ExitCode.unreadableInput,
      serverText.fileTooLarge({ file: file ?? '', limit: mb(limits.fileBytes) }),
    );
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new UploadTooLarge(
      ExitCode.unreadableInput,
      serverText.tooManyFiles({ files: limits.files }),
    );
  }
  return undefined;
}

interface Reading {
  readonly generation: number;
  /** 0 while the files are still being uploaded. */
  filesTotal: number;
  filesDone: number;
  rows: number;
  /** Files being read and their rows so far (a large file takes seconds: the page shows its rows as they are read). */
  readonly inFlight: Map<string, number>;
  /** The file whose rows were told last: the one the page names. */
  lastTold?: string;
  readonly started: number;
  finished?: number;
  error?: Message;
  /** Sheets refused for their headers, laid out for the mapping step. */
  mapping?: readonly LayoutDraft[];
  /** Files and sheets that could not be read, each with its reason: the others were read. */
  unreadable?: readonly { readonly file: string; readonly sheet: string | null; readonly reason: Message }[];
}

interface Run {
  readonly unit: UnitName;
  readonly subUnits: readonly UnitName[];
  readonly computed: Computed;
  /** The form's choices it was computed with: the page sets them again after a reload. */
  readonly request: z.output<typeof ComputeRequest>;
}

interface Made {
  readonly base: string;
  readonly docx: Buffer;
  readonly xlsx: Buffer;
}

/** One data file of a tab's set. */
interface DataFile {
  readonly id: string;
  /** Its name in the tab's folder, as the accounting names it. */
  readonly name: string;
  readonly path: string;
}

/**
 * What one browser tab has (src/server/tabs.ts): its files, what was read and computed from
 * them, what it made. Another tab never reads or changes any of it.
 */
interface Tab {
  readonly id: string;
  /** The tab's own folder in the server's private folder. */
  readonly workspace: Workspace;
  /** Profiles chosen, uploaded or made in this tab. */
  readonly profiles: ReturnType<typeof createProfileState>;
  /** Readings started: one that ends after a newer one started is dropped. */
  generation: number;
  reading: Reading | undefined;
  /** The data files, in the order added: "Thêm tệp" appends, each can be removed; read again as a whole. */
  files: DataFile[];
  fileCounter: number;
  imported: ImportResult | undefined;
  run: Run | undefined;
  report: Made | undefined;
  /** The bundled plans and the one uploaded in this tab. */
  plans: Map<string, TargetPlan>;
  baselineFile: ComputeResult | undefined;
  /** The village map uploaded (`--village-map` on the command line): used by every computation after it. */
  villageMap: VillageMap | undefined;
  annexes: { paths: string[]; read: Annex[] } | undefined;
  summed: Made | undefined;
  /** "Xóa dữ liệu" pressed so many times: work started before the last one is dropped when it ends. */
  clears: number;
  /** Upload folders still being written: never removed by another upload. */
  readonly busy: Set<string>;
  /** The report form as settings and narrative files, made to be downloaded. */
  readonly yaml: Map<string, YamlFile>;
  /** What the report being made is doing ("biểu đồ 2/3"): the page asks while it waits. */
  making: ReportStep | undefined;
}

interface YamlFile {
  readonly name: string;
  readonly text: string;
}

const PeriodRequest = z.object({
  period: z.string().trim().min(1).max(100).optional(),
  from: z.string().trim().max(10).optional(),
  to: z.string().trim().max(10).optional(),
});

const ComputeRequest = PeriodRequest.extend({
  unit: UnitCode,
  targets: z.string().max(200).default('none'),
  baseline: z.enum(['none', 'records', 'file']).default('none'),
});

const ExplainRequest = z.object({
  indicator: z.string().regex(/^(TE|XH)-\d{4}$/),
  unit: UnitCode,
  breakdown: z.record(z.string(), z.string().max(50)).default({}),
});

const text = z.string().max(20_000).default('');
/** The report form, its narrative and the small-count option: the same for a unit's report and a summed one. */
const ReportRequest = z.object({
  settings: FormFields.default({}),
  narrative: z.record(z.string(), text).default({}),
  suppress: z.number().int().min(2).max(100).nullable().default(null),
});

const AggregateRequest = ReportRequest.extend({
  unit: UnitCode.refine((code) => levelOfCode(code) !== 'commune'),
  period: z.string().trim().min(1).max(100),
  targets: z.string().max(200).default('none'),
});

const lines = (value: string | undefined) =>
  (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

function narrativeOf(fields: Record<string, string>): Narrative {
  const narrative: Narrative = {};
  for (const key of NARRATIVE_KEYS) {
    const paragraphs = lines(fields[key]?.normalize('NFC'));
    if (paragraphs.length > 0) narrative[key] = paragraphs;
  }
  return narrative;
}

function bundledPlans(): { id: string; file: string }[] {
  return readdirSync(TARGETS_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ id: `plan:${name}`, file: name }));
}

/**
 * What could not be read, in the page's words where the page has its own way to mend it (the
 * CLI's hints, inspect, --ignore-sheet and --profile, are the mapping step and the profile list
 * here); `mapped` holds the file and sheet of each sheet the mapping step shows.
 */
function pageRefusal(unreadable: readonly UnreadableInput[], mapped: ReadonlySet<string>): Message {
  const lines = unreadable.map((item) => {
    if (item.sheet !== undefined && item.cause === 'header' && mapped.has(`${item.file}\u0000${item.sheet}`)) {
      return serverText.sheetToMap({ file: item.file, sheet: item.sheet });
    }
    if (item.sheet !== undefined && item.cause === 'ambiguous') {
      return serverText.sheetAmbiguous({ file: item.file, sheet: item.sheet });
    }
    return item.text;
  });
  return joined(lines);
}

const NOT_READY = (what: Message) => new UserError(ExitCode.usage, what);

/** The form, narrative and small-count option as the report stage takes them; a date typed before the period's end is refused naming the field (#19). */
function formOptions(body: z.output<typeof ReportRequest>, periodEnd: string): LoadedReportOptions {
  const settings = settingsOfForm(body.settings);
  checkFormDate(settings, periodEnd);
  return { settings, narrative: narrativeOf(body.narrative), ...(body.suppress !== null ? { suppress: body.suppress } : {}) };
}

/** A settings file without the values every report gets anyway (the number pattern and font size of the defaults). */
function withoutDefaults(settings: ReportSettingsFile): Partial<ReportSettingsFile> {
  const defaults = ReportSettingsFile.parse({});
  return Object.fromEntries(Object.entries(settings).filter(([key, value]) => defaults[key as keyof ReportSettingsFile] !== value));
}

/** A YAML file to download: the same file the command line takes, UTF-8, a line per entry. */
const yamlFile = (name: string, value: object): YamlFile => ({ name, text: stringifyYaml(value, { lineWidth: 0 }) });

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; workspace: Workspace }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const log = options.log ?? (() => undefined);
  const workspace = createWorkspace(options.tempRoot);
  const definitions: Definitions = loadDefinitions();
  const profilesDir = options.profilesDir ?? join(process.cwd(), 'profiles');
  /** Messages for the page: no path of this machine (the private folder, the profiles folder). */
  const hide = pathHider([workspace.dir], [{ folder: profilesDir, as: 'profiles' }]);
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024, forceCloseConnections: true });
  registerSecurity(app, options);
  await app.register(multipart, {
    // One more file than allowed reaches `receive`, which refuses it itself: busboy's own limit
    // races the parts iterator and could surface as another error under load.
    limits: { fileSize: limits.fileBytes, files: limits.files + 1, fields: 20, fieldSize: 10_000, parts: limits.files + 21 },
  });
  // index.html is sent by registerTexts, with its texts filled from the catalogue.
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: false, cacheControl: false, etag: false, lastModified: false });
  registerTexts(app, PUBLIC_DIR);

  // ---- each tab's state (src/server/tabs.ts)
  const bundled = new Map<string, TargetPlan>(bundledPlans().map((plan) => [plan.id, loadTargets(join(TARGETS_DIR, plan.file), definitions.catalogue)]));
  const tabs = createTabs<Tab>(workspace, (id, folder) => ({
    id,
    workspace: folder,
    profiles: createProfileState({ profilesDir, hide, ...(options.profile ? { profile: options.profile } : {}) }),
    generation: 0,
    reading: undefined,
    files: [],
    fileCounter: 0,
    imported: undefined,
    run: undefined,
    report: undefined,
    plans: new Map(bundled),
    baselineFile: undefined,
    villageMap: undefined,
    annexes: undefined,
    summed: undefined,
    clears: 0,
    busy: new Set(),
    yaml: new Map(),
    making: undefined,
  }));

  const forgetResults = (tab: Tab) => {
    tab.run = undefined;
    tab.report = undefined;
  };

  /** Throws when "Xóa dữ liệu" was pressed in the tab since `since`: what was made meanwhile is not kept. */
  const stillWanted = (tab: Tab, since: number) => {
    if (tab.clears !== since) throw new ClearedMeanwhile();
  };

  app.setErrorHandler((error: unknown, _request, reply) => {
    const code = (error as { code?: string }).code;
    const tooLarge = limitError(limits, code);
    if (tooLarge) return reply.code(413).send({ error: tooLarge.text });
    if (error instanceof UploadTooLarge) return reply.code(413).send({ error: hide(error.text) });
    if (error instanceof ClearedMeanwhile) return reply.code(409).send({ error: error.text });
    if (error instanceof UserError) return reply.code(400).send({ error: hide(error.text) });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send({ error: serverText.invalidRequest() });
    // The message may hold a file's content: only its kind is shown and logged.
    log(serverText.unexpectedLogged({ kind: (error as Error).name ?? 'Error' }));
    return reply.code(500).send({ error: serverText.unexpected() });
  });

  /** Saves the files of a multipart upload into a fresh folder, within the limits; the other fields too. */
  async function receive(tab: Tab, request: FastifyRequest, kind: string): Promise<{ paths: string[]; fields: Record<string, string>; folder: string }> {
    const since = tab.clears;
    const folder = tab.workspace.freshFolder(kind);
    tab.busy.add(folder);
    const paths: string[] = [];
    const fields: Record<string, string> = {};
    let total = 0;
    // The first limit this upload broke: what the person is told, whatever the streams report after it.
    let refusal: UserError | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (paths.length >= limits.files) {
          refusal = limitError(limits, 'FST_FILES_LIMIT');
          throw refusal;
        }
        const path = tab.workspace.placeFor(folder, part.filename);
        part.file.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limits.totalBytes && !refusal) {
            refusal = new UploadTooLarge(
              ExitCode.unreadableInput,
              serverText.uploadTooLarge({ limit: mb(limits.totalBytes) }),
            );
            part.file.destroy(refusal);
          }
        });
        try {
          await pipeStreams(part.file, createWriteStream(path, { mode: 0o600 }));
        } catch (error) {
          throw limitError(limits, (error as { code?: string }).code, part.filename) ?? error;
        }
        if (part.file.truncated) throw limitError(limits, 'FST_REQ_FILE_TOO_LARGE', part.filename)!;
        paths.push(path);
      }
    } catch (error) {
      tab.busy.delete(folder);
      rmSync(folder, { recursive: true, force: true });
      stillWanted(tab, since);
      throw refusal ?? limitError(limits, (error as { code?: string }).code) ?? error;
    }
    tab.busy.delete(folder);
    stillWanted(tab, since);
    return { paths, fields, folder };
  }

  /** One uploaded file, read at once by `load`; its folder is removed whatever happens. */
  async function receiveOne<T>(tab: Tab, request: FastifyRequest, kind: string, notOne: Message, load: (path: string) => T): Promise<T> {
    const { paths, folder } = await receive(tab, request, kind);
    try {
      if (paths.length !== 1) throw new UserError(ExitCode.usage, notOne);
      return load(paths[0]!);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  /**
   * A new reading replaces whatever was there, at once: from the first byte of an upload the
   * page is told "reading", never the previous data as ready.
   */
  function beginReading(tab: Tab): Reading {
    tab.generation += 1;
    tab.imported = undefined;
    forgetResults(tab);
    const state: Reading = { generation: tab.generation, filesTotal: 0, filesDone: 0, rows: 0, inFlight: new Map(), started: performance.now() };
    tab.reading = state;
    return state;
  }

  /** Reads the tab's whole file set again: after an upload, a removal, a profile chosen or a mapping made. */
  function startReading(tab: Tab, state: Reading = beginReading(tab), trial?: MappingTrial): Reading {
    const paths = tab.files.map((file) => file.path);
    state.filesTotal = paths.length;
    void readInto(tab, state, paths, state.generation, trial);
    return state;
  }

  /**
   * Reads every file, then either keeps the data or says what a mapping can mend. A file that
   * cannot be read otherwise (a .docx, a damaged workbook) is listed with its reason and the
   * others are read; only when none can be read is there no data.
   */
  async function readInto(tab: Tab, state: Reading, paths: readonly string[], mine: number, trial?: MappingTrial): Promise<void> {
    try {
      // Inside the try: the profiles known are read from disk, and nothing here may end the server.
      const sheets = tab.profiles.selection();
      // The period is chosen after reading: a birth date after today is what can be told now.
      const result = await readData(paths, {
        keepGoing: true,
        sheets,
        latestBirthDate: { date: new Date().toISOString().slice(0, 10), why: 'today' },
        onEvent: (event) => {
          if (event.kind === 'rows-read') {
            state.inFlight.set(event.file, event.rows);
            state.lastTold = event.file;
            return;
          }
          if (event.kind !== 'file-read') return;
          state.inFlight.delete(event.account.file);
          state.filesDone = event.filesDone;
          state.rows += event.account.read;
        },
      });
      if (tab.generation !== mine) return;
      // Every file has been tried, those that could not be read too.
      state.filesDone = paths.length;
      const refused = refusedForHeaders(result.unreadable, (file) => result.files.find((account) => account.file === file)?.path);
      const layouts = refused.length > 0 ? await proposeMapping(refused, sheets) : [];
      if (tab.generation !== mine) return;
      const mapped = new Set(layouts.flatMap((layout) => layout.sheets.map((sheet) => `${sheet.file}\u0000${sheet.sheet}`)));
      if (mapped.size > 0 || result.unreadable.some((item) => item.cause === 'ambiguous')) {
        state.mapping = layouts;
        state.error = hide(pageRefusal(result.unreadable, mapped));
        state.finished = performance.now();
        return;
      }
      state.unreadable = result.unreadable.map((item) => ({ file: item.file, sheet: item.sheet ?? null, reason: hide(item.text) }));
      if (result.unreadable.length > 0 && rowsRead(result) === 0) {
        state.error = hide(unreadableError(result.unreadable).text);
        state.finished = performance.now();
        return;
      }
      // A mapping just made that accepts no row of its sheets: refused with the reasons, the mapping step shown again (#18 item 8).
      const refusal = trial ? mappingRefusal(result, trial.profileName) : undefined;
      if (trial && refusal) {
        tab.profiles.dropMade(trial.madeId);
        state.mapping = trial.layouts;
        state.error = refusal;
        state.finished = performance.now();
        return;
      }
      tab.imported = result;
      state.finished = performance.now();
      state.rows = rowsRead(result);
      log(serverText.readLogged({ files: result.files.length, rows: state.rows }));
    } catch (error) {
      if (tab.generation !== mine) return;
      state.finished = performance.now();
      state.error = error instanceof UserError ? hide(error.text) : serverText.readUnexpected();
    }
  }

  /** Uploaded files join the tab's set; one named like a file already there replaces it (a commune's corrected file). */
  function addFiles(tab: Tab, paths: readonly string[]): void {
    for (const path of paths) {
      const name = basename(path);
      const same = tab.files.find((file) => file.name === name);
      if (same) removeFile(tab, same);
      const file: DataFile = { id: String(++tab.fileCounter), name, path };
      tab.files = same ? tab.files.map((known) => (known === same ? file : known)) : [...tab.files, file];
    }
  }

  /** Deletes an uploaded file from the tab's folder (never a bundled sample file). */
  function removeFile(tab: Tab, file: DataFile): void {
    if (file.path.startsWith(tab.workspace.dir)) rmSync(file.path, { force: true });
  }

  /** The tab's files as the page lists them: each with its rows read, or the reason it could not be read. */
  function filesView(tab: Tab, state: Reading) {
    const accounts = tab.imported?.files ?? [];
    return tab.files.map((file) => {
      const account = accounts.find((candidate) => candidate.file === file.name);
      const problems = (state.unreadable ?? []).filter((item) => item.file === file.name);
      const reading = account ? null : (state.inFlight.get(file.name) ?? null);
      return { id: file.id, name: file.name, read: account?.read ?? null, accepted: account?.accepted ?? null, reading, unreadable: problems.map((item) => ({ sheet: item.sheet, reason: item.reason })) };
    });
  }

  /** A computation's figures for the page, with the data panel's accounting, which now includes the rows rejected while being placed. */
  function computedView(tab: Tab, run: Run, data: ImportResult) {
    const { computed, unit, subUnits } = run;
    const placedData = { ...data, files: [...computed.files], rejected: [...computed.rejected], warnings: [...computed.warnings] };
    return { ...resultView(computed, unit, subUnits, definitions), data: dataView(placedData, (profile) => tab.profiles.madeFor(profile)) };
  }

  const reportLinks = (made: Made) => ({ name: made.base, docx: '/download/report.docx', xlsx: '/download/report.xlsx' });

  const progressOf = (state: Reading) => {
    const seconds = Math.max(((state.finished ?? performance.now()) - state.started) / 1000, 0.001);
    const rowsInFlight = [...state.inFlight.values()].reduce((sum, rows) => sum + rows, 0);
    const rows = state.rows + rowsInFlight;
    const told = state.lastTold;
    const current = told !== undefined && state.inFlight.has(told) ? { file: told, rows: state.inFlight.get(told) ?? 0 } : null;
    return { filesDone: state.filesDone, filesTotal: state.filesTotal, rows, rowsPerSecond: Math.round(rows / seconds), seconds: Math.floor(seconds), current };
  };

  const requireData = (tab: Tab): ImportResult => {
    if (!tab.imported) throw NOT_READY(serverText.noData());
    return tab.imported;
  };
  const requireRun = (tab: Tab): Run => {
    if (!tab.run) throw NOT_READY(serverText.notComputed());
    return tab.run;
  };

  const periodOf = (body: z.output<typeof PeriodRequest>): Period => {
    if (body.period && body.period !== 'custom') return parsePeriod(body.period, definitions.presets);
    if (body.from && body.to) return periodFromWindow(body.from, body.to);
    throw new UserError(ExitCode.usage, serverText.choosePeriod());
  };

  const planOf = (tab: Tab, choice: string): TargetPlan | undefined => {
    if (choice === 'none') return undefined;
    const plan = tab.plans.get(choice);
    if (!plan) throw new UserError(ExitCode.usage, serverText.planNotLoaded());
    return plan;
  };

  // ---- routes
  app.get('/api/options', async (request) => ({
    plans: [...tabs.of(request).plans.entries()].map(([id, plan]) => ({ id, name: plan.plan, issuedBy: plan.issuedBy ?? null })),
    narrative: NARRATIVE_KEYS.map((key) => ({ key, label: serverText.narrativeSection({ key, vi: NARRATIVE_SECTIONS[key] }) })),
    settings: options.settingsFile ? formOf(loadSettingsFile(options.settingsFile)) : null,
    limits,
    version: toolVersion(),
  }));

  app.post('/api/data', async (request, reply) => {
    const tab = tabs.of(request);
    const state = beginReading(tab);
    const failed = (error: Message) => {
      if (tab.reading !== state) return;
      state.error = hide(error);
      state.finished = performance.now();
    };
    let received: Awaited<ReturnType<typeof receive>>;
    try {
      received = await receive(tab, request, 'data');
    } catch (error) {
      failed(error instanceof UserError ? error.text : serverText.uploadNotReceived());
      throw error;
    }
    if (received.paths.length === 0) {
      const none = new UserError(ExitCode.usage, serverText.noFileChosen());
      failed(none.text);
      throw none;
    }
    // The files join the set even when another upload began reading meanwhile: the newest reading reads them all.
    addFiles(tab, received.paths);
    const now = startReading(tab, tab.reading === state ? state : beginReading(tab));
    return reply.code(202).send({ progress: progressOf(now) });
  });

  app.delete('/api/data/files/:id', async (request, reply) => {
    const tab = tabs.of(request);
    const { id } = parseBody(z.object({ id: z.string().max(20) }), request.params);
    const file = tab.files.find((candidate) => candidate.id === id);
    if (!file) throw new UserError(ExitCode.usage, serverText.noSuchFile());
    tab.files = tab.files.filter((candidate) => candidate !== file);
    removeFile(tab, file);
    if (tab.files.length === 0) {
      beginReading(tab);
      tab.reading = undefined;
      return reply.code(200).send({ progress: null });
    }
    return reply.code(202).send({ progress: progressOf(startReading(tab)) });
  });

  app.post('/api/data/sample', async (request, reply) => {
    const tab = tabs.of(request);
    for (const file of tab.files) removeFile(tab, file);
    tab.files = [];
    // Today's sample (the 2026 post-reform set): its period and unit come from the data like any
    // other; its sample plan and the province's sample narrative are what the demo uses.
    addFiles(tab, sampleFiles(DEMO_2026.samples));
    const state = startReading(tab);
    const narrative = loadReportOptions({ narrative: DEMO_2026.province.narrative }).narrative ?? {};
    return reply.code(202).send({
      progress: progressOf(state),
      sample: {
        targets: `plan:${basename(DEMO_2026.targets)}`,
        narrative: Object.fromEntries(Object.entries(narrative).map(([key, paragraphs]) => [key, (paragraphs ?? []).join('\n')])),
      },
    });
  });

  app.get('/api/data', async (request) => {
    const tab = tabs.of(request);
    const { reading } = tab;
    if (!reading) return { state: 'empty' };
    const progress = progressOf(reading);
    const files = filesView(tab, reading);
    if (reading.error && reading.mapping && reading.mapping.length > 0) return { state: 'mapping', progress, files, error: reading.error, mapping: mappingView(reading.mapping, tab.profiles.editing()?.profile) };
    if (reading.error) return { state: 'failed', progress, files, error: reading.error };
    if (!tab.imported) return { state: 'reading', progress, files };
    return { state: 'ready', progress, files, data: dataView(tab.imported, (profile) => tab.profiles.madeFor(profile)), ...periodsView(tab.imported, definitions.presets) };
  });

  app.delete('/api/data', async (request) => {
    const tab = tabs.of(request);
    tab.clears += 1;
    tab.generation += 1;
    tab.reading = undefined;
    tab.imported = undefined;
    forgetResults(tab);
    tab.baselineFile = undefined;
    tab.villageMap = undefined;
    tab.files = [];
    tab.profiles.clear();
    tab.annexes = undefined;
    tab.summed = undefined;
    tab.plans = new Map(bundled);
    tab.workspace.clear();
    log(serverText.dataCleared());
    return { state: 'empty' };
  });

  app.get('/api/units', async (request) => {
    const tab = tabs.of(request);
    const data = requireData(tab);
    const period = periodOf(parseBody(PeriodRequest, request.query));
    const { units, defaultUnit } = unitsView(data, period, definitions.units);
    const planList = [...tab.plans.entries()].map(([id, plan]) => ({ id, plan }));
    // For each unit the plan proposed: only its own plan of the period's year, else none.
    const planFor = Object.fromEntries(units.map((unit) => [unit.code, defaultPlanId(planList, unit, period)]));
    return { units, defaultUnit, planFor };
  });

  app.get('/api/coverage', async (request) => {
    const tab = tabs.of(request);
    const data = requireData(tab);
    const query = parseBody(PeriodRequest.extend({ unit: UnitCode }), request.query);
    const period = periodOf(query);
    const { unit } = reportUnit(query.unit, period, definitions.units);
    return coverageView(data, unit, period, definitions.units);
  });

  app.post('/api/targets', async (request) => {
    const tab = tabs.of(request);
    const plan = await receiveOne(tab, request, 'targets', serverText.chooseTargetsFile(), (path) =>
      loadTargets(path, definitions.catalogue),
    );
    tab.plans.set('uploaded', plan);
    return { id: 'uploaded', name: plan.plan };
  });

  app.post('/api/baseline', async (request) => {
    const tab = tabs.of(request);
    tab.baselineFile = await receiveOne(tab, request, 'baseline', serverText.chooseBaselineFile(), readResultFile);
    return { period: tab.baselineFile.period };
  });

  app.post('/api/village-map', async (request) => {
    const tab = tabs.of(request);
    const { paths } = await receive(tab, request, 'village-map');
    if (paths.length !== 1) throw new UserError(ExitCode.usage, serverText.chooseVillageMap());
    tab.villageMap = loadVillageMap(paths[0]!, definitions.units);
    return { villages: tab.villageMap.size, communes: tab.villageMap.oldCommunes.size };
  });

  // ---- the report form as the files the CLI takes (--settings, --narrative): downloaded and uploaded
  // The page posts the form, then follows the link it is given, as for every other download.
  app.post('/api/settings/yaml', async (request) => {
    const tab = tabs.of(request);
    const body = parseBody(ReportRequest.pick({ settings: true }), request.body);
    tab.yaml.set('settings.yaml', yamlFile('thiet-lap-bao-cao.yaml', withoutDefaults(settingsOfForm(body.settings))));
    return { href: '/download/settings.yaml' };
  });

  app.post('/api/narrative/yaml', async (request) => {
    const tab = tabs.of(request);
    const body = parseBody(ReportRequest.pick({ narrative: true }), request.body);
    // One block of lines per section, as settings/noi-dung-mau.yaml is written.
    const narrative = Object.fromEntries(Object.entries(narrativeOf(body.narrative)).map(([key, paragraphs]) => [key, `${(paragraphs ?? []).join('\n')}\n`]));
    tab.yaml.set('narrative.yaml', yamlFile('noi-dung-bao-cao.yaml', narrative));
    return { href: '/download/narrative.yaml' };
  });

  app.post('/api/narrative', async (request) => {
    const tab = tabs.of(request);
    const narrative = await receiveOne(tab, request, 'narrative', serverText.chooseNarrativeFile(), loadNarrative);
    return { narrative: Object.fromEntries(Object.entries(narrative).map(([key, paragraphs]) => [key, (paragraphs ?? []).join('\n')])) };
  });

  app.post('/api/settings', async (request) => {
    const tab = tabs.of(request);
    const settings = await receiveOne(tab, request, 'settings', serverText.chooseSettingsFile(), loadSettingsFile);
    return { settings: formOf(settings) };
  });

  app.post('/api/compute', async (request) => {
    const tab = tabs.of(request);
    const data = requireData(tab);
    const body = parseBody(ComputeRequest, request.body);
    const period = periodOf(body);
    const { unit, subUnits } = reportUnit(body.unit, period, definitions.units);
    const plan = planOf(tab, body.targets);
    if (body.baseline === 'file' && !tab.baselineFile) {
      throw new UserError(ExitCode.usage, serverText.noBaselineFile());
    }
    const baseline = body.baseline === 'records' ? ('records' as const) : body.baseline === 'file' ? tab.baselineFile : undefined;
    const computed = computeStep(data, { period, level: unit.level, ...(plan ? { plan } : {}), ...(baseline ? { baseline } : {}), ...(tab.villageMap ? { villageMap: tab.villageMap } : {}) }, definitions);
    tab.run = { unit, subUnits, computed, request: body };
    tab.report = undefined;
    return computedView(tab, tab.run, data);
  });

  /** The tab's last computation and report, as they were answered: a reload shows them again. */
  app.get('/api/result', async (request) => {
    const tab = tabs.of(request);
    if (!tab.run || !tab.imported) return { request: null, result: null, report: null };
    return { request: tab.run.request, result: computedView(tab, tab.run, tab.imported), report: tab.report ? reportLinks(tab.report) : null };
  });

  app.get('/api/breakdowns', async (request) => {
    const tab = tabs.of(request);
    const { computed } = requireRun(tab);
    const query = parseBody(z.object({ indicator: z.string().max(20), unit: z.string().max(5) }), request.query);
    return { rows: breakdownView(computed, query.indicator, query.unit) };
  });

  app.post('/api/explain', async (request) => {
    const tab = tabs.of(request);
    const data = requireData(tab);
    const current = requireRun(tab);
    const body = parseBody(ExplainRequest, request.body);
    const period = current.computed.output.period;
    const explanation = explainStep(data, { period, indicator: body.indicator, unit: body.unit, breakdown: body.breakdown, ...(tab.villageMap ? { villageMap: tab.villageMap } : {}) }, definitions);
    return explanationView(explanation, unitNamer(period.to, definitions.units)(explanation.level, body.unit));
  });

  /** Makes a report, keeping what it is doing where GET /api/report/step finds it. */
  async function makingReport<T>(tab: Tab, make: (onStep: OnReportStep) => Promise<T>): Promise<T> {
    const onStep: OnReportStep = (step) => {
      tab.making = step;
    };
    try {
      return await make(onStep);
    } finally {
      tab.making = undefined;
    }
  }

  app.get('/api/report/step', async (request) => ({ step: tabs.of(request).making ?? null }));

  app.post('/api/report', async (request) => {
    const tab = tabs.of(request);
    const since = tab.clears;
    const data = requireData(tab);
    const current = requireRun(tab);
    const body = parseBody(ReportRequest, request.body);
    const loaded = formOptions(body, current.computed.output.period.to);
    const made = await makingReport(tab, (onStep) =>
      reportStep(current.unit.code, data, current.computed, definitions, loaded, { onEvent: (event) => event.kind === 'report-step' && onStep(event.step) }),
    );
    stillWanted(tab, since);
    if (tab.run !== current) {
      throw new UserError(ExitCode.usage, serverText.computedMeanwhile());
    }
    tab.report = { base: reportBaseName(made.unit.code, made.input.result.period.id), docx: made.files.docx, xlsx: made.files.xlsx };
    log(serverText.reportLogged({ name: tab.report.base }));
    return { ...reportLinks(tab.report), warning: issuingBodyWarning(body.settings, current.unit) };
  });

  registerProfiles(
    app,
    (request) => tabs.of(request).profiles,
    {
      receive: (request, kind) => receive(tabs.of(request), request, kind),
      reread: (request, trial) => {
        const tab = tabs.of(request);
        return tab.files.length > 0 ? { progress: progressOf(startReading(tab, beginReading(tab), trial)) } : undefined;
      },
      pendingMapping: (request) => tabs.of(request).reading?.mapping,
    },
    profilesDir,
  );

  registerForm(app, { folders: settingsFolders(options.settingsFile), definitions, periodOf });

  registerCharts(app, (request) => {
    const tab = tabs.of(request);
    const [now, data] = [tab.run, tab.imported];
    if (!now || !data) return undefined;
    const { period } = now.computed.output;
    const periods = { current: periodLabel(period, definitions.presets), baseline: periodLabel(samePeriodLastYear(period), definitions.presets) };
    return { run: now, input: () => reportInputFor(now.unit, now.subUnits, now.computed.output, data, definitions), periods };
  });

  app.post('/api/annexes', async (request) => {
    const tab = tabs.of(request);
    const since = tab.clears;
    const { paths, folder } = await receive(tab, request, 'annexes');
    const read: Annex[] = [];
    try {
      if (paths.length === 0) throw new UserError(ExitCode.usage, serverText.noAnnexChosen());
      for (const path of paths) {
        // Uploaded workbooks get the zip guard the data files get on reading.
        try {
          await checkZip(path);
        } catch (error) {
          if (!(error instanceof ZipRefusal)) throw error;
          throw new UserError(ExitCode.unreadableInput, serverText.fileRefused({ file: basename(path), reason: error.reason }));
        }
        read.push(await readAnnex(path));
      }
      stillWanted(tab, since);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    tab.workspace.keepOnly('annexes', folder, tab.busy);
    tab.annexes = { paths, read };
    tab.summed = undefined;
    // The units the annexes can be summed into: every unit above each annex's own.
    const parents = new Map<string, { code: string; name: string; level: Level }>();
    for (const annex of read) {
      for (const above of unitsAbove(definitions.units, { code: annex.info.unitCode, level: annex.info.level }, annex.info.period.to)) parents.set(above.code, { ...above });
    }
    // The unit proposed: the lowest one all the annexes lie under (their district, or the province).
    const common = commonParent(read.map((annex) => unitsAbove(definitions.units, { code: annex.info.unitCode, level: annex.info.level }, annex.info.period.to)));
    return {
      annexes: read.map((annex) => ({ file: annex.file, unitCode: annex.info.unitCode, unitName: annex.info.unitName, period: annex.info.period })),
      units: [...parents.values()].sort((a, b) => levelRank(b.level) - levelRank(a.level) || (a.code < b.code ? -1 : 1)),
      defaultUnit: common?.code ?? null,
      periods: [...new Set(read.map((annex) => annex.info.period.id))],
    };
  });

  app.post('/api/aggregate', async (request) => {
    const tab = tabs.of(request);
    if (!tab.annexes) throw NOT_READY(serverText.noAnnexes());
    const since = tab.clears;
    const body = parseBody(AggregateRequest, request.body);
    const plan = planOf(tab, body.targets);
    const outcome = await aggregateStep(tab.annexes.paths, { unit: body.unit, period: body.period, ...(plan ? { plan } : {}) }, definitions);
    stillWanted(tab, since);
    const files = await makingReport(tab, (onStep) => aggregateReport(outcome, formOptions(body, outcome.input.result.period.to), onStep));
    stillWanted(tab, since);
    tab.summed = { base: `${reportBaseName(outcome.input.unit.code, outcome.input.result.period.id)}-tong-hop`, docx: files.docx, xlsx: files.xlsx };
    return {
      unit: outcome.input.unit,
      summed: outcome.annexes.length,
      missing: outcome.missing.map((unit) => ({ code: unit.code, name: unit.fullName })),
      completeness: outcome.input.completeness && outcome.input.completeness.missing.length > 0 ? completenessMessage(outcome.input.unit.fullName, outcome.input.completeness) : null,
      warnings: outcome.warnings,
      docx: '/download/aggregate.docx',
      xlsx: '/download/aggregate.xlsx',
      warning: issuingBodyWarning(body.settings, outcome.input.unit),
    };
  });

  const send = (reply: FastifyReply, name: string, type: string, bytes: OutputBytes) =>
    reply
      .header('content-disposition', `attachment; filename="${name}"`)
      .type(type)
      // The result JSON comes in pieces as it is made: sent as a stream, never one string.
      .send(bytes instanceof Uint8Array ? bytes : Readable.from(bytes));
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  app.get('/download/:name', async (request, reply) => {
    const tab = tabs.of(request);
    const { name } = parseBody(z.object({ name: z.string() }), request.params);
    const { lang } = parseBody(z.object({ lang: z.enum(['vi', 'en']).catch('vi') }), request.query);
    const missing = () => reply.code(404).send({ error: serverText.notMadeYet() });
    if (name === 'errors.xlsx') {
      const since = tab.clears;
      const data = requireData(tab);
      // After a computation, the rows rejected while being placed are in the workbook too.
      const rows = tab.run ? { rejected: tab.run.computed.rejected, warnings: tab.run.computed.warnings, files: tab.run.computed.files } : data;
      const bytes = await OUTPUTS.errorWorkbook.write({ rejected: rows.rejected, lang, context: { warnings: rows.warnings, files: rows.files } });
      stillWanted(tab, since);
      return send(reply, 'tep-loi.xlsx', OUTPUTS.errorWorkbook.mediaType, bytes);
    }
    if (name === 'errors-by-commune.zip') {
      const since = tab.clears;
      const data = requireData(tab);
      const rows = tab.run ? { rejected: tab.run.computed.rejected, warnings: tab.run.computed.warnings, files: tab.run.computed.files } : data;
      const workbooks = errorWorkbooksByFile({ ...rows, dataset: data.dataset }, definitions.units);
      const bytes = await OUTPUTS.errorWorkbooksZip.write({ workbooks, lang });
      stillWanted(tab, since);
      return send(reply, 'so-loi-theo-xa.zip', OUTPUTS.errorWorkbooksZip.mediaType, bytes);
    }
    // The computed results in each format `compute --out` writes: results.json, results.xlsx, results.csv.
    const resultFormat = RESULT_FORMATS.find((format) => name === `results${format.extension}`);
    if (resultFormat) {
      if (!tab.run) return missing();
      const since = tab.clears;
      const { result } = tab.run.computed.output;
      // The uploads' names without the server's private folder.
      const sources = tab.run.computed.files.map((account) => ({ ...account, file: basename(account.file) }));
      const bytes = await resultFormat.write({ result, catalogue: definitions.catalogue, names: unitNamer(result.period.to, definitions.units), lang, sources });
      stillWanted(tab, since);
      return send(reply, `${reportBaseName(tab.run.unit.code, result.period.id, 'ket-qua')}${resultFormat.extension}`, resultFormat.mediaType, bytes);
    }
    const yaml = tab.yaml.get(name);
    if (yaml) return send(reply, yaml.name, 'application/yaml; charset=utf-8', Buffer.from(yaml.text, 'utf8'));
    if (name === 'report.docx') return tab.report ? send(reply, `${tab.report.base}.docx`, DOCX, tab.report.docx) : missing();
    if (name === 'report.xlsx') return tab.report ? send(reply, `${tab.report.base}.xlsx`, XLSX, tab.report.xlsx) : missing();
    if (name === 'aggregate.docx') return tab.summed ? send(reply, `${tab.summed.base}.docx`, DOCX, tab.summed.docx) : missing();
    if (name === 'aggregate.xlsx') return tab.summed ? send(reply, `${tab.summed.base}.xlsx`, XLSX, tab.summed.xlsx) : missing();
    return missing();
  });

  app.addHook('onClose', async () => {
    workspace.remove();
  });
  return { app, workspace };
}
