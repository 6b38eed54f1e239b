import type { RowIssue } from '../model/issues.js';
import { msg, type Message } from '../model/messages.js';
import { formatDmy } from '../model/dates.js';
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
}

const where = (source: SourceRef) => `${source.file}, ${source.sheet}, dòng ${source.row}`;
const whereEn = (source: SourceRef) => `${source.file}, ${source.sheet}, row ${source.row}`;

export function compareSources(a: SourceRef, b: SourceRef): number {
  return compareText(a.file, b.file) || compareText(a.sheet, b.sheet) || a.row - b.row;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const dmy = (date: number) => formatDmy(isoOfDateNumber(date));

export function linkRecords(children: ChildColumns, events: EventColumns): LinkOutcome {
  const rejectedChildren: LinkRejection[] = [];
  const ids = children.fields.childId.values;
  const personalIds = children.fields.personalId.values;
  const byId = new Map<string, number>();
  const byPersonalId = new Map<string, number>();
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
            column: sameKey ? 'Mã trẻ em' : 'Số định danh cá nhân',
            value: sameKey ? childId : personalId,
            personal: !sameKey,
            kind: 'duplicate_child',
            message: msg(
              `trùng ${sameKey ? 'Mã trẻ em' : 'Số định danh cá nhân'} với ${where(firstSource)} (trẻ ${ids[first]})`,
              `same ${sameKey ? 'child ID' : 'personal ID'} as ${whereEn(firstSource)} (child ${ids[first]})`,
            ),
          },
        ],
      });
      continue;
    }
    byId.set(childId, index);
    if (personalId !== undefined) byPersonalId.set(personalId, index);
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
        column: 'Mã vụ việc',
        value: caseId,
        kind: 'duplicate_event',
        message: msg(
          `vụ việc ${caseId} của trẻ ${childId} đã có ở ${where(firstSource)}`,
          `case ${caseId} of child ${childId} is already at ${whereEn(firstSource)}`,
        ),
      });
    }
    const child = byId.get(childId);
    if (child !== undefined) {
      if (eventDate < born[child]!) {
        issues.push({
          column: 'Ngày xảy ra',
          value: dmy(eventDate),
          kind: 'event_before_birth',
          message: msg(
            `ngày xảy ra trước ngày sinh của trẻ ${childId} (${dmy(born[child]!)})`,
            `the event is dated before child ${childId} was born (${dmy(born[child]!)})`,
          ),
        });
      }
      const died = statusDates[child]!;
      if (codeAt(status, child) === 'DEAD' && died !== NO_DATE && died < eventDate) {
        issues.push({
          column: 'Ngày xảy ra',
          value: dmy(eventDate),
          kind: 'event_after_death',
          message: msg(
            `ngày xảy ra sau ngày trẻ ${childId} tử vong (${dmy(died)})`,
            `the event is dated after child ${childId} died (${dmy(died)})`,
          ),
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
        message: msg(
          `trẻ ${childId} không có trong danh sách trẻ em; sự việc vẫn được tính theo giới tính, ngày sinh ghi ở dòng này`,
          `child ${childId} is not in the children list; the event still counts, with this row's sex and birth date`,
        ),
      });
    }
    seenEvents.set(key, index);
    keptEvents.push(index);
  }
  return { children: kept, events: keptEvents, rejectedChildren, rejectedEvents, warnings };
}
