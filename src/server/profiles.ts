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
 */
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type BrokenProfile, bundledProfiles, checkMapping, KIND_LABELS, type LayoutChoice, type LayoutDraft, loadProfile, localProfilesChecked, makeProfile, profileFileName, type ProfileSelection, proposalsFor, specOf } from '../pipeline/stages.js';
import { prepareOutputFolder, writeNewFileIn } from '../io/output.js';
import { SHEETS } from '../model/columns.js';
import { ExitCode, serverText, UserError, type Message } from '../messages/index.js';
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
  /** Reads the tab's files again (with the new selection); undefined when there are none. */
  readonly reread: (request: FastifyRequest) => object | undefined;
  /** The layouts of the tab's last read that need mapping. */
  readonly pendingMapping: (request: FastifyRequest) => readonly LayoutDraft[] | undefined;
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
        .filter((profile) => !made.some((entry) => entry.saved === profile.file))
        .map((profile): Entry => ({ id: `local:${profile.file}`, profile, origin: 'local' })),
      ...given,
      ...uploaded,
      ...made,
    ];
  };

  const state: ProfileState & {
    entries: typeof entries;
    broken: () => BrokenProfile[];
    choice: () => string;
    choose: (id: string) => void;
    upload: (path: string, name: string) => Entry;
    addMade: (profile: Profile, yaml: string, ignore: readonly string[]) => Made;
    made: () => Made[];
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
    made: () => made,
    clear() {
      uploaded = [];
      // Saved ones are files of the profiles/ folder now, listed from there.
      made = [];
      ignoredSheets = [];
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

/**
 * How a profile made on the page is named until it is saved: it stands where a file name
 * stands in messages and in the profile, so it is one spelling, the Vietnamese one.
 */
export const MADE_HERE = serverText.madeHere().vi;

/** The page's view of the layouts to map: headers, the likely column for each kind, the contract's columns. */
export function mappingView(layouts: readonly LayoutDraft[]) {
  return {
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
      file: entry.profile.file,
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
    const reading = hooks.reread(request);
    return reply.code(202).send({ id: entry.id, reading });
  });

  app.post('/api/mapping/save', async (request) => {
    const { id } = parseBody(z.object({ id: z.string().max(40) }), request.body);
    const entry = stateOf(request).made().find((candidate) => candidate.id === id);
    if (!entry) throw new UserError(ExitCode.usage, serverText.noMadeProfile());
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
