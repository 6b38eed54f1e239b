import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/messages/index.js';
import { textWidth, wordsOf } from '../../src/report/fonts.js';
import { createReport, type ReportFiles } from '../../src/output/report.js';
import { loadNarrative } from '../../src/report/narrative.js';
import { loadSettingsFile, type ReportSettingsFile } from '../../src/report/settings.js';
import { districtInput, TARGET_DEATHS } from './fixtures.js';
import { paragraphs, paragraphXml, tableBoxes, zipEntries } from './read-back.js';

const SETTINGS: ReportSettingsFile = {
  issuingBody: ['ỦY BAN NHÂN DÂN', 'HUYỆN SƠN HÀ'],
  place: 'Sơn Hà',
  number: 7,
  numberPattern: '{number}/BC-UBND',
  reportDate: '2025-07-07',
  addressees: ['Sở Y tế tỉnh Quảng Ngãi'],
  signer: { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: 'Đinh Văn Minh' },
  recipients: ['Như trên', 'TT Huyện ủy, HĐND huyện', 'Lưu: VT, LĐTBXH'],
  fontSize: 14,
};

function expectUserError(run: () => unknown, exitCode: number, ...parts: string[]): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const e = error as UserError;
    expect(e.exitCode).toBe(exitCode);
    for (const part of parts) expect(e.text.vi).toContain(part);
    return;
  }
  throw new Error('expected a UserError');
}

async function expectRejects(promise: Promise<unknown>, exitCode: number, ...parts: string[]): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expectUserError(() => {
    if (error) throw error;
  }, exitCode, ...parts);
}

describe('the six-month report', () => {
  let files: ReportFiles;
  let parts: Record<string, string>;
  let doc: string;
  let text: string[];

  beforeAll(async () => {
    files = await createReport(districtInput(), { settings: SETTINGS });
    parts = await zipEntries(files.docx);
    doc = parts['word/document.xml']!;
    text = paragraphs(doc);
  });

  it('is A4 portrait with Decree 30 margins, and a landscape annex numbered on its own', () => {
    const sections = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    expect(sections[0]).toContain('w:top="1134"');
    expect(sections[0]).toContain('w:bottom="1134"');
    expect(sections[0]).toContain('w:left="1701"');
    expect(sections[0]).toContain('w:right="850"');
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    for (const section of sections) {
      expect(section).toContain('<w:titlePg/>');
      expect(section).toMatch(/<w:pgNumType w:start="1"/);
    }
  });

  it('numbers pages in the centre of the header from page 2', () => {
    const section = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)][0]![0];
    const reference = (type: string) => new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(section)?.[1];
    const rels = parts['word/_rels/document.xml.rels']!;
    const target = (id: string | undefined) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    const first = parts[`word/${target(reference('first'))}`]!;
    const other = parts[`word/${target(reference('default'))}`]!;
    expect(first).not.toContain('PAGE');
    expect(other).toMatch(/PAGE/);
    expect(other).toContain('<w:jc w:val="center"/>');
  });

  it('uses Times New Roman in every font slot, 14 pt, Vietnamese', () => {
    const styles = parts['word/styles.xml']!;
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    for (const slot of ['ascii', 'hAnsi', 'cs', 'eastAsia']) expect(defaults).toContain(`w:${slot}="Times New Roman"`);
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('w:val="vi-VN"');
  });

  it('draws the heading, number, date line, title and "Kính gửi"', () => {
    expect(text).toEqual(
      expect.arrayContaining([
        'ỦY BAN NHÂN DÂN',
        'HUYỆN SƠN HÀ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 07/BC-UBND',
        'Sơn Hà, ngày 07 tháng 7 năm 2025',
        'BÁO CÁO',
        // The last two words of a title stay together: a no-break space between them.
        'Kết quả công tác trẻ em 6 tháng đầu năm\u00a02025',
        'và phương hướng nhiệm vụ 6 tháng cuối năm\u00a02025',
        'Kính gửi: Sở Y tế tỉnh Quảng Ngãi.',
      ]),
    );
    expect(paragraphXml(doc, 'Độc lập - Tự do - Hạnh phúc')).toContain('<w:u w:val="single"/>');
    expect(paragraphXml(doc, 'Sơn Hà, ngày 07 tháng 7 năm 2025')).toContain('<w:i/>');
    expect(paragraphXml(doc, 'BÁO CÁO')).toContain('<w:b/>');
    // The heading comes first, then the title.
    expect(text.indexOf('ỦY BAN NHÂN DÂN')).toBeLessThan(text.indexOf('BÁO CÁO'));
  });

  it('follows outline I–IV of the plan with every item', () => {
    const headings = [
      'I. ĐẶC ĐIỂM TÌNH HÌNH',
      '1. Tình hình kinh tế - xã hội tác động đến trẻ em, tình hình trẻ em',
      '2. Những vấn đề trẻ em phát sinh hoặc chưa được giải quyết',
      'II. KẾT QUẢ THỰC HIỆN',
      '1. Công tác tham mưu, chỉ đạo, giám sát, đánh giá thực hiện quyền trẻ em',
      '2. Công tác bảo vệ trẻ em (ở 3 cấp độ)',
      'a) Cấp độ phòng ngừa',
      'b) Cấp độ hỗ trợ',
      'c) Cấp độ can thiệp',
      '3. Công tác chăm sóc trẻ em',
      '4. Công tác giáo dục trẻ em',
      '5. Công tác văn hóa, thông tin, thể thao, du lịch cho trẻ em',
      '6. Thực hiện quyền tham gia của trẻ em',
      '7. Kết quả các dự án, chương trình, mô hình hợp tác quốc tế hoặc vận động xã hội',
      '8. Hoạt động của Quỹ Bảo trợ trẻ em',
      '9. Tổng kinh phí đầu tư cho công tác trẻ em',
      'III. ĐÁNH GIÁ KẾT QUẢ ĐẠT ĐƯỢC',
      '1. So sánh kết quả, hiệu quả so với cùng kỳ năm 2024',
      '2. Những tồn tại, hạn chế',
      'IV. KẾ HOẠCH VÀ PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025',
      '1. Mục tiêu chung',
      '2. Các mục tiêu cụ thể',
      '3. Các chỉ tiêu cần đạt',
      '5. Dự kiến nguồn kinh phí thực hiện',
    ];
    let last = -1;
    for (const heading of headings) {
      const at = text.indexOf(heading, last + 1);
      expect(at, heading).toBeGreaterThan(last);
      last = at;
    }
    expect(paragraphXml(doc, 'I. ĐẶC ĐIỂM TÌNH HÌNH')).toContain('<w:b/>');
    // No section V without a narrative for it.
    expect(text).not.toContain('V. ĐỀ XUẤT, KIẾN NGHỊ');
  });

  it('writes the figures and comparison sentences of the results', () => {
    // Deaths: 2025 two drownings (Di Lăng, Sơn Thành); 2024 five (3 + 1 + 1): −3, 3/5 = 60,0%;
    // target: 2 ≤ 0,9 × 5 = 4,5, met.
    expect(text).toContain(
      `Có 2 trẻ em tử vong do tai nạn thương tích, giảm 3 em (60,0%) so với cùng kỳ năm 2024; đạt chỉ tiêu ${TARGET_DEATHS.charAt(0).toLowerCase()}${TARGET_DEATHS.slice(1)}.`,
    );
    // Abuse: cases VV-01, VV-02 (Di Lăng), VV-03 (Sơn Hạ); last year VV-11: +2 (200,0%).
    expect(text).toContain('Trong kỳ có 3 vụ xâm hại trẻ em, tăng 2 vụ (200,0%) so với cùng kỳ năm 2024.');
    expect(text).toContain('Số vụ xâm hại trẻ em bị xử phạt vi phạm hành chính: 1 vụ, tổng số tiền phạt 15.000.000 đồng.');
    // Budget: 85 + 40 + 52,5 million from 3 of the 4 communes (Sơn Thành gave none).
    expect(text).toContain('Tổng kinh phí đầu tư cho công tác trẻ em trong kỳ: 177.500.000 đồng (theo số liệu của 3/4 xã, thị trấn).');
    // Villages 9 + 8 + 7 + 10 = 34; population 11.850 + 7.420 + 6.010 + 8.900 = 34.180.
    expect(text).toContain('Toàn huyện có 4 xã, thị trấn; dân số 34.180 người; 34 thôn, tổ dân phố.');
    expect(text.some((p) => p.startsWith('Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp trong kỳ đạt') && p.includes('chưa đạt chỉ tiêu 100% trẻ em có hoàn cảnh đặc biệt được trợ giúp'))).toBe(true);
    // Unmet targets are listed in III.2.
    expect(text.some((p) => p.startsWith('- Chưa đạt chỉ tiêu "100% trẻ em có hoàn cảnh đặc biệt được trợ giúp": kết quả đạt'))).toBe(true);
  });

  it('shows a visible placeholder where there are neither figures nor narrative', () => {
    const at = text.indexOf('7. Kết quả các dự án, chương trình, mô hình hợp tác quốc tế hoặc vận động xã hội');
    expect(text[at + 1]).toBe('[Nội dung do đơn vị bổ sung: tên dự án, chương trình, mô hình; đơn vị phối hợp, tài trợ; kết quả đạt được]');
    // Education: TE-0403 has noData and the other education indicators are absent.
    expect(text[text.indexOf('4. Công tác giáo dục trẻ em') + 1]).toBe('[Nội dung do đơn vị bổ sung]');
    expect(paragraphXml(doc, '[Nội dung do đơn vị bổ sung]')).toContain('<w:highlight w:val="yellow"/>');
    // The opening names the missing legal basis as a placeholder too.
    expect(text.some((p) => p.startsWith('Thực hiện [căn cứ: kế hoạch, văn bản chỉ đạo của cấp trên], Ủy ban nhân dân huyện Sơn Hà báo cáo'))).toBe(true);
  });

  it('ends with "Nơi nhận" (12 pt bold italic, list 11 pt) and the signer', () => {
    const noiNhan = paragraphXml(doc, 'Nơi nhận:')!;
    expect(noiNhan).toContain('<w:sz w:val="24"/>');
    expect(noiNhan).toContain('<w:b/>');
    expect(noiNhan).toContain('<w:i/>');
    expect(text).toEqual(expect.arrayContaining(['- Như trên;', '- TT Huyện ủy, HĐND huyện;', '- Lưu: VT, LĐTBXH.', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đinh Văn Minh']));
    expect(paragraphXml(doc, '- Như trên;')).toContain('<w:sz w:val="22"/>');
    expect(text.indexOf('Nơi nhận:')).toBeLessThan(text.indexOf('Phụ lục'));
  });

  it('has the tables with merged two-level headers that repeat across pages', () => {
    expect(text).toContain('Biểu 05');
    expect(text).toContain('Phụ lục');
    expect(text).toContain('(Kèm theo Báo cáo số 07/BC-UBND ngày 07/07/2025 của Ủy ban nhân dân huyện Sơn Hà)');
    for (const title of ['DÂN SỐ TRẺ\u00a0EM', 'TRẺ EM CÓ HOÀN CẢNH ĐẶC\u00a0BIỆT', 'TRẺ EM BỊ XÂM\u00a0HẠI']) expect(text).toContain(title);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/<w:gridSpan w:val="\d+"\/>/);
    expect(doc).toContain('<w:vMerge w:val="restart"/>');
    expect(text).toContain('Toàn huyện');
    expect(text).toContain('Thị trấn Di Lăng');
  });

  it('makes every annex column wide enough for the longest word of each of its cells', () => {
    const tables = tableBoxes(doc).filter((table) => table.rows.some((row) => row.header));
    // Biểu 05 (two pages' worth of parts), 01, 02 a–b, 03 a–b, 04 a–b.
    expect(tables.length).toBeGreaterThanOrEqual(7);
    let checked = 0;
    for (const table of tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          const style = cell.bold ? 'bold' : cell.italic ? 'italic' : 'regular';
          const longest = Math.max(0, ...wordsOf(cell.text).map((word) => textWidth(word, cell.size / 2, style) * 20));
          expect(cell.width - cell.margins.left - cell.margins.right, `"${cell.text}"`).toBeGreaterThanOrEqual(longest);
          checked++;
        }
      }
      expect(table.grid.reduce((a, b) => a + b, 0)).toBe(table.rows[0]!.cells.reduce((a, cell) => a + cell.width, 0));
    }
    expect(checked).toBeGreaterThan(500);
    // Biểu 03 b: the header LibreOffice used to break as "Trườn/g học" (bold 10 pt, 15 columns).
    const school = tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).find((cell) => cell.text === 'Trường học')!;
    expect(school).toMatchObject({ bold: true, size: 20 });
    expect(school.width - 114).toBeGreaterThanOrEqual(textWidth('Trường', 10, 'bold') * 20);
  });

  it('keeps the text of every annex table cell off its borders (top and bottom cell margins)', () => {
    const cells = tableBoxes(doc)
      .filter((table) => table.rows.some((row) => row.header))
      .flatMap((table) => table.rows.flatMap((row) => row.cells));
    expect(cells.length).toBeGreaterThan(500);
    for (const cell of cells) {
      expect(cell.margins.top, `"${cell.text}"`).toBeGreaterThanOrEqual(20);
      expect(cell.margins.bottom, `"${cell.text}"`).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await createReport(districtInput(), { settings: SETTINGS });
    expect(Buffer.compare(again.docx, files.docx)).toBe(0);
    expect(Buffer.compare(again.xlsx, files.xlsx)).toBe(0);
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-07-07T00:00:00Z</dcterms:created>');
  });
});

describe('defaults, narrative and the annual report', () => {
  it('without settings, gives neutral defaults with visible placeholders', async () => {
    const files = await createReport(districtInput());
    const parts = await zipEntries(files.docx);
    const doc = parts['word/document.xml']!;
    const text = paragraphs(doc);
    expect(text).toEqual(expect.arrayContaining(['ỦY BAN NHÂN DÂN', 'HUYỆN SƠN HÀ', 'Kính gửi: [Cơ quan nhận báo cáo].', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '[Họ và tên người ký]']));
    expect(text.some((p) => /^Số: \s+\/BC-UBND$/.test(p))).toBe(true);
    // The date is never "today": day and month are left for the clerk.
    expect(text.some((p) => /^Sơn Hà, ngày \s+ tháng \s+ năm 2025$/.test(p))).toBe(true);
    expect(paragraphXml(doc, '[Họ và tên người ký]')).toContain('<w:highlight w:val="yellow"/>');
    // The files are stamped with the period's last day.
    expect(parts['docProps/core.xml']).toContain('2025-06-30T00:00:00Z');
  });

  it('puts the narrative where it belongs and drops the placeholder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-narrative-'));
    const file = join(dir, 'noi-dung.yaml');
    writeFileSync(
      file,
      [
        'mo-dau: |',
        '  Thực hiện Kế hoạch số 129/KH-UBND ngày 07/5/2025 của UBND huyện Sơn Hà, Ủy ban nhân dân huyện báo cáo như sau:',
        'II.7: |',
        '  Dự án "Trường học an toàn" triển khai tại 3 xã.',
        '  # không phải tiêu đề',
        'V:',
        '  - Đề nghị Sở Y tế hỗ trợ kinh phí tập huấn.',
      ].join('\n'),
    );
    const narrative = loadNarrative(file);
    const files = await createReport(districtInput(), { narrative });
    const text = paragraphs((await zipEntries(files.docx))['word/document.xml']!);
    expect(text).toContain('Thực hiện Kế hoạch số 129/KH-UBND ngày 07/5/2025 của UBND huyện Sơn Hà, Ủy ban nhân dân huyện báo cáo như sau:');
    const at = text.indexOf('7. Kết quả các dự án, chương trình, mô hình hợp tác quốc tế hoặc vận động xã hội');
    expect(text.slice(at + 1, at + 3)).toEqual(['Dự án "Trường học an toàn" triển khai tại 3 xã.', '# không phải tiêu đề']);
    expect(text).toContain('V. ĐỀ XUẤT, KIẾN NGHỊ');
    expect(text).toContain('Đề nghị Sở Y tế hỗ trợ kinh phí tập huấn.');
  });

  it('uses the annual template and wording for a year', async () => {
    const input = districtInput();
    const year = { ...input, result: { ...input.result, period: { id: '2025', from: '2025-01-01', to: '2025-12-31' } } };
    const { baseline: _baseline, ...withoutBaseline } = year;
    const files = await createReport(withoutBaseline);
    const text = paragraphs((await zipEntries(files.docx))['word/document.xml']!);
    expect(text).toContain('Kết quả công tác trẻ em năm\u00a02025');
    expect(text).toContain('và phương hướng nhiệm vụ năm\u00a02026');
    expect(text).toContain('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026');
    // No report date: the clerk fills it in. The year ended on 31/12/2025 and a report cannot be dated
    // before that day, so "năm 2025" would be wrong on every day but one: the year is left blank too.
    const dateLine = text.find((p) => p.startsWith('Sơn Hà, ngày'))!;
    expect(dateLine).toBe('Sơn Hà, ngày      tháng      năm       ');
    expect(text.find((p) => p.startsWith('(Kèm theo Báo cáo số'))).not.toMatch(/20\d\d/);
    expect(text).toContain('9. Tổng kinh phí đầu tư cho công tác trẻ em');
    expect(text).toContain('Chưa có số liệu năm 2024 để so sánh.');
  });
});

describe('bad templates, settings and narrative files (exit 4)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-templates-'));
  const template = (name: string, body: string) => {
    const path = join(dir, `${name}.hbs`);
    writeFileSync(path, body);
    return path;
  };

  it('names the template when a helper is unknown', async () => {
    const path = template('la', '::subject X\n{{sum 1 2}}\n');
    await expectRejects(createReport(districtInput(), { template: path }), 4, 'Mẫu báo cáo "la"', 'sum');
  });

  it('refuses unknown fields, tables and directives', async () => {
    await expectRejects(createReport(districtInput(), { template: template('field', '{{unit.nope}}\n') }), 4, 'Mẫu báo cáo "field"', 'nope');
    await expectRejects(createReport(districtInput(), { template: template('table', '{{table "bieu-99"}}\n') }), 4, 'bieu-99');
    await expectRejects(createReport(districtInput(), { template: template('directive', '::bieu-do x\n') }), 4, '::bieu-do');
    await expectRejects(createReport(districtInput(), { template: template('section', '{{content "II.99"}}\n') }), 4, 'II.99');
    await expectRejects(createReport(districtInput(), { template: template('syntax', '{{#if unit.code}}\n') }), 4, 'Mẫu báo cáo "syntax"');
    await expectRejects(createReport(districtInput(), { template: 'khong-co' }), 4, 'khong-co', 'bao-cao-6-thang');
  });

  it('keeps prototype properties out of reach: a template naming them is refused', async () => {
    // More hostile templates, through the command line, in safe-output.test.ts.
    await expectRejects(createReport(districtInput(), { template: template('proto', 'X{{unit.constructor}}Y\n') }), 4, 'Mẫu báo cáo "proto"', 'constructor');
    await expectRejects(createReport(districtInput(), { template: template('proto2', 'X{{unit.__proto__}}Y\n') }), 4, '__proto__');
  });

  it('renders a minimal custom template', async () => {
    const path = template('ngan', '::subject Báo cáo nhanh {{period.label}}\n# Số liệu\nDân số trẻ em: {{num 5480}} em; tỷ lệ {{pct 12.5}}.\n{{table "bieu-01"}}\n');
    const files = await createReport(districtInput(), { template: path });
    const text = paragraphs((await zipEntries(files.docx))['word/document.xml']!);
    expect(text).toContain('Báo cáo nhanh 6 tháng đầu năm\u00a02025');
    expect(text).toContain('Dân số trẻ em: 5.480 em; tỷ lệ 12,5%.');
  });

  it('checks settings files', () => {
    const file = (name: string, body: string) => {
      const path = join(dir, name);
      writeFileSync(path, body);
      return path;
    };
    expectUserError(() => loadSettingsFile(file('a.yaml', 'reportDate: 2025-02-30\n')), 4, 'a.yaml', 'reportDate');
    expectUserError(() => loadSettingsFile(file('b.yaml', 'signer:\n  chucVu: X\n')), 4, 'b.yaml', 'chucVu');
    expectUserError(() => loadSettingsFile(file('c.yaml', 'numberPattern: BC-UBND\n')), 4, 'numberPattern');
    expectUserError(() => loadSettingsFile(file('d.yaml', 'fontSize: 12\n')), 4, 'fontSize');
    expectUserError(() => loadSettingsFile(file('e.yaml', 'place: [unclosed\n')), 4, 'e.yaml');
    expectUserError(() => loadSettingsFile(join(dir, 'missing.yaml')), 4, 'missing.yaml');
    expect(loadSettingsFile(file('f.yaml', 'reportDate: 20/06/2025\nnumber: "15"\n'))).toMatchObject({ reportDate: '2025-06-20', number: '15' });
  });

  it('checks narrative files', () => {
    const path = join(dir, 'n.yaml');
    writeFileSync(path, 'II.10: không có mục này\n');
    expectUserError(() => loadNarrative(path), 4, 'n.yaml', 'II.10');
  });
});
