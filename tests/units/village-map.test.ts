/** `--village-map FILE`: CSV or YAML, checked against the bundled crosswalk; a bad file is exit 4 naming the line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, UserError } from '../../src/messages/index.js';
import { loadVillageMap } from '../../src/pipeline/load.js';
import { loadAdminUnits } from '../../src/units/index.js';

const units = loadAdminUnits();
const dir = mkdtempSync(join(tmpdir(), 'village-map-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const refusal = (path: string): UserError => {
  try {
    loadVillageMap(path, units);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('no refusal');
};

describe('village map files', () => {
  it('reads the CSV form (headers as Excel writes them, extra columns ignored, names matched loosely)', () => {
    const map = loadVillageMap(file('ban-do.csv', '\ufeffMã xã cũ;Tên xã cũ;Thôn/Tổ dân phố;Mã xã mới\n09552;Phú La;Tổ dân phố 7;09886\n09552;Phú La;Tổ dân phố 1;09552\n'), units);
    expect(map.size).toBe(2);
    expect(map.placeVillage('09552', 'tổ dân phố  7')).toBe('09886');
    expect(map.placeVillage('09552', 'Tổ dân phố 2')).toBeUndefined();
    expect([...map.oldCommunes]).toEqual(['09552']);
  });
  it('reads the YAML form, codes written as numbers too', () => {
    const map = loadVillageMap(file('ban-do.yaml', '- oldCommune: "09552"\n  village: Tổ dân phố 7\n  newCommune: 09886\n'), units);
    expect(map.placeVillage('09552', 'Tổ dân phố 7')).toBe('09886');
  });
  it('refuses a new commune not formed from the old one, naming the line and the right ones', () => {
    const error = refusal(file('sai-xa.csv', 'Mã xã cũ,Thôn/Tổ dân phố,Mã xã mới\n09552,Tổ dân phố 7,21289\n'));
    expect(error.exitCode).toBe(ExitCode.invalidDefinition);
    expect(error.text.vi).toContain('dòng 2');
    expect(error.text.vi).toContain('09552, 09886');
  });
  it('refuses a malformed code, a missing column, a village given two places, and a YAML that is not a list', () => {
    expect(refusal(file('ma.csv', 'Mã xã cũ,Thôn/Tổ dân phố,Mã xã mới\n9552x,Thôn 1,09886\n')).text.vi).toMatch(/dòng 2: Mã xã cũ: cần mã xã trước 01\/07\/2025/);
    expect(refusal(file('cot.csv', 'Mã xã cũ,Thôn,Mã xã\n09552,Thôn 1,09886\n')).text.vi).toContain('thiếu cột "Mã xã mới"');
    expect(refusal(file('hai.csv', 'Mã xã cũ,Thôn/Tổ dân phố,Mã xã mới\n09552,Thôn 1,09886\n09552,thôn 1,09552\n')).text.vi).toContain('dòng 3');
    expect(refusal(file('khong.yaml', 'oldCommune: "09552"\n')).exitCode).toBe(ExitCode.invalidDefinition);
    expect(refusal(file('cu.csv', 'Mã xã cũ,Thôn/Tổ dân phố,Mã xã mới\n99999,Thôn 1,09886\n')).text.en).toContain('not in the list before 1 July 2025');
  });
});
