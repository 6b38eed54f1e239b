/**
 * Commander speaks English; chitieu speaks one language at a time. The program is built once the
 * language is known (from `--lang` in argv), so that every description is written in it; this
 * module turns commander's own words — headings, "(default: …)", "help", and its error messages
 * — into that language, and makes every usage error one line that says where help is.
 */
import type { Command, HelpConfiguration, Option } from 'commander';
import { msg, render, type Lang, type Message } from '../model/messages.js';

/** Renders a message in the program's language: what register functions write descriptions with. */
export type Text = (message: Message) => string;

export function textIn(lang: Lang): Text {
  return (message) => render(message, lang);
}

const TITLES: Readonly<Record<string, Message>> = {
  'Usage:': msg('Cách dùng:', 'Usage:'),
  'Arguments:': msg('Tham số:', 'Arguments:'),
  'Options:': msg('Tùy chọn:', 'Options:'),
  'Global Options:': msg('Tùy chọn chung:', 'Global Options:'),
  'Commands:': msg('Lệnh:', 'Commands:'),
};

function extraInfo(option: Pick<Option, 'argChoices' | 'defaultValue' | 'defaultValueDescription'>, showDefault: boolean, lang: Lang): string {
  const parts: string[] = [];
  if (option.argChoices) parts.push(`${render(msg('chọn một trong', 'choices'), lang)}: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`);
  if (option.defaultValue !== undefined && showDefault) {
    parts.push(`${render(msg('mặc định', 'default'), lang)}: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
  }
  return parts.length > 0 ? `(${parts.join('; ')})` : '';
}

/** Help in the program's language: commander's headings and "(default: …)" translated. */
export function helpIn(lang: Lang): HelpConfiguration {
  const usageWords = (usage: string) => (lang === 'vi' ? usage.replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]') : usage);
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

const HINT = msg('xem hướng dẫn: thêm --help vào lệnh', 'for help, add --help to the command');

/**
 * Commander's error messages (command.js, option.js, suggestSimilar.js of commander 14), each in
 * the program's language; an unknown one is shown as commander wrote it.
 */
const ERRORS: readonly [RegExp, (parts: string[]) => Message][] = [
  [/^error: missing required argument '(.+)'$/, ([name]) => msg(`thiếu tham số bắt buộc ${name}`, `missing required argument ${name}`)],
  [/^error: option '(.+)' argument missing$/, ([flags]) => msg(`tùy chọn ${flags} cần một giá trị`, `option ${flags} needs a value`)],
  [/^error: required option '(.+)' not specified$/, ([flags]) => msg(`thiếu tùy chọn bắt buộc ${flags}`, `required option ${flags} is missing`)],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    ([flags, value, choices]) => msg(`${flags}: "${value}" không hợp lệ; chọn một trong: ${choices}`, `${flags}: "${value}" is not valid; choose one of: ${choices}`),
  ],
  [/^error: option '(.+)' argument '(.*)' is invalid\. ?(.*)$/, ([flags, value, reason]) => msg(`${flags}: "${value}" không hợp lệ. ${reason}`.trim(), `${flags}: "${value}" is not valid. ${reason}`.trim())],
  [/^error: unknown option '(.+)'\n\(Did you mean (?:one of )?(.+)\?\)$/, ([flag, similar]) => msg(`không có tùy chọn ${flag} (có phải ${similar}?)`, `unknown option ${flag} (did you mean ${similar}?)`)],
  [/^error: unknown option '(.+)'$/, ([flag]) => msg(`không có tùy chọn ${flag}`, `unknown option ${flag}`)],
  [/^error: unknown command '(.+)'\n\(Did you mean (?:one of )?(.+)\?\)$/, ([name, similar]) => msg(`không có lệnh ${name} (có phải ${similar}?)`, `unknown command ${name} (did you mean ${similar}?)`)],
  [/^error: unknown command '(.+)'$/, ([name]) => msg(`không có lệnh ${name}`, `unknown command ${name}`)],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    ([command, expected, got]) =>
      msg(
        `thừa tham số${command ? ` cho lệnh ${command}` : ''}: cần ${expected}, có ${got}`,
        `too many arguments${command ? ` for ${command}` : ''}: expected ${expected}, got ${got}`,
      ),
  ],
];

/** One line: commander's error in the program's language, and where help is. */
export function commanderErrorLine(text: string, lang: Lang): string {
  const trimmed = text.trim();
  for (const [pattern, build] of ERRORS) {
    const match = pattern.exec(trimmed);
    if (match) return `${render(msg('Lỗi', 'Error'), lang)}: ${render(build(match.slice(1).map((part) => part ?? '')), lang)} (${render(HINT, lang)})`;
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
  program.helpOption('-h, --help', text(msg('in hướng dẫn của lệnh', 'display help for command')));
  program.helpCommand(text(msg('help [lệnh]', 'help [command]')), text(msg('in hướng dẫn của một lệnh', 'display help for a command')));
}
