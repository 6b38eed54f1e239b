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
import { draftProfileText } from '../import/draft-profile.js';
import { draftVillageMap } from '../engine/village-draft.js';
import { loadAdminUnits } from '../pipeline/load.js';
import { readData } from '../pipeline/read.js';
import { VILLAGE_MAP_HEADERS } from '../units/village-map.js';
import type { ProfileSelection } from '../import/index.js';
import { inspectFile, type FileInspection } from '../import/inspect.js';
import { jsonPieces, lineSink } from '../io/json-stream.js';
import { checkOutputFile, writeOutputFile } from '../io/output.js';
import { csvText } from '../io/csv-text.js';
import { columnLetter } from '../import/readers/notes.js';
import type { SheetChoice } from '../import/sheet-choice.js';
import { KIND_LABELS } from '../import/summary.js';
import { ExitCode, UserError, msg, render, type Lang, type Message } from '../model/messages.js';
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
        msg(
          'Xem chương trình đọc được gì trong file: các trang, loại dữ liệu, dòng tiêu đề, cột nào ứng với cột nào của chuẩn dữ liệu',
          'Show what chitieu sees in a file: its sheets, the kind of data, the header row, which column maps to which contract column',
        ),
      ),
    )
    .argument(text(msg('<tệp...>', '<files...>')), text(msg('tệp .xlsx, .xls hoặc .csv', '.xlsx, .xls or .csv files')))
    .option('--json', text(msg('in ra dạng JSON', 'print as JSON')))
    .option('--cells', text(msg('in ra JSON kèm mọi ô có giá trị, đúng như đã đọc', 'print JSON with every non-empty cell, as read')))
    .option(
      text(msg('--draft-profile <tệp.yaml>', '--draft-profile <out.yaml>')),
      text(msg('viết hồ sơ cột nháp từ tiêu đề và giá trị của một file (xem profiles/README.md)', "write a draft column-mapping profile from one file's headers and values (see profiles/README.md)")),
    )
    .option(
      text(msg('--draft-village-map <tệp.csv>', '--draft-village-map <out.csv>')),
      text(
        msg(
          'viết bản đồ thôn nháp: các thôn của xã cũ bị chia có trong file, kèm các xã mới có thể; ghi cột "Mã xã mới" rồi dùng với --village-map',
          'write a draft village map: the villages of split old communes found in the files, with the candidate new communes; fill in "Mã xã mới" and use it with --village-map',
        ),
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
  visible: msg('hiện', 'visible'),
  hidden: msg('ẩn', 'hidden'),
  veryHidden: msg('ẩn sâu (veryHidden)', 'very hidden'),
};

const count = (n: number, lang: Lang) => n.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');

function choiceText(choice: SheetChoice): Message {
  switch (choice.type) {
    case 'read': {
      const kind = KIND_LABELS[choice.spec.kind] ?? msg(choice.spec.kind, choice.spec.kind);
      const why = choice.by === 'name' ? msg('theo tên trang', 'by its name') : msg('theo dòng tiêu đề', 'by its headers');
      const profile = choice.layout.profile;
      const using = profile ? msg(`, hồ sơ cột ${profile.file}`, `, profile ${profile.file}`) : msg('', '');
      return msg(
        `${kind.vi} (${why.vi}${using.vi}), dòng tiêu đề ${choice.layout.headerRow}`,
        `${kind.en} (${why.en}${using.en}), header row ${choice.layout.headerRow}`,
      );
    }
    case 'hidden':
      return msg('bỏ qua: trang ẩn', 'skipped: hidden sheet');
    case 'no_header':
      return choice.named
        ? msg(`không đọc được: tên trang là ${choice.named.name} nhưng không có dòng tiêu đề`, `unreadable: named ${choice.named.name} but has no header row`)
        : msg('bỏ qua: không nhận ra dòng tiêu đề', 'skipped: no header row recognised');
    case 'skipped':
      return choice.reason === 'notData'
        ? msg('bỏ qua: tên trang cho thấy không phải dữ liệu', 'skipped: its name says it is not data')
        : msg('bỏ qua: theo --ignore-sheet hoặc hồ sơ cột', 'skipped: by --ignore-sheet or the profile');
    case 'ambiguous': {
      const names = choice.profiles.map((profile) => `"${profile.name}" (${profile.file})`).join(', ');
      return msg(`không đọc được: khớp như nhau với các hồ sơ cột ${names}; chọn bằng --profile`, `unreadable: fits the profiles ${names} equally; choose with --profile`);
    }
    case 'unknown_kind':
      return msg(`bỏ qua: dòng tiêu đề ${choice.headerRow} không cho biết loại dữ liệu`, `skipped: header row ${choice.headerRow} does not tell the kind of data`);
  }
}

export function inspectionLines(inspection: FileInspection, lang: Lang): string[] {
  const lines = [inspection.json.file];
  inspection.json.sheets.forEach((sheet, index) => {
    const choice = inspection.choices[index]!;
    const state = render(STATES[sheet.state]!, lang);
    const rows = render(msg(`${count(sheet.rows, lang)} dòng có dữ liệu`, `${count(sheet.rows, lang)} row(s) with data`), lang);
    lines.push(`  ${render(msg('Trang', 'Sheet'), lang)} "${sheet.name}" (${state}): ${render(choiceText(choice), lang)}; ${rows}`);
    const indexes = inspection.columnIndexes[index] ?? [];
    sheet.columns.forEach((column, position) => {
      const letter = columnLetter((indexes[position] ?? position) + 1);
      const key = column.key ?? render(msg('bỏ qua', 'ignored'), lang);
      lines.push(`    ${letter.padEnd(3)} "${column.header}" → ${key}`);
    });
    if (choice.type === 'read' && choice.layout.missingRequired.length > 0) {
      const names = choice.layout.missingRequired.map((column) => `"${column.header}"`).join(', ');
      lines.push(`    ${render(msg(`thiếu cột bắt buộc ${names}: file không đọc được`, `missing required column(s) ${names}: the file cannot be read`), lang)}`);
    }
  });
  return lines;
}

/** `--draft-profile`: one file's headers and unknown values as a profile for a person to finish. */
async function writeVillageDraft(context: CliContext, lang: Lang, files: readonly string[], out: string, selection: ProfileSelection): Promise<void> {
  checkOutputFile(out, { option: '--draft-village-map', extensions: ['.csv'] });
  if (existsSync(out)) {
    throw new UserError(ExitCode.usage, msg(`Đã có tệp ${out}: chọn tên khác để không ghi đè bản đồ đã sửa.`, `${out} already exists: choose another name so that no edited map is overwritten.`));
  }
  const imported = await readData(files, { sheets: selection });
  const lines = draftVillageMap(imported.dataset.children, loadAdminUnits());
  const named = lines.filter((line) => line.village !== '');
  const withoutVillage = lines.filter((line) => line.village === '').reduce((sum, line) => sum + line.children, 0);
  const header = [VILLAGE_MAP_HEADERS.oldCommune, 'Tên xã cũ', VILLAGE_MAP_HEADERS.village, 'Số trẻ', VILLAGE_MAP_HEADERS.newCommune, 'Các xã mới nhận phần của xã cũ (xã đầu tiên: xã được chọn khi không có bản đồ)'];
  const rows = named.map((line) => [line.oldCommune, line.oldName, line.village, line.children, '', line.candidates.map((candidate) => `${candidate.code} ${candidate.name}`).join(' | ')]);
  // A line left without "Mã xã mới" is not used.
  writeOutputFile(out, csvText([header, ...rows]), { option: '--draft-village-map' });
  const communes = new Set(named.map((line) => line.oldCommune)).size;
  say(
    context,
    lang,
    msg(
      `Đã ghi bản đồ thôn nháp ${out}: ${count(named.length, 'vi')} thôn của ${count(communes, 'vi')} xã cũ bị chia. Ghi "Mã xã mới" cho từng thôn (chọn trong cột cuối), rồi chạy lại với --village-map ${out}.` +
        (withoutVillage > 0 ? ` ${count(withoutVillage, 'vi')} trẻ của các xã này không ghi thôn: vẫn xếp gần đúng.` : ''),
      `Wrote the draft village map ${out}: ${count(named.length, 'en')} villages of ${count(communes, 'en')} split old communes. Fill in "Mã xã mới" for each village (from the last column), then run again with --village-map ${out}.` +
        (withoutVillage > 0 ? ` ${count(withoutVillage, 'en')} children of these communes have no village: still placed approximately.` : ''),
    ),
  );
}

async function writeDraft(context: CliContext, lang: Lang, files: readonly string[], out: string, selection: ProfileSelection): Promise<void> {
  if (files.length !== 1) {
    throw new UserError(ExitCode.usage, msg('--draft-profile lập hồ sơ cho một file: hãy chỉ ra đúng một file.', '--draft-profile drafts a profile from one file: give exactly one.'));
  }
  checkOutputFile(out, { option: '--draft-profile', extensions: ['.yaml', '.yml'] });
  if (existsSync(out)) {
    throw new UserError(ExitCode.usage, msg(`Đã có tệp ${out}: chọn tên khác để không ghi đè hồ sơ đã sửa.`, `${out} already exists: choose another name so that no edited profile is overwritten.`));
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
    msg(
      `Đã ghi hồ sơ nháp ${out}: ${suggested} cột gợi ý cần kiểm tra (dòng "# ?"), ${values} cột có giá trị chưa biết cần ghi mã. ` +
        `Sửa xong, chạy: chitieu validate ${basename(file)} --profile ${out}`,
      `Wrote the draft profile ${out}: ${suggested} suggested column(s) to check ("# ?" lines), ${values} column(s) with unknown values to map. ` +
        `Then run: chitieu validate ${basename(file)} --profile ${out}`,
    ),
  );
}
