/**
 * `chitieu indicators [--json]`: the indicator catalogue (code, name, place in the Circular,
 * modelled or not), read from indicators/*.yaml.
 */
import type { Command } from 'commander';
import { describeMeasure, describeRule, loadCatalogue } from '../pipeline/stages.js';
import { cliText, render } from '../messages/index.js';
import { langOf, type CliContext } from './context.js';
import type { Text } from './help.js';

export function registerIndicators(program: Command, context: CliContext, text: Text): void {
  program
    .command('indicators')
    .description(text(cliText.indicatorsDescription()))
    .option('--json', text(cliText.indicatorsJsonHelp()))
    .option('--rules', text(cliText.indicatorsRulesHelp()))
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
          context.out(`${render(cliText.indicatorsAppendix(), lang)} ${definition.appendix}, ${render(cliText.indicatorsGroup(), lang)} ${definition.group}: ${groupName}`);
        }
        const name = lang === 'en' ? definition.nameEn : definition.name;
        const modelled = definition.modelled ? render(cliText.indicatorsModelledMark(), lang) : '';
        context.out(`  ${definition.code}  ${name}${modelled}`);
        if (options.rules) {
          context.out(`           ${render(describeRule(definition), lang)}`);
          context.out(`           ${render(cliText.explainNumerator(), lang)}: ${render(describeMeasure(definition.numerator), lang)}`);
          if (definition.denominator) context.out(`           ${render(cliText.explainDenominator(), lang)}: ${render(describeMeasure(definition.denominator), lang)}`);
        }
      }
      context.out('');
      context.out(
        render(
          cliText.indicatorsModelledNote(),
          lang,
        ),
      );
    });
}
