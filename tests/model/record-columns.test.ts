/**
 * Records as columns (src/model/record-columns.ts): plain records go in and come back the
 * same; files' columns join with their dictionaries merged; ages from date numbers agree with
 * the ISO-string arithmetic of engine/dates.ts.
 */
import { describe, expect, it } from 'vitest';
import { ageInMonths, ageInYears } from '../../src/engine/dates.js';
import { agesOnNumber, yearsBetween } from '../../src/engine/dates.js';
import {
  childColumns,
  childRecords,
  concatChildren,
  dateNumber,
  eventColumns,
  eventRecords,
  isoOfDateNumber,
  rowsWithCode,
  selectChildren,
} from '../../src/model/record-columns.js';
import type { Child, ChildEvent } from '../../src/model/records.js';
import { child } from '../engine/fixtures.js';

describe('records as columns', () => {
  it('gives back the records it was given, nulls, blanks and lists included', () => {
    const children: Child[] = [
      child('A', { personalId: '051215000001', ethnicity: 'Hrê', districtCode: '529', village: 'Thôn 1', schoolStatus: 'TIEU_HOC', specialGroups: ['HCDB01', 'HCDB04'], specialSince: '2024-02-29', supportDate: '2025-03-01' }),
      // A sheet without the yes/no and school columns: null, and its absent keys travel with it.
      child('B', { birthRegistered: null, hasHealthInsurance: false, schoolStatus: null, status: 'DEAD', statusDate: '2025-05-31', absentColumns: ['schoolStatus'], source: { file: 'b.xlsx', sheet: 'Trẻ em', row: 7 } }),
    ];
    expect(childRecords(childColumns(children))).toEqual(children);
    const events: ChildEvent[] = [
      { caseId: 'V1', childId: 'A', communeCode: '21289', eventType: 'XAM_HAI', eventDate: '2025-03-10', abuseForms: ['XAM_HAI_TINH_DUC'], abuseSetting: 'GIA_DINH', interventions: [], handling: 'XU_PHAT_HC', fineAmount: 1_500_000.5, source: { file: 'a.xlsx', sheet: 'SuViec', row: 2 } },
      { caseId: 'V2', childId: 'X', sex: 'NU', dateOfBirth: '2014-12-31', communeCode: '21292', eventType: 'TNTT', eventDate: '2025-01-02', abuseForms: [], interventions: ['TU_VAN_TAM_LY'], source: { file: 'a.xlsx', sheet: 'SuViec', row: 3 } },
    ];
    expect(eventRecords(eventColumns(events))).toEqual(events);
  });

  it('joins the columns of several files with their dictionaries merged, and selects rows', () => {
    const first = childColumns([child('A', { sex: 'NU', communeCode: '21292' }), child('B')]);
    const second = childColumns([child('C', { communeCode: '21295' }), child('D', { sex: 'NU', communeCode: '21292' })]);
    const joined = concatChildren([first, second]);
    expect(childRecords(joined).map((record) => [record.childId, record.sex, record.communeCode])).toEqual([
      ['A', 'NU', '21292'],
      ['B', 'NAM', '21289'],
      ['C', 'NAM', '21295'],
      ['D', 'NU', '21292'],
    ]);
    expect(joined.fields.communeCode.dictionary).toEqual(['21292', '21289', '21295']);
    const inCommune = selectChildren(joined, rowsWithCode(joined.fields.communeCode, '21292'));
    expect(childRecords(inCommune).map((record) => record.childId)).toEqual(['A', 'D']);
  });

  it('refuses a value of the wrong shape (a bug, not bad input)', () => {
    expect(() => childColumns([child('A', { specialGroups: ['NOT_A_GROUP'] })])).toThrow(/specialGroups/);
  });

  it('reads ages from date numbers exactly as from ISO dates (29 February, month ends)', () => {
    const births = ['2016-02-29', '2009-06-30', '2009-07-01', '2024-01-31', '2025-06-30', '2020-12-31'];
    for (const at of ['2025-02-28', '2025-03-01', '2025-06-30', '2024-02-29', '2025-04-30']) {
      const ages = agesOnNumber(dateNumber(at));
      for (const birth of births) {
        if (birth > at) continue;
        expect([birth, at, yearsBetween(dateNumber(birth), dateNumber(at))]).toEqual([birth, at, ageInYears(birth, at)]);
        expect([birth, at, ages.months(dateNumber(birth))]).toEqual([birth, at, ageInMonths(birth, at)]);
      }
    }
    expect(isoOfDateNumber(dateNumber('2025-07-01'))).toBe('2025-07-01');
  });
});
