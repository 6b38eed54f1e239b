/**
 * The zip reader inflates an ordinary entry at once and a large one as a stream: both ways
 * give the same bytes, and both refuse the same faults (an entry beyond its declared size, a
 * CRC that does not match, deflate data cut short or damaged).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipReader } from '../../src/import/readers/zip.js';
import { ZipRefusal, checkZip } from '../../src/import/zip-guard.js';
import { tempDir } from '../helpers/workbooks.js';
import { buildZip, deflatedZeros, type ZipInput } from '../helpers/zips.js';

const dir = tempDir('chitieu-zip-reader-');
const WAYS = [
  { way: 'at once', atOnceBytes: 16 * 1024 * 1024 },
  { way: 'streamed', atOnceBytes: 0 },
] as const;

/** 300 KB of sheet-like XML: several 64 KiB pieces. */
const SHEET = Buffer.from(Array.from({ length: 6000 }, (_, row) => `<row r="${row + 1}"><c r="A${row + 1}" t="inlineStr"><is><t>Trẻ ${row}</t></is></c></row>`).join(''), 'utf8');

async function readEntry(entries: ZipInput[], atOnceBytes: number, name = 'xl/worksheets/sheet1.xml'): Promise<{ bytes: Buffer; pieces: number[] }> {
  const path = join(dir, `zip-${Math.random().toString(36).slice(2)}.zip`);
  // The guard reads only what names itself a workbook.
  writeFileSync(path, buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, ...entries]));
  const reader = new ZipReader(path, await checkZip(path), atOnceBytes);
  const chunks: Buffer[] = [];
  for await (const chunk of reader.stream(reader.find(name)!)) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), pieces: chunks.map((chunk) => chunk.length) };
}

describe.each(WAYS)('an entry inflated $way', ({ atOnceBytes }) => {
  it('comes out whole, in pieces of at most 64 KiB', async () => {
    const { bytes, pieces } = await readEntry([{ name: 'xl/worksheets/sheet1.xml', data: SHEET }], atOnceBytes);
    expect(bytes.equals(SHEET)).toBe(true);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(64 * 1024);
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(SHEET.length / (64 * 1024)));
  });

  it('is refused when it expands beyond its declared size (1 GiB of zeros declared as 2 MB)', async () => {
    const entry = { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(1024), declaredSize: 2 * 1024 * 1024 };
    const error = await readEntry([entry], atOnceBytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZipRefusal);
    expect((error as ZipRefusal).reason.en).toContain('expands beyond its declared 2.0 MB');
  });

  it('is refused when its CRC-32 does not match (bytes changed on disk)', async () => {
    const error = await readEntry([{ name: 'xl/worksheets/sheet1.xml', data: SHEET, crc: 12345 }], atOnceBytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZipRefusal);
    expect((error as ZipRefusal).reason.en).toMatch(/CRC|checksum/i);
  });

  it('is refused when its deflate data is cut short, or damaged', async () => {
    const deflated = deflateRawSync(SHEET);
    const cut = { name: 'xl/worksheets/sheet1.xml', deflated: deflated.subarray(0, deflated.length >> 1), declaredSize: SHEET.length };
    await expect(readEntry([cut], atOnceBytes)).rejects.toBeInstanceOf(ZipRefusal);
    const damaged = Buffer.from(deflated);
    damaged.fill(0xff, 10, 40);
    await expect(readEntry([{ name: 'xl/worksheets/sheet1.xml', deflated: damaged, declaredSize: SHEET.length }], atOnceBytes)).rejects.toBeInstanceOf(ZipRefusal);
  });
});
