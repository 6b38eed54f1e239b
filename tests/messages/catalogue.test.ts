/**
 * The message catalogue (src/messages/) holds every text a person reads on the terminal or the
 * page, in Vietnamese and in English. This test fails on an entry missing a language, on
 * Vietnamese text that says "file" (one word: "tệp"), and on user-facing text written outside
 * the catalogue: a `msg(` call, a `lang === 'en' ? '…'` choice, or a Vietnamese string literal in
 * a file that is not listed below as data or as document wording.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredEntries, type Lang } from '../../src/messages/index.js';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * Files whose Vietnamese literals are not messages, each with the reason. Adding a file here
 * needs the same kind of reason; messages never qualify.
 */
const NOT_MESSAGES: readonly { readonly path: RegExp; readonly why: string }[] = [
  { path: /^messages\//, why: 'the catalogue itself' },
  { path: /^sample\//, why: 'sample data: names, places and the sample README, Vietnamese by nature' },
  { path: /^model\/(codes|fields|columns|levels|annex-contract|record-values)\.ts$/, why: "the data contract's own headers, codes and unit names" },
  { path: /^io\/legacy-encoding\.ts$/, why: 'character tables of the Windows code pages' },
  { path: /^import\/(suggest-column|draft-profile|text|mapping|cells)\.ts$/, why: 'header and value spellings met in real files, matched against' },
  { path: /^units\/village-map\.ts$/, why: "the village map's CSV headers (Mã xã cũ, Thôn/Tổ dân phố, Mã xã mới), matched against the file" },
  { path: /^indicators\//, why: "indicator names are data checked at load (the definitions' own words)" },
  { path: /^report\//, why: 'document wording: official documents are Vietnamese only (Decree 30/2020)' },
  { path: /^output\/(docx\/|annex-xlsx\.ts)/, why: 'document wording: the report and its annex are Vietnamese only (Decree 30/2020)' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

/** Comments hold Vietnamese examples on purpose; only code is checked. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const STRING_LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function findings(pattern: RegExp, skip: (file: string) => boolean): Finding[] {
  return sourceFiles(SRC).flatMap((path) => {
    const file = relative(SRC, path);
    if (skip(file)) return [];
    const code = withoutComments(readFileSync(path, 'utf8'));
    return [...code.matchAll(pattern)].map((match) => ({
      file,
      line: code.slice(0, match.index).split('\n').length,
      text: match[0],
    }));
  });
}

const show = (list: readonly Finding[]) => list.map((finding) => `${finding.file}:${finding.line} ${finding.text.slice(0, 80)}`);

/**
 * Stands for any parameter when an entry is rendered without real ones: a string where a
 * string is used, a list where a list is mapped, a message where a message is rendered.
 */
function probe(name: string): unknown {
  const target = () => undefined;
  return new Proxy(target, {
    get(_target, key) {
      if (key === Symbol.toPrimitive) return () => `‹${name}›`;
      if (key === 'length') return 1;
      if (key === 'vi' || key === 'en') return `‹${name}›`;
      if (typeof key === 'symbol') return undefined;
      return probe(`${name}.${key}`);
    },
    apply() {
      return probe(`${name}()`);
    },
  });
}

const PARAMS = new Proxy(
  {},
  {
    get: (_target, key) => (typeof key === 'string' ? probe(key) : undefined),
  },
);

function rendered(rendering: unknown, lang: Lang): string | undefined {
  if (typeof rendering === 'string') return rendering;
  if (typeof rendering !== 'function') throw new Error(`no ${lang} rendering`);
  try {
    const out: unknown = rendering(PARAMS);
    return typeof out === 'string' ? out : undefined;
  } catch {
    // A rendering that does arithmetic on its parameters cannot run on stand-ins.
    return undefined;
  }
}

describe('message catalogue', () => {
  const entries = registeredEntries();

  it('has entries (the checks below cannot pass on an empty catalogue)', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it('gives every entry a Vietnamese and an English rendering, neither empty', () => {
    const missing = entries.flatMap(({ id, entry }) =>
      (['vi', 'en'] as const).flatMap((lang) => {
        const text = rendered(entry[lang], lang);
        return text !== undefined && text.trim() === '' ? [`${id} (${lang})`] : [];
      }),
    );
    expect(missing).toEqual([]);
  });

  it('says "tệp", never "file", in Vietnamese', () => {
    const saysFile = entries.flatMap(({ id, entry }) => {
      const text = rendered(entry.vi, 'vi') ?? '';
      return /(^|[^\p{L}.])files?(?![\p{L}])/iu.test(text.replace(/‹[^›]*›/g, '')) ? [`${id}: ${text}`] : [];
    });
    expect(saysFile).toEqual([]);
  });
});

describe('user-facing text outside the catalogue', () => {
  const isMessages = (file: string) => file.startsWith('messages/');

  it('builds no message with msg(vi, en)', () => {
    expect(show(findings(/\bmsg\(/g, isMessages))).toEqual([]);
  });

  it('chooses no text by language in code', () => {
    const choices = findings(/\blang\w*\s*===\s*'(en|vi)'\s*\?\s*['"`]/g, isMessages);
    expect(show(choices)).toEqual([]);
  });

  it('writes no Vietnamese string outside the catalogue, except in data and document wording', () => {
    const exempt = (file: string) => NOT_MESSAGES.some(({ path }) => path.test(file));
    const literals = findings(STRING_LITERAL, exempt).filter((finding) => VIETNAMESE_LETTER.test(finding.text));
    expect(show(literals)).toEqual([]);
  });
});
