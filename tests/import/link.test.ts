import { describe, expect, it } from 'vitest';
import { linkRecords } from '../../src/import/link.js';
import { childColumns, eventColumns } from '../../src/model/record-columns.js';
import { child, event } from '../engine/fixtures.js';

describe('linking children and events across many rows', () => {
  // 3,000 children: enough for ids to share slots of the look-up table, so that a look-up has
  // to tell texts apart, not only find an empty slot.
  const COUNT = 3000;
  const many = Array.from({ length: COUNT }, (_, index) => child(`C${index}`, { personalId: String(index).padStart(12, '0') }));

  it('rejects a repeated Mã trẻ em and a repeated personal id, naming the first row, and keeps the rest', () => {
    const children = childColumns([
      ...many,
      child('C17'), // row 3000: the id of row 17
      child('X1', { personalId: '000000002999' }), // row 3001: the personal id of row 2999
      child('X2', { personalId: '999999999999' }), // row 3002: new on both counts, kept
      child('X2'), // row 3003: the id of row 3002, which was kept
    ]);
    const linked = linkRecords(children, eventColumns([]));
    expect(linked.rejectedChildren.map((rejection) => [rejection.index, rejection.issues[0]!.column, rejection.issues[0]!.value])).toEqual([
      [3000, 'Mã trẻ em', 'C17'],
      [3001, 'Số định danh cá nhân', '000000002999'],
      [3003, 'Mã trẻ em', 'X2'],
    ]);
    // Kept: rows 0..2999 and 3002, i.e. 3,000 + 1.
    expect(linked.children.length).toBe(COUNT + 1);
    expect(linked.children.at(-1)).toBe(3002);
  });

  it("gives each event the row of its child, -1 for a child not in the list", () => {
    const children = childColumns(many);
    const events = eventColumns([event('V1', 'C0'), event('V2', 'C2999'), event('V3', 'C1500'), event('V4', 'NOBODY')]);
    const linked = linkRecords(children, events);
    expect([...linked.eventChildren]).toEqual([0, 2999, 1500, -1]);
    expect(linked.warnings.map((warning) => warning.kind)).toEqual(['missing_child']);
  });
});
