import type { SheetSpec } from '../model/columns.js';
import type { Profile } from '../model/profile.js';
import { displayText } from './cells.js';
import type { RawRow } from './readers/types.js';
import {
  CONTRACT_VOCABULARY,
  HEADER_SEARCH_ROWS,
  findHeaderRow,
  layoutOf,
  sheetKindFromHeaders,
  sheetKindFromName,
  vocabularyOf,
  type SheetLayout,
  type Vocabulary,
} from './sheet.js';
import { foldSheetName } from './text.js';

/**
 * What the importer makes of a sheet from its name, its state and its first rows: read as a
 * kind of records (and why: its name or its headers, and with which column-mapping profile)
 * or skipped (and why). One decision for the importer and for `inspect`, so that `inspect`
 * shows exactly what an import would do.
 */
export type SheetChoice =
  | { readonly type: 'read'; readonly spec: SheetSpec; readonly by: 'name' | 'headers'; readonly layout: SheetLayout }
  /** Hidden, and its name names no kind: skipped without reading it. */
  | { readonly type: 'hidden' }
  /** Its name says it is not data, or the user or the profile said to skip it: not read. */
  | { readonly type: 'skipped'; readonly reason: 'notData' | 'ignored' }
  /** No header within the first rows; `named` when its name names a kind. */
  | { readonly type: 'no_header'; readonly named: SheetSpec | undefined }
  | { readonly type: 'unknown_kind'; readonly headerRow: number }
  /** Two or more profiles fit its header equally well, better than the contract alone. */
  | { readonly type: 'ambiguous'; readonly profiles: readonly Profile[] };

export interface ChosenSheet {
  readonly choice: SheetChoice;
  /** The rows read to decide (those within the header search), in order. */
  readonly top: readonly RawRow[];
  /** The first row after `top`, if any; the rest are still in the iterator. */
  readonly next: IteratorResult<RawRow>;
}

/**
 * What sheets are read with (profiles/README.md): `profile` (`--profile`) alone when given;
 * else each sheet with the contract, unless one of `candidates` fits its header better.
 */
export interface ProfileSelection {
  readonly profile?: Profile;
  readonly candidates: readonly Profile[];
  /** `--ignore-sheet` names: sheets that hold no data, said by the user. */
  readonly ignoreSheets: readonly string[];
}

export const CONTRACT_ONLY: ProfileSelection = { candidates: [], ignoreSheets: [] };

/** Names of sheets that say they are not data (folded, as a name's first words). */
const NOT_DATA_NAMES = [
  'huong dan', 'ghi chu', 'danh muc', 'chu thich', 'giai thich', 'tham so', 'bia', 'mau bieu',
  'notes', 'note', 'readme', 'read me', 'instructions', 'help', 'lists', 'codes', 'lookup', 'cover',
].map((name) => name.replace(/\s+/g, ''));

export function namesNoData(name: string): boolean {
  const folded = foldSheetName(name);
  return NOT_DATA_NAMES.some((prefix) => folded.startsWith(prefix));
}

/** Vocabularies built once per profile object (a worker gets one copy per file). */
const vocabularies = new WeakMap<Profile, Vocabulary>();

function vocabularyFor(profile: Profile): Vocabulary {
  let vocabulary = vocabularies.get(profile);
  if (!vocabulary) {
    vocabulary = vocabularyOf(profile);
    vocabularies.set(profile, vocabulary);
  }
  return vocabulary;
}

/** The vocabularies a sheet may be read with: the first is the one used when nothing reads better. */
function vocabulariesOf(selection: ProfileSelection): Vocabulary[] {
  if (selection.profile) return [vocabularyFor(selection.profile)];
  return [CONTRACT_VOCABULARY, ...selection.candidates.map(vocabularyFor)];
}

function decide(vocabulary: Vocabulary, name: string, top: readonly RawRow[]): SheetChoice {
  const named = sheetKindFromName(name, vocabulary);
  const headerRow = findHeaderRow(top, vocabulary);
  if (!headerRow) return { type: 'no_header', named };
  const spec = named ?? sheetKindFromHeaders(headerRow.cells.map((cell) => displayText(cell)), vocabulary);
  if (!spec) return { type: 'unknown_kind', headerRow: headerRow.number };
  return { type: 'read', spec, by: named ? 'name' : 'headers', layout: layoutOf(spec, headerRow, vocabulary) };
}

/** How well a decision fits: every required column first, then the number of columns recognised. */
function fit(choice: SheetChoice): number {
  if (choice.type !== 'read') return -1;
  return (choice.layout.missingRequired.length === 0 ? 1000 : 0) + choice.layout.columns.length;
}

/** The contract alone unless a profile fits strictly better; two that fit equally are never chosen between. */
function best(choices: readonly SheetChoice[], candidates: readonly Vocabulary[]): SheetChoice {
  const [first, ...others] = choices;
  if (!first) throw new Error('no vocabulary to read a sheet with');
  const top = Math.max(-1, ...others.map(fit));
  if (others.length === 0 || top <= fit(first)) return first;
  const tied = others.flatMap((choice, index) => (fit(choice) === top ? [{ choice, profile: candidates[index + 1]?.profile }] : []));
  if (tied.length > 1) return { type: 'ambiguous', profiles: tied.flatMap(({ profile }) => (profile ? [profile] : [])) };
  return tied[0]!.choice;
}

export async function chooseSheet(
  name: string,
  hidden: boolean,
  rows: AsyncIterator<RawRow>,
  selection: ProfileSelection = CONTRACT_ONLY,
): Promise<ChosenSheet> {
  const candidates = vocabulariesOf(selection);
  const named = candidates.some((vocabulary) => sheetKindFromName(name, vocabulary) !== undefined);
  const top: RawRow[] = [];
  const notRead = (choice: SheetChoice): ChosenSheet => ({ choice, top, next: { done: true, value: undefined } });
  const folded = foldSheetName(name);
  if ([...selection.ignoreSheets, ...(selection.profile?.ignoreSheets ?? [])].some((ignored) => foldSheetName(ignored) === folded)) {
    return notRead({ type: 'skipped', reason: 'ignored' });
  }
  if (hidden && !named) return notRead({ type: 'hidden' });
  if (!named && namesNoData(name)) return notRead({ type: 'skipped', reason: 'notData' });
  let next = await rows.next();
  while (!next.done && next.value.number <= HEADER_SEARCH_ROWS) {
    top.push(next.value);
    next = await rows.next();
  }
  const choice = best(
    candidates.map((vocabulary) => decide(vocabulary, name, top)),
    candidates,
  );
  return { choice, top, next };
}
