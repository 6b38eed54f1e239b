import type { SheetSpec } from '../model/columns.js';
import { displayText } from './cells.js';
import type { RawRow } from './readers/types.js';
import { HEADER_SEARCH_ROWS, findHeaderRow, layoutOf, sheetKindFromHeaders, sheetKindFromName, type SheetLayout } from './sheet.js';

/**
 * What the importer makes of a sheet from its name, its state and its first rows: read as a
 * kind of records (and why: its name or its headers) or skipped (and why). One decision for
 * the importer and for `inspect`, so that `inspect` shows exactly what an import would do.
 */
export type SheetChoice =
  | { readonly type: 'read'; readonly spec: SheetSpec; readonly by: 'name' | 'headers'; readonly layout: SheetLayout }
  /** Hidden, and its name names no kind: skipped without reading it. */
  | { readonly type: 'hidden' }
  /** No header within the first rows; `named` when its name names a kind (the file is then unreadable). */
  | { readonly type: 'no_header'; readonly named: SheetSpec | undefined }
  | { readonly type: 'unknown_kind'; readonly headerRow: number };

export interface ChosenSheet {
  readonly choice: SheetChoice;
  /** The rows read to decide (those within the header search), in order. */
  readonly top: readonly RawRow[];
  /** The first row after `top`, if any; the rest are still in the iterator. */
  readonly next: IteratorResult<RawRow>;
}

export async function chooseSheet(name: string, hidden: boolean, rows: AsyncIterator<RawRow>): Promise<ChosenSheet> {
  const named = sheetKindFromName(name);
  const top: RawRow[] = [];
  if (hidden && !named) return { choice: { type: 'hidden' }, top, next: { done: true, value: undefined } };
  let next = await rows.next();
  while (!next.done && next.value.number <= HEADER_SEARCH_ROWS) {
    top.push(next.value);
    next = await rows.next();
  }
  const headerRow = findHeaderRow(top);
  if (!headerRow) return { choice: { type: 'no_header', named }, top, next };
  const spec = named ?? sheetKindFromHeaders(headerRow.cells.map((cell) => displayText(cell)));
  if (!spec) return { choice: { type: 'unknown_kind', headerRow: headerRow.number }, top, next };
  return { choice: { type: 'read', spec, by: named ? 'name' : 'headers', layout: layoutOf(spec, headerRow) }, top, next };
}
