/**
 * The mapping step of `chitieu serve` through its JSON routes (the browser test drives the same
 * in Chromium): a file whose children's sheet is not recognised shows the mapping, a mapping
 * is checked, read with, saved as a profile that the next upload uses by itself, and the page's
 * choice of profile is the CLI's --profile. Bad requests get one line saying what to fix.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../helpers/multipart.js';
import { importFiles } from '../../src/import/index.js';
import { loadProfile } from '../../src/import/profiles.js';
import { totalsOf } from '../../src/pipeline/read.js';
import { buildApp } from '../../src/server/app.js';
import { runCli } from '../helpers/cli.js';
import { FORM_HEADERS, FORM_SHEET, FORM_VALUES, writeProvinceForm } from '../helpers/province-form.js';

const PORT = 48124;
const TOKEN = 'test-token-mapping-0123';
const HOST = `127.0.0.1:${PORT}`;
const COOKIE = `chitieu-${PORT}=${TOKEN}`;
const root = mkdtempSync(join(tmpdir(), 'chitieu-mapping-serve-'));
const profilesDir = join(root, 'profiles');

let app: FastifyInstance;
let paths: { form: string; contract: string };

interface Column {
  index: number;
  letter: string;
  header: string;
  proposals: Record<string, { key: string; how: string } | null>;
}


const headers = { host: HOST, cookie: COOKIE };
const get = (url: string) => app.inject({ method: 'GET', url, headers });
const post = (url: string, body: object) => app.inject({ method: 'POST', url, headers, payload: body });
const upload = (url: string, path: string) => {
  const { payload, headers: type } = multipartBody([{ name: basename(path), bytes: readFileSync(path) }]);
  return app.inject({ method: 'POST', url, payload, headers: { ...headers, ...type } });
};

async function settled(): Promise<{ state: string; [key: string]: unknown }> {
  for (let i = 0; i < 600; i += 1) {
    const status = (await get('/api/data')).json();
    if (status.state !== 'reading') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('reading did not finish');
}

/** The person's mapping of the form, by the page's column indexes. */
function personsLayout(id: string, columns: Column[]) {
  const byHeader = new Map(columns.map((column) => [column.header, column.index]));
  return {
    id,
    kind: 'children',
    columns: Object.fromEntries(Object.entries(FORM_HEADERS).map(([key, header]) => [String(byHeader.get(header)), key])),
    values: FORM_VALUES,
  };
}

beforeAll(async () => {
  paths = await writeProvinceForm(root);
  ({ app } = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: root, profilesDir }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('the mapping step', () => {
  let layoutId = '';
  let columns: Column[] = [];
  let madeId = '';

  it('shows a file whose children sheet is not recognised as a mapping, with the refusal and suggestions', async () => {
    expect((await upload('/api/data', paths.form)).statusCode).toBe(202);
    const status = await settled();
    expect(status.state).toBe('mapping');
    expect((status.error as { vi: string }).vi).toBe(`Tệp "bieu-cua-tinh-21289.xlsx", trang "${FORM_SHEET}": chitieu chưa nhận ra các cột theo mẫu chuẩn; hãy ghép cột ở phần dưới.`);
    const mapping = status.mapping as { layouts: { id: string; kind: string; sheets: { sheet: string }[]; columns: Column[] }[]; kinds: { kind: string; columns: { key: string; required: boolean }[] }[] };
    expect(mapping.layouts).toHaveLength(1);
    const [layout] = mapping.layouts;
    expect(layout!.kind).toBe('children');
    expect(layout!.sheets.map((sheet) => sheet.sheet)).toEqual([FORM_SHEET]);
    columns = layout!.columns;
    layoutId = layout!.id;
    const column = (header: string) => columns.find((entry) => entry.header === header)!;
    expect(column('STT').letter).toBe('A');
    expect(column('Dân tộc').proposals.children).toEqual({ key: 'ethnicity', how: 'known' });
    expect(column('Ngày/tháng/năm sinh').proposals.children?.key).toBe('dateOfBirth');
    // Only aggregates and headers cross: no cell value of the sheet is in the view.
    expect(JSON.stringify(status)).not.toMatch(/Bé trai|Đã ĐK/);
    expect(mapping.kinds.find((kind) => kind.kind === 'children')!.columns.filter((entry) => entry.required).map((entry) => entry.key)).toEqual([
      'childId', 'fullName', 'dateOfBirth', 'sex', 'provinceCode', 'communeCode',
    ]);
  });

  it('checks a mapping: required columns left, then the unknown values of coded columns', async () => {
    const empty = (await post('/api/mapping/check', { layouts: [{ id: layoutId, kind: 'children', columns: {} }] })).json();
    expect(empty.layouts[0].missingRequired).toEqual(['Mã trẻ em', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã tỉnh', 'Mã xã']);
    const full = (await post('/api/mapping/check', { layouts: [{ ...personsLayout(layoutId, columns), values: {} }] })).json();
    expect(full.layouts[0].missingRequired).toEqual([]);
    const sex = full.layouts[0].values.find((values: { key: string }) => values.key === 'sex');
    expect(sex).toMatchObject({ header: 'Trai hay gái', column: 'Giới tính', unknown: ['Bé gái', 'Bé trai'], tooMany: false });
  });

  it('refuses to read with a mapping that lacks a required column, naming it', async () => {
    const layout = personsLayout(layoutId, columns);
    const partial = { ...layout, columns: Object.fromEntries(Object.entries(layout.columns).filter(([, key]) => key !== 'fullName')) };
    const answer = await post('/api/mapping', { name: 'Biểu của tỉnh', layouts: [partial] });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.vi).toBe(`Trang "${FORM_SHEET}": chưa chọn cột cho "Họ và tên".`);
    const badValue = await post('/api/mapping', { name: 'Biểu của tỉnh', layouts: [{ ...layout, values: { sex: { 'Bé trai': 'BOY' } } }] });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json().error.vi).toContain('"BOY" không phải mã hay nhãn nào của cột "Giới tính"');
  });

  it('reads the file again with the mapping, to the rows of the same records in the contract layout', async () => {
    const answer = await post('/api/mapping', { name: 'Biểu của tỉnh', layouts: [personsLayout(layoutId, columns)] });
    expect(answer.statusCode).toBe(202);
    madeId = answer.json().id;
    const status = await settled();
    expect(status.state).toBe('ready');
    const contract = await importFiles([paths.contract]);
    const data = status.data as { totals: object; files: { sheets: { sheet: string; profile: { name: string; automatic: boolean; made: { id: string } | null } | null }[] }[] };
    expect(data.totals).toEqual({ ...totalsOf(contract), rejected: 0 });
    const sheet = data.files[0]!.sheets.find((entry) => entry.sheet === FORM_SHEET)!;
    expect(sheet.profile).toMatchObject({ name: 'Biểu của tỉnh', automatic: true, made: { id: madeId } });
  });

  it('saves the mapping as a profile in the profiles folder, and offers it as YAML', async () => {
    const yaml = await get(`/download/profile.yaml?id=${madeId}`);
    expect(yaml.statusCode).toBe(200);
    expect(yaml.headers['content-disposition']).toBe('attachment; filename="bieu-cua-tinh.yaml"');
    const saved = (await post('/api/mapping/save', { id: madeId })).json();
    expect(saved.saved).toBe(join('profiles', 'bieu-cua-tinh.yaml'));
    const file = join(profilesDir, 'bieu-cua-tinh.yaml');
    expect(readFileSync(file, 'utf8')).toBe(yaml.body);
    expect(loadProfile(file).sheets.children?.values.status).toEqual(FORM_VALUES.status);
    // Saving twice writes once.
    expect((await post('/api/mapping/save', { id: madeId })).json().saved).toBe(saved.saved);
    const listed = (await get('/api/profiles')).json();
    expect(listed.profiles.filter((profile: { name: string }) => profile.name === 'Biểu của tỉnh')).toHaveLength(1);
  });

  it('reads the same layout by itself after "Xóa dữ liệu", through the saved profile', async () => {
    expect((await app.inject({ method: 'DELETE', url: '/api/data', headers })).statusCode).toBe(200);
    const listed = (await get('/api/profiles')).json();
    expect(listed.profiles.find((profile: { file: string }) => profile.file === join('profiles', 'bieu-cua-tinh.yaml'))).toMatchObject({ origin: 'local' });
    expect((await upload('/api/data', paths.form)).statusCode).toBe(202);
    const status = await settled();
    expect(status.state).toBe('ready');
    const data = status.data as { files: { sheets: { sheet: string; profile: { file: string; automatic: boolean } | null }[] }[] };
    expect(data.files[0]!.sheets.find((entry) => entry.sheet === FORM_SHEET)!.profile).toMatchObject({ file: join('profiles', 'bieu-cua-tinh.yaml'), automatic: true });
  });

  it('and the CLI run where the profiles folder is reads it the same way (validate)', async () => {
    const ran = await runCli('validate', paths.form, '--profile', join(profilesDir, 'bieu-cua-tinh.yaml'));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('0 bị loại');
  });
});

describe('choosing a profile on the page (--profile)', () => {
  it('reads with one profile only when chosen, and by headers again with "auto"', async () => {
    const listed = (await get('/api/profiles')).json();
    const register = listed.profiles.find((profile: { file: string }) => profile.file === 'profiles/so-theo-doi-cua-xa.yaml');
    const chosen = (await post('/api/profiles/choice', { choice: register.id })).json();
    expect(chosen.choice).toBe(register.id);
    expect(chosen.reading).not.toBeNull();
    // With the commune register's profile only, the province's form is not recognised.
    expect((await settled()).state).toBe('mapping');
    expect((await post('/api/profiles/choice', { choice: 'auto' })).statusCode).toBe(200);
    expect((await settled()).state).toBe('ready');
    expect((await post('/api/profiles/choice', { choice: 'made:99' })).statusCode).toBe(400);
  });

  it('takes an uploaded profile, and refuses a broken one naming the file and the field', async () => {
    const broken = join(root, 'hong.yaml');
    writeFileSync(broken, 'name: Hỏng\nsheets:\n  children:\n    columns:\n      tenTre: ["Tên"]\n');
    const answer = await upload('/api/profiles', broken);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.vi).toContain('Hồ sơ cột không hợp lệ: hong.yaml, mục sheets.children.columns.tenTre');
    const good = await upload('/api/profiles', join(profilesDir, 'bieu-cua-tinh.yaml'));
    expect(good.statusCode).toBe(200);
    expect(good.json().choice).toMatch(/^uploaded:/);
    expect((await settled()).state).toBe('ready');
  });

  it('skips a sheet said not to be data, and the accounting lists it with its rows', async () => {
    const listed = (await get('/api/profiles')).json();
    const register = listed.profiles.find((profile: { file: string }) => profile.file === 'profiles/so-theo-doi-cua-xa.yaml');
    await post('/api/profiles/choice', { choice: register.id });
    const status = await settled();
    expect(status.state).toBe('mapping');
    const [layout] = (status.mapping as { layouts: { id: string }[] }).layouts;
    expect((await post('/api/mapping', { name: 'Bỏ biểu 1', layouts: [{ id: layout!.id, kind: 'ignore' }] })).statusCode).toBe(202);
    const read = await settled();
    expect(read.state).toBe('ready');
    const data = read.data as { files: { sheets: { sheet: string }[]; skipped: { sheet: string; why: { vi: string }; rows: number }[] }[] };
    expect(data.files[0]!.sheets.map((sheet) => sheet.sheet)).toEqual(['SuViec', 'ThongTinXa']);
    expect(data.files[0]!.skipped).toEqual([{ sheet: FORM_SHEET, why: { vi: 'theo --ignore-sheet hoặc hồ sơ cột', en: 'by --ignore-sheet or the profile' }, rows: expect.any(Number) }]);
    expect(data.files[0]!.skipped[0]!.rows).toBeGreaterThan(500);
  });

  it('when two profiles fit a sheet equally, says to choose one in the list (and reads with the one chosen)', async () => {
    await app.inject({ method: 'DELETE', url: '/api/data', headers });
    const copy = join(profilesDir, 'ban-sao.yaml');
    writeFileSync(copy, readFileSync(join(profilesDir, 'bieu-cua-tinh.yaml'), 'utf8').replace('name: Biểu của tỉnh', 'name: Bản sao'));
    expect((await upload('/api/data', paths.form)).statusCode).toBe(202);
    const status = await settled();
    expect(status.state).toBe('failed');
    expect((status.error as { vi: string }).vi).toBe(
      `Tệp "bieu-cua-tinh-21289.xlsx", trang "${FORM_SHEET}": khớp như nhau với nhiều hồ sơ cột; chọn một hồ sơ trong danh sách "Hồ sơ cột" ở trên.`,
    );
    const listed = (await get('/api/profiles')).json();
    const chosen = listed.profiles.find((profile: { name: string }) => profile.name === 'Bản sao');
    await post('/api/profiles/choice', { choice: chosen.id });
    expect((await settled()).state).toBe('ready');
    rmSync(copy);
  });

  it('says so when asked to check a mapping with nothing to map', async () => {
    const answer = await post('/api/mapping/check', { layouts: [] });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.vi).toBe('Không có tệp nào cần ghép cột.');
    expect(existsSync(profilesDir)).toBe(true);
  });
});

describe('chitieu serve --profile', () => {
  it('exits 4 on a broken profile before starting, naming the file', async () => {
    const broken = join(root, 'hong-cli.yaml');
    writeFileSync(broken, 'name: ""\nsheets: {}\n');
    const ran = await runCli('serve', '--no-open', '--profile', broken);
    expect(ran.code).toBe(4);
    expect(ran.stderr).toContain('hong-cli.yaml');
  });
});
