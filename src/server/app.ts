/**
 * The page's server: the same pipeline as the CLI (src/pipeline), behind a few JSON routes.
 * One person, one browser tab: the state of a run (files read, figures computed, report
 * made) is kept here, in memory and in the private folder, until "Xóa dữ liệu" or stop.
 */
import { createWriteStream, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline as pipeStreams } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { toolVersion } from '../model/version.js';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkZip, completenessMessage, type ImportResult, type LayoutDraft, loadSettingsFile, type Narrative, NARRATIVE_KEYS, NARRATIVE_SECTIONS, parsePeriod, type Period, periodFromWindow, proposeMapping, refusedForHeaders, reportBaseName, ReportSettingsFile, type TargetPlan, TARGETS_DIR, type UnitName, unreadableError, type UnreadableInput, type VillageMap, ZipRefusal } from '../pipeline/stages.js';
import type { Profile } from '../model/profile.js';
import { ExitCode, UserError, msg, type Message } from '../model/messages.js';
import type { ComputeResult } from '../model/results.js';
import { UnitCode, levelOfCode, levelRank, unitsAbove, type Level } from '../model/levels.js';
import { aggregateReport, aggregateStep } from '../pipeline/aggregate.js';
import { computeStep, explainStep, loadDefinitions, type Computed, type Definitions } from '../pipeline/compute.js';
import { DEMO, sampleFiles } from '../pipeline/demo.js';
import { loadTargets, loadVillageMap, readResultFile } from '../pipeline/load.js';
import { rowsRead, readData } from '../pipeline/read.js';
import { reportInputFor, reportStep, type LoadedReportOptions } from '../pipeline/report.js';
import { reportUnit, unitNamer } from '../pipeline/units.js';
import { OUTPUTS, RESULT_FORMATS, type OutputBytes } from '../output/formats.js';
import { errorWorkbooksByFile } from '../output/error-workbook.js';
import { readAnnex, type Annex } from '../pipeline/annexes.js';
import { registerCharts } from './charts.js';
import { createProfileState, mappingView, registerProfiles } from './profiles.js';
import { parseBody } from './request.js';
import { registerSecurity } from './security.js';
import { breakdownView, dataView, explanationView, periodsView, resultView, unitsView } from './views.js';
import { pathHider } from './page-text.js';
import { createWorkspace, type Workspace } from './workspace.js';

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
      msg('Dữ liệu đã được xóa trong khi việc này đang chạy: kết quả của nó không được giữ lại.', 'The data was cleared while this was running: what it made was not kept.'),
    );
  }
}

function limitError(limits: UploadLimits, code: string | undefined, file?: string): UserError | undefined {
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new UploadTooLarge(
      ExitCode.unreadableInput,
      msg(
        `Tệp ${file ?? ''} lớn hơn giới hạn ${mb(limits.fileBytes)} cho mỗi tệp: chia tệp theo xã hoặc theo năm rồi tải lên lại.`,
        `File ${file ?? ''} is larger than the ${mb(limits.fileBytes)} limit per file: split it by commune or by year and upload again.`,
      ),
    );
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new UploadTooLarge(
      ExitCode.unreadableInput,
      msg(`Mỗi lần tải lên tối đa ${limits.files} tệp: tải lên làm nhiều lần.`, `At most ${limits.files} files per upload: upload them in several goes.`),
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
  readonly started: number;
  finished?: number;
  error?: Message;
  /** Sheets refused for their headers, laid out for the mapping step. */
  mapping?: readonly LayoutDraft[];
}

interface Run {
  readonly unit: UnitName;
  readonly subUnits: readonly UnitName[];
  readonly computed: Computed;
}

interface Made {
  readonly base: string;
  readonly docx: Buffer;
  readonly xlsx: Buffer;
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
const ReportRequest = z.object({
  settings: z
    .object({
      issuingBody: text,
      parentBody: text,
      place: text,
      number: text,
      numberPattern: text,
      reportDate: text,
      addressees: text,
      signerAuthority: text,
      signerTitle: text,
      signerName: text,
      recipients: text,
    })
    .partial()
    .default({}),
  narrative: z.record(z.string(), text).default({}),
  suppress: z.number().int().min(2).max(100).nullable().default(null),
});

const AggregateRequest = z.object({
  unit: UnitCode.refine((code) => levelOfCode(code) !== 'commune'),
  period: z.string().trim().min(1).max(100),
  targets: z.string().max(200).default('none'),
});

const lines = (value: string | undefined) =>
  (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The report form as a settings file would say it; blank fields are left to the defaults. */
function settingsOf(form: z.output<typeof ReportRequest>['settings']): ReportSettingsFile {
  const signer = {
    ...(lines(form.signerAuthority).length ? { authority: lines(form.signerAuthority) } : {}),
    ...(form.signerTitle?.trim() ? { title: form.signerTitle.trim() } : {}),
    ...(form.signerName?.trim() ? { name: form.signerName.trim() } : {}),
  };
  const raw = {
    ...(lines(form.issuingBody).length ? { issuingBody: lines(form.issuingBody) } : {}),
    ...(lines(form.parentBody).length ? { parentBody: lines(form.parentBody) } : {}),
    ...(form.place?.trim() ? { place: form.place.trim() } : {}),
    ...(form.number?.trim() ? { number: form.number.trim() } : {}),
    ...(form.numberPattern?.trim() ? { numberPattern: form.numberPattern.trim() } : {}),
    ...(form.reportDate?.trim() ? { reportDate: form.reportDate.trim() } : {}),
    ...(lines(form.addressees).length ? { addressees: lines(form.addressees) } : {}),
    ...(Object.keys(signer).length ? { signer } : {}),
    ...(lines(form.recipients).length ? { recipients: lines(form.recipients) } : {}),
  };
  const parsed = ReportSettingsFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(ExitCode.invalidDefinition, msg(`Thiết lập báo cáo, mục ${issue.path.join('.')}: ${issue.message}`, `Report settings, field ${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}

/** A settings file's values as the form's fields (one line per entry). */
function formOf(settings: ReportSettingsFile): Record<string, string> {
  return {
    issuingBody: (settings.issuingBody ?? []).join('\n'),
    parentBody: (settings.parentBody ?? []).join('\n'),
    place: settings.place ?? '',
    number: settings.number === undefined ? '' : String(settings.number),
    numberPattern: settings.numberPattern,
    reportDate: settings.reportDate ?? '',
    addressees: (settings.addressees ?? []).join('\n'),
    signerAuthority: (settings.signer?.authority ?? []).join('\n'),
    signerTitle: settings.signer?.title ?? '',
    signerName: settings.signer?.name ?? '',
    recipients: (settings.recipients ?? []).join('\n'),
  };
}

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
      return msg(
        `Tệp "${item.file}", trang "${item.sheet}": chitieu chưa nhận ra các cột theo mẫu chuẩn; hãy ghép cột ở phần dưới.`,
        `File "${item.file}", sheet "${item.sheet}": chitieu does not recognise its columns; map them below.`,
      );
    }
    if (item.sheet !== undefined && item.cause === 'ambiguous') {
      return msg(
        `Tệp "${item.file}", trang "${item.sheet}": khớp như nhau với nhiều hồ sơ cột; chọn một hồ sơ trong danh sách "Hồ sơ cột" ở trên.`,
        `File "${item.file}", sheet "${item.sheet}": fits several column-mapping profiles equally; choose one in the "Column-mapping profile" list above.`,
      );
    }
    return item.text;
  });
  return msg(lines.map((line) => line.vi).join(' '), lines.map((line) => line.en).join(' '));
}

const NOT_READY = (what: Message) => new UserError(ExitCode.usage, what);

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; workspace: Workspace }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const log = options.log ?? (() => undefined);
  const workspace = createWorkspace(options.tempRoot);
  const definitions: Definitions = loadDefinitions();
  const profilesDir = options.profilesDir ?? join(process.cwd(), 'profiles');
  /** Messages for the page: no path of this machine (the private folder, the profiles folder). */
  const hide = pathHider([workspace.dir], [{ folder: profilesDir, as: 'profiles' }]);
  const profiles = createProfileState({ profilesDir, hide, ...(options.profile ? { profile: options.profile } : {}) });
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024, forceCloseConnections: true });
  registerSecurity(app, options);
  await app.register(multipart, {
    // One more file than allowed reaches `receive`, which refuses it itself: busboy's own limit
    // races the parts iterator and could surface as another error under load.
    limits: { fileSize: limits.fileBytes, files: limits.files + 1, fields: 20, fieldSize: 10_000, parts: limits.files + 21 },
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: 'index.html', cacheControl: false, etag: false, lastModified: false });

  // ---- the run's state
  let generation = 0;
  let reading: Reading | undefined;
  /** The files of the last upload, read again when the profiles change. */
  let lastPaths: readonly string[] = [];
  let imported: ImportResult | undefined;
  let run: Run | undefined;
  let report: Made | undefined;
  let plans = new Map<string, TargetPlan>(bundledPlans().map((plan) => [plan.id, loadTargets(join(TARGETS_DIR, plan.file), definitions.catalogue)]));
  let baselineFile: ComputeResult | undefined;
  /** The village map uploaded (`--village-map` on the command line): used by every computation after it. */
  let villageMap: VillageMap | undefined;
  let annexes: { paths: string[]; read: Annex[] } | undefined;
  let summed: Made | undefined;

  const forgetResults = () => {
    run = undefined;
    report = undefined;
  };

  /** "Xóa dữ liệu" pressed so many times: work started before the last one is dropped when it ends. */
  let clears = 0;
  /** Upload folders still being written: never removed by another upload. */
  const busy = new Set<string>();
  /** Throws when "Xóa dữ liệu" was pressed since `since`: what was made meanwhile is not kept. */
  const stillWanted = (since: number) => {
    if (clears !== since) throw new ClearedMeanwhile();
  };

  app.setErrorHandler((error: unknown, _request, reply) => {
    const code = (error as { code?: string }).code;
    const tooLarge = limitError(limits, code);
    if (tooLarge) return reply.code(413).send({ error: tooLarge.text });
    if (error instanceof UploadTooLarge) return reply.code(413).send({ error: hide(error.text) });
    if (error instanceof ClearedMeanwhile) return reply.code(409).send({ error: error.text });
    if (error instanceof UserError) return reply.code(400).send({ error: hide(error.text) });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send({ error: msg('Yêu cầu không hợp lệ.', 'Invalid request.') });
    // The message may hold a file's content: only its kind is shown and logged.
    log(msg(`Lỗi không mong đợi (${(error as Error).name ?? 'Error'}).`, `Unexpected error (${(error as Error).name ?? 'Error'}).`));
    return reply.code(500).send({ error: msg('Lỗi không mong đợi trong chitieu. Hãy thử lại; nếu vẫn lỗi, báo cho người quản trị.', 'Unexpected error in chitieu. Try again; if it persists, tell your administrator.') });
  });

  /** Saves the files of a multipart upload into a fresh folder, within the limits; the other fields too. */
  async function receive(request: FastifyRequest, kind: string): Promise<{ paths: string[]; fields: Record<string, string>; folder: string }> {
    const since = clears;
    const folder = workspace.freshFolder(kind);
    busy.add(folder);
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
        const path = workspace.placeFor(folder, part.filename);
        part.file.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limits.totalBytes && !refusal) {
            refusal = new UploadTooLarge(
              ExitCode.unreadableInput,
              msg(
                `Các tệp tải lên cùng lúc vượt quá ${mb(limits.totalBytes)}: tải lên làm nhiều lần, mỗi lần ít tệp hơn.`,
                `The files uploaded together exceed ${mb(limits.totalBytes)}: upload them in several goes.`,
              ),
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
      busy.delete(folder);
      rmSync(folder, { recursive: true, force: true });
      stillWanted(since);
      throw refusal ?? limitError(limits, (error as { code?: string }).code) ?? error;
    }
    busy.delete(folder);
    stillWanted(since);
    return { paths, fields, folder };
  }

  /** One uploaded file, read at once by `load`; its folder is removed whatever happens. */
  async function receiveOne<T>(request: FastifyRequest, kind: string, notOne: Message, load: (path: string) => T): Promise<T> {
    const { paths, folder } = await receive(request, kind);
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
  function beginReading(): Reading {
    generation += 1;
    imported = undefined;
    forgetResults();
    const state: Reading = { generation, filesTotal: 0, filesDone: 0, rows: 0, started: performance.now() };
    reading = state;
    return state;
  }

  function startReading(paths: readonly string[], state: Reading = beginReading()): Reading {
    lastPaths = paths;
    state.filesTotal = paths.length;
    // Earlier uploads of data are not needed any more (those still arriving are left alone).
    workspace.keepOnly('data', paths[0] !== undefined && paths[0].startsWith(workspace.dir) ? dirname(paths[0]) : undefined, busy);
    void readInto(state, paths, state.generation);
    return state;
  }

  /** Reads every file, then either keeps the data or says what cannot be read (and what a mapping can mend). */
  async function readInto(state: Reading, paths: readonly string[], mine: number): Promise<void> {
    try {
      // Inside the try: the profiles known are read from disk, and nothing here may end the server.
      const sheets = profiles.selection();
      // The period is chosen after reading: a birth date after today is what can be told now.
      const result = await readData(paths, {
        keepGoing: true,
        sheets,
        latestBirthDate: { date: new Date().toISOString().slice(0, 10), why: 'today' },
        onEvent: (event) => {
          if (event.kind !== 'file-read') return;
          state.filesDone = event.filesDone;
          state.rows += event.account.read;
        },
      });
      if (generation !== mine) return;
      if (result.unreadable.length > 0) {
        const refused = refusedForHeaders(result.unreadable, (file) => result.files.find((account) => account.file === file)?.path);
        const layouts = refused.length > 0 ? await proposeMapping(refused, sheets) : [];
        if (generation !== mine) return;
        state.mapping = layouts;
        const mapped = new Set(layouts.flatMap((layout) => layout.sheets.map((sheet) => `${sheet.file}\u0000${sheet.sheet}`)));
        const pageCanMend = mapped.size > 0 || result.unreadable.some((item) => item.cause === 'ambiguous');
        state.error = hide(pageCanMend ? pageRefusal(result.unreadable, mapped) : unreadableError(result.unreadable).text);
        state.finished = performance.now();
        return;
      }
      imported = result;
      state.finished = performance.now();
      state.rows = rowsRead(result);
      log(msg(`Đã đọc ${result.files.length} tệp: ${state.rows} dòng.`, `Read ${result.files.length} file(s): ${state.rows} rows.`));
    } catch (error) {
      if (generation !== mine) return;
      state.finished = performance.now();
      state.error =
        error instanceof UserError
          ? hide(error.text)
          : msg('Không đọc được các tệp (lỗi không mong đợi). Hãy kiểm tra tệp rồi thử lại.', 'The files could not be read (unexpected error). Check them and try again.');
    }
  }

  const progressOf = (state: Reading) => {
    const seconds = Math.max(((state.finished ?? performance.now()) - state.started) / 1000, 0.001);
    return { filesDone: state.filesDone, filesTotal: state.filesTotal, rows: state.rows, rowsPerSecond: Math.round(state.rows / seconds) };
  };

  const requireData = (): ImportResult => {
    if (!imported) throw NOT_READY(msg('Chưa có dữ liệu: chọn tệp ở mục "Dữ liệu" trước.', 'No data yet: choose files under "Data" first.'));
    return imported;
  };
  const requireRun = (): Run => {
    if (!run) throw NOT_READY(msg('Chưa tính chỉ tiêu: bấm "Tính chỉ tiêu" trước.', 'Nothing computed yet: press "Compute" first.'));
    return run;
  };

  const periodOf = (body: z.output<typeof PeriodRequest>): Period => {
    if (body.period && body.period !== 'custom') return parsePeriod(body.period, definitions.presets);
    if (body.from && body.to) return periodFromWindow(body.from, body.to);
    throw new UserError(ExitCode.usage, msg('Chọn kỳ báo cáo, hoặc nhập cả ngày đầu và ngày cuối kỳ.', 'Choose a period, or give both the first and the last day.'));
  };

  const planOf = (choice: string): TargetPlan | undefined => {
    if (choice === 'none') return undefined;
    const plan = plans.get(choice);
    if (!plan) throw new UserError(ExitCode.usage, msg('Chưa có tệp chỉ tiêu kế hoạch đã chọn: tải tệp lên lại.', 'The chosen targets file is not loaded: upload it again.'));
    return plan;
  };

  // ---- routes
  app.get('/api/options', async () => ({
    plans: [...plans.entries()].map(([id, plan]) => ({ id, name: plan.plan, issuedBy: plan.issuedBy ?? null })),
    narrative: NARRATIVE_KEYS.map((key) => ({ key, label: NARRATIVE_SECTIONS[key] })),
    settings: options.settingsFile ? formOf(loadSettingsFile(options.settingsFile)) : null,
    limits,
    version: toolVersion(),
  }));

  app.post('/api/data', async (request, reply) => {
    const state = beginReading();
    const failed = (error: Message) => {
      if (reading !== state) return;
      state.error = hide(error);
      state.finished = performance.now();
    };
    let received: Awaited<ReturnType<typeof receive>>;
    try {
      received = await receive(request, 'data');
    } catch (error) {
      failed(error instanceof UserError ? error.text : msg('Không nhận được các tệp tải lên.', 'The uploaded files were not received.'));
      throw error;
    }
    if (reading !== state) {
      // A later upload (or "Xóa dữ liệu") took over while this one arrived: its files are not read.
      rmSync(received.folder, { recursive: true, force: true });
      return reply.code(202).send({ progress: reading ? progressOf(reading) : null });
    }
    if (received.paths.length === 0) {
      const none = new UserError(ExitCode.usage, msg('Chưa chọn tệp nào.', 'No file chosen.'));
      failed(none.text);
      throw none;
    }
    startReading(received.paths, state);
    return reply.code(202).send({ progress: progressOf(state) });
  });

  app.post('/api/data/sample', async (_request, reply) => {
    const state = startReading(sampleFiles());
    return reply.code(202).send({ progress: progressOf(state), settings: formOf(loadSettingsFile(DEMO.settings)) });
  });

  app.get('/api/data', async () => {
    if (!reading) return { state: 'empty' };
    const progress = progressOf(reading);
    if (reading.error && reading.mapping && reading.mapping.length > 0) return { state: 'mapping', progress, error: reading.error, mapping: mappingView(reading.mapping) };
    if (reading.error) return { state: 'failed', progress, error: reading.error };
    if (!imported) return { state: 'reading', progress };
    return { state: 'ready', progress, data: dataView(imported, (profile) => profiles.madeFor(profile)), ...periodsView(imported, definitions.presets) };
  });

  app.delete('/api/data', async () => {
    clears += 1;
    generation += 1;
    reading = undefined;
    imported = undefined;
    forgetResults();
    baselineFile = undefined;
    villageMap = undefined;
    lastPaths = [];
    profiles.clear();
    annexes = undefined;
    summed = undefined;
    plans = new Map([...plans].filter(([id]) => id.startsWith('plan:')));
    workspace.clear();
    log(msg('Đã xóa dữ liệu.', 'Data cleared.'));
    return { state: 'empty' };
  });

  app.get('/api/units', async (request) => {
    const data = requireData();
    const period = periodOf(parseBody(PeriodRequest, request.query));
    return { units: unitsView(data, period, definitions.units) };
  });

  app.post('/api/targets', async (request) => {
    const plan = await receiveOne(request, 'targets', msg('Chọn một tệp chỉ tiêu kế hoạch (.yaml).', 'Choose one targets file (.yaml).'), (path) =>
      loadTargets(path, definitions.catalogue),
    );
    plans.set('uploaded', plan);
    return { id: 'uploaded', name: plan.plan };
  });

  app.post('/api/baseline', async (request) => {
    baselineFile = await receiveOne(request, 'baseline', msg('Chọn một tệp kết quả năm trước (.json).', "Choose one file of last year's result (.json)."), readResultFile);
    return { period: baselineFile.period };
  });

  app.post('/api/village-map', async (request) => {
    const { paths } = await receive(request, 'village-map');
    if (paths.length !== 1) throw new UserError(ExitCode.usage, msg('Chọn một tệp bản đồ thôn (.csv hoặc .yaml).', 'Choose one village map file (.csv or .yaml).'));
    villageMap = loadVillageMap(paths[0]!, definitions.units);
    return { villages: villageMap.size, communes: villageMap.oldCommunes.size };
  });

  app.post('/api/settings', async (request) => {
    const settings = await receiveOne(request, 'settings', msg('Chọn một tệp thiết lập báo cáo (.yaml).', 'Choose one report settings file (.yaml).'), loadSettingsFile);
    return { settings: formOf(settings) };
  });

  app.post('/api/compute', async (request) => {
    const data = requireData();
    const body = parseBody(ComputeRequest, request.body);
    const period = periodOf(body);
    const { unit, subUnits } = reportUnit(body.unit, period, definitions.units);
    const plan = planOf(body.targets);
    if (body.baseline === 'file' && !baselineFile) {
      throw new UserError(ExitCode.usage, msg('Chưa tải lên tệp kết quả năm trước.', "No file of last year's result uploaded yet."));
    }
    const baseline = body.baseline === 'records' ? ('records' as const) : body.baseline === 'file' ? baselineFile : undefined;
    const computed = computeStep(data, { period, level: unit.level, ...(plan ? { plan } : {}), ...(baseline ? { baseline } : {}), ...(villageMap ? { villageMap } : {}) }, definitions);
    run = { unit, subUnits, computed };
    report = undefined;
    // The data panel's accounting now includes the rows rejected while being placed.
    const placedData = { ...data, files: [...computed.files], rejected: [...computed.rejected], warnings: [...computed.warnings] };
    return { ...resultView(computed, unit, subUnits, definitions), data: dataView(placedData, (profile) => profiles.madeFor(profile)) };
  });

  app.get('/api/breakdowns', async (request) => {
    const { computed } = requireRun();
    const query = parseBody(z.object({ indicator: z.string().max(20), unit: z.string().max(5) }), request.query);
    return { rows: breakdownView(computed, query.indicator, query.unit) };
  });

  app.post('/api/explain', async (request) => {
    const data = requireData();
    const current = requireRun();
    const body = parseBody(ExplainRequest, request.body);
    const period = current.computed.output.period;
    const explanation = explainStep(data, { period, indicator: body.indicator, unit: body.unit, breakdown: body.breakdown, ...(villageMap ? { villageMap } : {}) }, definitions);
    return explanationView(explanation, unitNamer(period.to, definitions.units)(explanation.level, body.unit));
  });

  app.post('/api/report', async (request) => {
    const since = clears;
    const data = requireData();
    const current = requireRun();
    const body = parseBody(ReportRequest, request.body);
    const loaded: LoadedReportOptions = {
      settings: settingsOf(body.settings),
      narrative: narrativeOf(body.narrative),
      ...(body.suppress !== null ? { suppress: body.suppress } : {}),
    };
    const made = await reportStep(current.unit.code, data, current.computed, definitions, loaded);
    stillWanted(since);
    if (run !== current) {
      throw new UserError(ExitCode.usage, msg('Chỉ tiêu đã được tính lại trong khi tạo báo cáo: bấm "Tạo báo cáo" lại.', 'The indicators were computed again while the report was made: press "Make the report" again.'));
    }
    report = { base: reportBaseName(made.unit.code, made.input.result.period.id), docx: made.files.docx, xlsx: made.files.xlsx };
    log(msg(`Đã tạo báo cáo ${report.base}.`, `Made the report ${report.base}.`));
    return { name: report.base, docx: '/download/report.docx', xlsx: '/download/report.xlsx' };
  });

  registerProfiles(
    app,
    profiles,
    {
      receive,
      reread: () => (lastPaths.length > 0 ? { progress: progressOf(startReading(lastPaths)) } : undefined),
      pendingMapping: () => reading?.mapping,
    },
    profilesDir,
  );

  registerCharts(app, () => {
    const [now, data] = [run, imported];
    return now && data ? { run: now, input: () => reportInputFor(now.unit, now.subUnits, now.computed.output, data, definitions) } : undefined;
  });

  app.post('/api/annexes', async (request) => {
    const since = clears;
    const { paths, folder } = await receive(request, 'annexes');
    const read: Annex[] = [];
    try {
      if (paths.length === 0) throw new UserError(ExitCode.usage, msg('Chưa chọn tệp phụ lục nào.', 'No annex chosen.'));
      for (const path of paths) {
        // Uploaded workbooks get the zip guard the data files get on reading.
        try {
          await checkZip(path);
        } catch (error) {
          if (!(error instanceof ZipRefusal)) throw error;
          throw new UserError(ExitCode.unreadableInput, msg(`Tệp ${basename(path)}: ${error.reason.vi}`, `File ${basename(path)}: ${error.reason.en}`));
        }
        read.push(await readAnnex(path));
      }
      stillWanted(since);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    workspace.keepOnly('annexes', folder, busy);
    annexes = { paths, read };
    summed = undefined;
    // The units the annexes can be summed into: every unit above each annex's own.
    const parents = new Map<string, { code: string; name: string; level: Level }>();
    for (const annex of read) {
      for (const above of unitsAbove(definitions.units, { code: annex.info.unitCode, level: annex.info.level }, annex.info.period.to)) parents.set(above.code, { ...above });
    }
    return {
      annexes: read.map((annex) => ({ file: annex.file, unitCode: annex.info.unitCode, unitName: annex.info.unitName, period: annex.info.period })),
      units: [...parents.values()].sort((a, b) => levelRank(b.level) - levelRank(a.level) || (a.code < b.code ? -1 : 1)),
      periods: [...new Set(read.map((annex) => annex.info.period.id))],
    };
  });

  app.post('/api/aggregate', async (request) => {
    if (!annexes) throw NOT_READY(msg('Chưa có phụ lục: chọn các tệp phụ lục các xã gửi lên trước.', 'No annexes yet: choose the annexes the communes sent first.'));
    const since = clears;
    const body = parseBody(AggregateRequest, request.body);
    const plan = planOf(body.targets);
    const outcome = await aggregateStep(annexes.paths, { unit: body.unit, period: body.period, ...(plan ? { plan } : {}) }, definitions);
    stillWanted(since);
    const files = await aggregateReport(outcome, {});
    stillWanted(since);
    summed = { base: `${reportBaseName(outcome.input.unit.code, outcome.input.result.period.id)}-tong-hop`, docx: files.docx, xlsx: files.xlsx };
    return {
      unit: outcome.input.unit,
      summed: outcome.annexes.length,
      missing: outcome.missing.map((unit) => ({ code: unit.code, name: unit.fullName })),
      completeness: outcome.input.completeness && outcome.input.completeness.missing.length > 0 ? completenessMessage(outcome.input.unit.fullName, outcome.input.completeness) : null,
      warnings: outcome.warnings,
      docx: '/download/aggregate.docx',
      xlsx: '/download/aggregate.xlsx',
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
    const { name } = parseBody(z.object({ name: z.string() }), request.params);
    const lang = (request.query as { lang?: string }).lang === 'en' ? 'en' : 'vi';
    const missing = () => reply.code(404).send({ error: msg('Chưa có tệp này: tạo nó trước.', 'This file is not made yet.') });
    if (name === 'errors.xlsx') {
      const since = clears;
      const data = requireData();
      // After a computation, the rows rejected while being placed are in the workbook too.
      const rows = run ? { rejected: run.computed.rejected, warnings: run.computed.warnings, files: run.computed.files } : data;
      const bytes = await OUTPUTS.errorWorkbook.write({ rejected: rows.rejected, lang, context: { warnings: rows.warnings, files: rows.files } });
      stillWanted(since);
      return send(reply, 'tep-loi.xlsx', OUTPUTS.errorWorkbook.mediaType, bytes);
    }
    if (name === 'errors-by-commune.zip') {
      const since = clears;
      const data = requireData();
      const rows = run ? { rejected: run.computed.rejected, warnings: run.computed.warnings, files: run.computed.files } : data;
      const workbooks = errorWorkbooksByFile({ ...rows, dataset: data.dataset }, (code, era) => definitions.units.commune(code, era)?.name);
      const bytes = await OUTPUTS.errorWorkbooksZip.write({ workbooks, lang });
      stillWanted(since);
      return send(reply, 'so-loi-theo-xa.zip', OUTPUTS.errorWorkbooksZip.mediaType, bytes);
    }
    // The computed results in each format `compute --out` writes: results.json, results.xlsx, results.csv.
    const resultFormat = RESULT_FORMATS.find((format) => name === `results${format.extension}`);
    if (resultFormat) {
      if (!run) return missing();
      const since = clears;
      const { result } = run.computed.output;
      // The uploads' names without the server's private folder.
      const sources = run.computed.files.map((account) => ({ ...account, file: basename(account.file) }));
      const bytes = await resultFormat.write({ result, catalogue: definitions.catalogue, names: unitNamer(result.period.to, definitions.units), lang, sources });
      stillWanted(since);
      return send(reply, `${reportBaseName(run.unit.code, result.period.id, 'ket-qua')}${resultFormat.extension}`, resultFormat.mediaType, bytes);
    }
    if (name === 'report.docx') return report ? send(reply, `${report.base}.docx`, DOCX, report.docx) : missing();
    if (name === 'report.xlsx') return report ? send(reply, `${report.base}.xlsx`, XLSX, report.xlsx) : missing();
    if (name === 'aggregate.docx') return summed ? send(reply, `${summed.base}.docx`, DOCX, summed.docx) : missing();
    if (name === 'aggregate.xlsx') return summed ? send(reply, `${summed.base}.xlsx`, XLSX, summed.xlsx) : missing();
    return missing();
  });

  app.addHook('onClose', async () => {
    workspace.remove();
  });
  return { app, workspace };
}
