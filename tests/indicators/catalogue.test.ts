import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_DIR, loadCatalogue, loadIndicatorFile, loadTargets } from '../../src/indicators/index.js';
import { ExitCode } from '../../src/messages/index.js';
import { userError } from '../helpers/errors.js';


const CORE = ['TE-0101', 'TE-0104', 'TE-0105', 'TE-0301', 'TE-0302', 'TE-0303', 'TE-0304', 'TE-0305', 'TE-0306', 'XH-0101', 'XH-0102', 'XH-0103', 'XH-0201', 'XH-0202'];
const EXTENDED = ['TE-0102', 'TE-0103', 'TE-0201', 'TE-0202', 'TE-0310', 'TE-0401', 'TE-0402', 'TE-0403', 'TE-0501', 'TE-0502', 'TE-0601'];

describe('the shipped catalogue', () => {
  const catalogue = loadCatalogue();

  it('holds the core and the extended set, in code order', () => {
    const codes = catalogue.indicators.map((definition) => definition.code);
    expect(codes).toEqual([...CORE, ...EXTENDED].sort());
  });
  it('places each indicator in the Circular', () => {
    expect(catalogue.get('TE-0301')).toMatchObject({ appendix: 'I', group: '03', groupName: 'Bảo vệ trẻ em', unitOfCount: 'children', periodKind: 'stock' });
    expect(catalogue.get('XH-0202')).toMatchObject({ appendix: 'II', group: '02', unitOfCount: 'amount', periodKind: 'flow' });
  });
  it('keeps the breakdowns of the rules table', () => {
    const keys = (code: string) => catalogue.get(code)!.breakdowns.filter((entry) => entry.length === 1).map((entry) => entry[0]);
    expect(keys('TE-0101')).toEqual(['sex', 'ageGroup']);
    expect(keys('TE-0301')).toEqual(['group', 'sex', 'ageGroup']);
    expect(keys('TE-0304')).toEqual(['cause', 'sex', 'ageGroup']);
    expect(keys('XH-0101')).toEqual(['sex', 'ageGroup', 'setting', 'form']);
    expect(keys('XH-0102')).toEqual([]);
  });
  it('gives ratios a factor', () => {
    expect(catalogue.get('TE-0304')!.factor).toBe(100_000);
    expect(catalogue.get('TE-0104')!.factor).toBe(100);
    expect(catalogue.get('XH-0102')!.factor).toBeUndefined();
  });
});

const GOOD = `appendix: I
groups:
  '03': { name: Bảo vệ trẻ em, nameEn: Child protection }
indicators:
  - code: TE-0399
    name: Thử
    nameEn: Test
    group: '03'
    unitOfCount: children
    periodKind: flow
    numerator:
      count: children
      of: events
      where:
        eventType: TNTT
`;

function writeDefinition(text: string, name = '09-thu.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-indicators-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

describe('bad definition files', () => {
  it('a valid custom file loads', () => {
    const dir = writeDefinition(GOOD);
    expect(loadCatalogue(dir).get('TE-0399')?.numerator.where.eventType).toEqual(['TNTT']);
  });
  const cases: [string, string, string][] = [
    ['a condition that does not exist', GOOD.replace('eventType: TNTT', 'eventKind: TNTT'), 'indicators[0] (TE-0399).numerator.where'],
    ['a code not in the code list', GOOD.replace('eventType: TNTT', 'eventType: TAI_NAN'), 'indicators[0] (TE-0399).numerator.where.eventType'],
    ['a condition of another source', GOOD.replace('eventType: TNTT', 'birthRegistered: true'), 'indicators[0] (TE-0399).numerator.where.birthRegistered'],
    ['a ratio without a factor', GOOD + '    denominator:\n      count: children\n      of: population\n', 'indicators[0] (TE-0399).factor'],
    ['a code outside its group', GOOD.replace("group: '03'\n    unit", "group: '04'\n    unit"), 'indicators[0] (TE-0399).group'],
    ['a breakdown the source has not', GOOD + '    breakdowns: [group]\n', 'indicators[0] (TE-0399).breakdowns[0]'],
    ['counting cases of children', GOOD.replace('of: events', 'of: population').replace('eventType: TNTT', 'sex: NU').replace('count: children', 'count: cases'), 'indicators[0] (TE-0399).numerator.count'],
    ['a fine sum without perCase', GOOD.replace('count: children', 'sum: fineAmount'), 'indicators[0] (TE-0399).numerator.perCase'],
    ['an XH code in appendix I', GOOD.replace('TE-0399', 'XH-0399'), 'indicators[0] (XH-0399).code'],
    ['a missing name', GOOD.replace('    name: Thử\n', ''), 'indicators[0] (TE-0399).name'],
  ];
  for (const [what, text, path] of cases) {
    it(`${what}: exit 4, naming the file and the field`, () => {
      const dir = writeDefinition(text);
      const error = userError(() => loadCatalogue(dir));
      expect(error.exitCode).toBe(ExitCode.invalidDefinition);
      expect(error.text.vi).toContain('09-thu.yaml');
      expect(error.text.en).toContain(path);
    });
  }
  it('a YAML syntax error', () => {
    const dir = writeDefinition('appendix: I\nindicators: [\n');
    const error = userError(() => loadCatalogue(dir));
    expect(error.exitCode).toBe(ExitCode.invalidDefinition);
    expect(error.text.en).toContain('YAML');
  });
  it('a code defined in two files', () => {
    const dir = writeDefinition(GOOD, 'a.yaml');
    writeFileSync(join(dir, 'b.yaml'), GOOD);
    const error = userError(() => loadCatalogue(dir));
    expect(error.text.en).toMatch(/b\.yaml.*TE-0399.*a\.yaml/);
  });
  it('every shipped file is valid on its own', () => {
    for (const name of ['01-chung.yaml', '03-bao-ve.yaml', 'xh-xam-hai.yaml']) {
      expect(loadIndicatorFile(join(CATALOGUE_DIR, name)).length).toBeGreaterThan(0);
    }
  });
  it('a shipped file with one field broken is caught', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-indicators-'));
    copyFileSync(join(CATALOGUE_DIR, '03-bao-ve.yaml'), join(dir, '03-bao-ve.yaml'));
    const text = readFileSync(join(dir, '03-bao-ve.yaml'), 'utf8').replace('outcome: TU_VONG', 'outcome: CHET');
    writeFileSync(join(dir, '03-bao-ve.yaml'), text);
    expect(userError(() => loadCatalogue(dir)).text.en).toContain('indicators[4] (TE-0305).numerator.where.outcome');
  });
});

describe('bad target files', () => {
  const catalogue = loadCatalogue();
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-targets-'));
    writeFileSync(join(dir, 'plan.yaml'), text);
    return join(dir, 'plan.yaml');
  };
  it('an indicator not in the catalogue', () => {
    const file = write('plan: P\ntargets:\n  - label: L\n    indicator: TE-0999\n    rule: full_coverage\n');
    const error = userError(() => loadTargets(file, catalogue));
    expect(error.exitCode).toBe(ExitCode.invalidDefinition);
    expect(error.text.en).toContain('targets[0].indicator');
  });
  it('100% of a count', () => {
    const file = write('plan: P\ntargets:\n  - label: L\n    indicator: XH-0102\n    rule: full_coverage\n');
    expect(userError(() => loadTargets(file, catalogue)).text.en).toContain('ratio');
  });
  it('a reduction without its percent', () => {
    const file = write('plan: P\ntargets:\n  - label: L\n    indicator: TE-0305\n    rule: reduction\n');
    expect(userError(() => loadTargets(file, catalogue)).text.en).toContain('targets[0] (TE-0305).percent');
  });
  it('an override with neither percent nor skip', () => {
    const file = write("plan: P\ntargets:\n  - label: L\n    indicator: TE-0305\n    rule: reduction\n    percent: 10\n    overrides:\n      - unit: '09552'\n");
    expect(userError(() => loadTargets(file, catalogue)).text.en).toContain('targets[0] (TE-0305).overrides[0]');
  });
});
