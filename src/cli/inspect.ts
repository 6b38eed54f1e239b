/**
 * `chitieu inspect FILE... [--json] [--cells]`
 *
 * What chitieu sees in a file: per sheet its name and state, the kind of records chosen and
 * why (its name or its headers), the header row, each column's header and the contract key it
 * maps to (or "bỏ qua"), and the rows below the header. `--json` prints it as data; `--cells`
 * adds every non-empty cell as read, so that the reader can be held against another.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { columnLetter, draftProfileText, draftVillageMap, type FileInspection, inspectFile, KIND_LABELS, loadAdminUnits, type ProfileSelection, type SheetChoice, VILLAGE_MAP_HEADERS } from '../pipeline/stages.js';
import { readData } from '../pipeline/read.js';
import { jsonPieces, lineSink } from '../io/json-stream.js';
import { checkOutputFile, writeOutputFile } from '../io/output.js';
import { csvText } from '../io/csv-text.js';
import { cliText, commonText, ExitCode, joined, UserError, render, type Lang, type Message } from '../messages/index.js';
import { inputFiles } from './inputs.js';
import { langOf, say, type CliContext } from './context.js';
import { ignoreSheetOption, profileOption, sheetChoiceOf, type SheetOptions } from './sheet-options.js';
import type { Text } from './help.js';

interface InspectCliOptions extends SheetOptions {
  readonly json?: boolean;
  readonly cells?: boolean;
  readonly draftProfile?: string;
  readonly draftVillageMap?: string;
}

export function registerInspect(program: Command, context: CliContext, text: Text): void {
  program
    .command('inspect')
    .description(
      text(
        cliText.inspectDescription(),
      ),
    )
    .argument(text(cliText.computeArguments()), text(cliText.computeArgumentsHelp()))
    .option('--json', text(cliText.inspectJsonHelp()))
    .option('--cells', text(cliText.inspectCellsHelp()))
    .option(
      text(cliText.draftProfileFlag()),
      text(cliText.inspectDraftProfileHelp()),
    )
    .option(
      text(cliText.draftVillageMapFlag()),
      text(
        cliText.inspectDraftVillageMapHelp(),
      ),
    )
    .addOption(profileOption(text))
    .addOption(ignoreSheetOption(text))
    .action(async (given: string[], options: InspectCliOptions, command: Command) => {
      const lang = langOf(command);
      const files = inputFiles(given, context.err, lang);
      const selection = sheetChoiceOf(options);
      if (options.draftVillageMap !== undefined) {
        await writeVillageDraft(context, lang, files, options.draftVillageMap, selection);
        return;
      }
      if (options.draftProfile !== undefined) {
        await writeDraft(context, lang, files, options.draftProfile, selection);
        return;
      }
      if (options.json || options.cells) {
        await writeInspectionsJson(context, files, options.cells === true, selection);
        return;
      }
      const inspections: FileInspection[] = [];
      for (const file of files) inspections.push(await inspectFile(file, false, { selection }));
      for (const inspection of inspections) for (const line of inspectionLines(inspection, lang)) context.out(line);
    });
}

/**
 * The JSON of each file written as soon as it is read, piece by piece: memory holds one file's
 * cells, never the text of the whole output. Several files make an array, as `JSON.stringify`
 * prints it; a later file that cannot be read stops it there (exit 2, one line on stderr).
 */
async function writeInspectionsJson(context: CliContext, files: readonly string[], withCells: boolean, selection: ProfileSelection): Promise<void> {
  const sink = lineSink(context.out);
  const several = files.length > 1;
  if (several) sink.write('[\n  ');
  for (const [index, file] of files.entries()) {
    const { json } = await inspectFile(file, withCells, { selection });
    if (index > 0) sink.write(',\n  ');
    for (const piece of jsonPieces(json, several ? 1 : 0)) {
      sink.write(piece);
      await context.outDrained?.();
    }
  }
  if (several) sink.write('\n]');
  sink.end();
}

const STATES: Record<string, Message> = {
  visible: cliText.sheetVisible(),
  hidden: cliText.sheetHidden(),
  veryHidden: cliText.sheetVeryHidden(),
};

function choiceText(choice: SheetChoice): Message {
  switch (choice.type) {
    case 'read': {
      const kind = KIND_LABELS[choice.spec.kind] ?? commonText.verbatim({ text: choice.spec.kind });
      const profile = choice.layout.profile;
      const headerRow = choice.layout.headerRow;
      if (choice.by === 'name') {
        return profile ? cliText.sheetReadByNameWithProfile({ kind, profile: profile.file, headerRow }) : cliText.sheetReadByName({ kind, headerRow });
      }
      return profile ? cliText.sheetReadByHeadersWithProfile({ kind, profile: profile.file, headerRow }) : cliText.sheetReadByHeaders({ kind, headerRow });
    }
    case 'hidden':
      return cliText.skippedHiddenSheet();
    case 'no_header':
      return choice.named
        ? cliText.sheetNamedWithoutHeaderRow({ name: choice.named.name })
        : cliText.skippedNoHeaderRow();
    case 'skipped':
      return choice.reason === 'notData'
        ? cliText.skippedNotDataByName()
        : cliText.skippedByOption();
    case 'ambiguous': {
      const names = choice.profiles.map((profile) => `"${profile.name}" (${profile.file})`).join(', ');
      return cliText.sheetFitsSeveralProfiles({ names });
    }
    case 'unknown_kind':
      return cliText.skippedKindUnknown({ headerRow: choice.headerRow });
  }
}

export function inspectionLines(inspection: FileInspection, lang: Lang): string[] {
  const lines = [inspection.json.file];
  inspection.json.sheets.forEach((sheet, index) => {
    const choice = inspection.choices[index]!;
    const state = render(STATES[sheet.state]!, lang);
    lines.push(`  ${render(cliText.inspectedSheet({ sheet: sheet.name, state, choice: choiceText(choice), rows: sheet.rows }), lang)}`);
    const indexes = inspection.columnIndexes[index] ?? [];
    // The contract's own header, as `validate` names columns: the person knows those, not our keys.
    const contractHeader = (key: string) => (choice.type === 'read' ? choice.spec.columns.find((spec) => spec.key === key)?.header : undefined) ?? key;
    sheet.columns.forEach((column, position) => {
      const letter = columnLetter((indexes[position] ?? position) + 1);
      const mapped = column.key === null ? render(cliText.columnIgnored(), lang) : contractHeader(column.key);
      lines.push(`    ${letter.padEnd(3)} "${column.header}" → ${mapped}`);
    });
    if (choice.type === 'read' && choice.layout.missingRequired.length > 0) {
      const names = choice.layout.missingRequired.map((column) => `"${column.header}"`).join(', ');
      lines.push(`    ${render(cliText.missingRequiredColumns({ names }), lang)}`);
    }
  });
  return lines;
}

/** `--draft-profile`: one file's headers and unknown values as a profile for a person to finish. */
async function writeVillageDraft(context: CliContext, lang: Lang, files: readonly string[], out: string, selection: ProfileSelection): Promise<void> {
  checkOutputFile(out, { option: '--draft-village-map', extensions: ['.csv'] });
  if (existsSync(out)) {
    throw new UserError(ExitCode.usage, cliText.villageMapDraftExists({ out }));
  }
  const imported = await readData(files, { sheets: selection });
  const lines = draftVillageMap(imported.dataset.children, loadAdminUnits());
  const named = lines.filter((line) => line.village !== '');
  const withoutVillage = lines.filter((line) => line.village === '').reduce((sum, line) => sum + line.children, 0);
    // Only the three contract columns are read back; the others help the person choose.
  const header = [
    VILLAGE_MAP_HEADERS.oldCommune,
    render(cliText.villageMapDraftOldName(), lang),
    VILLAGE_MAP_HEADERS.village,
    render(cliText.villageMapDraftChildren(), lang),
    VILLAGE_MAP_HEADERS.newCommune,
    render(cliText.villageMapDraftCandidates(), lang),
  ];
  const rows = named.map((line) => [line.oldCommune, line.oldName, line.village, line.children, '', line.candidates.map((candidate) => `${candidate.code} ${candidate.name}`).join(' | ')]);
  // A line left without "Mã xã mới" is not used.
  writeOutputFile(out, csvText([header, ...rows]), { option: '--draft-village-map' });
  const communes = new Set(named.map((line) => line.oldCommune)).size;
  say(
    context,
    lang,
    joined([
      cliText.villageMapDraftWritten({ out, villages: named.length, communes }),
      ...(withoutVillage > 0 ? [cliText.villageMapDraftChildrenWithoutVillage({ children: withoutVillage })] : []),
    ]),
  );
}

async function writeDraft(context: CliContext, lang: Lang, files: readonly string[], out: string, selection: ProfileSelection): Promise<void> {
  if (files.length !== 1) {
    throw new UserError(ExitCode.usage, cliText.profileDraftNeedsOneFile());
  }
  checkOutputFile(out, { option: '--draft-profile', extensions: ['.yaml', '.yml'] });
  if (existsSync(out)) {
    throw new UserError(ExitCode.usage, cliText.profileDraftExists({ out }));
  }
  const file = files[0]!;
  const inspection = await inspectFile(file, false, { selection, draft: true });
  const text = draftProfileText(basename(file), inspection.drafts ?? []);
  writeOutputFile(out, text, { option: '--draft-profile' });
  const suggested = text.split('\n').filter((line) => /# \?/.test(line) && !/^\s*#/.test(line)).length;
  const values = text.split('\n').filter((line) => /^ {6}# \w+: \{/.test(line)).length;
  say(
    context,
    lang,
    cliText.profileDraftWritten({ out, suggested, values, file: basename(file) }),
  );
}
