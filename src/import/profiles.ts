/**
 * Loading column-mapping profiles (profiles/README.md): YAML read and checked here, once, in
 * the main thread; the importer and its worker threads receive the checked, plain `Profile`.
 * A bad file is a UserError (exit 4) naming the file and the field.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readYamlFile } from '../io/yaml-file.js';
import { SHEETS, type ColumnSpec, type SheetSpec } from '../model/columns.js';
import { ExitCode, importText, type Message, UserError } from '../messages/index.js';
import { issueMessage, issuePath } from '../messages/zod-issue.js';
import { ProfileFile, type CheckedSheetProfile, type Profile, type SheetProfile } from '../model/profile.js';
import type { RecordKind } from '../model/records.js';
import { matcherFor, parseYesNo, YES_NO_WORDS } from './cells.js';
import { foldHeader } from './text.js';

/** Two levels up from this file is the package root, from src/import and dist/import alike. */
export const BUNDLED_PROFILES_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));

function invalid(file: string, field: string, reason: Message): UserError {
  return new UserError(
    ExitCode.invalidDefinition,
    field ? importText.invalidProfileAt({ file, field, reason }) : importText.invalidProfile({ file, reason }),
  );
}

/** Reads and checks one profile file; `shownAs` is how messages name it. */
export function loadProfile(path: string, shownAs: string = path): Profile {
  return profileFromData(readYamlFile(path, importText.profileFile(), ExitCode.invalidDefinition, shownAs), shownAs);
}

/** Checks a profile given as data (a YAML file's, or a mapping made on the page); `shownAs` names it in messages. */
export function profileFromData(raw: unknown, shownAs: string): Profile {
  const parsed = ProfileFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(shownAs, issuePath(issue.path), issueMessage(issue, { schema: ProfileFile, input: raw }));
  }
  return checkProfile(shownAs, parsed.data);
}

let bundled: Profile[] | undefined;

/** The profiles that come with chitieu (profiles/*.yaml), loaded once. */
export function bundledProfiles(): Profile[] {
  bundled ??= profilesIn(BUNDLED_PROFILES_DIR, (name) => `profiles/${name}`);
  return bundled;
}

function profilesIn(dir: string, shownAs: (name: string) => string, wanted: (name: string) => boolean = () => true): Profile[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name) && wanted(name)).sort();
  return names.map((name) => loadProfile(join(dir, name), shownAs(name)));
}

/**
 * Every profile that may be chosen by a sheet's headers: the bundled ones, then those in a
 * `profiles/` folder of the working directory (an office keeps its own there).
 */
export function availableProfiles(workingDir: string = process.cwd()): Profile[] {
  return [...bundledProfiles(), ...localProfiles(join(workingDir, 'profiles'))];
}

/**
 * The profiles an office keeps in `dir`, read afresh (one saved there counts at once). Run from
 * chitieu's own folder, `dir` is the bundled one: only the files added since it was loaded.
 */
export function localProfiles(dir: string, shownAs: (name: string) => string = (name) => join('profiles', name)): Profile[] {
  if (!existsSync(dir)) return [];
  return profilesIn(dir, shownAs, localOnly(dir));
}

/** A file of `dir` that cannot be used as a profile, and why (the reason names the file). */
export interface BrokenProfile {
  readonly file: string;
  readonly reason: Message;
}

/**
 * `localProfiles` for a server that must stay up: a bad file does not stop the others, it is
 * listed as broken with its reason.
 */
export function localProfilesChecked(dir: string, shownAs: (name: string) => string): { profiles: Profile[]; broken: BrokenProfile[] } {
  const profiles: Profile[] = [];
  const broken: BrokenProfile[] = [];
  if (!existsSync(dir)) return { profiles, broken };
  const wanted = localOnly(dir);
  for (const name of readdirSync(dir).filter((entry) => /\.ya?ml$/i.test(entry) && wanted(entry)).sort()) {
    try {
      profiles.push(loadProfile(join(dir, name), shownAs(name)));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      broken.push({ file: shownAs(name), reason: error.text });
    }
  }
  return { profiles, broken };
}

/** Which files of `dir` are the office's own: all of them, unless `dir` is chitieu's own profiles/. */
function localOnly(dir: string): (name: string) => boolean {
  let same = false;
  try {
    same = realpathSync(dir) === realpathSync(BUNDLED_PROFILES_DIR);
  } catch {
    same = false;
  }
  if (!same) return () => true;
  const bundledNames = new Set(bundledProfiles().map((profile) => basename(profile.file)));
  return (name) => !bundledNames.has(name);
}

/** The contract's own text for a value a profile maps to, or undefined when the contract does not know it. */
export function contractValue(column: ColumnSpec, target: string): string | undefined {
  if (target.trim() === '') return undefined;
  const cell = column.cell;
  if (cell.type === 'enum' || cell.type === 'list') return matcherFor(cell.list).match(target);
  if (cell.type === 'yesNo') {
    const parsed = parseYesNo(target);
    return parsed.ok ? (parsed.value ? YES_NO_WORDS.yes : YES_NO_WORDS.no) : undefined;
  }
  return undefined;
}

/** Column types whose values a profile may map: those the contract reads against a list. */
const MAPPABLE = new Set<ColumnSpec['cell']['type']>(['enum', 'list', 'yesNo']);

function checkProfile(file: string, parsed: ProfileFile): Profile {
  const sheets: Partial<Record<RecordKind, CheckedSheetProfile>> = {};
  for (const spec of SHEETS) {
    const given = parsed.sheets[spec.kind];
    if (given) sheets[spec.kind] = checkSheet(file, spec, given);
  }
  return { file, name: parsed.name, ignoreSheets: parsed.ignoreSheets ?? [], sheets };
}

function checkSheet(file: string, spec: SheetSpec, given: SheetProfile): CheckedSheetProfile {
  const at = (...parts: string[]) => ['sheets', spec.kind, ...parts].join('.');
  const columnOf = (key: string, field: string): ColumnSpec => {
    const column = spec.columns.find((candidate) => candidate.key === key);
    if (column) return column;
    const keys = spec.columns.map((candidate) => candidate.key).join(', ');
    throw invalid(
      file,
      field,
      importText.profileUnknownColumn({ key, name: spec.name, keys }),
    );
  };
  // A header the contract already gives to one column cannot be handed to another.
  const ownerOf = new Map<string, string>();
  for (const column of spec.columns) {
    for (const name of [column.header, ...column.aliases]) ownerOf.set(foldHeader(name), column.key);
  }
  const columns: Record<string, readonly string[]> = {};
  for (const [key, headers] of Object.entries(given.columns ?? {})) {
    columnOf(key, at('columns', key));
    for (const header of headers) {
      const owner = ownerOf.get(foldHeader(header));
      if (owner !== undefined && owner !== key) {
        throw invalid(
          file,
          at('columns', key),
          importText.profileHeaderTaken({ header, owner }),
        );
      }
      ownerOf.set(foldHeader(header), key);
    }
    columns[key] = headers;
  }
  const values: Record<string, Record<string, string>> = {};
  for (const [key, mapping] of Object.entries(given.values ?? {})) {
    const column = columnOf(key, at('values', key));
    if (!MAPPABLE.has(column.cell.type)) {
      throw invalid(
        file,
        at('values', key),
        importText.profileValuesNotCoded({ key }),
      );
    }
    const mapped: Record<string, string> = {};
    for (const [source, target] of Object.entries(mapping)) {
      const resolved = contractValue(column, target);
      if (resolved === undefined) {
        throw invalid(
          file,
          at('values', key, source),
          importText.profileValueUnknown({ target, header: column.header }),
        );
      }
      mapped[source] = resolved;
    }
    values[key] = mapped;
  }
  return { match: given.match ?? [], columns, values };
}
