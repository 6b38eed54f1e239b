import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHILDREN_SHEET, COMMUNE_FACTS_SHEET, EVENTS_SHEET } from '../../src/model/columns.js';
import { CHILD_FIELDS, COMMUNE_FACT_FIELDS, EVENT_FIELDS } from '../../src/model/fields.js';
import { CHILD_LAYOUT, EVENT_LAYOUT } from '../../src/model/record-columns.js';
import { Child, ChildEvent, CommuneFacts } from '../../src/model/records.js';

const source = { file: 'a.xlsx', sheet: 'TreEm', row: 2 };

describe('one description per record field', () => {
  it('the sheet, the schema and the column layout list the same fields in the same order', () => {
    const recordKeys = (shape: object) => Object.keys(shape).filter((key) => key !== 'source' && key !== 'absentColumns');
    expect(CHILDREN_SHEET.columns.map((column) => column.key)).toEqual(Object.keys(CHILD_FIELDS));
    expect(recordKeys(Child.shape)).toEqual(Object.keys(CHILD_FIELDS));
    expect(Object.keys(CHILD_LAYOUT)).toEqual(Object.keys(CHILD_FIELDS));
    expect(EVENTS_SHEET.columns.map((column) => column.key)).toEqual(Object.keys(EVENT_FIELDS));
    expect(recordKeys(ChildEvent.shape)).toEqual(Object.keys(EVENT_FIELDS));
    expect(Object.keys(EVENT_LAYOUT)).toEqual(Object.keys(EVENT_FIELDS));
    expect(COMMUNE_FACTS_SHEET.columns.map((column) => column.key)).toEqual(Object.keys(COMMUNE_FACT_FIELDS));
    expect(recordKeys(CommuneFacts.shape)).toEqual(Object.keys(COMMUNE_FACT_FIELDS));
  });

  it('a header written once reaches the sheet; personal fields stay marked', () => {
    expect(CHILDREN_SHEET.columns.find((column) => column.key === 'fullName')).toMatchObject({ header: 'Họ và tên', required: true, personal: true });
    expect(CHILDREN_SHEET.columns.filter((column) => column.personal).map((column) => column.key)).toEqual(['personalId', 'fullName']);
    expect(CHILD_LAYOUT.village).toEqual({ type: 'code' });
  });

  it('the derived schema still refuses what the contract refuses', () => {
    const facts = { communeCode: '21289', periodId: '2025-H1', population: 1200, source };
    expect(CommuneFacts.safeParse(facts).success).toBe(true);
    expect(CommuneFacts.safeParse({ ...facts, communeCode: '2128' }).success).toBe(false);
    expect(CommuneFacts.safeParse({ ...facts, villages: 2.5 }).success).toBe(false);
    expect(CommuneFacts.safeParse({ ...facts, population: -1 }).success).toBe(false);
    expect(CommuneFacts.safeParse({ ...facts, periodId: '' }).success).toBe(false);
  });

  it('records.ts and record-columns.ts no longer import each other', () => {
    const records = readFileSync(join(import.meta.dirname, '../../src/model/records.ts'), 'utf8');
    expect(records).not.toMatch(/from '\.\/record-columns\.js'/);
  });
});
