import { open, readFile } from 'node:fs/promises';
import { importText, type Message } from '../messages/index.js';

/**
 * The OLE2 "compound file" container (magic D0 CF 11 E0): a legacy .xls, a password-protected
 * .xlsx/.xls, or some other Office document. The container is a small file system (a FAT of
 * sector chains, a directory, a mini stream for small streams); a damaged or hostile file may
 * make its chains loop, point past the end or declare gigabytes, so every chain is followed
 * with a visited set and checked against the size it must have. A fault is a `OleDamage`,
 * never a partial stream.
 */

export type OleKind =
  /** An encrypted OOXML package: "EncryptionInfo" + "EncryptedPackage" streams. */
  | 'encrypted-workbook'
  /** BIFF5/BIFF8 with a FILEPASS record: an .xls with a password to open. */
  | 'encrypted-xls'
  | 'xls'
  /** Word, PowerPoint, an .msg…: not a workbook at all. */
  | 'other'
  /** The container cannot be read: damaged (`reason` says how). */
  | 'damaged';

export interface OleInspection {
  readonly kind: OleKind;
  /** For 'damaged': what is wrong, in a few words. */
  readonly reason?: Message;
  /** For 'other': a Word document or a PowerPoint file, when its streams say so. */
  readonly what?: 'doc' | 'ppt';
}

export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const MAX_SECTOR = 0xfffffffa;
/** No real workbook comes near this; a larger file is not read into memory. */
export const MAX_OLE_FILE_BYTES = 1024 ** 3;

/** A fault in the container; `reason` is said to the user after "damaged .xls file". */
export class OleDamage extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
    this.name = 'OleDamage';
  }
}

const damage = (reason: Message) => new OleDamage(reason);

export interface DirectoryEntry {
  readonly name: string;
  /** 1 storage, 2 stream, 5 root. */
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

export async function isOleFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead === 8 && head.equals(OLE_MAGIC);
  } finally {
    await handle.close();
  }
}

/** Never throws for what the file holds: a container that cannot be read is 'damaged'. */
export async function inspectOle(path: string): Promise<OleInspection> {
  try {
    const container = CompoundFile.parse(await readOleBytes(path));
    const names = new Set(container.entries.map((entry) => entry.name));
    if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return { kind: 'encrypted-workbook' };
    const workbook = container.workbookEntry();
    if (!workbook) return { kind: 'other', ...(names.has('WordDocument') ? { what: 'doc' as const } : names.has('PowerPoint Document') ? { what: 'ppt' as const } : {}) };
    return { kind: hasFilePass(container.stream(workbook)) ? 'encrypted-xls' : 'xls' };
  } catch (error) {
    if (error instanceof OleDamage) return { kind: 'damaged', reason: error.reason };
    if (error instanceof RangeError) return { kind: 'damaged', reason: importText.oleCutShort() };
    throw error;
  }
}

export async function readOleBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_OLE_FILE_BYTES) throw damage(importText.oleTooLarge());
  } finally {
    await handle.close();
  }
  return readFile(path);
}

/** BIFF records (type, length, data) up to the first sheet: FILEPASS (0x2F) means encrypted. */
function hasFilePass(stream: Buffer): boolean {
  let at = 0;
  for (let records = 0; at + 4 <= stream.length && records < 2000; records += 1) {
    const type = stream.readUInt16LE(at);
    const length = stream.readUInt16LE(at + 2);
    if (type === 0x002f) return true;
    // BOUNDSHEET or EOF: FILEPASS, when present, comes before both.
    if (type === 0x0085 || type === 0x000a) return false;
    at += 4 + length;
  }
  return false;
}

export class CompoundFile {
  private miniFat = new Uint32Array(0);
  private miniStream: Buffer = Buffer.alloc(0);
  private miniCutoff = 4096;
  entries: readonly DirectoryEntry[] = [];

  private constructor(
    private readonly bytes: Buffer,
    private readonly sectorSize: number,
    private readonly fat: Uint32Array,
  ) {}

  static parse(bytes: Buffer): CompoundFile {
    if (bytes.length < 512 || !bytes.subarray(0, 8).equals(OLE_MAGIC)) throw damage(importText.oleHeaderDamaged());
    const shift = bytes.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) throw damage(importText.oleHeaderDamaged());
    const sectorSize = 1 << shift;
    const perSector = sectorSize / 4;
    const sectorCount = Math.ceil(bytes.length / sectorSize) - 1;
    const fatSectorCount = bytes.readUInt32LE(0x2c);
    // More FAT than the file has sectors to describe is a lie.
    if (fatSectorCount > Math.ceil(sectorCount / perSector) + 1) {
      throw damage(importText.oleFatFalseSize());
    }
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i += 1) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
    // More FAT sectors are listed in a chain of DIFAT sectors (last slot: the next DIFAT sector).
    const difatSeen = new Set<number>();
    for (let difat = bytes.readUInt32LE(0x44); fatSectors.length < fatSectorCount; ) {
      if (difat > MAX_SECTOR) throw damage(importText.oleFatIncomplete());
      if (difatSeen.has(difat)) throw damage(importText.oleFatLoops());
      difatSeen.add(difat);
      const sector = sectorOf(bytes, sectorSize, difat);
      for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i += 1) fatSectors.push(sector.readUInt32LE(i * 4));
      difat = sector.readUInt32LE((perSector - 1) * 4);
    }
    const fat = new Uint32Array(fatSectors.length * perSector).fill(FREE_SECTOR);
    for (const [index, sectorNumber] of fatSectors.entries()) {
      const sector = sectorOf(bytes, sectorSize, sectorNumber);
      for (let i = 0; i * 4 + 4 <= sector.length; i += 1) fat[index * perSector + i] = sector.readUInt32LE(i * 4);
    }
    const file = new CompoundFile(bytes, sectorSize, fat);
    file.entries = file.readDirectory(bytes.readUInt32LE(0x30));
    const root = file.entries.find((entry) => entry.type === 5);
    if (!root) throw damage(importText.oleNoRoot());
    file.miniStream = file.readChain(root.start, root.size, importText.oleMiniStream());
    const miniFatBytes = file.readChain(bytes.readUInt32LE(0x3c), bytes.readUInt32LE(0x40) * sectorSize, importText.oleMiniFat(), true);
    file.miniFat = new Uint32Array(Math.floor(miniFatBytes.length / 4));
    for (let i = 0; i < file.miniFat.length; i += 1) file.miniFat[i] = miniFatBytes.readUInt32LE(i * 4);
    file.miniCutoff = bytes.readUInt32LE(0x38);
    return file;
  }

  /** The "Workbook" (BIFF8) or "Book" (BIFF5) stream, when there is one. */
  workbookEntry(): DirectoryEntry | undefined {
    const stream = (name: string) => this.entries.find((entry) => entry.type === 2 && entry.name.toLowerCase() === name);
    return stream('workbook') ?? stream('book');
  }

  /** A stream whole: from regular sectors, or from the mini stream when it is small. */
  stream(entry: DirectoryEntry): Buffer {
    const what = importText.oleStream({ name: entry.name });
    if (entry.size >= this.miniCutoff) return this.readChain(entry.start, entry.size, what);
    if (entry.size === 0) return Buffer.alloc(0);
    if (entry.size > this.miniStream.length) {
      throw damage(importText.oleStreamLargerThanHolder({ what }));
    }
    const chain = chainOf(entry.start, this.miniFat, what);
    if (chain.length * MINI_SECTOR < entry.size) throw damage(importText.oleStreamShort({ what }));
    const parts = chain.map((sector) => {
      const start = sector * MINI_SECTOR;
      if (start >= this.miniStream.length) throw damage(importText.oleOutsideMiniStream({ what }));
      return this.miniStream.subarray(start, start + MINI_SECTOR);
    });
    return Buffer.concat(parts).subarray(0, entry.size);
  }

  private readDirectory(start: number): DirectoryEntry[] {
    const entries: DirectoryEntry[] = [];
    for (const sectorNumber of chainOf(start, this.fat, importText.oleDirectory())) {
      const sector = sectorOf(this.bytes, this.sectorSize, sectorNumber);
      for (let at = 0; at + 128 <= sector.length; at += 128) {
        const nameLength = Math.min(sector.readUInt16LE(at + 0x40), 64);
        const type = sector[at + 0x42] ?? 0;
        if (type === 0 || nameLength < 2) continue;
        // Version 3 files may leave garbage in the size's high half; in version 4 it is real, and no workbook needs it.
        const huge = this.sectorSize === 4096 && sector.readUInt32LE(at + 0x7c) !== 0;
        entries.push({
          name: sector.toString('utf16le', at, at + nameLength - 2),
          type,
          start: sector.readUInt32LE(at + 0x74),
          size: huge ? Number.MAX_SAFE_INTEGER : sector.readUInt32LE(at + 0x78),
        });
      }
    }
    return entries;
  }

  /** `size` bytes from the chain at `start`; `upTo`: the chain may be shorter than `size` was computed for. */
  private readChain(start: number, size: number, what: Message, upTo = false): Buffer {
    if (size > this.bytes.length) {
      throw damage(importText.oleStreamLargerThanFile({ what }));
    }
    if (size === 0 || (upTo && start === END_OF_CHAIN)) return Buffer.alloc(0);
    const chain = chainOf(start, this.fat, what);
    if (!upTo && chain.length * this.sectorSize < size) {
      throw damage(importText.oleStreamShort({ what }));
    }
    return Buffer.concat(chain.map((sector) => sectorOf(this.bytes, this.sectorSize, sector))).subarray(0, size);
  }
}

const MINI_SECTOR = 64;

function sectorOf(bytes: Buffer, sectorSize: number, sector: number): Buffer {
  const start = (sector + 1) * sectorSize;
  if (sector > MAX_SECTOR || start >= bytes.length) {
    throw damage(importText.oleChainPastEnd());
  }
  return bytes.subarray(start, Math.min(start + sectorSize, bytes.length));
}

/** A chain of sectors through `table`, checked: it ends, stays inside the table and never comes back on itself. */
function chainOf(start: number, table: Uint32Array, what: Message): number[] {
  const chain: number[] = [];
  const seen = new Uint8Array(table.length);
  for (let sector = start; sector !== END_OF_CHAIN; sector = table[sector]!) {
    if (sector >= table.length) throw damage(importText.oleChainBroken({ what }));
    if (seen[sector] === 1) throw damage(importText.oleChainLoops({ what }));
    seen[sector] = 1;
    chain.push(sector);
  }
  return chain;
}
