/**
 * `chitieu indicators [--json]`: the indicator catalogue (code, name, place in the Circular,
 * modelled or not), read from indicators/*.yaml.
 */
import type { Command } from 'commander';
import { describeMeasure, describeRule, loadCatalogue } from '../pipeline/stages.js';
import { msg, render } from '../model/messages.js';
import { langOf, type CliContext } from './context.js';
import type { Text } from './help.js';

export function registerIndicators(program: Command, context: CliContext, text: Text): void {
  program
    .command('indicators')
    .description(text(msg('Liệt kê danh mục chỉ tiêu (mã, tên, nhóm, chỉ tiêu mô hình)', 'List the indicator catalogue (code, name, group, modelled or not)')))
    .option('--json', text(msg('in dạng JSON', 'print as JSON')))
    .option('--rules', text(msg('in cả quy tắc tính (tử số, mẫu số)', 'print the rules too (numerator, denominator)')))
    .action((options: { json?: boolean; rules?: boolean }, self: Command) => {
      const lang = langOf(self);
      const catalogue = loadCatalogue();
      if (options.json) {
        const list = catalogue.indicators.map((definition) => ({
          code: definition.code,
          name: definition.name,
          nameEn: definition.nameEn,
          appendix: definition.appendix,
          group: definition.group,
          groupName: definition.groupName,
          modelled: definition.modelled,
          unitOfCount: definition.unitOfCount,
          periodKind: definition.periodKind,
          factor: definition.factor ?? null,
          breakdowns: definition.breakdowns,
        }));
        context.out(JSON.stringify(list, null, 2));
        return;
      }
      let group = '';
      for (const definition of catalogue.indicators) {
        const heading = `${definition.appendix}.${definition.group}`;
        if (heading !== group) {
          group = heading;
          const groupName = lang === 'en' ? definition.groupNameEn : definition.groupName;
          context.out('');
          context.out(`${render(msg('Phụ lục', 'Appendix'), lang)} ${definition.appendix}, ${render(msg('nhóm', 'group'), lang)} ${definition.group}: ${groupName}`);
        }
        const name = lang === 'en' ? definition.nameEn : definition.name;
        const modelled = definition.modelled ? render(msg(' [mô hình]', ' [modelled]'), lang) : '';
        context.out(`  ${definition.code}  ${name}${modelled}`);
        if (options.rules) {
          context.out(`           ${render(describeRule(definition), lang)}`);
          context.out(`           ${render(msg('Tử số', 'Numerator'), lang)}: ${render(describeMeasure(definition.numerator), lang)}`);
          if (definition.denominator) context.out(`           ${render(msg('Mẫu số', 'Denominator'), lang)}: ${render(describeMeasure(definition.denominator), lang)}`);
        }
      }
      context.out('');
      context.out(
        render(
          msg(
            '[mô hình]: định nghĩa riêng của dự án theo tên nhóm của Thông tư, chưa đối chiếu với văn bản Thông tư.',
            '[modelled]: the project\'s own definition after the Circular\'s group names, not checked against its text.',
          ),
          lang,
        ),
      );
    });
}
