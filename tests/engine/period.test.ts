import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addYears, ageInMonths, ageInYears, isIsoDate } from '../../src/engine/dates.js';
import {
  computeIndicators,
  loadCatalogue,
  parsePeriod,
  periodFromWindow,
  samePeriodLastYear,
} from '../../src/engine/index.js';
import { ExitCode, UserError } from '../../src/messages/index.js';
import { periodIdOf, periodOfRef, periodRef, readPeriodId } from '../../src/model/period.js';
import { child, dataset, event, figure } from './fixtures.js';
import { userError } from '../helpers/errors.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { loadPeriodPresets } from '../../src/pipeline/load.js';

const presets = loadPeriodPresets();


describe('period ids', () => {
  it('calendar periods', () => {
    expect(parsePeriod('2025-H1')).toEqual({ kind: 'half-year', year: 2025, half: 1, id: '2025-H1', from: '2025-01-01', to: '2025-06-30' });
    expect(parsePeriod('2025-9M')).toEqual({ kind: 'nine-months', year: 2025, id: '2025-9M', from: '2025-01-01', to: '2025-09-30' });
    expect(parsePeriod('2025')).toEqual({ kind: 'year', year: 2025, id: '2025', from: '2025-01-01', to: '2025-12-31' });
    expect(parsePeriod('2025-Q1')).toEqual({ kind: 'quarter', year: 2025, quarter: 1, id: '2025-Q1', from: '2025-01-01', to: '2025-03-31' });
    expect(parsePeriod('2024-Q1').to).toBe('2024-03-31');
    expect(parsePeriod('2025-Q2')).toEqual({ kind: 'quarter', year: 2025, quarter: 2, id: '2025-Q2', from: '2025-04-01', to: '2025-06-30' });
    expect(parsePeriod('2025-Q3')).toEqual({ kind: 'quarter', year: 2025, quarter: 3, id: '2025-Q3', from: '2025-07-01', to: '2025-09-30' });
    expect(parsePeriod('2025-q4')).toEqual({ kind: 'quarter', year: 2025, quarter: 4, id: '2025-Q4', from: '2025-10-01', to: '2025-12-31' });
  });
  it('custom windows, both days included', () => {
    expect(periodFromWindow('2025-01-01', '2026-06-30')).toEqual({ kind: 'custom', id: '2025-01-01..2026-06-30', from: '2025-01-01', to: '2026-06-30' });
    expect(parsePeriod('2025-01-01..2026-06-30')).toEqual(periodFromWindow('2025-01-01', '2026-06-30'));
    expect(userError(() => periodFromWindow('2025-06-30', '2025-01-01')).exitCode).toBe(ExitCode.usage);
    expect(userError(() => periodFromWindow('2025-02-29', '2025-03-01')).exitCode).toBe(ExitCode.usage);
  });
  it('unknown ids are usage errors that list the accepted forms', () => {
    const error = userError(() => parsePeriod('2025-H3'));
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.text.en).toContain('2025-H1');
  });
});

describe('cut-off presets from the periods file', () => {
  it('cutoff-6m is 15 Dec of the year before to 14 May', () => {
    expect(parsePeriod('2025-cutoff-6m', presets)).toEqual({ kind: 'named', year: 2025, name: 'cutoff-6m', id: '2025-cutoff-6m', from: '2024-12-15', to: '2025-05-14' });
    expect(parsePeriod('2025-nd09-year', presets)).toEqual({ kind: 'named', year: 2025, name: 'nd09-year', id: '2025-nd09-year', from: '2024-12-15', to: '2025-12-14' });
  });
  it('without the presets the name is unknown', () => {
    expect(() => parsePeriod('2025-cutoff-6m')).toThrow(UserError);
  });
  it('a bad periods file is an invalid-settings error naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-periods-'));
    const file = join(dir, 'periods.yaml');
    writeFileSync(file, 'periods:\n  bad:\n    from: 31/02\n    to: 14/05\n');
    const error = userError(() => loadPeriodPresets(file));
    expect(error.exitCode).toBe(ExitCode.invalidDefinition);
    expect(error.text.en).toContain('periods.bad.from');
    writeFileSync(file, 'periods:\n  h1:\n    from: 01/01\n    to: 30/06\n');
    expect(userError(() => loadPeriodPresets(file)).text.en).toContain('built-in');
  });
  it('counts events inside the cut-off window only, and the population at its last day', () => {
    // W = 2024-12-15..2025-05-14, R = 2025-05-14. C1 is 15 on 2025-05-14, 16 on 2025-05-15.
    const data = dataset({
      children: [child('C1', { dateOfBirth: '2009-05-15' }), child('C2', { dateOfBirth: '2025-05-14' }), child('C3', { dateOfBirth: '2025-05-15' })],
      events: [
        event('E1', 'C2', { eventDate: '2024-12-15', dateOfBirth: '2010-01-01' }), // first day: in
        event('E2', 'C1', { eventDate: '2025-05-14' }), // last day: in
        event('E3', 'C1', { eventDate: '2025-05-15' }), // day after: out
        event('E4', 'X', { eventDate: '2024-12-14' }), // day before: out
      ],
    });
    const { result } = computeIndicators({ units: loadAdminUnits(), dataset: data, period: parsePeriod('2025-cutoff-6m', presets), catalogue: loadCatalogue() });
    // P(R): C1 (15 at R), C2 (born on R); C3 born after R.
    expect(figure(result.results, 'TE-0101', '21289').numerator).toBe(2);
    // E1 belongs to C2 — TreEm's birth date wins, and C2 was not born on the event date: the
    // event is not counted for an unborn child (age < 0); E2 counts.
    expect(figure(result.results, 'TE-0304', '21289').numerator).toBe(1);
  });
});

describe('same period last year', () => {
  it('shifts both ends back a year; 29 Feb becomes 28 Feb', () => {
    expect(samePeriodLastYear(parsePeriod('2025-H1'))).toEqual({ kind: 'half-year', year: 2024, half: 1, id: '2024-H1', from: '2024-01-01', to: '2024-06-30' });
    expect(samePeriodLastYear(parsePeriod('2025'))).toEqual({ kind: 'year', year: 2024, id: '2024', from: '2024-01-01', to: '2024-12-31' });
    expect(samePeriodLastYear(parsePeriod('2025-cutoff-6m', presets))).toEqual({ kind: 'named', year: 2024, name: 'cutoff-6m', id: '2024-cutoff-6m', from: '2023-12-15', to: '2024-05-14' });
    expect(samePeriodLastYear(periodFromWindow('2024-02-29', '2025-02-28'))).toEqual({
      kind: 'custom',
      id: '2023-02-28..2024-02-28',
      from: '2023-02-28',
      to: '2024-02-28',
    });
  });
});

describe('a period is read once into a value', () => {
  it('the stored form (results, annexes) gives back the kind; an id of no known form is a custom window', () => {
    expect(periodOfRef({ id: '2025-H2', from: '2025-07-01', to: '2025-12-31' })).toEqual({ kind: 'half-year', year: 2025, half: 2, id: '2025-H2', from: '2025-07-01', to: '2025-12-31' });
    expect(periodOfRef({ id: '2025-cutoff-6m', from: '2024-12-15', to: '2025-05-14' })).toMatchObject({ kind: 'named', year: 2025, name: 'cutoff-6m' });
    expect(periodOfRef({ id: 'kỳ 1', from: '2025-01-01', to: '2025-03-31' })).toEqual({ kind: 'custom', id: 'kỳ 1', from: '2025-01-01', to: '2025-03-31' });
    expect(readPeriodId('2025 H1')).toBeUndefined();
  });
  it('the id is written from the kind, so reading it back gives the same value', () => {
    for (const id of ['2025', '2025-H1', '2025-H2', '2025-9M', '2025-Q3', '2025-01-01..2025-02-15']) {
      const period = parsePeriod(id);
      expect(periodIdOf(period, period.from, period.to)).toBe(id);
      expect(periodOfRef(periodRef(period))).toEqual(period);
    }
  });
  it('nine months last year is named by its dates (1 Jan – 30 Sep of the year before)', () => {
    expect(samePeriodLastYear(parsePeriod('2025-9M'))).toEqual({ kind: 'custom', id: '2024-01-01..2024-09-30', from: '2024-01-01', to: '2024-09-30' });
    expect(samePeriodLastYear(parsePeriod('2025-Q4'))).toEqual({ kind: 'quarter', year: 2024, quarter: 4, id: '2024-Q4', from: '2024-10-01', to: '2024-12-31' });
  });
});

describe('dates', () => {
  it('age in completed years; born 29 Feb is a year older on 1 Mar of a common year', () => {
    expect(ageInYears('2016-02-29', '2025-02-28')).toBe(8);
    expect(ageInYears('2016-02-29', '2025-03-01')).toBe(9);
    expect(ageInYears('2009-06-30', '2025-06-30')).toBe(16);
    expect(ageInYears('2009-07-01', '2025-06-30')).toBe(15);
  });
  it('age in completed months', () => {
    expect(ageInMonths('2025-03-20', '2025-06-19')).toBe(2);
    expect(ageInMonths('2025-03-20', '2025-06-20')).toBe(3);
    expect(ageInMonths('2022-06-30', '2025-06-30')).toBe(36);
    expect(ageInMonths('2024-12-31', '2025-06-30')).toBe(6);
  });
  it('calendar checks', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(() => ageInYears('30/06/2025', '2025-06-30')).toThrow(RangeError);
  });
});
