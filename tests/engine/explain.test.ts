/**
 * explain: the keys behind a figure are exactly the records counted.
 * 2025-H1; 21289: E1 (NU, HCDB04), E2 (NAM), E3 (NU); 21292: E4 (NU).
 * Abuse: V1 E1 (21289, fine 3.000.000), V1 E3 (21289, fine 1.000.000), V2 E4 (21292), X9 not in TreEm (21289).
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, explainFigure, loadCatalogue, parsePeriod } from '../../src/engine/index.js';
import { UserError } from '../../src/messages/index.js';
import { child, dataset, event, figure } from './fixtures.js';
import { loadAdminUnits } from '../../src/units/index.js';

const catalogue = loadCatalogue();
const period = parsePeriod('2025-H1');
const abuse = { eventType: 'XAM_HAI', eventDate: '2025-02-02', abuseForms: ['BAO_LUC'], handling: 'XU_PHAT_HC' } as const;
const data = dataset({
  children: [
    child('E1', { sex: 'NU', specialGroups: ['HCDB04'], fullName: 'Nguyễn Thị Bí Mật', personalId: '001234567890' }),
    child('E2'),
    child('E3', { sex: 'NU' }),
    child('E4', { sex: 'NU', communeCode: '21292' }),
  ],
  events: [
    event('V1', 'E1', { ...abuse, abuseForms: ['BAO_LUC'], fineAmount: 3_000_000 }),
    event('V1', 'E3', { ...abuse, abuseForms: ['BAO_LUC'], fineAmount: 1_000_000 }),
    event('V2', 'E4', { ...abuse, abuseForms: ['BAO_LUC'], communeCode: '21292' }),
    event('V3', 'X9', { ...abuse, abuseForms: ['BOC_LOT'], handling: 'HOA_GIAI' }),
  ],
});
const explain = (indicator: string, unit: string, breakdown = {}) => explainFigure({ units: loadAdminUnits(), dataset: data, period, catalogue, indicator, unit, breakdown });

describe('explainFigure', () => {
  it('lists the children behind numerator and denominator', () => {
    const explanation = explain('TE-0301', '21289', { sex: 'NU' });
    expect(explanation.row).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(explanation.numerator).toEqual({ kind: 'children', keys: ['E1'] });
    expect(explanation.denominator).toEqual({ kind: 'children', keys: ['E1', 'E3'] });
    expect(explanation.rule.vi).toContain('× 100');
    expect(explanation.numeratorRule.vi).toContain('hoàn cảnh đặc biệt');
  });
  it('agrees with compute', () => {
    const { result } = computeIndicators({ units: loadAdminUnits(), dataset: data, period, catalogue });
    expect(explain('XH-0101', '529').row).toEqual(figure(result.results, 'XH-0101', '529'));
  });
  it('lists cases, and the amount taken for each', () => {
    expect(explain('XH-0102', '529').numerator).toEqual({ kind: 'cases', keys: ['V1', 'V2', 'V3'] });
    expect(explain('XH-0202', '21289').numerator).toEqual({ kind: 'cases', keys: ['V1'], amounts: [{ key: 'V1', amount: 3_000_000 }] });
  });
  it('finds the breakdown whatever the order of its keys', () => {
    const explanation = explain('XH-0101', '21289', { sex: 'NU', form: 'BAO_LUC' });
    expect(explanation.numerator.keys).toEqual(['E1', 'E3']);
    expect(explanation.row.breakdown).toEqual({ form: 'BAO_LUC', sex: 'NU' });
  });
  it('never carries names or personal IDs', () => {
    const text = JSON.stringify(explain('TE-0301', '21289'));
    expect(text).not.toContain('Bí Mật');
    expect(text).not.toContain('001234567890');
  });
  it('refuses an unknown indicator, unit or breakdown with a usage error', () => {
    expect(() => explain('TE-9999', '21289')).toThrow(UserError);
    expect(() => explain('TE-0101', '2128')).toThrow(UserError);
    expect(() => explain('TE-0101', '00001')).toThrow(UserError);
    expect(() => explain('TE-0101', '21289', { cause: 'NGA' })).toThrow(UserError);
  });
});
