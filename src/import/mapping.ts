/**
 * The mapping step of `chitieu serve` (profiles/README.md): for sheets refused because their
 * headers are not the contract's, what chitieu sees of them (header row, likely kind, each
 * header's likely column: the suggestions of `inspect --draft-profile`), a check of the
 * mapping a person chose (required columns left, a column given twice, values of coded
 * columns that the contract does not know), and the profile the mapping makes: the YAML a
 * person would write by hand, checked exactly as a profile file is.
 */
import { stringify } from 'yaml';
import { SHEETS, type ColumnSpec, type SheetSpec } from '../model/columns.js';
import type { Profile } from '../model/profile.js';
import type { RecordKind } from '../model/records.js';
import { CODED, DISTINCT_LIMIT, draftLayout, unknownValues, type DraftColumn } from './draft-profile.js';
import { inspectFile } from './inspect.js';
import { profileFromData } from './profiles.js';
import type { UnreadableInput } from './read-file.js';
import type { ProfileSelection } from './sheet-choice.js';
import { CONTRACT_VOCABULARY } from './sheet.js';
import { LIKELY } from './suggest-column.js';
import { foldHeader, foldSheetName, stripDiacritics } from './text.js';

/** A sheet the mapping covers: several files of one layout share one mapping. */
export interface MappedSheet {
  readonly file: string;
  readonly sheet: string;
  /** Rows holding any value below the header. */
  readonly rows: number;
}

/** One layout (one header) to map, with what a mapping check needs of its values. */
export interface LayoutDraft {
  readonly id: string;
  readonly sheets: readonly MappedSheet[];
  readonly headerRow: number;
  /** The header row's texts by 0-based column ('' where blank). */
  readonly headers: readonly string[];
  /** The kind the headers most resemble, if any. */
  readonly kind: RecordKind | undefined;
  /** Distinct texts per column below the header, bounded (server-side only: never sent whole). */
  readonly values: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Files whose sheets were refused for their headers, as the import named and found them. */
export interface RefusedFile {
  readonly path: string;
  readonly file: string;
  readonly sheets: readonly string[];
}

/** The refused sheets a mapping can mend (header not the contract's), by file. */
export function refusedForHeaders(unreadable: readonly UnreadableInput[], pathOf: (file: string) => string | undefined): RefusedFile[] {
  const byFile = new Map<string, RefusedFile & { sheets: string[] }>();
  for (const item of unreadable) {
    if (item.cause !== 'header' || item.sheet === undefined) continue;
    const path = pathOf(item.file);
    if (path === undefined) continue;
    const entry = byFile.get(item.file) ?? { path, file: item.file, sheets: [] };
    entry.sheets.push(item.sheet);
    byFile.set(item.file, entry);
  }
  return [...byFile.values()];
}

/** What each refused sheet looks like; sheets of the same header across files become one layout. */
export async function proposeMapping(files: readonly RefusedFile[], selection: ProfileSelection): Promise<LayoutDraft[]> {
  type Building = Omit<LayoutDraft, 'sheets' | 'values'> & { sheets: MappedSheet[]; values: Map<number, Set<string>> };
  const layouts: Building[] = [];
  const bySignature = new Map<string, Building>();
  for (const refused of files) {
    const inspection = await inspectFile(refused.path, false, { selection, draft: true });
    for (const draft of inspection.drafts ?? []) {
      if (!refused.sheets.includes(draft.name)) continue;
      const layout = draftLayout(draft);
      // No row that looks like a header: nothing to map a profile's headers from.
      if (!layout) continue;
      const rows = inspection.json.sheets.find((sheet) => sheet.name === draft.name)?.rows ?? 0;
      const signature = layout.headers.map(foldHeader).join('\u0001');
      let entry = bySignature.get(signature);
      if (!entry) {
        entry = {
          id: `b${layouts.length + 1}`,
          sheets: [],
          headerRow: layout.headerRow.number,
          headers: layout.headers,
          kind: layout.spec?.kind,
          values: new Map(),
        };
        bySignature.set(signature, entry);
        layouts.push(entry);
      }
      entry.sheets.push({ file: refused.file, sheet: draft.name, rows });
      for (const [index, seen] of draft.values) {
        const into = entry.values.get(index) ?? new Set<string>();
        for (const value of seen) if (into.size < DISTINCT_LIMIT) into.add(value);
        entry.values.set(index, into);
      }
    }
  }
  return layouts;
}

/** A header's likely contract column for one kind: known to the contract, likely, or a guess. */
export interface ColumnProposal {
  readonly key: string;
  readonly how: 'known' | 'likely' | 'guess';
}

export function proposalsFor(layout: Pick<LayoutDraft, 'headers'>, spec: SheetSpec): Map<number, ColumnProposal> {
  const proposals = new Map<number, ColumnProposal>();
  const columns: readonly DraftColumn[] = draftLayout({ name: '', top: [{ number: 1, cells: [...layout.headers] }] }, spec)?.columns ?? [];
  for (const column of columns) {
    if (column.known) proposals.set(column.index, { key: column.known.key, how: 'known' });
    else if (column.suggestion) proposals.set(column.index, { key: column.suggestion.column.key, how: column.suggestion.score >= LIKELY ? 'likely' : 'guess' });
  }
  return proposals;
}

export const specOf = (kind: RecordKind): SheetSpec => SHEETS.find((sheet) => sheet.kind === kind)!;

/** A person's mapping of one layout: its kind (or not data at all) and, per column index, a contract key. */
export interface LayoutChoice {
  readonly id: string;
  readonly kind: RecordKind | 'ignore';
  /** Column index → contract key; columns not listed are ignored. */
  readonly columns: Readonly<Record<string, string>>;
  /** Contract key → { value as the file writes it → contract code or label }. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface CodedColumnValues {
  readonly index: number;
  readonly key: string;
  /** The file's header and the contract's. */
  readonly header: string;
  readonly column: string;
  /** Values the contract does not read, in the file's spelling (empty when `tooMany`). */
  readonly unknown: readonly string[];
  /** So many distinct values that this is not a coded column: they are not listed. */
  readonly tooMany: boolean;
  readonly allowed: readonly { readonly code: string; readonly label: string }[];
}

export interface MappingCheck {
  readonly id: string;
  /** Required contract columns no header is mapped to, by their Vietnamese headers. */
  readonly missingRequired: readonly string[];
  /** Contract columns two headers are mapped to, by their Vietnamese headers. */
  readonly twice: readonly string[];
  readonly values: readonly CodedColumnValues[];
}

/** More values than this in a "coded" column means it was mapped wrongly (names, dates). */
const MAX_LISTED_VALUES = 40;

function allowedOf(column: ColumnSpec): { code: string; label: string }[] {
  const cell = column.cell;
  if (cell.type === 'enum' || cell.type === 'list') return cell.list.map((entry) => ({ code: entry.code, label: entry.label }));
  return [
    { code: 'Có', label: 'Có' },
    { code: 'Không', label: 'Không' },
  ];
}

/** The columns a choice maps, known contract headers included, in the file's order. */
function mappedColumns(layout: LayoutDraft, spec: SheetSpec, choice: LayoutChoice): { index: number; column: ColumnSpec }[] {
  const mapped: { index: number; column: ColumnSpec }[] = [];
  layout.headers.forEach((header, index) => {
    if (header === '') return;
    const known = CONTRACT_VOCABULARY.headers.get(foldHeader(header))?.get(spec);
    const key = known?.key ?? choice.columns[String(index)];
    const column = key ? spec.columns.find((candidate) => candidate.key === key) : undefined;
    if (column) mapped.push({ index, column });
  });
  return mapped;
}

export function checkMapping(layout: LayoutDraft, choice: LayoutChoice): MappingCheck {
  if (choice.kind === 'ignore') return { id: layout.id, missingRequired: [], twice: [], values: [] };
  const spec = specOf(choice.kind);
  const mapped = mappedColumns(layout, spec, choice);
  const keys = mapped.map(({ column }) => column.key);
  const twice = spec.columns.filter((column) => keys.filter((key) => key === column.key).length > 1).map((column) => column.header);
  const missingRequired = spec.columns.filter((column) => column.required && !keys.includes(column.key)).map((column) => column.header);
  const values: CodedColumnValues[] = [];
  for (const { index, column } of mapped) {
    if (!CODED.has(column.cell.type)) continue;
    const seen = layout.values.get(index);
    const unknown = unknownValues(column, seen);
    if (unknown.length === 0) continue;
    const tooMany = (seen?.size ?? 0) >= DISTINCT_LIMIT || unknown.length > MAX_LISTED_VALUES;
    values.push({ index, key: column.key, header: layout.headers[index]!, column: column.header, unknown: tooMany ? [] : unknown, tooMany, allowed: allowedOf(column) });
  }
  return { id: layout.id, missingRequired, twice, values };
}

/**
 * The profile a mapping makes, as the YAML file's data: each layout's headers that the
 * contract does not know under the column chosen, its values mapped, and layouts said not to
 * be data under `ignoreSheets`. Checked by `profileFromData` like any profile file.
 */
export function profileDataOf(name: string, layouts: readonly LayoutDraft[], choices: readonly LayoutChoice[]): Record<string, unknown> {
  const sheets: Partial<Record<RecordKind, { match: string[]; columns: Record<string, string[]>; values: Record<string, Record<string, string>> }>> = {};
  const ignoreSheets: string[] = [];
  for (const choice of choices) {
    const layout = layouts.find((candidate) => candidate.id === choice.id);
    if (!layout) continue;
    const names = [...new Set(layout.sheets.map((sheet) => sheet.sheet))];
    if (choice.kind === 'ignore') {
      ignoreSheets.push(...names.filter((sheetName) => !ignoreSheets.includes(sheetName)));
      continue;
    }
    const spec = specOf(choice.kind);
    const sheet = (sheets[choice.kind] ??= { match: [], columns: {}, values: {} });
    for (const sheetName of names) if (!sheet.match.some((known) => foldSheetName(known) === foldSheetName(sheetName))) sheet.match.push(sheetName);
    layout.headers.forEach((header, index) => {
      const key = choice.columns[String(index)];
      if (header === '' || !key) return;
      // The contract's own names need no alias (and may not be given to another column).
      if (CONTRACT_VOCABULARY.headers.get(foldHeader(header))?.get(spec)?.key === key) return;
      const headers = (sheet.columns[key] ??= []);
      if (!headers.some((known) => foldHeader(known) === foldHeader(header))) headers.push(header);
    });
    for (const [key, mapping] of Object.entries(choice.values ?? {})) {
      const given = Object.entries(mapping).filter(([, target]) => target.trim() !== '');
      if (given.length === 0) continue;
      sheet.values[key] = { ...(sheet.values[key] ?? {}), ...Object.fromEntries(given) };
    }
  }
  const files = [...new Set(layouts.flatMap((layout) => layout.sheets.map((sheet) => sheet.file)))];
  return {
    name,
    description: `Ghép cột trên trang chitieu serve từ ${files.join(', ')}`,
    ...(ignoreSheets.length > 0 ? { ignoreSheets } : {}),
    sheets: Object.fromEntries(
      Object.entries(sheets).map(([kind, sheet]) => [
        kind,
        { match: sheet.match, columns: sheet.columns, ...(Object.keys(sheet.values).length > 0 ? { values: sheet.values } : {}) },
      ]),
    ),
  };
}

/** A mapping made on the page: the checked profile and the YAML a person can keep and edit. */
export interface MadeProfile {
  readonly profile: Profile;
  readonly yaml: string;
}

export function makeProfile(name: string, layouts: readonly LayoutDraft[], choices: readonly LayoutChoice[], shownAs: string): MadeProfile {
  const data = profileDataOf(name, layouts, choices);
  const profile = profileFromData(data, shownAs);
  const yaml = [
    `# Hồ sơ cột ghép trên trang chitieu serve / column-mapping profile made on the page.`,
    `# Dùng lại: đặt tệp này vào thư mục profiles/ nơi chạy chitieu, hoặc --profile TỆP. Xem profiles/README.md.`,
    stringify(data, { lineWidth: 0 }),
  ].join('\n');
  return { profile, yaml };
}

/** A file name for a profile from its name: "Sổ của xã Sơn Hà" → "so-cua-xa-son-ha.yaml". */
export function profileFileName(name: string): string {
  const slug = stripDiacritics(name.normalize('NFC').toLowerCase())
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'ho-so-cot'}.yaml`;
}
