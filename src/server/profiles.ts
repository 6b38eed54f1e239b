/**
 * Column-mapping profiles on the page (profiles/README.md): what `--profile` is on the command
 * line, and the mapping step for a file whose columns are not recognised.
 *
 *   GET  /api/profiles           the profiles known (bundled, profiles/ folder, uploaded, made here) and the choice
 *   POST /api/profiles/choice    "auto" (by headers, as the CLI without --profile) or one profile only (--profile)
 *   POST /api/profiles           upload a profile (.yaml): it becomes the choice
 *   POST /api/mapping/check      a mapping's required columns left, columns given twice, unknown coded values
 *   POST /api/mapping            the mapping as a profile: the data is read again with it
 *   POST /api/mapping/save       the profile made here, saved in the profiles/ folder (read automatically next time)
 *   GET  /download/profile.yaml  the profile made here, to keep or edit
 *   POST /api/profiles/rename    a profile of the profiles/ folder or made here, renamed (its file too)
 *   POST /api/profiles/delete    such a profile deleted (its file removed): the data is read again without it
 *   POST /api/profiles/edit      such a profile set aside and the data read again: the mapping step opens
 *                                on its sheets, filled with its columns; saving writes over its file
 */
import { lstatSync, readFileSync, rmSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { basename, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type BrokenProfile, bundledProfiles, checkMapping, countsByKind, type ImportResult, issueLabel, KIND_LABELS, type LayoutChoice, type LayoutDraft, loadProfile, localProfilesChecked, makeProfile, profileFileName, type ProfileSelection, proposalsFor, specOf } from '../pipeline/stages.js';
import { prepareOutputFolder, writeNewFileIn, writeOutputFile } from '../io/output.js';
import { SHEETS } from '../model/columns.js';
import { ExitCode, serverFormText, serverText, UserError, type Message } from '../messages/index.js';
import type { Profile } from '../model/profile.js';
import { parseBody } from './request.js';

/** Where a profile comes from: chitieu, the profiles/ folder, `serve --profile`, an upload, or the mapping step. */
type Origin = 'bundled' | 'local' | 'given' | 'uploaded' | 'made';

interface Entry {
  readonly id: string;
  readonly profile: Profile;
  readonly origin: Origin;
}

interface Made extends Entry {
  readonly yaml: string;
  saved?: string;
}

export interface ProfileState {
  /** What the next read uses: one profile only, or every known one as a candidate (by headers). */
  selection(): ProfileSelection;
  /** Profiles and sheets said on the page are forgotten with the data ("Xóa dữ liệu"). */
  clear(): void;
  /** The profile made here that `profile` is, if it is one (for the page's save box). */
  madeFor(profile: { readonly name: string; readonly file: string }): { id: string; saved?: string } | undefined;
}

/** What the server does for the profiles of the tab a request comes from (src/server/tabs.ts). */
export interface ProfileHooks {
  /** Saves the files of an upload (the server's own limits, the tab's folder). */
  readonly receive: (request: FastifyRequest, kind: string) => Promise<{ paths: string[]; folder: string }>;
  /**
   * Reads the tab's files again (with the new selection); undefined when there are none. With
   * `trial`, a mapping just made: refused (and dropped) if no row of its sheets is accepted.
   */
  readonly reread: (request: FastifyRequest, trial?: MappingTrial) => object | undefined;
  /** The layouts of the tab's last read that need mapping. */
  readonly pendingMapping: (request: FastifyRequest) => readonly LayoutDraft[] | undefined;
}

/** A mapping made on the page, read for the first time: the layouts it answers, to show them again if it accepts nothing. */
export interface MappingTrial {
  readonly madeId: string;
  readonly profileName: string;
  readonly layouts: readonly LayoutDraft[];
}

const KINDS = ['children', 'events', 'communeFacts'] as const;

const LayoutChoiceRequest = z.object({
  id: z.string().regex(/^b\d{1,4}$/),
  kind: z.enum([...KINDS, 'ignore']),
  columns: z.record(z.string().regex(/^\d{1,5}$/), z.string().max(40)).default({}),
  values: z.record(z.string().max(40), z.record(z.string().max(500), z.string().max(200))).default({}),
});
const CheckRequest = z.object({ layouts: z.array(LayoutChoiceRequest).max(100) });
const MappingRequest = CheckRequest.extend({ name: z.string().trim().min(1).max(200) });
const ChoiceRequest = z.object({ choice: z.string().max(300) });

/** How a saved or uploaded profile is named in the accounting line: by its file. */
const shownAs = (folder: string, name: string) => join(folder, name);

export function createProfileState(options: { readonly profilesDir: string; readonly profile?: Profile; readonly hide?: (text: Message) => Message }) {
  const hide = options.hide ?? ((text: Message) => text);
  const given: Entry[] = options.profile ? [{ id: 'given', profile: options.profile, origin: 'given' }] : [];
  let choice = options.profile ? 'given' : 'auto';
  let uploaded: Entry[] = [];
  let made: Made[] = [];
  let ignoredSheets: string[] = [];
  let counter = 0;
  /** A profile being mapped again ("Sửa"): left out of every read until its new mapping is saved over it. */
  let editing: { readonly id: string; readonly name: string; readonly file?: string; readonly profile: Profile } | undefined;

  /** The office's profiles, and the files of its folder that are not usable profiles (listed, never fatal). */
  const local = (): { profiles: Profile[]; broken: BrokenProfile[] } => {
    try {
      const found = localProfilesChecked(options.profilesDir, (name) => shownAs('profiles', name));
      return { profiles: found.profiles, broken: found.broken.map((entry) => ({ file: entry.file, reason: hide(entry.reason) })) };
    } catch (error) {
      const reason = serverText.folderUnreadable({ code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
      return { profiles: [], broken: [{ file: 'profiles/', reason }] };
    }
  };

  const entries = (known = local()): Entry[] => {
    const bundled = bundledProfiles();
    return [
      ...bundled.map((profile): Entry => ({ id: `bundled:${profile.file}`, profile, origin: 'bundled' })),
      // A profile made here and saved is the same profile: listed once, as made here.
      ...known.profiles
        .filter((profile) => !made.some((entry) => entry.saved === profile.file) && profile.file !== editing?.file)
        .map((profile): Entry => ({ id: `local:${profile.file}`, profile, origin: 'local' })),
      ...given,
      ...uploaded,
      ...made.filter((entry) => entry.id !== editing?.id),
    ];
  };

  /** Only the office's profiles (profiles/) and those made here can be renamed, edited or deleted. */
  const editable = (id: string): Entry => {
    const entry = entries().find((candidate) => candidate.id === id) ?? made.find((candidate) => candidate.id === id);
    if (!entry || (entry.origin !== 'local' && entry.origin !== 'made')) throw new UserError(ExitCode.usage, serverFormText.profileNotEditable());
    return entry;
  };
  /** "profiles/x.yaml" (how a profile's file is shown) → the file in the profiles folder; never a link, never elsewhere. */
  const fileIn = (shown: string): string => {
    const path = join(options.profilesDir, basename(shown));
    let regular = false;
    try {
      const stats = lstatSync(path);
      regular = stats.isFile() && !stats.isSymbolicLink();
    } catch {
      regular = false;
    }
    if (!regular) throw new UserError(ExitCode.usage, serverFormText.profileNotEditable());
    return path;
  };

  const state: ProfileState & {
    entries: typeof entries;
    broken: () => BrokenProfile[];
    choice: () => string;
    choose: (id: string) => void;
    upload: (path: string, name: string) => Entry;
    addMade: (profile: Profile, yaml: string, ignore: readonly string[]) => Made;
    dropMade: (id: string) => void;
    made: () => Made[];
    rename: (id: string, name: string) => Entry;
    remove: (id: string) => Entry;
    edit: (id: string) => void;
    editing: () => typeof editing;
    doneEditing: () => void;
  } = {
    entries,
    broken: () => local().broken,
    choice: () => choice,
    selection() {
      const all = entries();
      const only = choice === 'auto' ? undefined : all.find((entry) => entry.id === choice);
      if (only) return { profile: only.profile, candidates: [], ignoreSheets: ignoredSheets };
      return { candidates: all.map((entry) => entry.profile), ignoreSheets: ignoredSheets };
    },
    choose(id) {
      if (id !== 'auto' && !entries().some((entry) => entry.id === id)) {
        throw new UserError(ExitCode.usage, serverText.unknownProfile());
      }
      choice = id;
    },
    upload(path, name) {
      counter += 1;
      const entry: Entry = { id: `uploaded:${counter}`, profile: loadProfile(path, name), origin: 'uploaded' };
      uploaded = [...uploaded, entry];
      choice = entry.id;
      return entry;
    },
    addMade(profile, yaml, ignore) {
      counter += 1;
      const entry: Made = { id: `made:${counter}`, profile, origin: 'made', yaml };
      // A new mapping of the same files replaces the last one.
      made = [...made.filter((known) => known.profile.name !== profile.name), entry];
      ignoredSheets = [...new Set([...ignoredSheets, ...ignore])];
      // The profile joins the candidates: each sheet still chooses by its headers.
      choice = 'auto';
      return entry;
    },
    // A mapping under which no row is accepted is never kept: not a candidate, not saved.
    dropMade(id) {
      made = made.filter((entry) => entry.id !== id);
    },
    made: () => made,
    rename(id, name) {
      const entry = editable(id);
      const renamed = { ...entry.profile, name };
      if (entry.origin === 'local') rewriteName(fileIn(entry.profile.file), name);
      const known = made.find((candidate) => candidate.id === id);
      if (known) {
        const yaml = renamedYaml(known.yaml, name);
        if (known.saved) rewriteName(fileIn(known.saved), name);
        made = made.map((candidate) => (candidate === known ? { ...known, profile: renamed, yaml } : candidate));
      }
      return { ...entry, profile: renamed };
    },
    remove(id) {
      const entry = editable(id);
      const known = made.find((candidate) => candidate.id === id);
      const file = entry.origin === 'local' ? entry.profile.file : known?.saved;
      if (file !== undefined) rmSync(fileIn(file), { force: true });
      made = made.filter((candidate) => candidate.id !== id);
      if (choice === id) choice = 'auto';
      if (editing?.id === id) editing = undefined;
      return entry;
    },
    edit(id) {
      const entry = editable(id);
      const known = made.find((candidate) => candidate.id === id);
      const file = entry.origin === 'local' ? entry.profile.file : known?.saved;
      editing = { id, name: entry.profile.name, profile: entry.profile, ...(file !== undefined ? { file } : {}) };
      if (choice === id) choice = 'auto';
    },
    editing: () => editing,
    doneEditing() {
      editing = undefined;
    },
    clear() {
      uploaded = [];
      // Saved ones are files of the profiles/ folder now, listed from there.
      made = [];
      ignoredSheets = [];
      editing = undefined;
      choice = options.profile ? 'given' : 'auto';
    },
    madeFor(profile) {
      const entry = made.find((known) => known.profile.name === profile.name && known.profile.file === profile.file);
      return entry ? { id: entry.id, ...(entry.saved ? { saved: entry.saved } : {}) } : undefined;
    },
  };
  return state;
}

type State = ReturnType<typeof createProfileState>;

/** A profile's YAML with another name, its comments and layout kept. */
function renamedYaml(yaml: string, name: string): string {
  const document = parseDocument(yaml);
  document.set('name', name);
  return document.toString({ lineWidth: 0 });
}

function rewriteName(path: string, name: string): void {
  writeOutputFile(path, renamedYaml(readFileSync(path, 'utf8'), name), { option: 'profiles' });
}

/**
 * How a profile made on the page is named until it is saved: it stands where a file name
 * stands in messages and in the profile, so it is one spelling, the Vietnamese one.
 */
export const MADE_HERE = serverText.madeHere().vi;

/**
 * Why a mapping made on the page must not be kept: the sheets read with it accepted no row.
 * The reasons are the kinds of the rows' problems, most frequent first (three at most).
 */
export function mappingRefusal(result: ImportResult, profileName: string): Message | undefined {
  const sheets = result.files.flatMap((file) =>
    file.sheets.filter((sheet) => sheet.profile?.name === profileName && sheet.profile.file === MADE_HERE).map((sheet) => ({ file: file.file, sheet })),
  );
  const read = sheets.reduce((sum, entry) => sum + entry.sheet.read, 0);
  const accepted = sheets.reduce((sum, entry) => sum + entry.sheet.accepted, 0);
  if (sheets.length === 0 || read === 0 || accepted > 0) return undefined;
  const theirs = result.rejected.filter((row) => sheets.some((entry) => entry.file === row.source.file && entry.sheet.sheet === row.source.sheet));
  // By kind and column: "ngày không hợp lệ (cột "Tên trẻ")" says which mapped column is wrong.
  const key = (issue: { kind: string; column?: string }) => `${issue.kind}\u0000${issue.column ?? ''}`;
  const kinds = countsByKind(theirs.flatMap((row) => [...new Set(row.issues.map(key))])).slice(0, 3);
  return serverFormText.mappingAcceptsNothing({
    sheet: sheets[0]!.sheet.sheet,
    rejected: theirs.length,
    reasons: kinds.map(([both, rows]) => {
      const [kind = '', column = ''] = both.split('\u0000');
      return { vi: `${issueLabel(kind, 'vi')}${column ? ` (cột "${column}")` : ''}`, en: `${issueLabel(kind, 'en')}${column ? ` (column "${column}")` : ''}`, rows };
    }),
  });
}

/**
 * The page's view of the layouts to map: headers, the likely column for each kind, the contract's
 * columns; and, when a profile is being mapped again, its name, columns and values to start from.
 */
export function mappingView(layouts: readonly LayoutDraft[], editing?: Profile) {
  return {
    edit: editing ? { name: editing.name, ignoreSheets: editing.ignoreSheets, sheets: editing.sheets } : null,
    layouts: layouts.map((layout) => ({
      id: layout.id,
      sheets: layout.sheets,
      headerRow: layout.headerRow,
      kind: layout.kind ?? null,
      columns: layout.headers.flatMap((header, index) =>
        header === ''
          ? []
          : [
              {
                index,
                letter: columnLetter(index),
                header,
                proposals: Object.fromEntries(KINDS.map((kind) => [kind, proposalsFor(layout, specOf(kind)).get(index) ?? null])),
              },
            ],
      ),
    })),
    kinds: SHEETS.map((sheet) => ({
      kind: sheet.kind,
      label: KIND_LABELS[sheet.kind]!,
      columns: sheet.columns.map((column) => ({ key: column.key, header: column.header, required: column.required })),
    })),
  };
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function choicesOf(layouts: readonly LayoutDraft[], requested: z.output<typeof CheckRequest>['layouts']): LayoutChoice[] {
  return requested.map((choice) => {
    if (!layouts.some((layout) => layout.id === choice.id)) {
      throw new UserError(ExitCode.usage, serverText.mappingOutOfDate());
    }
    return choice;
  });
}

export function registerProfiles(app: FastifyInstance, stateOf: (request: FastifyRequest) => State, hooks: ProfileHooks, profilesDir: string): void {
  const pending = (request: FastifyRequest): readonly LayoutDraft[] => {
    const layouts = hooks.pendingMapping(request);
    if (!layouts || layouts.length === 0) {
      throw new UserError(ExitCode.usage, serverText.nothingToMap());
    }
    return layouts;
  };
  const listed = (state: State) => ({
    choice: state.choice(),
    profiles: state.entries().map((entry) => ({
      id: entry.id,
      name: entry.profile.name,
      // A profile made here and saved is shown by its file.
      file: state.made().find((made) => made.id === entry.id)?.saved ?? entry.profile.file,
      origin: entry.origin,
    })),
    broken: state.broken(),
  });

  app.get('/api/profiles', async (request) => listed(stateOf(request)));

  app.post('/api/profiles/choice', async (request) => {
    const state = stateOf(request);
    state.choose(parseBody(ChoiceRequest, request.body).choice);
    return { ...listed(state), reading: hooks.reread(request) ?? null };
  });

  app.post('/api/profiles', async (request) => {
    const state = stateOf(request);
    const { paths, folder } = await hooks.receive(request, 'profile');
    try {
      if (paths.length !== 1) throw new UserError(ExitCode.usage, serverText.chooseProfileFile());
      const path = paths[0]!;
      state.upload(path, basename(path));
    } finally {
      // The profile is in memory now: its file is not kept.
      rmSync(folder, { recursive: true, force: true });
    }
    return { ...listed(state), reading: hooks.reread(request) ?? null };
  });

  const IdRequest = z.object({ id: z.string().max(300) });

  app.post('/api/profiles/rename', async (request) => {
    const state = stateOf(request);
    const body = parseBody(IdRequest.extend({ name: z.string().trim().min(1).max(200) }), request.body);
    const entry = state.rename(body.id, body.name.normalize('NFC'));
    const file = state.made().find((made) => made.id === entry.id)?.saved ?? entry.profile.file;
    return { ...listed(state), renamed: serverFormText.profileRenamed({ name: entry.profile.name, file }), reading: hooks.reread(request) ?? null };
  });

  app.post('/api/profiles/delete', async (request) => {
    const state = stateOf(request);
    const entry = state.remove(parseBody(IdRequest, request.body).id);
    return { ...listed(state), deleted: serverFormText.profileDeleted({ name: entry.profile.name }), reading: hooks.reread(request) ?? null };
  });

  app.post('/api/profiles/edit', async (request) => {
    const state = stateOf(request);
    state.edit(parseBody(IdRequest, request.body).id);
    const reading = hooks.reread(request);
    if (!reading) {
      state.doneEditing();
      throw new UserError(ExitCode.usage, serverFormText.profileEditNeedsData());
    }
    return { ...listed(state), reading };
  });

  app.post('/api/mapping/check', async (request) => {
    const layouts = pending(request);
    const choices = choicesOf(layouts, parseBody(CheckRequest, request.body).layouts);
    return { layouts: choices.map((choice) => checkMapping(layouts.find((layout) => layout.id === choice.id)!, choice)) };
  });

  app.post('/api/mapping', async (request, reply) => {
    const layouts = pending(request);
    const body = parseBody(MappingRequest, request.body);
    const choices = choicesOf(layouts, body.layouts);
    for (const choice of choices) {
      const check = checkMapping(layouts.find((layout) => layout.id === choice.id)!, choice);
      const sheet = layouts.find((layout) => layout.id === choice.id)!.sheets[0]!.sheet;
      if (check.missingRequired.length > 0 || check.twice.length > 0) {
        const missing = check.missingRequired.map((header) => `"${header}"`).join(', ');
        const twice = check.twice.map((header) => `"${header}"`).join(', ');
        throw new UserError(
          ExitCode.usage,
          serverText.mappingIncomplete({ sheet, missing, twice }),
        );
      }
    }
    const name = body.name.normalize('NFC');
    const made = makeProfile(name, layouts, choices, MADE_HERE);
    const ignore = choices.filter((choice) => choice.kind === 'ignore').flatMap((choice) => layouts.find((layout) => layout.id === choice.id)!.sheets.map((sheet) => sheet.sheet));
    const entry = stateOf(request).addMade(made.profile, made.yaml, ignore);
    const reading = hooks.reread(request, { madeId: entry.id, profileName: made.profile.name, layouts });
    return reply.code(202).send({ id: entry.id, reading });
  });

  app.post('/api/mapping/save', async (request) => {
    const { id } = parseBody(z.object({ id: z.string().max(40) }), request.body);
    const state = stateOf(request);
    const entry = state.made().find((candidate) => candidate.id === id);
    if (!entry) throw new UserError(ExitCode.usage, serverText.noMadeProfile());
    const edited = state.editing();
    if (!entry.saved && edited?.file !== undefined && edited.name === entry.profile.name) {
      // A profile mapped again ("Sửa") is saved over its own file.
      const name = basename(edited.file);
      writeOutputFile(join(profilesDir, name), entry.yaml, { option: 'profiles' });
      entry.saved = shownAs('profiles', name);
      state.doneEditing();
    }
    if (!entry.saved) {
      prepareOutputFolder(profilesDir, { option: 'profiles' });
      const base = profileFileName(entry.profile.name);
      // A new file only, never through a link: a name taken (even by a dangling symlink) gets the next number.
      const name = writeNewFileIn(profilesDir, (n) => (n === 1 ? base : base.replace(/\.yaml$/, `-${n}.yaml`)), entry.yaml, { option: 'profiles' });
      entry.saved = shownAs('profiles', name);
    }
    return { saved: entry.saved, folder: profilesDir };
  });

  app.get('/download/profile.yaml', async (request, reply: FastifyReply) => {
    const { id } = parseBody(z.object({ id: z.string().max(40) }), request.query);
    const entry = stateOf(request).made().find((candidate) => candidate.id === id);
    if (!entry) return reply.code(404).send({ error: serverText.noSuchProfile() });
    return reply
      .header('content-disposition', `attachment; filename="${profileFileName(entry.profile.name)}"`)
      .type('application/yaml; charset=utf-8')
      .send(entry.yaml);
  });
}
