/**
 * One report form for every document (#18 item 3): the form of the chosen unit, filled from its
 * settings file when the office has one (settings/), otherwise its issuing body written from the
 * unit's name; the same form makes the unit's report and the summed report of "Tổng hợp".
 *
 *   GET /api/form?unit=…&period=…   the unit's form, where it came from, and the name its issuing body must hold
 */
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ExitCode, serverFormText, UserError, type Message } from '../messages/index.js';
import { UnitCode } from '../model/levels.js';
import { defaultSettingsFor, issuingBodyName, issuingBodyNames, SETTINGS_DIR, settingsForUnit } from '../pipeline/defaults.js';
import { ReportSettingsFile } from '../pipeline/report.js';
import { formatDate, type Period, type UnitName } from '../pipeline/stages.js';
import { provinceNameOf, reportUnit } from '../pipeline/units.js';
import type { Definitions } from '../pipeline/compute.js';
import { issueMessage } from '../messages/zod-issue.js';
import { parseBody } from './request.js';

/** The form's fields, as the page names them (index.html: s-<field>). */
export const FormFields = z
  .object({
    issuingBody: z.string().max(20_000).default(''),
    parentBody: z.string().max(20_000).default(''),
    place: z.string().max(20_000).default(''),
    number: z.string().max(20_000).default(''),
    numberPattern: z.string().max(20_000).default(''),
    reportDate: z.string().max(20_000).default(''),
    addressees: z.string().max(20_000).default(''),
    signerAuthority: z.string().max(20_000).default(''),
    signerTitle: z.string().max(20_000).default(''),
    signerName: z.string().max(20_000).default(''),
    recipients: z.string().max(20_000).default(''),
  })
  .partial();
export type FormFields = z.output<typeof FormFields>;

const lines = (value: string | undefined) =>
  (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The form as a settings file would say it; blank fields are left to the defaults. A field the
 * settings refuse is named by its label on the form (the person typed it; there is no file).
 */
export function settingsOfForm(form: FormFields): ReportSettingsFile {
  const signer = {
    ...(lines(form.signerAuthority).length ? { authority: lines(form.signerAuthority) } : {}),
    ...(form.signerTitle?.trim() ? { title: form.signerTitle.trim() } : {}),
    ...(form.signerName?.trim() ? { name: form.signerName.trim() } : {}),
  };
  const raw = {
    ...(lines(form.issuingBody).length ? { issuingBody: lines(form.issuingBody) } : {}),
    ...(lines(form.parentBody).length ? { parentBody: lines(form.parentBody) } : {}),
    ...(form.place?.trim() ? { place: form.place.trim() } : {}),
    ...(form.number?.trim() ? { number: form.number.trim() } : {}),
    ...(form.numberPattern?.trim() ? { numberPattern: form.numberPattern.trim() } : {}),
    ...(form.reportDate?.trim() ? { reportDate: form.reportDate.trim() } : {}),
    ...(lines(form.addressees).length ? { addressees: lines(form.addressees) } : {}),
    ...(Object.keys(signer).length ? { signer } : {}),
    ...(lines(form.recipients).length ? { recipients: lines(form.recipients) } : {}),
  };
  const parsed = ReportSettingsFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // The validator's words never reach the page: the problem in our own (src/messages/zod-issue.ts).
    throw new UserError(ExitCode.invalidDefinition, serverFormText.formField({ field: String(issue.path[0] ?? ''), problem: issueMessage(issue, { schema: ReportSettingsFile, input: raw }) }));
  }
  return parsed.data;
}

/**
 * A report date typed in the form before the period's last day: refused here, naming the form's
 * field, before the report stage would blame a settings file the person never saw (#19).
 */
export function checkFormDate(settings: ReportSettingsFile, periodEnd: string): void {
  if (settings.reportDate === undefined || settings.reportDate >= periodEnd) return;
  throw new UserError(ExitCode.invalidDefinition, serverFormText.reportDateBeforePeriodEnd({ date: formatDate(settings.reportDate), periodEnd: formatDate(periodEnd) }));
}

/** A settings file's values as the form's fields (one line per entry). */
export function formOf(settings: ReportSettingsFile): Required<FormFields> {
  return {
    issuingBody: (settings.issuingBody ?? []).join('\n'),
    parentBody: (settings.parentBody ?? []).join('\n'),
    place: settings.place ?? '',
    number: settings.number === undefined ? '' : String(settings.number),
    numberPattern: settings.numberPattern,
    reportDate: settings.reportDate ?? '',
    addressees: (settings.addressees ?? []).join('\n'),
    signerAuthority: (settings.signer?.authority ?? []).join('\n'),
    signerTitle: settings.signer?.title ?? '',
    signerName: settings.signer?.name ?? '',
    recipients: (settings.recipients ?? []).join('\n'),
  };
}

/** When the typed issuing body is not the unit's: the warning the page shows and the report answer carries. */
export function issuingBodyWarning(form: FormFields, unit: UnitName): Message | null {
  const given = [...lines(form.issuingBody), ...lines(form.parentBody)];
  if (given.length === 0 || issuingBodyNames(given, unit)) return null;
  return serverFormText.issuingBodyMismatch({ unit: issuingBodyName(unit) });
}

/** The unit's form: from its settings file (the office's settings/ folder, `serve --settings`'s, the bundled one), else from its name. */
export function unitForm(folders: readonly string[], unit: UnitName, period: Period, definitions: Definitions) {
  const found = settingsForUnit(folders, unit, period);
  const settings = found?.settings ?? defaultSettingsFor(unit, period, provinceNameOf(unit, period, definitions.units));
  return {
    unit: { code: unit.code, name: unit.fullName, level: unit.level },
    file: found?.file ?? null,
    form: formOf(settings),
    // The page warns as soon as the issuing body typed does not hold this name.
    bodyName: issuingBodyName(unit),
    note: found ? serverFormText.filledFromFile({ unit: unit.fullName, file: found.file }) : serverFormText.filledFromName({ unit: unit.fullName }),
  };
}

/** Where settings files are looked for, first found first: `serve --settings`'s folder, ./settings, the bundled ones. */
export function settingsFolders(settingsFile: string | undefined): string[] {
  return [...(settingsFile ? [dirname(settingsFile)] : []), join(process.cwd(), 'settings'), SETTINGS_DIR];
}

const FormRequest = z.object({
  unit: UnitCode,
  period: z.string().trim().min(1).max(100).optional(),
  from: z.string().trim().max(10).optional(),
  to: z.string().trim().max(10).optional(),
});

export function registerForm(app: FastifyInstance, hooks: { readonly folders: readonly string[]; readonly definitions: Definitions; readonly periodOf: (body: { period?: string | undefined; from?: string | undefined; to?: string | undefined }) => Period }): void {
  app.get('/api/form', async (request) => {
    const query = parseBody(FormRequest, request.query);
    const period = hooks.periodOf(query);
    const { unit } = reportUnit(query.unit, period, hooks.definitions.units);
    return unitForm(hooks.folders, unit, period, hooks.definitions);
  });
}
