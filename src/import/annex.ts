/**
 * Reads back an annex workbook that `report` wrote (src/model/annex-contract.ts): its ThongTin, DuLieu
 * and DuLieuXa sheets, checked with zod. A file that is not such a workbook is refused with
 * exit 2 and says why.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { issueMessage, issuePath } from '../messages/zod-issue.js';
import { ExitCode, importText, type Message, UserError } from '../messages/index.js';
import { communeCode as communeCodeSchema, isoDate } from '../model/records.js';
import { BreakdownKey, Level } from '../model/results.js';
import { UnitCode } from '../model/levels.js';
import { YES_NO_WORDS, type RawValue } from './cells.js';
import type { CellNote } from './readers/types.js';
import { readXlsxWorkbook } from './readers/xlsx.js';
import {
  ANNEX_FORMAT,
  ANNEX_FORMATS_READ,
  BREAKDOWN_COLUMNS,
  DATA_COLUMNS,
  DATA_SHEET,
  FACT_FIELDS,
  FACTS_SHEET,
  FILE_ROW_KEY,
  INFO_KEYS,
  INFO_SHEET,
  factHeader,
  type Annex,
  type AnnexInfo,
  type AnnexRow,
  type SourceFile,
  type UnitFacts,
} from '../model/annex-contract.js';


function refuse(file: string, reason: Message): UserError {
  return new UserError(ExitCode.unreadableInput, importText.annexRefused({ file, reason }));
}

type AnnexCell = string | number | boolean | null;
type SheetRows = AnnexCell[][];

/** A cell's value as a plain number, string, boolean or null (formulas give their cached result; dates ISO). */
function plain(value: RawValue): AnnexCell {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

/** Every sheet's rows by name, row n at index n - 1 (rows the file lacks are empty), read by our own reader. */
async function workbookRows(path: string): Promise<Map<string, SheetRows>> {
  const sheets = new Map<string, SheetRows>();
  for await (const sheet of readXlsxWorkbook(path)) {
    const rows: SheetRows = [];
    const notes: CellNote[] = [];
    for await (const row of sheet.rows(notes)) rows[row.number - 1] = row.cells.map(plain);
    sheets.set(sheet.name, Array.from(rows, (row) => row ?? []));
  }
  return sheets;
}

const text = z.string().min(1);
const period = z.object({ id: text, from: isoDate, to: isoDate });

const InfoSchema = z.object({
  format: z.enum(ANNEX_FORMATS_READ),
  unitCode: UnitCode,
  unitName: text,
  level: Level,
  periodId: text,
  periodFrom: isoDate,
  periodTo: isoDate,
  baselineId: text.optional(),
  baselineFrom: isoDate.optional(),
  baselineTo: isoDate.optional(),
  origin: text,
  children: z.string().optional(),
  communesWithData: z.string().optional(),
  toolVersion: z.string().optional(),
  catalogueVersion: z.string().optional(),
  reportDate: z.string().optional(),
  suppress: z.string().optional(),
});

const nullableNumber = z.number().nullable();
const flag = z.union([z.literal(true), z.null()]);

const DataRowSchema = z.object({
  period: text,
  indicator: text,
  name: z.string().nullable(),
  unit: UnitCode,
  level: Level,
  sex: z.string().min(1).nullable(),
  ageGroup: z.string().min(1).nullable(),
  group: z.string().min(1).nullable(),
  cause: z.string().min(1).nullable(),
  setting: z.string().min(1).nullable(),
  form: z.string().min(1).nullable(),
  numerator: nullableNumber,
  denominator: nullableNumber,
  value: nullableNumber,
  approximate: flag,
  noData: flag,
  factor: nullableNumber,
});

const yesNo = z.union([z.literal(YES_NO_WORDS.yes), z.literal(YES_NO_WORDS.no), z.null()]).transform((v) => (v === null ? undefined : v === YES_NO_WORDS.yes));
const optionalNumber = z.number().nonnegative().nullable().transform((v) => v ?? undefined);

const FactRowSchema = z.object({
  communeCode: communeCodeSchema,
  periodId: text,
  population: optionalNumber,
  villages: optionalNumber,
  villagesWithFacilities: optionalNumber,
  hasPlayground: yesNo,
  childFriendly: yesNo,
  childrenConsulted: optionalNumber,
  budget: optionalNumber,
});

const codeList = (text: string | undefined): string[] => (text ?? '').split(',').map((code) => code.trim()).filter(Boolean);

function readInfo(file: string, sheet: SheetRows): { info: AnnexInfo; sources: SourceFile[] } {
  const values: Record<string, string> = {};
  const sources: SourceFile[] = [];
  for (const row of sheet) {
    const key = row[0];
    if (key === FILE_ROW_KEY) {
      const [, name, read, accepted, rejected, sha256] = row;
      if (typeof name === 'string' && typeof read === 'number' && typeof accepted === 'number' && typeof rejected === 'number') {
        sources.push({ file: name, read, accepted, rejected, ...(typeof sha256 === 'string' ? { sha256 } : {}) });
      }
    } else if (typeof key === 'string' && key in INFO_KEYS && row[2] !== null && row[2] !== undefined) {
      values[key] = String(row[2]);
    }
  }
  if (values.format !== undefined && !(ANNEX_FORMATS_READ as readonly string[]).includes(values.format)) {
    throw refuse(file, importText.annexFormatOther({ format: values.format, expected: ANNEX_FORMAT }));
  }
  const parsed = InfoSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(file, importText.annexInfoLayout({ sheet: INFO_SHEET, field: issuePath(issue.path), reason: issueMessage(issue, { schema: InfoSchema, input: values }) }));
  }
  const i = parsed.data;
  const baseline = i.baselineId && i.baselineFrom && i.baselineTo ? period.parse({ id: i.baselineId, from: i.baselineFrom, to: i.baselineTo }) : undefined;
  return {
    info: {
      unitCode: i.unitCode,
      unitName: i.unitName,
      level: i.level,
      period: { id: i.periodId, from: i.periodFrom, to: i.periodTo },
      ...(baseline ? { baseline } : {}),
      origin: i.origin,
      subUnits: codeList(i.children),
      ...(i.communesWithData !== undefined ? { communesWithData: codeList(i.communesWithData) } : {}),
      ...(i.toolVersion ? { toolVersion: i.toolVersion } : {}),
      ...(i.catalogueVersion ? { catalogueVersion: i.catalogueVersion } : {}),
    },
    sources,
  };
}

/**
 * The rows under DuLieu's row of keys: row 2 since format /2 (Vietnamese headers above it), row 1
 * in annexes of format /1.
 */
function readData(file: string, sheet: SheetRows): { periodId: string; row: AnnexRow }[] {
  const expected = [...DATA_COLUMNS];
  const isKeys = (row: readonly AnnexCell[] | undefined) => row !== undefined && expected.every((column, i) => row[i] === column);
  const keysRow = [0, 1].find((index) => isKeys(sheet[index]));
  if (keysRow === undefined) {
    throw refuse(file, importText.annexDataLayout({ sheet: DATA_SHEET, columns: expected.join(', ') }));
  }
  return sheet
    .slice(keysRow + 1)
    .map((values, i) => ({ values, number: keysRow + i + 2 }))
    .filter(({ values }) => values.some((value) => value !== null))
    .map(({ values, number }) => {
      const record = Object.fromEntries(expected.map((column, i) => [column, values[i] ?? null]));
      const parsed = DataRowSchema.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw refuse(file, importText.annexCellFault({ sheet: DATA_SHEET, row: number, column: issuePath(issue.path), reason: issueMessage(issue, { schema: DataRowSchema, input: record }) }));
      }
      const d = parsed.data;
      const breakdown: Partial<Record<BreakdownKey, string>> = {};
      for (const key of BREAKDOWN_COLUMNS) {
        const value = d[key];
        if (typeof value === 'string') breakdown[key] = value;
      }
      const row: AnnexRow = {
        indicator: d.indicator,
        unit: d.unit,
        level: d.level,
        breakdown,
        numerator: d.numerator,
        denominator: d.denominator,
        value: d.value,
        ...(d.approximate ? { approximate: true as const } : {}),
        ...(d.noData ? { noData: true as const } : {}),
        factor: d.factor,
      };
      return { periodId: d.period, row };
    });
}

function readFacts(file: string, sheet: SheetRows | undefined): UnitFacts[] {
  if (!sheet) return [];
  const [header = [], ...rows] = sheet;
  if (FACT_FIELDS.some((field, i) => header[i] !== factHeader(field))) {
    throw refuse(file, importText.annexSheetLayout({ sheet: FACTS_SHEET }));
  }
  return rows
    .filter((values) => values.some((value) => value !== null))
    .map((values, i) => {
      const record = Object.fromEntries(FACT_FIELDS.map((field, c) => [field, values[c] ?? null]));
      const parsed = FactRowSchema.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw refuse(file, importText.annexCellFault({ sheet: FACTS_SHEET, row: i + 2, column: issuePath(issue.path), reason: issueMessage(issue, { schema: FactRowSchema, input: record }) }));
      }
      const facts: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) facts[key] = value;
      return facts as unknown as UnitFacts;
    });
}

export async function readAnnex(path: string): Promise<Annex> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw refuse(file, importText.annexUnreadable({ code: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  let workbook: Map<string, SheetRows>;
  try {
    // Only a zip: an annex is always the .xlsx chitieu wrote (the workbook reader would also take a legacy .xls or a web export).
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip');
    workbook = await workbookRows(path);
  } catch {
    throw refuse(file, importText.annexNotXlsx());
  }
  const infoSheet = workbook.get(INFO_SHEET);
  const dataSheet = workbook.get(DATA_SHEET);
  if (infoSheet && infoSheet.some((row) => row[0] === 'suppress')) {
    throw refuse(file, importText.annexSuppressed());
  }
  if (!infoSheet || !dataSheet) {
    throw refuse(file, importText.annexSheetMissing({ sheet: !infoSheet ? INFO_SHEET : DATA_SHEET }));
  }
  const { info, sources } = readInfo(file, infoSheet);
  const data = readData(file, dataSheet);
  const stray = data.find(({ periodId }) => periodId !== info.period.id && periodId !== info.baseline?.id);
  if (stray) {
    throw refuse(file, importText.annexOtherPeriod({ sheet: DATA_SHEET, found: stray.periodId, expected: info.period.id }));
  }
  return {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    info,
    rows: data.filter(({ periodId }) => periodId === info.period.id).map(({ row }) => row),
    baselineRows: data.filter(({ periodId }) => periodId === info.baseline?.id).map(({ row }) => row),
    facts: readFacts(file, workbook.get(FACTS_SHEET)),
    sources,
  };
}
