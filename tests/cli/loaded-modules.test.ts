/**
 * What a command loads before it works (issue 21): `compute --out x.json`, `compute` without
 * --out and `validate` load no writer library (exceljs, jszip, docx), no template engine
 * (handlebars), no chart library (vega, resvg), no server (fastify) and not the sample
 * generator; the import worker thread loads the import stage, the model, the units and the
 * messages, not the engine (arquero) nor the report's schemas. `--help` loads the command
 * modules, not the steps their actions run; `--version` loads no command.
 *
 * Each run is a child process from the sources (tsx) with a module resolve hook that logs every
 * module resolved, in every thread of the process (Node runs the hooks for workers too).
 * A run that writes an XLSX must show exceljs in its log: the hook sees what a command loads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workbooks.js';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const COMMUNES = readdirSync(join(ROOT, 'sample-data')).filter((name) => name.endsWith('.xlsx')).sort().map((name) => join(ROOT, 'sample-data', name));
const dir = tempDir();

const HOOK = join(dir, 'log-hook.mjs');
writeFileSync(
  HOOK,
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.CHITIEU_MODULE_LOG, (context.parentURL ?? '-') + ' ' + resolved.url + '\\n');
  return resolved;
}
`,
);
const REGISTER = join(dir, 'log-register.mjs');
writeFileSync(REGISTER, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(HOOK).href)});\n`);

interface Loaded {
  /** npm packages by name ("exceljs", "@resvg/resvg-js"). */
  readonly packages: ReadonlySet<string>;
  /** Modules of src/, from src/ ("import/worker.ts"). */
  readonly modules: ReadonlySet<string>;
  /** Modules of src/ that a module of src/ imported, as "importer → imported". */
  readonly edges: ReadonlySet<string>;
  readonly status: number | null;
  readonly stderr: string;
}

const sourceOf = (url: string): string | undefined => (url.startsWith('file:') && url.includes('/src/') && !url.includes('/node_modules/') ? relative(SRC, new URL(url).pathname) : undefined);

/** Runs `node --import tsx --import <log hook> SCRIPT ARGS` and reads what it loaded. */
function loadedBy(name: string, script: string, args: readonly string[]): Loaded {
  const log = join(dir, `${name}.log`);
  writeFileSync(log, '');
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(REGISTER).href, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, CHITIEU_MODULE_LOG: log },
    encoding: 'utf8',
  });
  const packages = new Set<string>();
  const modules = new Set<string>();
  const edges = new Set<string>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const [parent, url] = line.split(' ');
    if (!parent || !url) continue;
    const dependency = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (dependency) packages.add(dependency);
    const module = sourceOf(url);
    if (module) modules.add(module);
    const importer = sourceOf(parent);
    if (importer && module) edges.add(`${importer} → ${module}`);
  }
  return { packages, modules, edges, status: child.status, stderr: child.stderr };
}

const cli = (name: string, ...args: string[]) => loadedBy(name, join(ROOT, 'tests/helpers/source-cli.ts'), args);

/** Libraries that make documents, charts or pages: none of them is needed to read files and compute. */
const WRITERS = ['exceljs', 'jszip', 'docx', 'handlebars', 'vega', 'vega-lite', '@resvg/resvg-js', 'fastify'];
/** The report's making (templates, model, tables, charts), not its wording (numbers, dates, file names). */
const REPORT_MAKING = /^report\/(template|index|model|layout|tables|charts\/)/;
const notAmong = (loaded: Loaded, names: readonly string[]) => names.filter((name) => loaded.packages.has(name));
const modulesUnder = (loaded: Loaded, folders: readonly string[]) => [...loaded.modules].filter((module) => folders.some((folder) => module.startsWith(`${folder}/`))).sort();

describe('what a command loads', () => {
  it('compute --out x.json loads no writer, template, chart, server or sample generator', () => {
    const loaded = cli('compute-json', 'compute', '--period', '2025-H1', '--out', join(dir, 'x.json'), COMMUNES[0]!);
    expect(loaded.status, loaded.stderr).toBe(0);
    // It did read and compute: the importer, the engine (arquero) and the JSON writer's pieces were loaded.
    expect(loaded.modules).toContain('import/read-file.ts');
    expect(loaded.packages).toContain('arquero');
    expect(loaded.modules).toContain('io/json-stream.ts');
    expect(notAmong(loaded, WRITERS)).toEqual([]);
    expect(modulesUnder(loaded, ['sample', 'server', 'output/docx'])).toEqual([]);
    expect([...loaded.modules].filter((module) => REPORT_MAKING.test(module))).toEqual([]);
  });

  it('compute without --out (the summary on the terminal) loads no writer either', () => {
    const loaded = cli('compute-summary', 'compute', '--period', '2025-H1', COMMUNES[0]!);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.modules).toContain('output/results-model.ts');
    expect(notAmong(loaded, WRITERS)).toEqual([]);
    expect(modulesUnder(loaded, ['sample', 'server'])).toEqual([]);
    expect(loaded.modules).not.toContain('output/results-xlsx.ts');
  });

  it('compute --out x.xlsx does load exceljs: the log sees a library when a command loads it', () => {
    const loaded = cli('compute-xlsx', 'compute', '--period', '2025-H1', '--out', join(dir, 'x.xlsx'), COMMUNES[0]!);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.packages).toContain('exceljs');
    expect(loaded.modules).toContain('output/results-xlsx.ts');
  });

  it('validate loads no writer, template, chart, server or sample generator', () => {
    const loaded = cli('validate', 'validate', COMMUNES[0]!);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.modules).toContain('import/read-file.ts');
    expect(notAmong(loaded, WRITERS)).toEqual([]);
    expect(modulesUnder(loaded, ['sample', 'server', 'output'])).toEqual([]);
    expect([...loaded.modules].filter((module) => REPORT_MAKING.test(module))).toEqual([]);
  });

  it('--help loads every command, none of the steps they run: no engine, writer, template, chart, server or sample writer', () => {
    const loaded = cli('help', '--help');
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.modules).toContain('cli/serve.ts');
    expect(loaded.modules).toContain('cli/sample.ts');
    expect([...loaded.packages].filter((name) => name === 'arquero' || WRITERS.includes(name))).toEqual([]);
    expect(modulesUnder(loaded, ['server', 'output/docx'])).toEqual([]);
    expect([...loaded.modules].filter((module) => REPORT_MAKING.test(module) || /^(sample\/workbook|pipeline\/(compute|report|aggregate|demo))\.ts$/.test(module))).toEqual([]);
  });

  it('--version loads no command module', () => {
    const loaded = cli('version', '--version');
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.modules).toContain('cli/main.ts');
    expect([...loaded.packages].filter((name) => name !== 'commander' && name !== 'tsx' && name !== 'get-tsconfig' && name !== 'resolve-pkg-maps')).toEqual([]);
    expect([...loaded.modules].filter((module) => module.startsWith('cli/') && module !== 'cli/main.ts' && module !== 'cli/context.ts' && module !== 'cli/help.ts')).toEqual([]);
  });
});

describe('what the import worker thread loads', () => {
  it('the import stage, the model, the units and the messages: not the engine, arquero, the report or a writer', () => {
    // Two files on two threads: the pool's worker takes the first one, the main thread the second.
    const script = join(dir, 'read-two.mjs');
    writeFileSync(
      script,
      `const { readFilesInParallel } = await import(${JSON.stringify(pathToFileURL(join(SRC, 'import/pool.ts')).href)});
const files = process.argv.slice(2).map((path) => ({ path, displayName: path }));
const outcomes = await readFilesInParallel(files, { codesAsOf: undefined, sheets: { candidates: [], ignoreSheets: [] }, threads: 2 });
if (!outcomes.every((outcome) => 'read' in outcome)) process.exit(1);
`,
    );
    const loaded = loadedBy('worker', script, COMMUNES.slice(0, 2));
    expect(loaded.status, loaded.stderr).toBe(0);
    // The worker's own imports were seen (resolved with the worker entry as their importer).
    expect([...loaded.edges].filter((edge) => edge.startsWith('import/worker.ts → '))).toContain('import/worker.ts → import/read-file.ts');
    // The child's main thread loads only the pool and what reading takes, so this is what the worker loaded at most.
    expect([...loaded.packages].filter((name) => !['zod', 'tsx', 'get-tsconfig', 'resolve-pkg-maps', 'esbuild'].includes(name))).toEqual([]);
    expect(modulesUnder(loaded, ['engine', 'report', 'output', 'pipeline', 'indicators', 'sample', 'server', 'cli'])).toEqual([]);
  });
});
