/**
 * Report settings: what the official parts of a report say (Decree 30/2020 format) — the
 * issuing body and its parent, the place and date line, the document number, "Kính gửi",
 * the signer and "Nơi nhận". One YAML file per office; `settings/` has an example.
 *
 * Every setting is optional. What is not given gets a neutral default built from the unit
 * (the issuing body "ỦY BAN NHÂN DÂN / HUYỆN SƠN HÀ", the place "Sơn Hà") or a visible
 * placeholder in [[…]] (the signer's name), so any run gives a complete document. The report
 * date is never "today": without it the date line is left for the office to fill in.
 */
import { readYamlFile } from '../io/yaml-file.js';
import { z } from 'zod';
import { isIsoDate } from '../engine/dates.js';
import { ExitCode, UserError, ioText, reportText, type Message } from '../messages/index.js';
import { issueMessage, issuePath, ownIssueText } from '../messages/zod-issue.js';
import { formatDate } from './format-vi.js';
import { levelWords } from '../model/levels.js';
import { REFORM_DATE } from '../units/types.js';
import { nameInSentence, placeName, upperVi, type UnitName } from './unit-name.js';

/**
 * YAML reads `- Lưu: VT, LĐTBXH` as a one-key mapping, not as the line an official meant:
 * such a mapping is read back as "Lưu: VT, LĐTBXH".
 */
export const yamlLine = z.union([
  z.string(),
  z.number().transform(String),
  z
    .record(z.string(), z.union([z.string(), z.number()]))
    .refine((value) => Object.keys(value).length === 1, { message: ownIssueText(ioText.zodLineOfText()) })
    .transform((value) => Object.entries(value).map(([key, rest]) => `${key}: ${rest}`)[0]!),
]);

const line = yamlLine.transform((text) => text.normalize('NFC')).pipe(z.string().trim().min(1));
const lines = z.union([line.transform((text) => [text]), z.array(line)]);

/** "2025-06-20" or "20/06/2025" (YAML may also give a date it parsed itself). */
const reportDate = z
  .union([z.string().trim(), z.date().transform((date) => date.toISOString().slice(0, 10))])
  .transform((text, ctx) => {
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : text;
    if (!isIsoDate(iso)) {
      ctx.addIssue({ code: 'custom', message: ownIssueText(ioText.zodRealDate()) });
      return z.NEVER;
    }
    return iso;
  });

/** "Số: 05/BC-UBND": a People's Committee's report. */
const COMMITTEE_NUMBER_PATTERN = '{number}/BC-UBND';

export const ReportSettingsFile = z.strictObject({
  /** Lines of the issuing body, upper case, bold: ["ỦY BAN NHÂN DÂN", "HUYỆN SƠN HÀ"]. */
  issuingBody: lines.optional(),
  /** Lines of the governing body above it, upright (e.g. "UBND HUYỆN SƠN HÀ" above a department). */
  parentBody: lines.optional(),
  /** The place of the date line: "Sơn Hà". */
  place: line.optional(),
  /** The document number; zero-padded below 10. Blank leaves room for the clerk. */
  number: z.union([z.number().int().positive(), z.string().trim().regex(/^\d*$/)]).optional(),
  /** How the number line is built: "{number}" is replaced by the number. */
  numberPattern: line.default(COMMITTEE_NUMBER_PATTERN).refine((text) => text.includes('{number}'), {
    message: ownIssueText(ioText.zodMustContain({ text: '{number}' })),
  }),
  reportDate: reportDate.optional(),
  /** "Kính gửi": one or several bodies the report goes to. */
  addressees: lines.optional(),
  signer: z
    .strictObject({
      /** Lines above the title: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]. */
      authority: lines.optional(),
      title: line.optional(),
      name: line.optional(),
    })
    .optional(),
  /** "Nơi nhận": one body per line, without "-" or the final ";" (they are added). */
  recipients: z.array(line).optional(),
  /** Body text size in points (Decree 30: 13 or 14). */
  fontSize: z.union([z.literal(13), z.literal(14)]).default(14),
});
export type ReportSettingsFile = z.infer<typeof ReportSettingsFile>;

/** Settings with every default filled in: what the DOCX builder draws. */
export interface ReportSettings {
  readonly issuingBody: readonly string[];
  readonly parentBody: readonly string[];
  readonly place: string;
  /** "Số: 05/BC-UBND" or "Số:      /BC-UBND". */
  readonly numberLine: string;
  /** "Sơn Hà, ngày 20 tháng 6 năm 2025" is built from this; null leaves the day and month blank. */
  readonly reportDate: string | null;
  /**
   * The year written when the date is left blank: the period's, or null (left blank too) when
   * the period ends on 31 December, since the report is then dated that day or in the next year.
   */
  readonly reportYear: number | null;
  readonly addressees: readonly string[];
  readonly signer: { readonly authority: readonly string[]; readonly title: string; readonly name: string };
  readonly recipients: readonly string[];
  readonly fontSize: 13 | 14;
}

export const PLACEHOLDER_SIGNER = '[[Họ và tên người ký]]';
export const PLACEHOLDER_ADDRESSEE = '[[Cơ quan nhận báo cáo]]';
export const PLACEHOLDER_RECIPIENTS = '[[Các cơ quan, đơn vị nhận báo cáo]]';

/**
 * A report speaks of figures "at" the period's last day: it cannot be dated before that day
 * (exit 4, naming both dates and, when known, the settings file).
 */
export function checkReportDate(settings: ReportSettingsFile | undefined, periodEnd: string, file?: string): void {
  const date = settings?.reportDate;
  if (date === undefined || date >= periodEnd) return;
  throw new UserError(ExitCode.invalidDefinition, reportText.reportDateTooEarly({ ...(file === undefined ? {} : { file }), date: formatDate(date), periodEnd: formatDate(periodEnd) }));
}

/**
 * The year of a date line left for the clerk. A report cannot be dated before the period's last
 * day (checkReportDate): after a period ending on 31 December only that one day is left in its
 * year, so the year is left blank rather than printed wrong for every other day.
 */
export function blankDateYear(reportDate: string | undefined, periodEnd: string): number | null {
  if (reportDate !== undefined) return Number(reportDate.slice(0, 4));
  return periodEnd.endsWith('-12-31') ? null : Number(periodEnd.slice(0, 4));
}

/** The Ministry of Health's department for children, which took child affairs over in 2025 (Decree 42/2025/NĐ-CP). */
export const MINISTRY_ADDRESSEE = 'Bộ Y tế (Cục Bà mẹ và Trẻ em)';

/**
 * Where a report goes when the settings do not say (reality-2026.md, reporting chain): a province
 * reports to the Ministry of Health; since 1 July 2025 a commune reports to the provincial
 * People's Committee through Sở Y tế. A district (or a commune before the reform, under its
 * district) has no default: the office names the body.
 */
export function defaultAddressees(unit: UnitName, periodEnd: string, provinceName?: string): string[] {
  if (unit.level === 'province') return [MINISTRY_ADDRESSEE];
  if (unit.level === 'commune' && periodEnd >= REFORM_DATE && provinceName !== undefined) {
    return [`UBND ${nameInSentence(provinceName)} (qua Sở Y tế)`];
  }
  return [PLACEHOLDER_ADDRESSEE];
}

/** `provinceName`: the full name of the unit's province ("Tỉnh Quảng Ngãi"), for the default "Kính gửi". */
export function resolveSettings(file: ReportSettingsFile | undefined, unit: UnitName, periodEnd: string, provinceName?: string): ReportSettings {
  checkReportDate(file, periodEnd);
  const given = file ?? ReportSettingsFile.parse({});
  // A unit's report is its People's Committee's; the nation's is the Ministry's (model/levels.ts).
  const body = levelWords(unit.level).body;
  const number = given.number === undefined || given.number === '' ? '' : String(given.number).padStart(2, '0');
  // The committees' pattern is the default; the Ministry's report has its own sign (BC-BYT).
  const pattern = given.numberPattern === COMMITTEE_NUMBER_PATTERN && body ? body.numberPattern : given.numberPattern;
  const numberText = pattern.replace('{number}', number === '' ? '\u00a0'.repeat(6) : number);
  return {
    issuingBody: given.issuingBody ?? (body ? [...body.heading] : ['ỦY BAN NHÂN DÂN', upperVi(unit.fullName)]),
    parentBody: given.parentBody ?? [],
    place: given.place ?? body?.place ?? placeName(unit.fullName),
    numberLine: `Số: ${numberText}`,
    reportDate: given.reportDate ?? null,
    reportYear: blankDateYear(given.reportDate, periodEnd),
    addressees: given.addressees ?? defaultAddressees(unit, periodEnd, provinceName),
    signer: {
      authority: given.signer?.authority ?? (given.signer ? [] : body ? [...body.signer.authority] : ['TM. ỦY BAN NHÂN DÂN']),
      title: given.signer?.title ?? body?.signer.title ?? 'CHỦ TỊCH',
      name: given.signer?.name ?? PLACEHOLDER_SIGNER,
    },
    recipients: given.recipients ?? ['Như trên', PLACEHOLDER_RECIPIENTS, 'Lưu: VT'],
    fontSize: given.fontSize,
  };
}

/** Reads and checks a settings file; any problem is exit 4 naming the file and the field. */
export function loadSettingsFile(file: string): ReportSettingsFile {
  return parseYamlFile(file, ReportSettingsFile, reportText.settingsFile());
}

/** Shared by the settings and narrative files: YAML → zod, one-line errors with exit 4. */
export function parseYamlFile<T extends z.ZodType>(file: string, schema: T, what: Message): z.output<T> {
  const raw = readYamlFile(file, ioText.kindOfFile({ kind: what }));
  const input = raw ?? {};
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(ExitCode.invalidDefinition, ioText.fileFieldFault({ kind: what, file, field: issuePath(issue.path), reason: issueMessage(issue, { schema, input }) }));
  }
  return parsed.data;
}
