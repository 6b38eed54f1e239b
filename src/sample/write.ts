import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SampleSet } from './build.js';
import { sampleReadme } from './readme.js';
import { workbookBuffer } from './workbook.js';

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
}

export const README_NAME = 'README.md';

/** Writes every workbook of the set and its README into `dir` (created if missing). */
export async function writeSampleSet(dir: string, set: SampleSet): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const file of set.files) {
    const buffer = await workbookBuffer(file);
    const path = join(dir, file.fileName);
    await writeFile(path, buffer);
    written.push({ path, bytes: buffer.length });
  }
  const readme = Buffer.from(sampleReadme(set), 'utf8');
  const readmePath = join(dir, README_NAME);
  await writeFile(readmePath, readme);
  written.push({ path: readmePath, bytes: readme.length });
  return written;
}
