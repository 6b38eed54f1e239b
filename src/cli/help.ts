/**
 * Commander speaks English; chitieu speaks one language at a time. The program is built once the
 * language is known (from `--lang` in argv), so that every description is written in it; this
 * module turns commander's own words — headings, "(default: …)", "help", and its error messages
 * — into that language, and makes every usage error one line that says where help is.
 */
import type { Command, HelpConfiguration, Option } from 'commander';
import { cliText, render, type Lang, type Message } from '../messages/index.js';

/** Renders a message in the program's language: what register functions write descriptions with. */
export type Text = (message: Message) => string;

export function textIn(lang: Lang): Text {
  return (message) => render(message, lang);
}

const TITLES: Readonly<Record<string, Message>> = {
  'Usage:': cliText.helpTitleUsage(),
  'Arguments:': cliText.helpTitleArguments(),
  'Options:': cliText.helpTitleOptions(),
  'Global Options:': cliText.helpTitleGlobalOptions(),
  'Commands:': cliText.helpTitleCommands(),
};

function extraInfo(option: Pick<Option, 'argChoices' | 'defaultValue' | 'defaultValueDescription'>, showDefault: boolean, lang: Lang): string {
  const parts: string[] = [];
  if (option.argChoices) parts.push(`${render(cliText.helpChoices(), lang)}: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`);
  if (option.defaultValue !== undefined && showDefault) {
    parts.push(`${render(cliText.helpDefault(), lang)}: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
  }
  return parts.length > 0 ? `(${parts.join('; ')})` : '';
}

/** Help in the program's language: commander's headings and "(default: …)" translated. */
export function helpIn(lang: Lang): HelpConfiguration {
  const usageWords = (usage: string) => usage.replace('[options]', render(cliText.usageOptions(), lang)).replace('[command]', render(cliText.usageCommand(), lang));
  return {
    styleTitle: (title: string) => (TITLES[title] ? render(TITLES[title], lang) : title),
    commandUsage: (cmd: Command) => {
      const names: string[] = [];
      for (let command: Command | null = cmd; command; command = command.parent) names.unshift(command.name());
      return `${names.join(' ')} ${usageWords(cmd.usage())}`;
    },
    subcommandTerm: (cmd: Command) => `${cmd.name()} ${usageWords(cmd.usage())}`.trimEnd(),
    optionDescription: (option: Option) => {
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      return [option.description, extraInfo(option, showDefault, lang)].filter((part) => part !== '').join(' ');
    },
  };
}

const HINT = cliText.helpHint();

/**
 * Commander's error messages (command.js, option.js, suggestSimilar.js of commander 14), each in
 * the program's language; an unknown one is shown as commander wrote it.
 */
const ERRORS: readonly [RegExp, (parts: string[]) => Message][] = [
  [/^error: missing required argument '(.+)'$/, ([name]) => cliText.missingRequiredArgument({ name })],
  [/^error: option '(.+)' argument missing$/, ([flags]) => cliText.optionNeedsValue({ flags })],
  [/^error: required option '(.+)' not specified$/, ([flags]) => cliText.requiredOptionMissing({ flags })],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    ([flags, value, choices]) => cliText.optionValueNotAChoice({ flags, value, choices }),
  ],
  [/^error: option '(.+)' argument '(.*)' is invalid\. ?(.*)$/, ([flags, value, reason]) => cliText.optionValueNotValid({ flags, value, reason })],
  [/^error: unknown option '(.+)'\n\(Did you mean (?:one of )?(.+)\?\)$/, ([flag, similar]) => cliText.unknownOptionWithSuggestion({ flag, similar })],
  [/^error: unknown option '(.+)'$/, ([flag]) => cliText.unknownOption({ flag })],
  [/^error: unknown command '(.+)'\n\(Did you mean (?:one of )?(.+)\?\)$/, ([name, similar]) => cliText.unknownCommandWithSuggestion({ name, similar })],
  [/^error: unknown command '(.+)'$/, ([name]) => cliText.unknownCommand({ name })],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    ([command, expected, got]) =>
      command ? cliText.tooManyArgumentsFor({ command, expected, got }) : cliText.tooManyArguments({ expected, got }),
  ],
];

/** One line: commander's error in the program's language, and where help is. */
export function commanderErrorLine(text: string, lang: Lang): string {
  const trimmed = text.trim();
  for (const [pattern, build] of ERRORS) {
    const match = pattern.exec(trimmed);
    if (match) return `${render(cliText.errorLabel(), lang)}: ${render(build(match.slice(1).map((part) => part ?? '')), lang)} (${render(HINT, lang)})`;
  }
  return `${trimmed.replace(/\n/g, ' ')} (${render(HINT, lang)})`;
}

/** Sets help and error output of the program (and, inherited, of every command) in `lang`. */
export function speak(program: Command, lang: Lang, write: { out: (text: string) => void; err: (text: string) => void }): void {
  const text = textIn(lang);
  program.configureOutput({
    writeOut: (output) => write.out(output.trimEnd()),
    writeErr: (output) => write.err(output.trimEnd()),
    outputError: (output) => write.err(commanderErrorLine(output, lang)),
  });
  program.configureHelp(helpIn(lang));
  program.helpOption('-h, --help', text(cliText.helpOptionHelp()));
  program.helpCommand(text(cliText.helpCommandName()), text(cliText.helpCommandHelp()));
}
