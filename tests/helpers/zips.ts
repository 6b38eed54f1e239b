/**
 * Hand-built containers for hostile-input tests: zips whose directory says what we choose
 * (bombs, lies, overlaps) and OLE compound files with chosen stream names.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { buildCompound } from './biff.js';

export interface ZipInput {
  readonly name: string;
  /** Stored deflated: the bytes to inflate (computed from `data` when absent). */
  readonly deflated?: Buffer;
  readonly data?: Buffer;
  /** Uncompressed size written in the headers (default: the true size of `data`). */
  readonly declaredSize?: number;
  /** Extra central-directory records that point at this entry's data under another name. */
  readonly aliases?: readonly string[];
  /** Sizes and CRC after the data (flag bit 3), in a descriptor with or without its signature. */
  readonly descriptor?: 'signed' | 'unsigned';
  /** Written in the file but left out of the central directory. */
  readonly unlisted?: boolean;
  /** CRC-32 written in the headers (default: the true one of `data`). */
  readonly crc?: number;
}

/** A zip with local headers, central directory and end record, every entry deflated. */
export function buildZip(entries: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0);
    const deflated = entry.deflated ?? deflateRawSync(data);
    const size = entry.declaredSize ?? data.length;
    const crc = entry.crc ?? (entry.data ? crc32(data) : 0);
    const name = Buffer.from(entry.name, 'utf8');
    const flags = entry.descriptor ? 0x0808 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    if (!entry.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(deflated.length, 18);
      local.writeUInt32LE(size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(entry.descriptor === 'signed' ? 16 : entry.descriptor ? 12 : 0);
    if (entry.descriptor) {
      const at = entry.descriptor === 'signed' ? 4 : 0;
      if (at) descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, at);
      descriptor.writeUInt32LE(deflated.length, at + 4);
      descriptor.writeUInt32LE(size, at + 8);
    }
    for (const alias of entry.unlisted ? [] : [entry.name, ...(entry.aliases ?? [])]) {
      const aliasName = Buffer.from(alias, 'utf8');
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(deflated.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(aliasName.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, aliasName);
    }
    locals.push(local, name, deflated, descriptor);
    offset += local.length + name.length + deflated.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = entries.reduce((total, entry) => total + (entry.unlisted ? 0 : 1 + (entry.aliases?.length ?? 0)), 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `mebibytes` MiB of zeros as raw deflate data, built without deflating them all: one MiB
 * compressed with a sync flush ends on a byte boundary and only refers back to zeros, so the
 * same bytes can be repeated. 1 GiB comes out at about 1 MB.
 */
export function deflatedZeros(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), last]);
}

/** Every file of a zip (e.g. one written by exceljs), uncompressed, in its order. */
export async function zipEntries(path: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const entries: { name: string; data: Buffer }[] = [];
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.push({ name: file.name, data: await file.async('nodebuffer') });
  }
  return entries;
}

/** Replaces one file of a workbook written by exceljs (e.g. a sheet's XML) and writes it back. */
export async function replaceInZip(path: string, name: string, text: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  zip.file(name, text);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

// ---------------------------------------------------------------- OLE compound files

export interface OleStream {
  readonly name: string;
  /** Stored in regular sectors from 4096 bytes, in the mini stream under that; or empty. */
  readonly data?: Buffer;
}

/** A version-3 compound file (512-byte sectors) holding up to 3 streams: see buildCompound (biff.ts). */
export function buildOle(streams: readonly OleStream[]): Buffer {
  return buildCompound(streams.map((stream) => ({ name: stream.name, data: stream.data ?? Buffer.alloc(0) }))).bytes;
}

/** The start of a BIFF8 workbook stream: BOF, then (when `password`) FILEPASS, padded to 4096 bytes. */
export function biffWorkbookStream(password: boolean): Buffer {
  const record = (type: number, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(type, 0);
    head.writeUInt16LE(data.length, 2);
    return Buffer.concat([head, data]);
  };
  const bof = Buffer.alloc(16);
  bof.writeUInt16LE(0x0600, 0);
  bof.writeUInt16LE(0x0005, 2);
  const records = [record(0x0809, bof)];
  if (password) records.push(record(0x002f, Buffer.alloc(54)));
  records.push(record(0x0085, Buffer.alloc(8)), record(0x000a, Buffer.alloc(0)));
  const stream = Buffer.concat(records);
  return Buffer.concat([stream, Buffer.alloc(4096 - stream.length)]);
}

// ---------------------------------------------------------------- workbooks written by hand

export interface HandWorkbook {
  /** `xl/worksheets/sheet1.xml`'s `<sheetData>` content. */
  readonly sheetData: string;
  /** `xl/sharedStrings.xml`'s items, as XML (`<si><t>…</t></si>`…); no part when absent. */
  readonly sharedItems?: string;
}

/** A minimal .xlsx of one sheet ("TreEm"), its XML written as given: for readers' limits. */
export function handWorkbook(input: HandWorkbook): Buffer {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, 'utf8');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const shared = input.sharedItems !== undefined;
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          (shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(`<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="TreEm" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
          (shared ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
          '</Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet xmlns="${main}"><sheetData>${input.sheetData}</sheetData></worksheet>`) },
    ...(shared ? [{ name: 'xl/sharedStrings.xml', data: xml(`<sst xmlns="${main}">${input.sharedItems}</sst>`) }] : []),
  ]);
}

/**
 * The string-amplification workbook of issue 23: one shared string of `chars` characters
 * (CJK characters drawn at random, so that it deflates to about 2 MB as the original did) referenced by `references`
 * cells, 12 to a row.
 */
export function amplifiedWorkbook(chars: number, references: number): Buffer {
  let seed = 23;
  let text = '';
  for (let i = 0; i < chars; i += 1) {
    // xorshift32: a fixed sequence, no period deflate could find
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    text += String.fromCharCode(0x4e00 + ((seed >>> 0) % 20_000));
  }
  const rows: string[] = [];
  for (let row = 1; row <= Math.ceil(references / 12); row += 1) {
    let cells = '';
    for (let column = 0; column < 12 && (row - 1) * 12 + column < references; column += 1) cells += `<c r="${'ABCDEFGHIJKL'[column]}${row}" t="s"><v>0</v></c>`;
    rows.push(`<row r="${row}">${cells}</row>`);
  }
  return handWorkbook({ sheetData: rows.join(''), sharedItems: `<si><t>${text}</t></si>` });
}
