/**
 * `chitieu inspect FILE... [--json] [--cells]`
 *
 * What chitieu sees in a file: per sheet its name and state, the kind of records chosen and
 * why (its name or its headers), the header row, each column's header and the contract key it
 * maps to (or "bỏ qua"), and the rows below the header. `--json` prints it as data; `--cells`
 * adds every non-empty cell as read, so that the reader can be held against another.
 */
import type { Command } from 'commander';
import { inspectFile, type FileInspection } from '../import/inspect.js';
import { columnLetter } from '../import/readers/notes.js';
import type { SheetChoice } from '../import/sheet-choice.js';
import { KIND_LABELS } from '../import/summary.js';
import { msg, render, type Lang, type Message } from '../model/messages.js';
import { langOf, type CliContext } from './context.js';
import type { Text } from './help.js';

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
    .argument(text(msg('<tệp...>', '<files...>')), text(msg('file .xlsx hoặc .csv', '.xlsx or .csv files')))
    .option('--json', text(msg('in ra dạng JSON', 'print as JSON')))
    .option('--cells', text(msg('in ra JSON kèm mọi ô có giá trị, đúng như đã đọc', 'print JSON with every non-empty cell, as read')))
    .action(async (files: string[], options: { json?: boolean; cells?: boolean }, command: Command) => {
      const lang = langOf(command);
      const inspections: FileInspection[] = [];
      for (const file of files) inspections.push(await inspectFile(file, options.cells === true));
      if (options.json || options.cells) {
        const json = inspections.map((inspection) => inspection.json);
        context.out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
        return;
      }
      for (const inspection of inspections) for (const line of inspectionLines(inspection, lang)) context.out(line);
    });
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
      return msg(`${kind.vi} (${why.vi}), dòng tiêu đề ${choice.layout.headerRow}`, `${kind.en} (${why.en}), header row ${choice.layout.headerRow}`);
    }
    case 'hidden':
      return msg('bỏ qua: trang ẩn', 'skipped: hidden sheet');
    case 'no_header':
      return choice.named
        ? msg(`không đọc được: tên trang là ${choice.named.name} nhưng không có dòng tiêu đề`, `unreadable: named ${choice.named.name} but has no header row`)
        : msg('bỏ qua: không nhận ra dòng tiêu đề', 'skipped: no header row recognised');
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
