/**
 * The builds `npm run dist` writes (packaging/build.ts), unpacked where an official would put
 * them, and run: the Linux one directly, the Windows one under Debian's wine64.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { toolVersion } from '../../src/model/version.js';

export const ROOT = join(import.meta.dirname, '../..');
export const VERSION = toolVersion();
export const TOP = `chitieu-${VERSION}`;
export const WINDOWS_ZIP = join(ROOT, 'dist', `${TOP}-windows-x64.zip`);
export const LINUX_TARBALL = join(ROOT, 'dist', `${TOP}-linux-x64.tar.gz`);

/** Debian's wine64 package puts its loader outside PATH (the `wine` package adds the wrapper). */
export const WINE = ['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine'].find((path) => existsSync(path));

export async function unzipInto(zipFile: string, folder: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const path = join(folder, entry.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await entry.async('nodebuffer'));
  }
}

export function untarInto(tarball: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', folder]);
}

/** Every file under `folder`, by its path relative to it ('/'-separated). */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/**
 * A build is of this tree when its compiled app is the one `npm run build` made here: an old zip
 * left in dist/ would otherwise be compared with today's demo.
 */
export function staleFiles(app: string): string[] {
  return filesUnder(join(ROOT, 'dist'))
    .filter((file) => file.endsWith('.js') && !file.startsWith('chitieu-'))
    .filter((file) => !existsSync(join(app, 'dist', file)) || !readFileSync(join(app, 'dist', file)).equals(readFileSync(join(ROOT, 'dist', file))));
}

/** The newest file of the compiled tree (`npm run build`), not counting the builds beside it. */
function newestCompiled(): number {
  return Math.max(0, ...filesUnder(join(ROOT, 'dist')).filter((file) => file.endsWith('.js')).map((file) => statSync(join(ROOT, 'dist', file)).mtimeMs));
}

/**
 * A build to try: present, and (unless .ci/run, which builds it just before, asks for it with
 * CHITIEU_DIST_REQUIRED=1) made after the last `npm run build`; a developer's old zip is
 * skipped with a note rather than compared with today's tree.
 */
export function buildToTry(file: string): boolean {
  if (!existsSync(file)) return false;
  if (process.env.CHITIEU_DIST_REQUIRED === '1' || statSync(file).mtimeMs >= newestCompiled()) return true;
  console.warn(`tests/dist: ${relative(ROOT, file)} is older than the compiled tree: skipped (run "npm run dist")`);
  return false;
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a wine run: its own prefix, no debug noise. */
export function wineEnv(prefix: string): NodeJS.ProcessEnv {
  // Wine reports an older Windows than Node 20 accepts unless told otherwise; Windows 10 and 11 pass this check.
  return { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1' };
}

/**
 * Runs a program with stdout and stderr going to files: wine's node cannot write to a pipe.
 */
export function runToFiles(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, logs: string): Promise<Run> {
  mkdirSync(logs, { recursive: true });
  const outFile = join(logs, 'stdout.txt');
  const errFile = join(logs, 'stderr.txt');
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd, env, stdio: ['ignore', out, err] });
    child.on('error', reject);
    child.on('exit', (code) => {
      closeSync(out);
      closeSync(err);
      resolve({ code, stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8') });
    });
  });
}

/** Stops every process of a wine prefix (ours alone: the prefix was made for the test). */
export function stopWine(prefix: string): void {
  const server = [join(dirname(WINE ?? ''), 'wineserver'), '/usr/bin/wineserver', '/usr/lib/wine/wineserver64'].find((path) => existsSync(path));
  if (server) spawnSync(server, ['-k'], { env: wineEnv(prefix), stdio: 'ignore' });
}

export function sizeOf(file: string): number {
  return statSync(file).size;
}
