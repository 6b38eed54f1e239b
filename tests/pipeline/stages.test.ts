/**
 * The stages' borders, read from the import statements of src/: data flows one way
 * (import → engine → report → output), the engine reads no files, and the front ends reach the
 * stages through src/pipeline/ only (CONTRIBUTING.md, "Layout").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  /** The importing file, from src/ ("cli/compute.ts"). */
  readonly file: string;
  /** As written: a package, a node: module, or a path resolved from src/ ("engine/index.js"). */
  readonly target: string;
}

/** Static imports, re-exports and dynamic `import('…')` of every file of src/. */
function importsOf(text: string, file: string): Import[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^']+)'/gm)].map((match) => match[1]!);
  return specifiers.map((specifier) => ({
    file: relative(SRC, file),
    target: specifier.startsWith('.') ? relative(SRC, resolve(dirname(file), specifier)) : specifier,
  }));
}

const files = sourceFiles(SRC);
const imports = files.flatMap((file) => importsOf(readFileSync(file, 'utf8'), file));
const stageOf = (path: string) => path.split('/')[0]!;
const isLocal = (target: string) => !target.startsWith('node:') && !target.startsWith('..') && target.includes('/') && !target.startsWith('@') && /\.(js|ts)$/.test(target);
const from = (stage: string) => imports.filter((entry) => stageOf(entry.file) === stage);

describe('stages', () => {
  it('reads the imports it checks (the check cannot pass on an empty list)', () => {
    expect(from('engine').length).toBeGreaterThan(20);
    expect(from('cli').some((entry) => entry.target === 'pipeline/stages.js')).toBe(true);
  });

  it('the engine reads no files and takes nothing from the stages before or after it', () => {
    for (const entry of from('engine')) {
      expect(entry.target, entry.file).not.toMatch(/^(node:)?fs(\/promises)?$/);
      if (isLocal(entry.target)) expect(stageOf(entry.target), `${entry.file} → ${entry.target}`).not.toMatch(/^(import|report|output|pipeline|cli|server)$/);
    }
    for (const file of files.filter((path) => stageOf(relative(SRC, path)) === 'engine')) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/loadAdminUnits\(|loadPeriodPresets\(/);
    }
  });

  it('the report stage imports nothing from import/', () => {
    const crossing = from('report').filter((entry) => isLocal(entry.target) && stageOf(entry.target) === 'import');
    expect(crossing.map((entry) => `${entry.file} → ${entry.target}`)).toEqual([]);
  });

  it('the front ends import only pipeline/, messages/, model/, io/ and output/ (and their own files)', () => {
    const allowed = new Set(['pipeline', 'messages', 'model', 'io', 'output']);
    const crossing = [...from('cli'), ...from('server')].filter(
      (entry) =>
        isLocal(entry.target) &&
        !allowed.has(stageOf(entry.target)) &&
        stageOf(entry.target) !== stageOf(entry.file) &&
        // `chitieu serve` starts the page's server: one front end opening the other.
        !(entry.file === 'cli/serve.ts' && entry.target === 'server/start.js'),
    );
    expect(crossing.map((entry) => `${entry.file} → ${entry.target}`)).toEqual([]);
  });
});
