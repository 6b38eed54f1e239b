import { open, type FileHandle } from 'node:fs/promises';

/**
 * Tells apart the files that start with the OLE2 "compound file" magic (D0 CF 11 E0): a legacy
 * .xls, a password-protected .xlsx/.xls, or some other Office document. Only the directory
 * (the list of stream names) and, for an .xls, the first records of its workbook stream are read.
 */

export type OleKind =
  /** An encrypted OOXML package: "EncryptionInfo" + "EncryptedPackage" streams. */
  | 'encrypted-workbook'
  /** BIFF5/BIFF8 with a FILEPASS record: an .xls with a password to open. */
  | 'encrypted-xls'
  | 'xls'
  /** Word, PowerPoint, an .msg…: not a workbook at all. */
  | 'other'
  /** The directory cannot be read: damaged. */
  | 'unknown';

export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const MAX_SECTOR = 0xfffffffa;
/** Enough of the directory and of the workbook stream to find what we look for. */
const MAX_DIRECTORY_SECTORS = 4096;
const WORKBOOK_HEAD = 64 * 1024;

interface DirectoryEntry {
  readonly name: string;
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

/** Never throws: a file whose directory cannot be read is 'unknown'. */
export async function inspectOle(path: string): Promise<OleKind> {
  const handle = await open(path, 'r');
  try {
    const reader = await CompoundFile.open(handle);
    if (!reader) return 'unknown';
    const entries = await reader.directory();
    if (!entries.some((entry) => entry.type === 5)) return 'unknown';
    const names = new Set(entries.map((entry) => entry.name));
    if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted-workbook';
    const workbook = entries.find((entry) => entry.type === 2 && (entry.name === 'Workbook' || entry.name === 'Book'));
    if (!workbook) return 'other';
    const head = await reader.streamHead(workbook, WORKBOOK_HEAD);
    return head && hasFilePass(head) ? 'encrypted-xls' : 'xls';
  } catch {
    return 'unknown';
  } finally {
    await handle.close();
  }
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

class CompoundFile {
  private constructor(
    private readonly handle: FileHandle,
    private readonly sectorSize: number,
    private readonly fat: Uint32Array,
    private readonly firstDirectorySector: number,
    private readonly miniCutoff: number,
  ) {}

  static async open(handle: FileHandle): Promise<CompoundFile | undefined> {
    const header = Buffer.alloc(512);
    const { bytesRead } = await handle.read(header, 0, 512, 0);
    if (bytesRead < 512 || !header.subarray(0, 8).equals(OLE_MAGIC)) return undefined;
    const shift = header.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) return undefined;
    const sectorSize = 1 << shift;
    const perSector = sectorSize / 4;
    // A damaged or hostile header may claim any number: no more FAT than the file can need.
    const { size } = await handle.stat();
    const fatSectorCount = Math.min(header.readUInt32LE(0x2c), Math.ceil(size / sectorSize / perSector) + 1);
    const firstDirectorySector = header.readUInt32LE(0x30);
    const miniCutoff = header.readUInt32LE(0x38);
    let difatSector = header.readUInt32LE(0x44);
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i += 1) fatSectors.push(header.readUInt32LE(0x4c + i * 4));
    // More FAT sectors are listed in a chain of DIFAT sectors (last slot: the next DIFAT sector).
    for (let guard = 0; fatSectors.length < fatSectorCount && difatSector <= MAX_SECTOR && guard < 100_000; guard += 1) {
      const sector = await readSector(handle, sectorSize, difatSector);
      for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i += 1) fatSectors.push(sector.readUInt32LE(i * 4));
      difatSector = sector.readUInt32LE((perSector - 1) * 4);
    }
    const fat = new Uint32Array(fatSectors.length * perSector);
    for (const [index, sectorNumber] of fatSectors.entries()) {
      if (sectorNumber > MAX_SECTOR) continue;
      const sector = await readSector(handle, sectorSize, sectorNumber);
      for (let i = 0; i < perSector && i * 4 + 4 <= sector.length; i += 1) fat[index * perSector + i] = sector.readUInt32LE(i * 4);
    }
    return new CompoundFile(handle, sectorSize, fat, firstDirectorySector, miniCutoff);
  }

  async directory(): Promise<DirectoryEntry[]> {
    const entries: DirectoryEntry[] = [];
    for (const sectorNumber of this.chain(this.firstDirectorySector, MAX_DIRECTORY_SECTORS)) {
      const sector = await readSector(this.handle, this.sectorSize, sectorNumber);
      for (let at = 0; at + 128 <= sector.length; at += 128) {
        const nameLength = Math.min(sector.readUInt16LE(at + 0x40), 64);
        const type = sector[at + 0x42] ?? 0;
        if (type === 0 || nameLength < 2) continue;
        entries.push({
          name: sector.toString('utf16le', at, at + nameLength - 2),
          type,
          start: sector.readUInt32LE(at + 0x74),
          size: sector.readUInt32LE(at + 0x78),
        });
      }
    }
    return entries;
  }

  /** The first bytes of a stream kept in regular sectors (workbook streams always are: ≥ 4096 bytes). */
  async streamHead(entry: DirectoryEntry, length: number): Promise<Buffer | undefined> {
    if (entry.size < this.miniCutoff) return undefined;
    const wanted = Math.min(entry.size, length);
    const parts: Buffer[] = [];
    let read = 0;
    for (const sectorNumber of this.chain(entry.start, Math.ceil(wanted / this.sectorSize))) {
      const sector = await readSector(this.handle, this.sectorSize, sectorNumber);
      parts.push(sector);
      read += sector.length;
      if (read >= wanted) break;
    }
    return Buffer.concat(parts).subarray(0, wanted);
  }

  /** A FAT chain, cut at `limit` sectors so that a looping chain cannot hang us. */
  private *chain(start: number, limit: number): Generator<number> {
    let sector = start;
    for (let n = 0; n < limit && sector !== END_OF_CHAIN && sector !== FREE_SECTOR && sector <= MAX_SECTOR; n += 1) {
      yield sector;
      sector = this.fat[sector] ?? END_OF_CHAIN;
    }
  }
}

async function readSector(handle: FileHandle, sectorSize: number, sector: number): Promise<Buffer> {
  const buffer = Buffer.alloc(sectorSize);
  const { bytesRead } = await handle.read(buffer, 0, sectorSize, (sector + 1) * sectorSize);
  return buffer.subarray(0, bytesRead);
}
