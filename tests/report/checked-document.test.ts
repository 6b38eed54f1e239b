/**
 * A checked document: headings are the outline's titles (report-outline.md), the outline's
 * guidance is in the placeholder text, no developer notes (indicator codes, "thay cho") stand
 * in the body, the report stage returns the sections left as placeholders and the CLI says
 * which; the report summed from commune annexes has notes that agree with each other.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReport, type ReportFiles } from '../../src/output/report.js';
import { buildSampleSet } from '../../src/sample/build.js';
import { writeSampleSet } from '../../src/sample/write.js';
import { loadAdminUnits } from '../../src/units/index.js';
import { runCli } from '../helpers/cli.js';
import { districtInput } from './fixtures.js';
import { paragraphs, zipEntries } from './read-back.js';

let files: ReportFiles;
let text: string[];

beforeAll(async () => {
  files = await createReport(districtInput(), { settings: { numberPattern: '{number}/BC-UBND', fontSize: 14, reportDate: '2025-07-07' } });
  text = paragraphs((await zipEntries(files.docx))['word/document.xml']!);
});

describe('the report body', () => {
  it('heads its sections with the outline\'s titles and puts the guidance into the placeholder', () => {
    expect(text).toContain('3. Nguyên nhân của tồn tại, hạn chế');
    expect(text.some((line) => line.startsWith('3. Nguyên nhân của tồn tại, hạn chế ('))).toBe(false);
    expect(text[text.indexOf('3. Nguyên nhân của tồn tại, hạn chế') + 1]).toBe(
      '[Nội dung do đơn vị bổ sung: nguyên nhân về quản lý nhà nước, phối hợp liên ngành, tác động khách quan…]',
    );
    expect(text).toContain('1. Tình hình kinh tế - xã hội tác động đến trẻ em, tình hình trẻ em');
    expect(text).toContain('2. Những vấn đề trẻ em phát sinh hoặc chưa được giải quyết');
    expect(text).toContain('9. Tổng kinh phí đầu tư cho công tác trẻ em');
  });

  it('carries no developer notes: no indicator codes, no "thay cho"', () => {
    const body = text.join('\n');
    expect(body).not.toMatch(/\b(TE|XH)-\d{4}\b/);
    expect(body).not.toContain('thay cho');
  });

  it('says how every line height is meant, so that no title overprints the next line', async () => {
    // Seen rendering the demo: without lineRule LibreOffice took line="240" for an exact 12 pt,
    // and the wrapped Biểu 05 title and the signer's lines were drawn over each other.
    const parts = await zipEntries(files.docx);
    for (const name of ['word/document.xml', 'word/styles.xml']) {
      const spacings = [...parts[name]!.matchAll(/<w:spacing [^>]*w:line="[^>]*>/g)].map((m) => m[0]);
      expect(spacings.length, name).toBeGreaterThan(0);
      expect(spacings.filter((spacing) => !spacing.includes('w:lineRule=')), name).toEqual([]);
    }
  });

  it('returns the sections still left as placeholders, in document order', () => {
    // The fixture has no narrative: the opening's legal basis, the sections without figures
    // (education and participation have none in the fixture) and the narrative-only ones.
    expect(files.placeholders).toEqual(['mo-dau', 'II.4', 'II.6', 'II.7', 'II.8', 'III.3', 'IV.1', 'IV.2', 'IV.4', 'IV.5']);
  });
});

describe('chitieu report and aggregate after writing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-checked-'));
  const samples = join(dir, 'sample-data');
  beforeAll(async () => {
    await writeSampleSet(samples, buildSampleSet(loadAdminUnits(), { seed: 11, communes: 2 }));
  });

  it('lists the sections left for the office', async () => {
    const paths = readdirSync(samples).filter((name) => name.endsWith('.xlsx')).map((name) => join(samples, name));
    const narrative = join(import.meta.dirname, '../../settings/noi-dung-mau.yaml');
    const ran = await runCli('report', ...paths, '--period', '2025-H1', '--unit', '529', '--narrative', narrative, '--out', join(dir, 'out'));
    expect(ran.code).toBe(0);
    // Without --targets, III.2 (unmet targets) and IV.3 (targets ahead) are left to write too.
    expect(ran.stdout).toContain('Còn 8 mục cần đơn vị bổ sung (chữ tô vàng trong báo cáo): II.7, II.8, III.2, IV.1, IV.2, IV.3, IV.4, IV.5.');
    expect(ran.stdout).not.toContain('III.3');
  });
});
