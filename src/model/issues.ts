import type { Message } from '../messages/index.js';
import type { RecordKind, SourceRef } from './records.js';

/** One problem with one cell (or with the row as a whole when `column` is absent). */
export interface RowIssue {
  /** The column's header as the file wrote it. */
  readonly column?: string;
  /** The cell's text as read (personal values are masked when shown on a terminal). */
  readonly value?: string;
  /** Whether `value` is personal data (Họ và tên, Số định danh cá nhân). */
  readonly personal?: boolean;
  /** Stable machine-readable kind, used for the summary by kind (e.g. `invalid_date`). */
  readonly kind: string;
  readonly message: Message;
}

/** A row that was read and not accepted, with every problem it has. */
export interface RejectedRow {
  readonly source: SourceRef;
  readonly recordKind: RecordKind;
  readonly issues: readonly RowIssue[];
  /** The whole row as read, header → text, for the error workbook (officials fix rows there). */
  readonly values: Readonly<Record<string, string>>;
}

/** Something that was read but changed, skipped or is worth a look; the row still counts. */
export interface ImportWarning {
  readonly source: SourceRef;
  readonly kind: string;
  readonly message: Message;
  /** The column's header as the file wrote it, when the warning is about one cell. */
  readonly column?: string;
  /** That cell's text as read. */
  readonly value?: string;
}
