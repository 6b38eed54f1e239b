/**
 * `chitieu serve` under hostile files, load and faults (#22, defects 6, 9, 10, 11, 12, 14, 19):
 * a bad file in profiles/ is listed as broken and never ends the server; a burst of uploads gets
 * no 500 and the page never shows the previous data as ready; "Xóa dữ liệu" during a report
 * leaves nothing to download; no path of the machine reaches the page; saving a profile never
 * follows a link out of profiles/; a long Vietnamese file name keeps its extension. Every file
 * is made here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../helpers/multipart.js';
import { buildApp } from '../../src/server/app.js';
import type { Workspace } from '../../src/server/workspace.js';
import { FORM_HEADERS, FORM_VALUES, writeProvinceForm } from '../helpers/province-form.js';

const PORT = 48131;
const TOKEN = 'test-token-hostile-0123';
const HOST = `127.0.0.1:${PORT}`;
const headers = { host: HOST, cookie: `chitieu-${PORT}=${TOKEN}` };
const root = mkdtempSync(join(tmpdir(), 'chitieu-hostile-serve-'));
const profilesDir = join(root, 'profiles');
const outside = join(root, 'ngoai');

/** 9^7 strings once expanded. */
const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[index]}`).join(',')}]`), ''].join('\n');

/** The server with the bad profiles/ folder, and one with none (each defect shown on its own). */
let broken: { app: FastifyInstance; workspace: Workspace };
let clean: { app: FastifyInstance; workspace: Workspace };
/** The server the requests below go to. */
let app: FastifyInstance;
let workspace: Workspace;
const use = (server: { app: FastifyInstance; workspace: Workspace }) => {
  ({ app, workspace } = server);
};
let files: { form: string; contract: string };

const get = (url: string) => app.inject({ method: 'GET', url, headers });
const post = (url: string, body?: object) => app.inject({ method: 'POST', url, headers, ...(body ? { payload: body } : {}) });
const upload = (url: string, name: string, bytes: Buffer) => {
  const { payload, headers: type } = multipartBody([{ name, bytes }]);
  return app.inject({ method: 'POST', url, payload, headers: { ...headers, ...type } });
};

async function settled(): Promise<{ state: string; [key: string]: unknown }> {
  for (let i = 0; i < 1200; i += 1) {
    const status = (await get('/api/data')).json();
    if (status.state !== 'reading') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('reading did not finish');
}

/** The sample loaded and its district's 2025-H1 figures computed: what a report is made from. */
async function computeSample(): Promise<void> {
  expect((await post('/api/data/sample')).statusCode).toBe(202);
  expect((await settled()).state).toBe('ready');
  expect((await post('/api/compute', { period: '2025-H1', unit: '529' })).statusCode).toBe(200);
}

const fileNames = (status: { [key: string]: unknown }) => ((status.data as { files: { file: string }[] } | undefined)?.files ?? []).map((file) => file.file);

beforeAll(async () => {
  mkdirSync(profilesDir);
  mkdirSync(outside);
  files = await writeProvinceForm(root);
  writeFileSync(join(profilesDir, 'bom.yaml'), BOMB);
  writeFileSync(join(profilesDir, 'hong.yaml'), 'name: [Sổ xã\n');
  // A link to a file that does not exist, outside profiles/, under the name the mapping below will want.
  symlinkSync(join(outside, 'bieu-cua-tinh.yaml'), join(profilesDir, 'bieu-cua-tinh.yaml'));
  broken = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: root, profilesDir });
  clean = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: mkdtempSync(join(root, 'clean-')), profilesDir: join(root, 'khong-co') });
  await broken.app.ready();
  await clean.app.ready();
});
afterAll(async () => {
  await broken.app.close();
  await clean.app.close();
});

describe('a bad file in profiles/ (defect 11)', () => {
  beforeAll(() => use(broken));
  it('is listed as broken with its reason, and the page names no folder of the machine', async () => {
    const answer = await get('/api/profiles');
    expect(answer.statusCode).toBe(200);
    const broken = answer.json().broken as { file: string; reason: { vi: string } }[];
    expect(broken.map((entry) => [entry.file, entry.reason.vi])).toEqual([
      [join('profiles', 'bieu-cua-tinh.yaml'), `Hồ sơ cột ${join('profiles', 'bieu-cua-tinh.yaml')}: không có tệp này`],
      [join('profiles', 'bom.yaml'), `Hồ sơ cột ${join('profiles', 'bom.yaml')}: quá nhiều tham chiếu (*tên) hoặc tham chiếu lồng nhau (tối đa 100)`],
      [join('profiles', 'hong.yaml'), `Hồ sơ cột ${join('profiles', 'hong.yaml')}: sai cú pháp YAML ở dòng 2, cột 1: thụt lề sai`],
    ]);
    expect(answer.body).not.toContain(root);
  });

  it('does not stop an upload from being read (it used to end the server)', async () => {
    expect((await upload('/api/data', 'so-lieu.xlsx', readFileSync(files.contract))).statusCode).toBe(202);
    const status = await settled();
    expect(status.state).toBe('ready');
    expect(fileNames(status)).toEqual(['so-lieu.xlsx']);
  });
});

describe('uploads of YAML files (defects 10, 12)', () => {
  beforeAll(() => use(clean));
  it('an alias bomb as targets is one line naming the file by its own name (400, not 500)', async () => {
    const answer = await upload('/api/targets', 'chi-tieu.yaml', Buffer.from(BOMB));
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.vi).toBe('Tệp chỉ tiêu kế hoạch chi-tieu.yaml: quá nhiều tham chiếu (*tên) hoặc tham chiếu lồng nhau (tối đa 100)');
  });

  it('a broken settings file or profile: the message holds no path of the private folder', async () => {
    for (const [url, name] of [
      ['/api/settings', 'thiet-lap.yaml'],
      ['/api/profiles', 'ho-so.yaml'],
      ['/api/targets', 'chi-tieu.yaml'],
    ] as const) {
      const answer = await upload(url, name, Buffer.from('signer: [x\n'));
      expect(answer.statusCode, url).toBe(400);
      expect(answer.body, url).not.toContain(workspace.dir);
      expect(answer.body, url).not.toContain(tmpdir());
      expect(answer.json().error.vi, url).toContain(` ${name}: sai cú pháp YAML ở dòng 2, cột 1`);
    }
  });

  it('the uploaded YAML files are not kept in the private folder once read', () => {
    // Each tab has its own folder; these requests carry no tab id: the "default" tab's.
    expect(readdirSync(join(workspace.dir, 'tab-default')).filter((name) => /^(targets|settings|profile)-/.test(name))).toEqual([]);
  });
});

describe('a burst of uploads (defect 14)', () => {
  it('gets no 500; every upload joins the file set and the set is read as a whole, never half of it as ready', async () => {
    const bytes = readFileSync(files.contract);
    expect((await upload('/api/data', 'truoc.xlsx', bytes)).statusCode).toBe(202);
    expect(fileNames(await settled())).toEqual(['truoc.xlsx']);
    const names = Array.from({ length: 8 }, (_, index) => `dot-${index + 1}.xlsx`);
    const answers = await Promise.all(names.map((name) => upload('/api/data', name, bytes)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(names.map(() => 202));
    const status = await settled();
    expect(status.state).toBe('ready');
    // "Thêm tệp" appends: the first file and the eight of the burst, each listed once.
    expect([...fileNames(status)].sort()).toEqual(['truoc.xlsx', ...names].sort());
    expect((status.files as { name: string }[]).map((file) => file.name).sort()).toEqual(['truoc.xlsx', ...names].sort());
  });
});

describe('a long Vietnamese file name (defect 19)', () => {
  it('is cut by characters with its extension kept, and the file is read', async () => {
    // "Danh sách trẻ em có hoàn cảnh đặc biệt xã Sơn Hà " is 61 bytes in UTF-8; four times: 244 bytes before ".xlsx".
    const name = `${'Danh sách trẻ em có hoàn cảnh đặc biệt xã Sơn Hà '.repeat(4).trim()}.xlsx`;
    expect(Buffer.byteLength(name)).toBeGreaterThan(200);
    expect((await upload('/api/data', name, readFileSync(files.contract))).statusCode).toBe(202);
    const status = await settled();
    expect(status.state).toBe('ready');
    const [shown] = fileNames(status);
    expect(shown).toMatch(/^Danh sách trẻ em có hoàn cảnh đặc biệt xã Sơn Hà .*\.xlsx$/);
    expect(Buffer.byteLength(shown!)).toBeLessThanOrEqual(200);
  });
});

describe('saving a profile made on the page (defect 9)', () => {
  beforeAll(() => use(broken));
  it('never follows a dangling link out of profiles/: the next free name is used', async () => {
    expect((await upload('/api/data', basename(files.form), readFileSync(files.form))).statusCode).toBe(202);
    const status = await settled();
    expect(status.state).toBe('mapping');
    const layout = (status.mapping as { layouts: { id: string; columns: { index: number; header: string }[] }[] }).layouts[0]!;
    const byHeader = new Map(layout.columns.map((column) => [column.header, column.index]));
    const columns = Object.fromEntries(Object.entries(FORM_HEADERS).map(([key, header]) => [String(byHeader.get(header)), key]));
    const made = await post('/api/mapping', { name: 'Biểu của tỉnh', layouts: [{ id: layout.id, kind: 'children', columns, values: FORM_VALUES }] });
    expect(made.statusCode).toBe(202);
    const saved = await post('/api/mapping/save', { id: made.json().id });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().saved).toBe(join('profiles', 'bieu-cua-tinh-2.yaml'));
    expect(existsSync(join(outside, 'bieu-cua-tinh.yaml'))).toBe(false);
    expect(lstatSync(join(profilesDir, 'bieu-cua-tinh.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(profilesDir, 'bieu-cua-tinh-2.yaml'), 'utf8')).toContain('Biểu của tỉnh');
    // No temporary file is left beside it.
    expect(readdirSync(profilesDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('"Xóa dữ liệu" while a report is made (defect 6)', () => {
  beforeAll(() => use(clean));
  it('the report made meanwhile is not kept, and cannot be downloaded', async () => {
    await computeSample();
    const making = post('/api/report', {});
    // The report takes a while (charts, DOCX): the clear lands while it is being made.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await app.inject({ method: 'DELETE', url: '/api/data', headers })).statusCode).toBe(200);
    const answer = await making;
    expect(answer.statusCode).toBe(409);
    expect(answer.json().error.vi).toBe('Dữ liệu đã được xóa trong khi việc này đang chạy: kết quả của nó không được giữ lại.');
    expect((await get('/download/report.docx')).statusCode).toBe(404);
    expect((await get('/download/report.xlsx')).statusCode).toBe(404);
    expect((await get('/download/errors.xlsx')).statusCode).toBe(400);
  });
});

describe('a server that dies (defect 11)', () => {
  it('removes the uploaded data on its way out, even on an uncaught error', () => {
    const tempRoot = mkdtempSync(join(tmpdir(), 'chitieu-dies-'));
    const script = [
      "import { startServer } from './src/server/start.ts';",
      `const server = await startServer({ tempRoot: ${JSON.stringify(tempRoot)} });`,
      "process.stdout.write(server.dir + '\\n');",
      "setTimeout(() => { throw new Error('boom'); }, 10);",
    ].join('\n');
    const ran = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    const dir = ran.stdout.trim();
    expect(dir.startsWith(join(tempRoot, 'chitieu-serve-'))).toBe(true);
    expect(ran.status).toBe(1);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('a report date typed in the form that does not exist', () => {
  beforeAll(() => use(clean));
  it('is said in our own words, both languages, never as a key or the validator English', async () => {
    await computeSample();
    const answer = await post('/api/report', { settings: { reportDate: '31/02/2025' } });
    expect(answer.statusCode).toBe(400);
    // Named by the form's field the person typed it in (#19), not a settings file.
    expect(answer.json().error).toEqual({
      vi: 'Ô "Ngày báo cáo" của mẫu báo cáo: cần một ngày có thật, dạng 2025-06-20 hoặc 20/06/2025',
      en: 'The "Report date" field of the report form: a real date is needed, written 2025-06-20 or 20/06/2025',
    });
  });
});
