import type { RowIssue } from '../model/issues.js';
import { msg, type Message } from '../model/messages.js';
import type { Child, ChildEvent, SourceRef } from '../model/records.js';
import { formatDmy } from '../model/dates.js';

/**
 * Checks that need more than one row: duplicates across files and events against their
 * child. Input is in reading order (files by name, sheets, rows), so the first of two
 * duplicates is always the same one, whatever order the files were read in.
 */

export interface LinkRejection<T> {
  readonly record: T;
  readonly issues: RowIssue[];
}

export interface LinkWarning {
  readonly source: SourceRef;
  readonly kind: string;
  readonly message: Message;
}

export interface LinkOutcome {
  readonly children: Child[];
  readonly events: ChildEvent[];
  readonly rejectedChildren: LinkRejection<Child>[];
  readonly rejectedEvents: LinkRejection<ChildEvent>[];
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

export function linkRecords(children: readonly Child[], events: readonly ChildEvent[]): LinkOutcome {
  const rejectedChildren: LinkRejection<Child>[] = [];
  const byId = new Map<string, Child>();
  const byPersonalId = new Map<string, Child>();
  const kept: Child[] = [];
  for (const child of children) {
    const first = byId.get(child.childId) ?? (child.personalId ? byPersonalId.get(child.personalId) : undefined);
    if (first) {
      const sameKey = first.childId === child.childId;
      rejectedChildren.push({
        record: child,
        issues: [
          {
            column: sameKey ? 'Mã trẻ em' : 'Số định danh cá nhân',
            value: sameKey ? child.childId : child.personalId,
            personal: !sameKey,
            kind: 'duplicate_child',
            message: msg(
              `trùng ${sameKey ? 'Mã trẻ em' : 'Số định danh cá nhân'} với ${where(first.source)} (trẻ ${first.childId})`,
              `same ${sameKey ? 'child ID' : 'personal ID'} as ${whereEn(first.source)} (child ${first.childId})`,
            ),
          },
        ],
      });
      continue;
    }
    byId.set(child.childId, child);
    if (child.personalId) byPersonalId.set(child.personalId, child);
    kept.push(child);
  }

  const rejectedEvents: LinkRejection<ChildEvent>[] = [];
  const warnings: LinkWarning[] = [];
  const seenEvents = new Map<string, ChildEvent>();
  const keptEvents: ChildEvent[] = [];
  for (const event of events) {
    const key = `${event.caseId}\u0000${event.childId}`;
    const first = seenEvents.get(key);
    const issues: RowIssue[] = [];
    // Warned only when the event is kept: a rejected row already says what is wrong.
    const missingChild: LinkWarning[] = [];
    if (first) {
      issues.push({
        column: 'Mã vụ việc',
        value: event.caseId,
        kind: 'duplicate_event',
        message: msg(
          `vụ việc ${event.caseId} của trẻ ${event.childId} đã có ở ${where(first.source)}`,
          `case ${event.caseId} of child ${event.childId} is already at ${whereEn(first.source)}`,
        ),
      });
    }
    const child = byId.get(event.childId);
    if (!child) {
      missingChild.push({
        source: event.source,
        kind: 'missing_child',
        message: msg(
          `trẻ ${event.childId} không có trong danh sách trẻ em; sự việc vẫn được tính theo giới tính, ngày sinh ghi ở dòng này`,
          `child ${event.childId} is not in the children list; the event still counts, with this row's sex and birth date`,
        ),
      });
    } else {
      if (event.eventDate < child.dateOfBirth) {
        issues.push({
          column: 'Ngày xảy ra',
          value: formatDmy(event.eventDate),
          kind: 'event_before_birth',
          message: msg(
            `ngày xảy ra trước ngày sinh của trẻ ${child.childId} (${formatDmy(child.dateOfBirth)})`,
            `the event is dated before child ${child.childId} was born (${formatDmy(child.dateOfBirth)})`,
          ),
        });
      }
      if (child.status === 'DEAD' && child.statusDate !== undefined && child.statusDate < event.eventDate) {
        issues.push({
          column: 'Ngày xảy ra',
          value: formatDmy(event.eventDate),
          kind: 'event_after_death',
          message: msg(
            `ngày xảy ra sau ngày trẻ ${child.childId} tử vong (${formatDmy(child.statusDate)})`,
            `the event is dated after child ${child.childId} died (${formatDmy(child.statusDate)})`,
          ),
        });
      }
    }
    if (issues.length > 0) {
      rejectedEvents.push({ record: event, issues });
      continue;
    }
    warnings.push(...missingChild.splice(0));
    seenEvents.set(key, event);
    keptEvents.push(event);
  }
  return { children: kept, events: keptEvents, rejectedChildren, rejectedEvents, warnings };
}
