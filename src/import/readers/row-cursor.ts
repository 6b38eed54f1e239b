import type { RawRow } from './types.js';

/**
 * A sheet's rows, handed over in batches, read one at a time: an `AsyncIterator` of rows for
 * the few first rows (`chooseSheet`), and `drain` for the rest, which awaits once per batch
 * rather than once per row (half a million awaits cost more than scanning the cells did).
 */
export class RowCursor implements AsyncIterator<RawRow> {
  private batch: readonly RawRow[] = [];
  private at = 0;
  private readonly batches: AsyncIterator<readonly RawRow[]>;

  constructor(batches: AsyncIterable<readonly RawRow[]>) {
    this.batches = batches[Symbol.asyncIterator]();
  }

  async next(): Promise<IteratorResult<RawRow>> {
    while (this.at >= this.batch.length) {
      if (!(await this.nextBatch())) return { done: true, value: undefined };
    }
    return { done: false, value: this.batch[this.at++]! };
  }

  /** Calls `each` on every row not read yet, in order. */
  async drain(each: (row: RawRow) => void): Promise<void> {
    do {
      const batch = this.batch;
      while (this.at < batch.length) each(batch[this.at++]!);
    } while (await this.nextBatch());
  }

  private async nextBatch(): Promise<boolean> {
    const next = await this.batches.next();
    if (next.done) return false;
    this.batch = next.value;
    this.at = 0;
    return true;
  }
}
