/**
 * The province written the ways other producers write it (issue 21): the same children and
 * events as the generator's own workbooks (bench/datasets.ts), rewritten
 *   - by openpyxl (apt's python3-openpyxl, as pandas' `to_excel` uses it): inline strings with every
 *     letter beyond ASCII a numeric character reference (`M&#227; tr&#7867; em`), dates as styled numbers;
 *   - the same with those references written as UTF-8;
 *   - by openpyxl with dates as text (dd/mm/yyyy), as in sheets typed by hand;
 *   - by LibreOffice (`soffice --convert-to xlsx`): shared strings as it writes them.
 * A producer that is not installed is skipped with a note. Files are made once under bench/.data.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { findSoffice } from '../src/import/xls.js';

export interface ProducerSet {
  readonly name: string;
  readonly what: string;
  readonly files: string[];
  /** Why the producer's files are missing, when they are. */
  readonly skipped?: string;
}

const PYTHON = '/usr/bin/python3';
const OPENPYXL_WRITER = join(import.meta.dirname, 'openpyxl-write.py');

function openpyxlVersion(): string | undefined {
  try {
    return execFileSync(PYTHON, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Runs `make` for each missing target, two at a time (the machine has two cores). */
async function makeAll(targets: { target: string; make: (part: string) => Promise<void> }[]): Promise<void> {
  const missing = targets.filter(({ target }) => !existsSync(target));
  let next = 0;
  const lane = async () => {
    while (next < missing.length) {
      const { target, make } = missing[next++]!;
      await make(`${target}.part.xlsx`);
      renameSync(`${target}.part.xlsx`, target);
    }
  };
  await Promise.all([lane(), lane()]);
}

const run = (command: string, args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });

/** openpyxl's file with its numeric character references written as the UTF-8 they stand for. */
async function referencesAsUtf8(source: string, part: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  for (const name of Object.keys(zip.files).filter((entry) => entry.startsWith('xl/worksheets/'))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))));
  }
  writeFileSync(part, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

export async function producerSets(dataDir: string, setName: string, generatorFiles: string[]): Promise<ProducerSet[]> {
  const sets: ProducerSet[] = [{ name: 'generator', what: "chitieu's generator (exceljs): shared strings, dates styled", files: generatorFiles }];
  const dirOf = (producer: string) => {
    const dir = join(dataDir, `${setName}-${producer}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const version = openpyxlVersion();
  const charrefWhat = 'openpyxl: inline strings, character references, dates styled';
  const utf8What = 'inline strings in UTF-8, dates styled';
  const textWhat = 'openpyxl: inline strings, character references, dates as text';
  if (version === undefined) {
    const skipped = `${PYTHON} cannot import openpyxl (apt install python3-openpyxl)`;
    sets.push({ name: 'openpyxl', what: charrefWhat, files: [], skipped }, { name: 'inline-utf8', what: utf8What, files: [], skipped }, { name: 'dates-text', what: textWhat, files: [], skipped });
  } else {
    const charrefs = generatorFiles.map((file) => join(dirOf('openpyxl'), basename(file)));
    const utf8 = generatorFiles.map((file) => join(dirOf('inline-utf8'), basename(file)));
    const text = generatorFiles.map((file) => join(dirOf('dates-text'), basename(file)));
    await makeAll(generatorFiles.map((file, index) => ({ target: charrefs[index]!, make: (part) => run(PYTHON, [OPENPYXL_WRITER, 'dates-numbers', file, part]) })));
    await makeAll(charrefs.map((file, index) => ({ target: utf8[index]!, make: (part) => referencesAsUtf8(file, part) })));
    await makeAll(generatorFiles.map((file, index) => ({ target: text[index]!, make: (part) => run(PYTHON, [OPENPYXL_WRITER, 'dates-text', file, part]) })));
    sets.push(
      { name: 'openpyxl', what: `${charrefWhat} (openpyxl ${version})`, files: charrefs },
      { name: 'inline-utf8', what: utf8What, files: utf8 },
      { name: 'dates-text', what: `${textWhat} (openpyxl ${version})`, files: text },
    );
  }
  const soffice = await findSoffice();
  const libreWhat = 'LibreOffice (soffice --convert-to xlsx): its shared strings, dates styled';
  if (!soffice) {
    sets.push({ name: 'libreoffice', what: libreWhat, files: [], skipped: 'LibreOffice (soffice) is not installed' });
  } else {
    const dir = dirOf('libreoffice');
    const files = generatorFiles.map((file) => join(dir, basename(file)));
    const missing = generatorFiles.filter((_, index) => !existsSync(files[index]!));
    if (missing.length > 0) {
      // One LibreOffice start for all files; it writes into a folder of its own, moved in when done.
      const out = join(dir, 'converting');
      rmSync(out, { recursive: true, force: true });
      execFileSync(soffice, ['--headless', `-env:UserInstallation=${pathToFileURL(join(dataDir, 'lo-profile')).href}`, '--convert-to', 'xlsx', '--outdir', out, ...missing], { stdio: 'ignore' });
      for (const name of readdirSync(out)) renameSync(join(out, name), join(dir, name));
      rmSync(out, { recursive: true, force: true });
    }
    sets.push({ name: 'libreoffice', what: libreWhat, files });
  }
  return sets;
}
