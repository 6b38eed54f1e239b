/**
 * YAML as data only (#22 item 4, defects 12 and 16): an alias bomb, a huge file, a deep or wide
 * one, a tag, a NUL or a UTF-16 file is one line naming the file, exit 4, before any work — on
 * every command that takes a YAML file. The files are made here.
 */
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseYamlText, readYamlFile, YAML_LIMITS } from '../../src/io/yaml-file.js';
import { ExitCode, UserError } from '../../src/messages/index.js';
import { msg } from '../helpers/test-messages.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeText } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-yaml-hostile-');
const data = join(dir, 'chua-doc.xlsx');

/** Nine aliases per level, seven levels: 9^7 = 4,782,969 strings once expanded ("billion laughs"). */
const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...['b', 'c', 'd', 'e', 'f', 'g'].map((name, index) => {
    const previous = 'abcdef'[index]!;
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
  }),
  '',
].join('\n');

const reportWith = (...options: string[]) => runCli('report', data, '--period', '2025-H1', '--unit', '529', ...options);

const what = msg('Tệp thiết lập báo cáo', 'Settings file');
/** The Vietnamese line of parsing `text`'s refusal. */
function refusedText(text: string, file = 'x.yaml'): string {
  try {
    parseYamlText(text, file, what);
  } catch (error) {
    if (error instanceof UserError) return error.text.vi;
    throw error;
  }
  throw new Error(`${file} was read`);
}

function refusal(file: string): UserError {
  try {
    readYamlFile(file, what);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`${file} was read`);
}

describe('a YAML alias bomb', () => {
  const bomb = writeText(join(dir, 'bom.yaml'), BOMB);

  it('is refused as one line, exit 4, as settings, targets, narrative and periods (no stack trace)', async () => {
    const cases: [string, string][] = [
      ['--settings', 'Tệp thiết lập báo cáo'],
      ['--targets', 'Tệp chỉ tiêu kế hoạch'],
      ['--narrative', 'Tệp nội dung báo cáo'],
      ['--periods', 'Tệp kỳ báo cáo'],
    ];
    for (const [option, kind] of cases) {
      const ran = await reportWith(option, bomb);
      expect(ran.code, option).toBe(ExitCode.invalidDefinition);
      expect(ran.stderr.split('\n'), option).toHaveLength(1);
      expect(ran.stderr, option).toBe(`${kind} ${bomb}: quá nhiều tham chiếu (*tên) hoặc tham chiếu lồng nhau (tối đa 100)`);
    }
  });

  it('is refused as a profile', async () => {
    const ran = await runCli('validate', data, '--profile', bomb);
    expect(ran.code).toBe(ExitCode.invalidDefinition);
    expect(ran.stderr).toBe(`Hồ sơ cột ${bomb}: quá nhiều tham chiếu (*tên) hoặc tham chiếu lồng nhau (tối đa 100)`);
  });

  it('a few aliases, each expanded a few times, are still read', () => {
    const file = writeText(join(dir, 'neo.yaml'), 'a: &ten Sơn Hà\nb: *ten\nc: [*ten, *ten]\n');
    expect(readYamlFile(file, what)).toEqual({ a: 'Sơn Hà', b: 'Sơn Hà', c: ['Sơn Hà', 'Sơn Hà'] });
  });
});

describe('a large YAML file', () => {
  it('100,000 keys are read (the duplicate-key check is linear; the time is in the report, not asserted)', () => {
    const text = Array.from({ length: 100_000 }, (_, index) => `k${index}: ${index}\n`).join('');
    const parsed = parseYamlText(text, 'lon.yaml', what) as Record<string, number>;
    expect(Object.keys(parsed)).toHaveLength(100_000);
    expect(parsed.k99999).toBe(99_999);
  });

  it('a key given twice among many is still found, with its line', () => {
    const text = `${Array.from({ length: 1000 }, (_, index) => `k${index}: ${index}`).join('\n')}\nk500: lần hai\n`;
    expect(refusedText(text)).toBe('Tệp thiết lập báo cáo x.yaml: sai cú pháp YAML ở dòng 1.001, cột 1: một mục được khai hai lần');
  });

  it('more entries than the limit are refused before the document is built', () => {
    const text = `[${Array(YAML_LIMITS.entries + 1).fill('1').join(',')}]`;
    expect(refusedText(text)).toBe('Tệp thiết lập báo cáo x.yaml: dòng 1, cột 1: quá nhiều mục (tối đa 200.000)');
  });

  it('a 200 MB settings file is refused by its size, before a byte is read', async () => {
    const file = join(dir, 'thiet-lap-200mb.yaml');
    // A sparse file: 200 MB to fstat, nothing on the disk.
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const ran = await reportWith('--settings', file);
    expect(ran.code).toBe(ExitCode.invalidDefinition);
    expect(ran.stderr).toBe(`Tệp thiết lập báo cáo ${file}: tệp quá lớn (200 MB; tối đa 4,0 MB)`);
  });

  it('nesting deeper than the limit is refused (100,000 brackets, which could exhaust the stack)', () => {
    // The 66th bracket is at level 65 (the outermost is level 0).
    expect(refusedText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe('Tệp thiết lập báo cáo x.yaml: dòng 1, cột 66: lồng nhau quá sâu (tối đa 64 cấp)');
    expect(refusedText(`${'- '.repeat(10_000)}x\n`)).toBe('Tệp thiết lập báo cáo x.yaml: dòng 1, cột 131: lồng nhau quá sâu (tối đa 64 cấp)');
  });
});

describe('tags, NUL and encodings', () => {
  it('an unknown tag is refused, and nothing is printed (no YAMLWarning block)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const log = vi.spyOn(console, 'warn');
    const file = writeText(join(dir, 'the.yaml'), 'place: Sơn Hà\nsigner: !ky\n  name: A\n');
    expect(refusal(file).text.vi).toBe(`Tệp thiết lập báo cáo ${file}: dòng 2, cột 9: thẻ YAML !ky không được dùng (tệp chỉ chứa dữ liệu: chữ, số, danh sách)`);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
  });

  it('!!js/function is refused, not read as text', () => {
    const file = writeText(join(dir, 'js.yaml'), 'place: !!js/function "function () { return 1 }"\n');
    expect(refusal(file).text.en).toBe(`Settings file ${file}: line 1, column 8: the YAML tag !!js/function is not allowed (the file holds data only: text, numbers, lists)`);
  });

  it("the core schema's own tags are still data", () => {
    const file = writeText(join(dir, 'str.yaml'), 'number: !!str 012\n');
    expect(readYamlFile(file, what)).toEqual({ number: '012' });
  });

  it('a NUL, raw or escaped, is refused with its place', () => {
    const raw = writeText(join(dir, 'nul.yaml'), 'place: Sơn\u0000Hà\n');
    expect(refusal(raw).text.vi).toBe(`Tệp thiết lập báo cáo ${raw}: dòng 1, cột 11: tệp có ký tự NUL (tệp nhị phân, hoặc lưu sai bảng mã?)`);
    const escaped = writeText(join(dir, 'nul2.yaml'), 'place: "Sơn\\0Hà"\n');
    expect(refusal(escaped).text.vi).toBe(`Tệp thiết lập báo cáo ${escaped}: dòng 1, cột 8: một giá trị có ký tự NUL (\\0)`);
  });

  // With its byte-order mark, UTF-16 is read (the one text decoder, tests/io/text-decoding.test.ts).
  it('a UTF-16 profile without its byte-order mark is refused naming the encoding', async () => {
    const file = join(dir, 'ho-so-utf16.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, Buffer.from('name: Sổ xã\nsheets: {}\n', 'utf16le'));
    const ran = await runCli('validate', data, '--profile', file);
    expect(ran.code).toBe(ExitCode.invalidDefinition);
    expect(ran.stderr).toBe(`Hồ sơ cột ${file}: không đọc được chữ tiếng Việt: có vẻ là UTF-16 không có dấu BOM; hãy mở bằng Notepad và lưu lại với Encoding là UTF-8`);
  });

  it('a UTF-8 BOM is not part of the first key', () => {
    const file = writeText(join(dir, 'bom8.yaml'), '\ufeffplace: Sơn Hà\n');
    expect(readYamlFile(file, what)).toEqual({ place: 'Sơn Hà' });
  });

  it('a named pipe given as a YAML file is refused, not waited on', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'ong.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(fifo).text.vi).toBe(`Tệp thiết lập báo cáo ${fifo}: không phải tệp thường (thiết bị hoặc ống dẫn)`);
  });
});
