/**
 * Hostile and broken containers: zip bombs, lying zip directories, password-protected
 * workbooks, legacy .xls (read by our own BIFF reader, no LibreOffice). Each is refused
 * with one line naming the file and saying why and what to do (exit 2), or read in full.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childRecords } from '../../src/model/record-columns.js';
import { detectFormat } from '../../src/import/files.js';
import { importFiles } from '../../src/import/index.js';
import { inspectOle } from '../../src/import/ole.js';
import { findSoffice } from '../../src/import/xls.js';
import { ZipRefusal, checkDeclaredSizes, type ZipEntry } from '../../src/import/zip-guard.js';
import { unreadableRefusal } from '../helpers/errors.js';
import { CHILD_HEADERS, childRow, tempDir, writeText, writeWorkbook } from '../helpers/workbooks.js';
import { biffWorkbookStream, buildOle, buildZip, deflatedZeros, zipEntries } from '../helpers/zips.js';

const dir = tempDir('chitieu-hostile-');
const file = (name: string) => join(dir, name);
const soffice = await findSoffice();

async function plainWorkbook(name: string): Promise<string> {
  return writeWorkbook(file(name), [{ name: 'TreEm', rows: [CHILD_HEADERS, childRow()] }]);
}

describe('zip bombs', () => {
  it('accepts a workbook rebuilt by the test zip writer (the writer is sound)', async () => {
    const entries = await zipEntries(await plainWorkbook('source.xlsx'));
    writeFileSync(file('rebuilt.xlsx'), buildZip(entries));
    const result = await importFiles([file('rebuilt.xlsx')], { threads: 1 });
    expect(childRecords(result.dataset.children).map((child) => child.childId)).toEqual(['TE001']);
  });

  it('refuses an entry that declares 1 GB from 1 MB, from the directory alone', async () => {
    const entries = await zipEntries(await plainWorkbook('bomb-base.xlsx'));
    const zeros = deflatedZeros(1024);
    expect(zeros.length).toBeLessThan(2 * 1024 * 1024);
    writeFileSync(file('bomb.xlsx'), buildZip([...entries, { name: 'xl/media/image1.png', deflated: zeros, declaredSize: 1024 ** 3 }]));
    const error = await unreadableRefusal(importFiles([file('bomb.xlsx')], { threads: 1 }));
    expect(error.text.vi).toContain('"bomb.xlsx"');
    expect(error.text.vi).toContain('bom zip');
    expect(error.text.vi).toContain('xl/media/image1.png');
    expect(error.text.en).toContain('1.0 GB');
  });

  it('refuses an entry that expands beyond the size its directory declares, without inflating it all', async () => {
    const entries = await zipEntries(await plainWorkbook('liar-base.xlsx'));
    // 1 GiB of zeros declared as 2 MB: the ratio looks harmless, only inflating tells. The
    // workbook's own sheet, since a part the workbook does not reference is never inflated.
    const liar = { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(1024), declaredSize: 2 * 1024 * 1024 };
    writeFileSync(file('liar.xlsx'), buildZip(entries.map((entry) => (entry.name === liar.name ? liar : entry))));
    const error = await unreadableRefusal(importFiles([file('liar.xlsx')], { threads: 1 }));
    expect(error.text.vi).toContain('bom zip');
    expect(error.text.en).toContain('expands beyond its declared 2.0 MB');
  });

  it('refuses a directory whose entries share their data', async () => {
    const entries = await zipEntries(await plainWorkbook('overlap-base.xlsx'));
    const [first, ...rest] = entries;
    writeFileSync(file('overlap.xlsx'), buildZip([{ ...first!, aliases: ['xl/media/a.bin', 'xl/media/b.bin'] }, ...rest]));
    const error = await unreadableRefusal(importFiles([file('overlap.xlsx')], { threads: 1 }));
    expect(error.text.en).toContain('overlap');
  });

  it('refuses a declared total over 2 GB, and a compressed size larger than the declared one', () => {
    const entry = (name: string, compressedSize: number, uncompressedSize: number): ZipEntry => ({
      name, flags: 0, method: 8, compressedSize, uncompressedSize, localHeaderOffset: 0, crc32: 0,
    });
    const big = (name: string) => entry(name, 100 * 1024 ** 2, 800 * 1024 ** 2);
    expect(() => checkDeclaredSizes([big('a'), big('b')])).not.toThrow();
    expect(() => checkDeclaredSizes([big('a'), big('b'), big('c')])).toThrow(ZipRefusal);
    expect(() => checkDeclaredSizes([entry('x', 5_000_000, 1_000)])).toThrow(/false size/);
  });

  it('refuses a zip that is not a workbook, saying what it is', async () => {
    writeFileSync(file('letter.xlsx'), buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]));
    const error = await unreadableRefusal(importFiles([file('letter.xlsx')], { threads: 1 }));
    expect(error.text.vi).toBe('Không đọc được tệp "letter.xlsx": tệp Word (.docx), không phải danh sách trẻ em; hãy chọn tệp Excel (.xlsx, .xls) hoặc .csv của danh sách');
    expect(error.text.en).toContain('a Word document (.docx), not a list of children');
  });

  it('refuses a workbook cut short, saying it was not completely copied', async () => {
    const whole = writeFileSync;
    const entries = await zipEntries(await plainWorkbook('cut-base.xlsx'));
    const bytes = buildZip(entries);
    whole(file('cut.xlsx'), bytes.subarray(0, bytes.length - 30));
    const error = await unreadableRefusal(importFiles([file('cut.xlsx')], { threads: 1 }));
    expect(error.text.vi).toContain('"cut.xlsx"');
    expect(error.text.vi).toContain('chưa tải/chép hết');
  });
});

describe('OLE compound files: .xls and password-protected workbooks', () => {
  it('tells a password-protected workbook by its EncryptionInfo / EncryptedPackage streams', async () => {
    writeFileSync(file('secret.xlsx'), buildOle([{ name: 'EncryptionInfo' }, { name: 'EncryptedPackage' }]));
    expect((await inspectOle(file('secret.xlsx'))).kind).toBe('encrypted-workbook');
    const error = await unreadableRefusal(importFiles([file('secret.xlsx')], { threads: 1 }));
    expect(error.text.vi).toContain('"secret.xlsx"');
    expect(error.text.vi).toContain('bỏ mật khẩu');
    expect(error.text.en).toContain('remove the password');
  });

  it('tells an .xls with a password to open by its FILEPASS record', async () => {
    writeFileSync(file('locked.xls'), buildOle([{ name: 'Workbook', data: biffWorkbookStream(true) }]));
    writeFileSync(file('open.xls'), buildOle([{ name: 'Workbook', data: biffWorkbookStream(false) }]));
    expect((await inspectOle(file('locked.xls'))).kind).toBe('encrypted-xls');
    expect((await inspectOle(file('open.xls'))).kind).toBe('xls');
    const error = await unreadableRefusal(importFiles([file('locked.xls')], { threads: 1 }));
    expect(error.text.vi).toContain('bỏ mật khẩu');
  });

  it('refuses another Office document (a Word .doc) as not a workbook, saying what it is', async () => {
    writeFileSync(file('report.xls'), buildOle([{ name: 'WordDocument', data: Buffer.alloc(4096) }]));
    expect(await inspectOle(file('report.xls'))).toEqual({ kind: 'other', what: 'doc' });
    const error = await unreadableRefusal(importFiles([file('report.xls')], { threads: 1 }));
    expect(error.text.vi).toContain('tệp Word (.doc), không phải danh sách trẻ em');
  });

  it('an Office file of no known kind is still refused as not a workbook', async () => {
    writeFileSync(file('other.xls'), buildOle([{ name: 'Contents', data: Buffer.alloc(4096) }]));
    const error = await unreadableRefusal(importFiles([file('other.xls')], { threads: 1 }));
    expect(error.text.vi).toContain('không phải sổ Excel');
  });

  it('without LibreOffice, takes an .xls to be read all the same (our own reader)', () => {
    writeFileSync(file('nolo.xls'), buildOle([{ name: 'Workbook', data: biffWorkbookStream(false) }]));
    const script = `import { detectFormat } from ${JSON.stringify(new URL('../../src/import/files.ts', import.meta.url).href)};
      try { await detectFormat(${JSON.stringify(file('nolo.xls'))}); console.log('read'); } catch (error) { console.log(error.text.vi); }`;
    // An empty PATH: no soffice to be found (the node binary is given by its full path).
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { PATH: '', HOME: tmpdir() },
      encoding: 'utf8',
      cwd: process.cwd(),
    });
    if (process.platform !== 'linux') return;
    expect(run.stdout.trim()).toBe('read');
  });

  it.skipIf(!soffice)('reads a real .xls (written by LibreOffice) whole, by its own name, with no temporary copy', async () => {
    const source = await writeWorkbook(file('xa-son-ha.xlsx'), [
      {
        name: 'TreEm',
        rows: [
          CHILD_HEADERS,
          childRow(),
          childRow({ 'Mã trẻ em': 'TE002', 'Số định danh cá nhân': null, 'Họ và tên': 'Trương Thị Hạnh', 'Mã xã': '9552', 'Mã tỉnh': '01', 'Mã huyện': null }),
        ],
      },
    ]);
    const out = join(dir, 'xls');
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'xls', '--outdir', out, source], { stdio: 'ignore', timeout: 120_000 });
    const xls = join(out, 'xa-son-ha.xls');
    expect(await detectFormat(xls)).toBe('xls');
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('chitieu-xls-')).length;
    const result = await importFiles([xls], { threads: 1 });
    expect(result.files[0]).toMatchObject({ file: 'xa-son-ha.xls', read: 2, accepted: 2, rejected: 0 });
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.fullName, child.communeCode, child.dateOfBirth, child.source.file])).toEqual([
      ['TE001', 'Đinh Văn A', '21289', '2015-05-03', 'xa-son-ha.xls'],
      ['TE002', 'Trương Thị Hạnh', '09552', '2015-05-03', 'xa-son-ha.xls'],
    ]);
    // Nothing was converted, nothing is left behind.
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('chitieu-xls-')).length).toBe(before);
  }, 120_000);

  // Read by chitieu's own markup reader (issue #22), LibreOffice or not: see web-exports.test.ts.
  it('reads an HTML table saved as .xls by web software', async () => {
    const cells = (values: string[], tag: string) => `<tr>${values.map((value) => `<${tag}>${value}</${tag}>`).join('')}</tr>`;
    const html = `<html><head><meta charset="utf-8"></head><body><table>
      ${cells(['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã'], 'th')}
      ${cells(['W1', 'Lò Thị Mai', '05/06/2013', 'Nữ', '51', '21289'], 'td')}
    </table></body></html>`;
    writeText(file('xuat-tu-web.xls'), html);
    const result = await importFiles([file('xuat-tu-web.xls')], { threads: 1 });
    expect(childRecords(result.dataset.children)).toHaveLength(1);
    expect(childRecords(result.dataset.children)[0]).toMatchObject({ childId: 'W1', fullName: 'Lò Thị Mai', sex: 'NU', source: { file: 'xuat-tu-web.xls' } });
  }, 120_000);

  it('calls a zero-filled OLE file damaged', async () => {
    writeFileSync(file('zeros.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const error = await unreadableRefusal(importFiles([file('zeros.xls')], { threads: 1 }));
    expect(error.text.vi).toContain('tệp .xls bị hỏng');
    expect(existsSync(file('zeros.xls'))).toBe(true);
  });
});

describe('CSV files', () => {
  it('refuses a CSV that is not UTF-8 instead of garbling names', async () => {
    // "Nữ" in Windows-1258 / a stray Latin-1 byte: not valid UTF-8.
    writeFileSync(file('ansi.csv'), Buffer.concat([Buffer.from('Mã trẻ em,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã xã\nC1,L', 'utf8'), Buffer.from([0xea]), Buffer.from(' A,01/01/2019,Nam,51,21289\n')]));
    const error = await unreadableRefusal(importFiles([file('ansi.csv')], { threads: 1 }));
    expect(error.text.vi).toContain('"ansi.csv"');
    expect(error.text.vi).toContain('CSV UTF-8');
  });
});
