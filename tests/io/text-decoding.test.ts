/**
 * One decoder for every text file (issue #22, defects 4 and 5): settings, profiles and CSV saved
 * by Notepad as "ANSI" on a Vietnamese Windows (Windows-1258, tone marks as combining
 * characters) or as "Unicode" (UTF-16 with a BOM) read as they were typed; a file in another
 * encoding refused naming it; and the legacy-font detector leaves real Unicode Vietnamese alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/index.js';
import { decodeLegacy } from '../../src/io/legacy-encoding.js';
import { TextEncodingRefusal, decodeText } from '../../src/io/text-decoding.js';
import { readYamlFile } from '../../src/io/yaml-file.js';
import { childRecords } from '../../src/model/record-columns.js';
import { UserError } from '../../src/messages/index.js';
import { msg } from '../helpers/test-messages.js';
import { loadSettingsFile } from '../../src/report/settings.js';
import { unreadableRefusal, userError } from '../helpers/errors.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/workbooks.js';

const dir = tempDir('chitieu-encodings-');
const file = (name: string) => join(dir, name);

/** Byte of each Windows-1258 character, from Node's own decoder turned round. */
const WINDOWS_1258 = new Map<string, number>();
const decoder1258 = new TextDecoder('windows-1258');
for (let byte = 0; byte < 256; byte += 1) WINDOWS_1258.set(decoder1258.decode(Uint8Array.of(byte)), byte);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Text as Notepad "ANSI" writes it on a Vietnamese Windows: base letter (â, ơ, đ…), then the tone as a combining mark. */
function windows1258(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const parts = char.normalize('NFD');
    const base = parts.replace(TONE_MARKS, '').normalize('NFC');
    const tones = parts.match(TONE_MARKS) ?? [];
    for (const piece of [base, ...tones]) {
      const byte = WINDOWS_1258.get(piece);
      if (byte === undefined) throw new Error(`not in Windows-1258: ${piece}`);
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(utf16le(text).swap16());

const HEADING = 'ỦY BAN NHÂN DÂN xã Sơn Hạ, tỉnh Quảng Ngãi';

describe('decodeText', () => {
  it('reads Windows-1258 with combining tones as NFC text', () => {
    const bytes = windows1258(HEADING);
    // The tone of "Ủ" is its own byte (0xD2, combining hook above) after "U": not UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0x55, 0xd2, 0x59]);
    expect(decodeText(bytes)).toEqual({ text: HEADING, encoding: 'windows-1258' });
  });

  it('reads UTF-8 with and without BOM, UTF-16 LE and BE with BOM, all to the same NFC text', () => {
    const decomposed = HEADING.normalize('NFD');
    expect(decodeText(Buffer.from(decomposed, 'utf8'))).toEqual({ text: HEADING, encoding: 'UTF-8' });
    expect(decodeText(Buffer.from(`\ufeff${HEADING}`, 'utf8'))).toEqual({ text: HEADING, encoding: 'UTF-8' });
    expect(decodeText(utf16le(HEADING))).toEqual({ text: HEADING, encoding: 'UTF-16LE' });
    expect(decodeText(utf16be(HEADING))).toEqual({ text: HEADING, encoding: 'UTF-16BE' });
  });

  it('refuses another code page, UTF-16 without BOM and TCVN3 text, naming what they are', () => {
    const refusal = (bytes: Buffer) => {
      try {
        decodeText(bytes);
      } catch (error) {
        if (error instanceof TextEncodingRefusal) return error.reason;
        throw error;
      }
      throw new Error('read');
    };
    // Windows-1252 French: Latin-1 letters, but no Vietnamese words.
    expect(refusal(Buffer.from('Café crème brûlée, façade, garçon', 'latin1')).vi).toContain('không phải UTF-8, UTF-16 hay Windows-1258');
    expect(refusal(Buffer.from(HEADING, 'utf16le')).vi).toContain('UTF-16 không có dấu BOM');
    // "Nguyễn Văn An" typed with the .VnTime font and saved as ANSI.
    expect(refusal(Buffer.from('Hä vµ tªn: NguyÔn V¨n An', 'latin1')).vi).toContain('TCVN3');
  });
});

describe('files the user edits, saved as "ANSI" or "Unicode" by Notepad', () => {
  it('reads a Windows-1258 settings file to the heading as typed (not "U�Y BAN")', () => {
    const yaml = `issuingBody:\n  - "ỦY BAN NHÂN DÂN"\n  - "XÃ SƠN HẠ"\nplace: "Sơn Hạ"\nsigner:\n  authority:\n    - "TM. ỦY BAN NHÂN DÂN"\n  title: "CHỦ TỊCH"\n  name: "Đinh Văn Hùng"\n`;
    writeFileSync(file('thiet-lap-ansi.yaml'), windows1258(yaml));
    const settings = loadSettingsFile(file('thiet-lap-ansi.yaml'));
    expect(settings.issuingBody).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ SƠN HẠ']);
    expect(settings.place).toBe('Sơn Hạ');
    expect(settings.signer).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: 'Đinh Văn Hùng' });
  });

  it('reads UTF-16 YAML with a BOM, and refuses one in an unknown encoding naming it (exit 4)', () => {
    writeFileSync(file('unicode.yaml'), utf16le('ten: "Hồ sơ của xã"\n'));
    expect(readYamlFile(file('unicode.yaml'), msg('Tệp', 'File'))).toEqual({ ten: 'Hồ sơ của xã' });
    writeFileSync(file('tcvn3.yaml'), Buffer.from('ten: "Hå s¬ cña x·"\n', 'latin1'));
    const error = userError(() => readYamlFile(file('tcvn3.yaml'), msg('Tệp hồ sơ cột', 'Profile file')));
    expect(error).toBeInstanceOf(UserError);
    expect(error.exitCode).toBe(4);
    expect(error.text.vi).toContain(file('tcvn3.yaml'));
    expect(error.text.vi).toContain('TCVN3');
    expect(error.text.vi).not.toContain('\n');
  });
});

const CSV_HEADER = ['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã', 'Thôn/Tổ dân phố'];
const CSV_ROW = ['TE001', 'Đinh Thị Ngọc Ánh', '03/05/2015', 'Nữ', '51', '21289', 'Thôn 3 · Xã Sơn Hạ'];

describe('CSV and "Unicode Text" files', () => {
  const expectRead = async (path: string) => {
    const result = await importFiles([path], { threads: 1 });
    expect(childRecords(result.dataset.children).map((child) => [child.childId, child.fullName, child.sex, child.village])).toEqual([
      ['TE001', 'Đinh Thị Ngọc Ánh', 'NU', 'Thôn 3 · Xã Sơn Hạ'],
    ]);
  };

  it('reads Excel\'s "Unicode Text" (UTF-16 LE with BOM, tab-separated)', async () => {
    writeFileSync(file('unicode-text.txt'), utf16le(`${CSV_HEADER.join('\t')}\r\n${CSV_ROW.join('\t')}\r\n`));
    await expectRead(file('unicode-text.txt'));
  });

  it('reads a UTF-16 BE CSV with BOM', async () => {
    writeFileSync(file('utf16be.csv'), utf16be(`${CSV_HEADER.join(',')}\n${CSV_ROW.join(',')}\n`));
    await expectRead(file('utf16be.csv'));
  });

  it('reads a Windows-1258 CSV ("CSV (Comma delimited)" on a Vietnamese Windows)', async () => {
    writeFileSync(file('ansi-1258.csv'), windows1258(`${CSV_HEADER.join(',')}\r\n${CSV_ROW.join(',')}\r\n`));
    await expectRead(file('ansi-1258.csv'));
  });

  it('refuses a CSV in another code page naming it, with Excel\'s advice', async () => {
    writeFileSync(file('latin.csv'), Buffer.from(`${CSV_HEADER.map((h) => h.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).join(',')}\nTE001,Café crème brûlée,03/05/2015,Nu,51,21289,façade\n`, 'latin1'));
    const error = await unreadableRefusal(importFiles([file('latin.csv')], { threads: 1 }));
    expect(error.text.vi).toContain('không phải UTF-8, UTF-16 hay Windows-1258');
    expect(error.text.vi).toContain('CSV UTF-8');
  });
});

describe('the legacy-font (TCVN3) detector', () => {
  it('leaves Unicode text that is Vietnamese as it stands ("Thôn 3 · Xã", not "Thụn 3 ã Xó")', () => {
    expect(decodeLegacy('Thôn 3 · Xã')).toBeUndefined();
    // Still converts real TCVN3: "X· S¬n H¹" is "Xã Sơn Hạ".
    expect(decodeLegacy('X· S¬n H¹')?.text).toBe('Xã Sơn Hạ');
  });
});

describe('a column-mapping profile saved as "ANSI"', () => {
  it('matches its Vietnamese headers and values (no data file blamed)', async () => {
    const profile = [
      'name: "Sổ theo dõi của xã (ANSI)"',
      'sheets:',
      '  children:',
      '    columns:',
      '      childId: ["Mã số trẻ"]',
      '      fullName: ["Tên đầy đủ"]',
      '      dateOfBirth: ["Sinh ngày"]',
      '      sex: ["Phái"]',
      '      provinceCode: ["Tỉnh"]',
      '      communeCode: ["Xã phường"]',
      '    values:',
      '      sex: { "Trai": "NAM", "Gái": "NU" }',
      '',
    ].join('\r\n');
    writeFileSync(file('ho-so-ansi.yaml'), windows1258(profile));
    writeFileSync(file('so-theo-doi.csv'), 'Mã số trẻ,Tên đầy đủ,Sinh ngày,Phái,Tỉnh,Xã phường\nT1,Lò Thị Mai,05/06/2013,Gái,51,21289\nT2,Đinh Văn Hùng,17/11/2014,Trai,51,21289\n');
    const ran = await runCli('validate', file('so-theo-doi.csv'), '--profile', file('ho-so-ansi.yaml'));
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toContain('so-theo-doi.csv: đọc 2 dòng = 2 hợp lệ + 0 bị loại');
    expect(ran.code).toBe(0);
  });
});
