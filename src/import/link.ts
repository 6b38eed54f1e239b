import type { RowIssue } from '../model/issues.js';
import { importText, type Message } from '../messages/index.js';
import { formatDmy } from '../model/dates.js';
import { CHILD_FIELDS, EVENT_FIELDS } from '../model/fields.js';
import { codeAt, isoOfDateNumber, NO_DATE, sourceAt, type ChildColumns, type EventColumns } from '../model/record-columns.js';
import type { SourceRef } from '../model/records.js';

/**
 * Checks that need more than one row: duplicates across files and events against their
 * child. Input is in reading order (files by name, sheets, rows), so the first of two
 * duplicates is always the same one, whatever order the files were read in. Rows are named
 * by their index in the columns.
 */

export interface LinkRejection {
  readonly index: number;
  readonly issues: RowIssue[];
}

export interface LinkWarning {
  readonly source: SourceRef;
  readonly kind: string;
  readonly message: Message;
}

export interface LinkOutcome {
  /** Indices of the rows kept, in order. */
  readonly children: number[];
  readonly events: number[];
  readonly rejectedChildren: LinkRejection[];
  readonly rejectedEvents: LinkRejection[];
  readonly warnings: LinkWarning[];
  /** Per event row, the row of the kept child with its Mã trẻ em (-1: none). */
  readonly eventChildren: Int32Array;
}

/** Where a row is, as plain data for a message (a SourceRef may carry more). */
const at = (source: SourceRef) => ({ file: source.file, sheet: source.sheet, row: source.row });

export function compareSources(a: SourceRef, b: SourceRef): number {
  return compareText(a.file, b.file) || compareText(a.sheet, b.sheet) || a.row - b.row;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const dmy = (date: number) => formatDmy(isoOfDateNumber(date));

/** FNV-1a of a text's UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * The first row of each text of a column, in typed arrays sized once (open addressing on a
 * hash of the text): half a million ids are checked without a Map growing entry by entry.
 */
class FirstRows {
  /** Per slot, the row + 1 (0: empty), and the row's hash. */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly texts: readonly (string | undefined)[],
    capacity: number,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Where the last `get` looked: its hash, and the empty slot a new text goes to. */
  private lastHash = 0;
  private lastSlot = -1;

  /** The first row recorded with `text`, if any. */
  get(text: string): number | undefined {
    const { slots, hashes, texts, mask } = this;
    const hash = hashOf(text);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const row = slots[slot]! - 1;
      if (row < 0) {
        this.lastHash = hash;
        this.lastSlot = slot;
        return undefined;
      }
      if (hashes[slot] === hash && texts[row] === text) return row;
    }
  }

  /** Records `row` as the first of the text the last `get` did not find. */
  addLastAsked(row: number): void {
    this.slots[this.lastSlot] = row + 1;
    this.hashes[this.lastSlot] = this.lastHash;
    this.lastSlot = -1;
  }
}

export function linkRecords(children: ChildColumns, events: EventColumns): LinkOutcome {
  const rejectedChildren: LinkRejection[] = [];
  const ids = children.fields.childId.values;
  const personalIds = children.fields.personalId.values;
  const byId = new FirstRows(ids, children.length);
  const byPersonalId = new FirstRows(personalIds, children.length);
  const kept: number[] = [];
  for (let index = 0; index < children.length; index++) {
    const childId = ids[index]!;
    const personalId = personalIds[index];
    const first = byId.get(childId) ?? (personalId !== undefined ? byPersonalId.get(personalId) : undefined);
    if (first !== undefined) {
      const sameKey = ids[first] === childId;
      const firstSource = sourceAt(children, first);
      rejectedChildren.push({
        index,
        issues: [
          {
            column: sameKey ? CHILD_FIELDS.childId.header : CHILD_FIELDS.personalId.header,
            value: sameKey ? childId : personalId,
            personal: !sameKey,
            kind: 'duplicate_child',
            message: sameKey
              ? importText.sameChildIdAs({ at: at(firstSource), child: ids[first]! })
              : importText.samePersonalIdAs({ at: at(firstSource), child: ids[first]! }),
          },
        ],
      });
      continue;
    }
    // Both were asked for just now and not found: each goes where its look-up ended.
    byId.addLastAsked(index);
    if (personalId !== undefined) byPersonalId.addLastAsked(index);
    kept.push(index);
  }

  const born = children.fields.dateOfBirth.dates;
  const status = children.fields.status;
  const statusDates = children.fields.statusDate.dates;
  const caseIds = events.fields.caseId.values;
  const eventChildIds = events.fields.childId.values;
  const eventDates = events.fields.eventDate.dates;
  const rejectedEvents: LinkRejection[] = [];
  const warnings: LinkWarning[] = [];
  const seenEvents = new Map<string, number>();
  const keptEvents: number[] = [];
  const eventChildren = new Int32Array(events.length).fill(-1);
  for (let index = 0; index < events.length; index++) {
    const caseId = caseIds[index]!;
    const childId = eventChildIds[index]!;
    const eventDate = eventDates[index]!;
    const key = `${caseId}\u0000${childId}`;
    const first = seenEvents.get(key);
    const issues: RowIssue[] = [];
    if (first !== undefined) {
      const firstSource = sourceAt(events, first);
      issues.push({
        column: EVENT_FIELDS.caseId.header,
        value: caseId,
        kind: 'duplicate_event',
        message: importText.caseAlreadyAt({ caseId, childId, at: at(firstSource) }),
      });
    }
    const child = byId.get(childId);
    if (child !== undefined) {
      eventChildren[index] = child;
      if (eventDate < born[child]!) {
        issues.push({
          column: EVENT_FIELDS.eventDate.header,
          value: dmy(eventDate),
          kind: 'event_before_birth',
          message: importText.eventBeforeBirthOf({ childId, born: dmy(born[child]!) }),
        });
      }
      const died = statusDates[child]!;
      if (codeAt(status, child) === 'DEAD' && died !== NO_DATE && died < eventDate) {
        issues.push({
          column: EVENT_FIELDS.eventDate.header,
          value: dmy(eventDate),
          kind: 'event_after_death',
          message: importText.eventAfterDeathOf({ childId, died: dmy(died) }),
        });
      }
    }
    if (issues.length > 0) {
      rejectedEvents.push({ index, issues });
      continue;
    }
    // Warned only when the event is kept: a rejected row already says what is wrong.
    if (child === undefined) {
      warnings.push({
        source: sourceAt(events, index),
        kind: 'missing_child',
        message: importText.childNotInChildrenList({ childId }),
      });
    }
    seenEvents.set(key, index);
    keptEvents.push(index);
  }
  return { children: kept, events: keptEvents, rejectedChildren, rejectedEvents, warnings, eventChildren };
}
