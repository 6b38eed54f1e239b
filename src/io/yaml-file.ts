/**
 * Every YAML file a user edits (targets, settings, narrative, periods, indicator definitions) is
 * read here, so that a missing or broken one is always one line naming the file and, for a
 * syntax error, the line and column, in the user's language (the parser's own text is English).
 */
import { readFileSync } from 'node:fs';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import { ExitCode, UserError, msg, type Message } from '../model/messages.js';
import { TextEncodingRefusal, decodeText } from './text-decoding.js';

/** What the yaml parser's error codes mean, for someone editing the file by hand. */
const SYNTAX: Readonly<Record<string, Message>> = {
  BAD_INDENT: msg('thụt lề sai', 'wrong indentation'),
  TAB_AS_INDENT: msg('thụt lề bằng phím Tab (hãy dùng dấu cách)', 'indented with a tab (use spaces)'),
  DUPLICATE_KEY: msg('một mục được khai hai lần', 'a key is given twice'),
  MISSING_CHAR: msg('thiếu dấu đóng (ngoặc hoặc dấu nháy)', 'a closing bracket or quote is missing'),
  BLOCK_IN_FLOW: msg('danh sách trong ngoặc [ ] hoặc { } chưa đóng, hoặc có dòng con bên trong', 'a [ ] or { } list is not closed, or holds an indented block'),
  BLOCK_AS_IMPLICIT_KEY: msg('dấu ":" ở chỗ không đúng', 'a ":" in the wrong place'),
  MULTILINE_IMPLICIT_KEY: msg('tên mục kéo dài qua nhiều dòng (thiếu dấu ":"?)', 'a key runs over several lines (a ":" missing?)'),
  BAD_SCALAR_START: msg('giá trị bắt đầu bằng ký tự đặc biệt (hãy đặt trong dấu nháy)', 'a value starts with a special character (put it in quotes)'),
  BAD_DQ_ESCAPE: msg('ký tự "\\" sai trong chuỗi trong dấu nháy kép', 'a wrong "\\" escape in a double-quoted string'),
  UNEXPECTED_TOKEN: msg('ký tự không mong đợi', 'an unexpected character'),
  MULTIPLE_DOCS: msg('tệp có nhiều tài liệu YAML (dấu ---)', 'the file holds several YAML documents (---)'),
};

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Why a file could not be read, in words. */
function readFault(error: unknown): Message {
  switch (errorCode(error)) {
    case 'ENOENT':
      return msg('không có tệp này', 'no such file');
    case 'EISDIR':
      return msg('đây là thư mục, không phải tệp', 'this is a folder, not a file');
    case 'EACCES':
    case 'EPERM':
      return msg('không có quyền đọc tệp', 'no permission to read the file');
    default:
      return msg(`không đọc được tệp (${errorCode(error) || String(error)})`, `the file cannot be read (${errorCode(error) || String(error)})`);
  }
}

/**
 * The text of a file the user gave (`--targets`, `--settings`…); `what` names the kind of file
 * ("tệp chỉ tiêu kế hoạch" / "targets file").
 */
export function readUserFile(file: string, what: Message, exitCode: ExitCode = ExitCode.invalidDefinition): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = readFault(error);
    throw new UserError(exitCode, msg(`${what.vi} ${file}: ${reason.vi}`, `${what.en} ${file}: ${reason.en}`));
  }
  // Notepad on a Vietnamese Windows saves "ANSI" (Windows-1258) or "Unicode" (UTF-16) as readily as UTF-8.
  try {
    return decodeText(bytes).text;
  } catch (error) {
    if (!(error instanceof TextEncodingRefusal)) throw error;
    throw new UserError(exitCode, msg(`${what.vi} ${file}: ${error.reason.vi}`, `${what.en} ${file}: ${error.reason.en}`));
  }
}

/** A YAML file parsed; a syntax error names its line and column. */
export function readYamlFile(file: string, what: Message, exitCode: ExitCode = ExitCode.invalidDefinition): unknown {
  const text = readUserFile(file, what, exitCode);
  try {
    return parseYaml(text);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const position = error.linePos?.[0];
    const where = position ? msg(` ở dòng ${position.line}, cột ${position.col}`, ` at line ${position.line}, column ${position.col}`) : msg('', '');
    const english = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const reason = SYNTAX[error.code] ?? msg('cú pháp không đúng', english);
    throw new UserError(
      exitCode,
      msg(`${what.vi} ${file}: sai cú pháp YAML${where.vi}: ${reason.vi}`, `${what.en} ${file}: YAML syntax error${where.en}: ${SYNTAX[error.code] ? reason.en : english}`),
    );
  }
}
