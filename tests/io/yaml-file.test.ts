/** A missing or broken file the user edits is one line naming the file (and the YAML line and column). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeText } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-yaml-');
const missing = join(dir, 'khong-co.yaml');
// Line 3, column 3: a key indented under a flow list that was never closed.
const broken = writeText(join(dir, 'hong.yaml'), 'periods:\n  a: [1,\n  b: x: y\n');
const tabbed = writeText(join(dir, 'tab.yaml'), 'signer:\n\tname: A\n');
const data = join(dir, 'chua-doc.xlsx');

/** `report` with one bad file: it fails before reading any data (the data file does not even exist). */
const report = (...args: string[]) => runCli(...args.slice(0, args.indexOf('report') + 1), data, '--period', '2025-H1', '--unit', '529', ...args.slice(args.indexOf('report') + 1));

describe('files the user edits', () => {
  const cases: [string, string][] = [
    ['--targets', 'Tệp chỉ tiêu kế hoạch'],
    ['--settings', 'Tệp thiết lập báo cáo'],
    ['--narrative', 'Tệp nội dung báo cáo'],
    ['--periods', 'Tệp kỳ báo cáo'],
  ];

  it('a missing one: one line naming the kind of file and the file, exit 4', async () => {
    for (const [option, kind] of cases) {
      const ran = await report('report', option, missing);
      expect(ran.code, option).toBe(4);
      expect(ran.stderr).toBe(`${kind} ${missing}: không có tệp này`);
    }
    const en = await report('--lang', 'en', 'report', '--targets', missing);
    expect(en.stderr).toBe(`Targets file ${missing}: no such file`);
    const folder = await report('report', '--settings', dir);
    expect(folder.stderr).toBe(`Tệp thiết lập báo cáo ${dir}: đây là thư mục, không phải tệp`);
  });

  it('a broken one: the YAML line and column, in the language of the run, exit 4', async () => {
    for (const [option, kind] of cases) {
      const ran = await report('report', option, broken);
      expect(ran.code, option).toBe(4);
      expect(ran.stderr).toBe(`${kind} ${broken}: sai cú pháp YAML ở dòng 3, cột 3: thụt lề sai`);
    }
    const tab = await report('report', '--settings', tabbed);
    expect(tab.stderr).toBe(`Tệp thiết lập báo cáo ${tabbed}: sai cú pháp YAML ở dòng 2, cột 1: thụt lề bằng phím Tab (hãy dùng dấu cách)`);
    const en = await report('--lang', 'en', 'report', '--narrative', broken);
    expect(en.stderr).toBe(`The narrative file ${broken}: YAML syntax error at line 3, column 3: wrong indentation`);
  });

  it('a missing last-year result file (--baseline): one line, exit 2', async () => {
    const ran = await report('report', '--baseline', join(dir, 'nam-truoc.json'));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`Tệp kết quả năm trước (--baseline) ${join(dir, 'nam-truoc.json')}: không có tệp này`);
  });
});
