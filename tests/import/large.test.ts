import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childRecords } from '../../src/model/record-columns.js';
import { importFiles } from '../../src/import/index.js';
import { writeLargeChildrenWorkbook } from '../../bench/datasets.js';
import { tempDir } from '../helpers/workbooks.js';

describe('a 100,000-row export', () => {
  it('is streamed and every row is accounted for', async () => {
    const path = join(tempDir(), 'huyen-son-ha-100k.xlsx');
    await writeLargeChildrenWorkbook(path, 100_000);
    const result = await importFiles([path]);
    expect(result.files[0]).toMatchObject({ read: 100_000, accepted: 100_000, rejected: 0 });
    expect(childRecords(result.dataset.children)).toHaveLength(100_000);
    // Every 100th child (index 0, 100, …, 99,900) is in group d: 1,000 children.
    expect(childRecords(result.dataset.children).filter((child) => child.specialGroups.includes('HCDB04'))).toHaveLength(1000);
    // Row 2 holds index 0: born 1 Jan 2010.
    expect(childRecords(result.dataset.children)[0]).toMatchObject({ childId: 'L0000000', dateOfBirth: '2010-01-01', communeCode: '21289' });
  }, 180_000);
});
