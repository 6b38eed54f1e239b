/**
 * Every file checked with zod says its faults in our own words (src/messages/zod-issue.ts), in
 * Vietnamese and in English, never in the validator's English ("Unrecognized key", "Invalid
 * input", "expected string"): settings, narrative, targets, indicator files, profiles.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { profileFromData } from '../../src/import/profiles.js';
import { loadCatalogue, loadIndicatorFile, loadTargets } from '../../src/indicators/load.js';
import { allowedKeysAt, issueMessage } from '../../src/messages/zod-issue.js';
import { loadNarrative, NARRATIVE_KEYS } from '../../src/report/narrative.js';
import { loadSettingsFile } from '../../src/report/settings.js';
import { userError } from '../helpers/errors.js';
import { tempDir } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-zod-');

const refused = userError;

/** The validator's own English, which must never reach a person. */
const LIBRARY_WORDS = /Unrecognized key|Invalid input|Invalid option|expected (string|number|object|array)|Too (small|big)/;

function yaml(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('narrative and settings files', () => {
  it('an unknown narrative section says so in Vietnamese and lists the sections allowed', () => {
    const path = yaml('noi-dung.yaml', 'II.1: Đã tổ chức tập huấn.\nII.10: Một mục không có.\n');
    const error = refused(() => loadNarrative(path));
    expect(error.text.vi).toBe(`Tệp nội dung báo cáo ${path}: mục "II.10" không có trong mẫu; các mục được dùng: ${NARRATIVE_KEYS.join(', ')}`);
    expect(error.text.en).toBe(`The narrative file ${path}: unknown key "II.10"; the keys allowed: ${NARRATIVE_KEYS.join(', ')}`);
    expect(error.text.vi).not.toMatch(LIBRARY_WORDS);
    expect(error.text.en).not.toMatch(LIBRARY_WORDS);
  });

  it('a report date that does not exist, and a signer given as text instead of its lines', () => {
    const date = refused(() => loadSettingsFile(yaml('ngay.yaml', 'reportDate: 31/02/2025\n')));
    expect(date.text.vi).toBe(`Tệp thiết lập báo cáo ${join(dir, 'ngay.yaml')}, mục reportDate: cần một ngày có thật, dạng 2025-06-20 hoặc 20/06/2025`);
    const signer = refused(() => loadSettingsFile(yaml('ky.yaml', 'signer: Nguyễn Văn A\n')));
    expect(signer.text.vi).toBe(
      `Tệp thiết lập báo cáo ${join(dir, 'ky.yaml')}, mục signer: cần nhóm mục (các dòng "tên: giá trị"), ở đây là chữ ("Nguyễn Văn A")`,
    );
    expect(signer.text.en).toContain('field signer: a group of keys ("key: value" lines) is needed, here text ("Nguyễn Văn A")');
  });

  it('a misspelt setting lists the settings there are', () => {
    const error = refused(() => loadSettingsFile(yaml('sai-ten.yaml', 'plase: Sơn Hà\n')));
    expect(error.text.vi).toMatch(/: mục "plase" không có trong mẫu; các mục được dùng: .*\bplace\b/);
  });
});

describe('targets, indicator definitions and profiles', () => {
  const catalogue = loadCatalogue();

  it('a percent over 100, a missing rule and a missing label', () => {
    const over = yaml('chi-tieu.yaml', 'plan: Kế hoạch\ntargets:\n  - label: Giảm\n    indicator: TE-0305\n    rule: reduction\n    percent: 150\n');
    expect(refused(() => loadTargets(over, catalogue)).text.vi).toBe(`Tệp định nghĩa không hợp lệ: ${over}, mục targets[0] (TE-0305).percent: không được quá 100`);
    const missing = yaml('thieu.yaml', 'plan: Kế hoạch\ntargets:\n  - label: Giảm\n    indicator: TE-0305\n');
    const error = refused(() => loadTargets(missing, catalogue));
    expect(error.text.vi).toBe(`Tệp định nghĩa không hợp lệ: ${missing}, mục targets[0] (TE-0305).rule: thiếu mục bắt buộc (một trong: "reduction", "full_coverage")`);
    const noLabel = yaml('khong-nhan.yaml', 'plan: Kế hoạch\ntargets:\n  - indicator: TE-0305\n    rule: full_coverage\n');
    expect(refused(() => loadTargets(noLabel, catalogue)).text.vi).toBe(`Tệp định nghĩa không hợp lệ: ${noLabel}, mục targets[0] (TE-0305).label: thiếu mục bắt buộc`);
    expect(error.text.en).toBe(`Invalid definition file: ${missing}, field targets[0] (TE-0305).rule: a required key is missing (one of: "reduction", "full_coverage")`);
  });

  it("a check of the schema's own (reduction without percent) is said in one language at a time", () => {
    const path = yaml('giam.yaml', 'plan: Kế hoạch\ntargets:\n  - label: Giảm\n    indicator: TE-0305\n    rule: reduction\n');
    const error = refused(() => loadTargets(path, catalogue));
    expect(error.text.vi).toBe(`Tệp định nghĩa không hợp lệ: ${path}, mục targets[0] (TE-0305).percent: reduction cần percent`);
    expect(error.text.en).toBe(`Invalid definition file: ${path}, field targets[0] (TE-0305).percent: reduction needs percent`);
  });

  it('an indicator code in the wrong form', () => {
    const path = yaml('chi-tieu-moi.yaml', 'appendix: I\ngroups:\n  "03": { name: Bảo vệ, nameEn: Protection }\nindicators:\n  - code: TE-305\n');
    const error = refused(() => loadIndicatorFile(path));
    expect(error.text.vi).toBe(`Tệp định nghĩa không hợp lệ: ${path}, mục indicators[0] (TE-305).code: mã dạng TE-0301 hoặc XH-0101`);
  });

  it('a profile with a sheet kind that does not exist', () => {
    const error = refused(() => profileFromData({ name: 'Mẫu', sheets: { tre: {} } }, 'ho-so.yaml'));
    expect(error.text.vi).toBe('Hồ sơ cột không hợp lệ: ho-so.yaml, mục sheets: mục "tre" không có trong mẫu; các mục được dùng: children, events, communeFacts');
  });
});

describe('issueMessage', () => {
  const first = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error('accepted');
    return issueMessage(parsed.error.issues[0]!, { schema, input: value });
  };

  it('renders each kind of issue from the catalogue, numbers grouped', () => {
    expect(first(z.number().max(10_000), 20_000).vi).toBe('không được quá 10.000');
    expect(first(z.number().min(0.5), 0).vi).toBe('phải từ 0,5 trở lên');
    expect(first(z.string().min(1), '').vi).toBe('không được để trống');
    expect(first(z.enum(['reduction', 'full_coverage']), 'giam').vi).toBe('phải là một trong: "reduction", "full_coverage"');
    expect(first(z.array(z.string()).min(2), ['a']).en).toBe('at least 2 entries are needed');
    expect(first(z.string().regex(/^\d{5}$/), '2128').vi).toBe('"2128" không đúng dạng');
  });

  it('finds the keys allowed through optional, default and array wrappers', () => {
    const schema = z.strictObject({ items: z.array(z.strictObject({ a: z.string(), b: z.number().optional() })).default([]) });
    expect(allowedKeysAt(schema, ['items', 0])).toEqual(['a', 'b']);
    expect(first(schema, { items: [{ a: 'x', c: 1 }] }).vi).toBe('mục "c" không có trong mẫu; các mục được dùng: a, b');
  });
});
