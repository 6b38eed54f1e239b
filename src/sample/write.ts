import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeOutputFile } from '../io/output.js';
import type { FileLayout, SampleSet } from './build.js';
import type { PostReformSet } from './post-reform.js';
import { postReformReadme } from './readme-post.js';
import { OTHER_LAYOUTS, otherLayoutFile } from './other-layouts.js';
import { sampleReadme } from './readme.js';

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
}

export const README_NAME = 'README.md';

/** A workbook's bytes; exceljs is loaded when the first one is written, not when `chitieu --help` lists `sample`. */
async function workbookBuffer(file: FileLayout): Promise<Buffer> {
  return (await import('./workbook.js')).workbookBuffer(file);
}

/** Writes every workbook of the set and its README into `dir` (created if missing). */
export async function writeSampleSet(dir: string, set: SampleSet): Promise<WrittenFile[]> {
  return writeWorkbooks(dir, set.files, sampleReadme(set));
}

/** Writes today's (post-reform) set and its README into `dir` (created if missing). */
export async function writePostReformSet(dir: string, set: PostReformSet): Promise<WrittenFile[]> {
  return writeWorkbooks(dir, set.files, postReformReadme(set));
}

async function writeWorkbooks(dir: string, files: readonly FileLayout[], readmeText: string): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const file of files) {
    const buffer = await workbookBuffer(file);
    const path = join(dir, file.fileName);
    writeOutputFile(path, buffer);
    written.push({ path, bytes: buffer.length });
  }
  const readme = Buffer.from(readmeText, 'utf8');
  const readmePath = join(dir, README_NAME);
  writeOutputFile(readmePath, readme);
  written.push({ path: readmePath, bytes: readme.length });
  return written;
}

/** Folder under the sample set for the workbooks in other layouts than the contract's. */
export const OTHER_LAYOUTS_DIR = 'khac';

/**
 * Writes, into `dir`, the first communes' records in each bundled other layout (one commune per
 * layout, in order), with a README saying which profile reads each.
 */
export async function writeOtherLayouts(dir: string, set: SampleSet): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const written: WrittenFile[] = [];
  const lines = [
    '# Dữ liệu mẫu theo bố cục khác / Sample data in other layouts',
    '',
    '> Dữ liệu giả (tổng hợp), như trong thư mục cha. Synthetic data, as in the parent folder.',
    '',
    'Cùng trẻ em và sự việc với tệp cùng mã xã trong thư mục cha (không có các dòng lỗi cài sẵn), ghi theo',
    'bố cục của nơi khác. Mỗi tệp được đọc bằng một hồ sơ cột có sẵn trong `profiles/` (tự chọn theo tiêu đề,',
    'hoặc chỉ rõ bằng `--profile`) và cho đúng số liệu như bố cục chuẩn. Tạo lại: `npm run sample`.',
    '',
    'The same children and events as the file of the same commune code in the parent folder (without its',
    'planted errors), written in another layout. Each reads through a bundled profile in `profiles/` (chosen by',
    'its headers, or named with `--profile`) to exactly the figures of the contract layout.',
    '',
    '| Tệp / File | Hồ sơ cột / Profile | Bố cục / Layout |',
    '|---|---|---|',
  ];
  for (const [index, layout] of OTHER_LAYOUTS.entries()) {
    const commune = set.data.communes[index];
    if (!commune) break;
    const file = otherLayoutFile(layout, commune);
    const buffer = await workbookBuffer(file);
    const path = join(dir, file.fileName);
    writeOutputFile(path, buffer);
    written.push({ path, bytes: buffer.length });
    lines.push(`| \`${file.fileName}\` | \`profiles/${layout.id}.yaml\` | ${layout.description.vi} / ${layout.description.en} |`);
  }
  const readme = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  const readmePath = join(dir, README_NAME);
  writeOutputFile(readmePath, readme);
  written.push({ path: readmePath, bytes: readme.length });
  return written;
}
