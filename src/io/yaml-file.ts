/**
 * Every YAML file a user edits or uploads (profiles, targets, settings, narrative, periods,
 * indicator definitions, table and chart layouts) is read here, as data only: one line naming
 * the file for every fault (exit 4 unless the caller says otherwise), in the user's language
 * (the parser's own text is English), and nothing printed by the parser itself.
 *
 * A hostile file cannot take the process down or hold it for long: its size is checked before
 * a byte is read, its nesting and entry count on the parser's token tree (built without
 * recursion) before the tree becomes a document, aliases are counted and their expansion
 * capped, and tags other than the core schema's are refused (`!!js/function` is not code here,
 * and not silently text either). Duplicate keys are found with one set per mapping: the yaml
 * package's own check compares every key with every other (300,000 keys took minutes).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { CST, Composer, Parser, isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { ExitCode, UserError, ioText, type Message } from '../messages/index.js';
import { printableName } from './file-names.js';
import { TextEncodingRefusal, decodeText as decodeTextFile } from './text-decoding.js';

/** What a YAML file may hold. Ours are a few KB, with a dozen levels and a few hundred entries. */
export const YAML_LIMITS = {
  /** Bytes of the file, checked before reading it. */
  bytes: 4 * 1024 * 1024,
  /** Mapping entries and sequence items, all levels together. */
  entries: 200_000,
  /** Levels of nesting. */
  depth: 64,
  /** Aliases (`*name`) written in the file; their expansion is capped by the yaml package's `maxAliasCount`. */
  aliases: 100,
} as const;

/** The tags of YAML's core schema: the only ones a data file may name. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** What the yaml parser's error codes mean, for someone editing the file by hand. */
const SYNTAX: Readonly<Record<string, Message>> = {
  BAD_INDENT: ioText.wrongIndentation(),
  TAB_AS_INDENT: ioText.tabIndent(),
  DUPLICATE_KEY: ioText.duplicateKey(),
  MISSING_CHAR: ioText.closingMarkMissing(),
  BLOCK_IN_FLOW: ioText.flowListNotClosed(),
  BLOCK_AS_IMPLICIT_KEY: ioText.colonMisplaced(),
  MULTILINE_IMPLICIT_KEY: ioText.multilineKey(),
  BAD_SCALAR_START: ioText.specialFirstCharacter(),
  BAD_DQ_ESCAPE: ioText.badEscape(),
  UNEXPECTED_TOKEN: ioText.unexpectedCharacter(),
  MULTIPLE_DOCS: ioText.severalYamlDocuments(),
  BAD_ALIAS: ioText.aliasToUndefinedAnchor(),
  RESOURCE_EXHAUSTION: ioText.nestedTooDeeply({ depth: YAML_LIMITS.depth }),
};

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Why a file could not be read, in words. */
function readFault(error: unknown): Message {
  switch (errorCode(error)) {
    case 'ENOENT':
      return ioText.noSuchFile();
    case 'EISDIR':
      return ioText.folderNotFile();
    case 'EACCES':
    case 'EPERM':
      return ioText.noPermissionToRead();
    default:
      return ioText.fileUnreadableCode({ code: errorCode(error) || String(error) });
  }
}

/** A fault of a file the user gave: one line naming the kind of file and the file. */
function fileFault(file: string, what: Message, reason: Message, exitCode: ExitCode): UserError {
  const name = printableName(file);
  return new UserError(exitCode, ioText.fileFault({ what, name, reason }));
}

/**
 * The bytes of a regular file, refused by size before reading when `maxBytes` is given; a named
 * pipe or a device is refused rather than read (it could block forever, or never end).
 */
function readBytes(file: string, shownAs: string, what: Message, exitCode: ExitCode, maxBytes?: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait here for one.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileFault(shownAs, what, readFault(error), exitCode);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw fileFault(shownAs, what, readFault({ code: 'EISDIR' }), exitCode);
    if (!stats.isFile()) throw fileFault(shownAs, what, ioText.notARegularFile(), exitCode);
    if (maxBytes !== undefined && stats.size > maxBytes) {
      throw fileFault(shownAs, what, ioText.fileTooLarge({ bytes: stats.size, maxBytes }), exitCode);
    }
    const bytes = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fileFault(shownAs, what, readFault(error), exitCode);
  } finally {
    closeSync(fd);
  }
}

/** Bytes that are not text this reader takes: the reason names what they are. */
export class TextRefusal extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}

/**
 * The byte→text step of every text file read here, by the one decoder (text-decoding.ts): UTF-8
 * with or without a BOM, UTF-16 with one (Notepad's "Unicode"), Windows-1258 (Notepad's "ANSI"
 * on a Vietnamese Windows), as NFC; anything else refused, naming what it seems to be.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return decodeTextFile(bytes).text;
  } catch (error) {
    if (error instanceof TextEncodingRefusal) throw new TextRefusal(error.reason);
    throw error;
  }
}

export interface ReadOptions {
  /** Refused above this size, before reading. */
  readonly maxBytes?: number;
  /** How messages name the file (default: its path). */
  readonly shownAs?: string;
}

/**
 * The text of a file the user gave (`--targets`, `--settings`, `--baseline`…); `what` names the
 * kind of file ("Tệp chỉ tiêu kế hoạch" / "Targets file").
 */
export function readUserFile(file: string, what: Message, exitCode: ExitCode = ExitCode.invalidDefinition, options: ReadOptions = {}): string {
  const shownAs = options.shownAs ?? file;
  const bytes = readBytes(file, shownAs, what, exitCode, options.maxBytes);
  try {
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof TextRefusal) throw fileFault(shownAs, what, error.reason, exitCode);
    throw error;
  }
}

/**
 * A YAML file parsed as data; any fault is one line naming the file (and the line and column),
 * as `shownAs` when given (a server names a file without its folder).
 */
export function readYamlFile(file: string, what: Message, exitCode: ExitCode = ExitCode.invalidDefinition, shownAs: string = file): unknown {
  return parseYamlText(readUserFile(file, what, exitCode, { maxBytes: YAML_LIMITS.bytes, shownAs }), shownAs, what, exitCode);
}

/** A fault at one place of the text. */
class YamlFault extends Error {
  constructor(
    readonly reason: Message,
    readonly offset?: number,
    /** A syntax error, rather than a file that breaks a rule of data-only YAML. */
    readonly syntax = false,
  ) {
    super(reason.en);
  }
}

/** YAML text (already decoded) as plain data; `file` and `what` name it in messages. */
export function parseYamlText(text: string, file: string, what: Message, exitCode: ExitCode = ExitCode.invalidDefinition): unknown {
  try {
    return yamlData(text);
  } catch (error) {
    if (!(error instanceof YamlFault)) throw error;
    const position = error.offset === undefined ? undefined : positionOf(text, error.offset);
    const heading = error.syntax
      ? position
        ? ioText.yamlSyntaxErrorAt({ line: position.line, col: position.col })
        : ioText.yamlSyntaxError()
      : position
        ? ioText.lineColumnHeading({ line: position.line, col: position.col })
        : undefined;
    throw fileFault(file, what, heading ? ioText.headedReason({ heading, reason: error.reason }) : error.reason, exitCode);
  }
}

/** Line and column (from 1) of an offset. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    start = at + 1;
  }
  return { line, col: offset - start + 1 };
}

function yamlData(text: string): unknown {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new YamlFault(NUL_IN_FILE, nul);
  const tokens = [...new Parser().parse(text)];
  checkTree(tokens);
  const composer = new Composer({ uniqueKeys: false, logLevel: 'silent', merge: false, schema: 'core', version: '1.2' });
  const documents = [...composer.compose(tokens, true, text.length)];
  const document = documents[0]!;
  if (documents.length > 1) throw new YamlFault(SYNTAX.MULTIPLE_DOCS!, documents[1]!.range[0], true);
  const error = document.errors[0];
  if (error) {
    if (error.code === 'TAG_RESOLVE_FAILED') throw tagFault(error.message, error.pos[0]);
    const reason = SYNTAX[error.code] ?? ioText.yamlSyntaxUnknown({ detail: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') });
    throw new YamlFault(reason, error.pos[0], error.code !== 'RESOURCE_EXHAUSTION');
  }
  const unknownTag = document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) throw tagFault(unknownTag.message, unknownTag.pos[0]);
  checkDocument(document);
  try {
    return document.toJS({ maxAliasCount: YAML_LIMITS.aliases });
  } catch (error) {
    // The yaml package refuses an expansion larger than maxAliasCount with a ReferenceError.
    if (error instanceof ReferenceError) throw aliasFault();
    throw error;
  }
}

const NUL_IN_FILE = ioText.nulInFile();
const NUL_IN_VALUE = ioText.nulInValue();

function tagFault(message: string, offset: number): YamlFault {
  const tag = /tag: (\S+)/.exec(message)?.[1] ?? '';
  const shown = printableName(tag.replace(/^tag:yaml\.org,2002:/, '!!'));
  return new YamlFault(
    ioText.yamlTagNotAllowed({ shown }),
    offset,
  );
}

const aliasFault = (offset?: number) =>
  new YamlFault(
    ioText.tooManyAliases({ aliases: YAML_LIMITS.aliases }),
    offset,
  );

/**
 * Nesting, entries and aliases counted on the parser's tokens, without recursion, before the
 * composer (which recurses, and could exhaust the stack) sees them.
 */
function checkTree(tokens: readonly CST.Token[]): void {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  let entries = 0;
  let aliases = 0;
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (depth > YAML_LIMITS.depth) throw new YamlFault(SYNTAX.RESOURCE_EXHAUSTION!, token.offset);
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'alias':
        aliases += 1;
        if (aliases > YAML_LIMITS.aliases) throw aliasFault(token.offset);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        entries += token.items.length;
        if (entries > YAML_LIMITS.entries) {
          throw new YamlFault(
            ioText.tooManyEntries({ entries: YAML_LIMITS.entries }),
            token.offset,
          );
        }
        for (const item of token.items) {
          if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
          if (item.value) stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      default:
        break;
    }
  }
}

/** Tags and duplicate keys, on the composed document (depth is bounded by `checkTree`). */
function checkDocument(document: Document.Parsed): void {
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || isAlias(node)) continue;
    const tagged = node as Node;
    if (tagged.tag !== undefined && !CORE_TAGS.has(tagged.tag)) throw tagFault(`tag: ${tagged.tag}`, tagged.range?.[0] ?? 0);
    if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\u0000')) throw new YamlFault(NUL_IN_VALUE, node.range?.[0]);
    // One push per item: spreading 200,000 arguments would overflow the stack.
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    if (!isMap(node)) continue;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      const key: unknown = pair.key;
      const value = isScalar(key) ? key.value : key;
      if (seen.has(value)) throw new YamlFault(SYNTAX.DUPLICATE_KEY!, isScalar(key) ? key.range?.[0] : undefined, true);
      seen.add(value);
      stack.push(key, pair.value);
    }
  }
}
