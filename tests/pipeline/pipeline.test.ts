import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/engine/index.js';
import { loadDefinitions } from '../../src/pipeline/compute.js';
import { factsFor } from '../../src/pipeline/report.js';
import { reportUnit } from '../../src/pipeline/units.js';
import { dataset, facts } from '../engine/fixtures.js';

const definitions = loadDefinitions();

describe('pipeline', () => {
  it("takes a commune's facts by the engine's rule: any id of the same window", () => {
    const period = parsePeriod('2025-H1');
    const { unit, subUnits } = reportUnit('529', period, definitions.units);
    const [first, second, third] = subUnits;
    const data = dataset({
      communeFacts: [
        facts(first!.code, '2025-H1', { population: 100 }),
        // The same window written as dates: the engine counts it, so must the report.
        facts(second!.code, '2025-01-01..2025-06-30', { population: 200 }),
        // Another window: left out.
        facts(third!.code, '2025-Q1', { population: 300 }),
        // A commune of another district: left out.
        facts('00001', '2025-H1', { population: 400 }),
      ],
    });
    const found = factsFor(data, unit, period, definitions.units, definitions.presets);
    expect(found.map((fact) => fact.population)).toEqual([100, 200]);
  });
});
